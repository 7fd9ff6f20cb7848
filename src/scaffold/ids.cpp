#include "scaffold/ids.h"

#include <algorithm>
#include <filesystem>

#include "core/file_io.h"
#include "core/markdown_path.h"
#include "model/fields.h"
#include "model/normalize.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Only the top of a spec declares its ID; references to other IDs come later.
constexpr uint32_t kHeaderLines = 80;
constexpr size_t kHeaderBytes = 64 * 1024;

bool is_id_key(std::string_view key) {
  const std::string k = fold_text(key);
  return k == "id" || (k.size() > 3 && k.substr(k.size() - 3) == " id");
}

void note(IdScan& scan, const FoundId& id) {
  ++scan.found;
  if (id.number > scan.max) {
    scan.max = id.number;
    scan.width = std::to_string(id.number).size() < id.digits ? id.digits : 0;
  }
}

// The declared IDs in the top of a Markdown file: the first `# ` heading and ID fields.
void scan_header(std::string_view text, std::string_view family, IdScan& scan) {
  bool in_fence = false, seen_h1 = false;
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size() && line_no < kHeaderLines) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = trim(line);
    if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    if (!seen_h1 && t.size() > 2 && t[0] == '#' && t[1] == ' ') {
      seen_h1 = true;
      // The ID opens the title: "# TASK-12: ...", "# **ARCH-SUPER-3** ...".
      std::string_view title = trim(t.substr(2));
      while (!title.empty() && (title.front() == '*' || title.front() == '_' || title.front() == '`' || title.front() == '['))
        title.remove_prefix(1);
      if (auto id = find_family_id(title, family); id && istarts_with(title, family)) note(scan, *id);
      continue;
    }
    for (const RawField& f : extract_fields(line)) {
      if (!is_id_key(f.key)) continue;
      if (auto id = find_family_id(f.value, family)) note(scan, *id);
    }
  }
}

}  // namespace

std::optional<FoundId> find_family_id(std::string_view text, std::string_view family) {
  if (family.empty()) return std::nullopt;
  for (size_t i = 0; i + family.size() < text.size(); ++i) {
    if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '-')) continue;
    if (!istarts_with(text.substr(i), family)) continue;
    size_t d = i + family.size();
    if (d >= text.size() || text[d] != '-') continue;
    ++d;
    size_t e = d;
    while (e < text.size() && is_digit(text[e])) ++e;
    if (e == d || (e < text.size() && is_alnum(text[e]))) continue;
    if (e - d > 15) continue;  // not a plausible spec number
    return FoundId{std::stoull(std::string(text.substr(d, e - d))), e - d};
  }
  return std::nullopt;
}

std::string compose_id(std::string_view family, std::string_view given) {
  const bool digits = !given.empty() && std::all_of(given.begin(), given.end(), is_digit);
  if (family.empty()) return std::string(given);
  const std::string fam(family);
  if (digits) return fam + "-" + std::string(given);
  if (istarts_with(given, fam + "-")) {
    std::string_view rest = given.substr(fam.size() + 1);
    if (!rest.empty() && std::all_of(rest.begin(), rest.end(), is_digit)) return fam + "-" + std::string(rest);
  }
  // "EPIC-7" for SPEC-EPIC: the template's ID embeds the epic's ID.
  size_t dash = fam.find('-');
  if (dash != std::string::npos) {
    const std::string inner = fam.substr(dash + 1);
    if (istarts_with(given, inner + "-")) {
      std::string_view rest = given.substr(inner.size() + 1);
      if (!rest.empty() && std::all_of(rest.begin(), rest.end(), is_digit)) return fam + "-" + std::string(rest);
    }
  }
  return std::string(given);
}

std::string id_number(std::string_view id) {
  size_t e = id.size();
  while (e > 0 && is_digit(id[e - 1])) --e;
  return e == id.size() ? std::string(id) : std::string(id.substr(e));
}

IdScan scan_declared_ids(const std::string& dir, std::string_view family) {
  IdScan scan;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& e = *it;
    const std::string name = e.path().filename().string();
    std::error_code sec;
    if (e.is_symlink(sec)) {
      if (e.is_directory(sec)) it.disable_recursion_pending();
      continue;
    }
    if (e.is_directory(sec)) {
      if ((!name.empty() && name[0] == '.') || name == "node_modules") it.disable_recursion_pending();
      continue;
    }
    if (!is_markdown_path(e.path().string())) continue;
    if (auto id = find_family_id(e.path().stem().string(), family)) note(scan, *id);
    ReadResult r = read_file(e.path().string(), size_t(8) << 20);
    if (!r.ok) continue;
    scan_header(std::string_view(r.bytes).substr(0, kHeaderBytes), family, scan);
  }
  return scan;
}

std::string next_id(std::string_view family, const IdScan& scan) {
  std::string n = std::to_string(scan.max + 1);
  if (n.size() < scan.width) n.insert(0, scan.width - n.size(), '0');
  return std::string(family) + "-" + n;
}

}  // namespace specgate
