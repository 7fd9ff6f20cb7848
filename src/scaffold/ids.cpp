#include "scaffold/ids.h"

#include <algorithm>

#include "core/text.h"
#include "model/load.h"
#include "spec/index.h"
#include "workspace/discover.h"

namespace specgate {

namespace {

void note(IdScan& scan, const FoundId& id) {
  ++scan.found;
  if (id.number > scan.max) {
    scan.max = id.number;
    scan.width = std::to_string(id.number).size() < id.digits ? id.digits : 0;
  }
}

}  // namespace

std::optional<FoundId> find_family_id(std::string_view text, std::string_view family) {
  if (family.empty()) return std::nullopt;
  for (size_t i = 0; i + family.size() < text.size(); ++i) {
    if (i > 0 && (ascii_alnum(text[i - 1]) || text[i - 1] == '-')) continue;
    if (!istarts_with(text.substr(i), family)) continue;
    size_t d = i + family.size();
    if (d >= text.size() || text[d] != '-') continue;
    ++d;
    size_t e = d;
    while (e < text.size() && ascii_digit(text[e])) ++e;
    if (e == d || (e < text.size() && ascii_alnum(text[e]))) continue;
    if (e - d > 15) continue;  // not a plausible spec number
    return FoundId{std::stoull(std::string(text.substr(d, e - d))), e - d};
  }
  return std::nullopt;
}

std::string compose_id(std::string_view family, std::string_view given) {
  const bool digits = !given.empty() && std::all_of(given.begin(), given.end(), ascii_digit);
  if (family.empty()) return std::string(given);
  const std::string fam(family);
  if (digits) return fam + "-" + std::string(given);
  if (istarts_with(given, fam + "-")) {
    std::string_view rest = given.substr(fam.size() + 1);
    if (!rest.empty() && std::all_of(rest.begin(), rest.end(), ascii_digit)) return fam + "-" + std::string(rest);
  }
  // "EPIC-7" for SPEC-EPIC: the template's ID embeds the epic's ID.
  size_t dash = fam.find('-');
  if (dash != std::string::npos) {
    const std::string inner = fam.substr(dash + 1);
    if (istarts_with(given, inner + "-")) {
      std::string_view rest = given.substr(inner.size() + 1);
      if (!rest.empty() && std::all_of(rest.begin(), rest.end(), ascii_digit)) return fam + "-" + std::string(rest);
    }
  }
  return std::string(given);
}

std::string id_number(std::string_view id) {
  size_t e = id.size();
  while (e > 0 && ascii_digit(id[e - 1])) --e;
  return e == id.size() ? std::string(id) : std::string(id.substr(e));
}

namespace {

// Calls `each` with every ID of `family` that the Markdown files under `dir` declare.
template <class Each>
void for_each_declared_id(const std::string& dir, std::string_view family, const Config& config, Each each) {
  // The files `check` would see under `dir`, and the IDs they declare as the cross-document rules
  // read them. A file name counts only for a configured family; the family being numbered is one.
  Config with_family = config;
  with_family.id_families.emplace_back(family);
  DiscoverOptions options;
  options.exclude = config.exclude;
  options.exclude_base = config.dir;
  for (const std::string& path : discover({dir}, options).files) {
    std::string error;
    const std::optional<Document> doc = load_document(path, error);
    if (!doc) continue;
    for (const IdDeclaration& d : build_spec_index(*doc, with_family).ids) {
      if (auto id = find_family_id(d.id, family)) each(*id);
    }
  }
}

}  // namespace

IdScan scan_declared_ids(const std::string& dir, std::string_view family, const Config& config) {
  IdScan scan;
  if (family.empty()) return scan;
  for_each_declared_id(dir, family, config, [&](const FoundId& id) { note(scan, id); });
  return scan;
}

bool id_declared(const std::string& dir, std::string_view family, std::string_view id, const Config& config) {
  if (family.empty()) return false;
  const std::optional<FoundId> wanted = find_family_id(id, family);
  if (!wanted) return false;
  bool found = false;
  for_each_declared_id(dir, family, config, [&](const FoundId& d) { found = found || d.number == wanted->number; });
  return found;
}

std::string next_id(std::string_view family, const IdScan& scan) {
  std::string n = std::to_string(scan.max + 1);
  if (n.size() < scan.width) n.insert(0, scan.width - n.size(), '0');
  return std::string(family) + "-" + n;
}

}  // namespace specgate
