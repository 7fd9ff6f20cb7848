#include "workspace/scope.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

#include "core/file_io.h"
#include "core/markdown_path.h"
#include "core/text.h"
#include "model/directives.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

using FileKey = std::pair<dev_t, ino_t>;  // one file however it is spelled

bool file_key(const std::string& path, FileKey& key) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  key = {st.st_dev, st.st_ino};
  return true;
}

fs::path from_config(const Config& c, const std::string& p) {
  return fs::path(p).is_absolute() ? fs::path(p) : fs::path(c.dir) / p;
}

// The config's templates, as the registry reads them (template_dirs are not walked below).
std::set<FileKey> registered_templates(const Config& config) {
  std::set<FileKey> keys;
  FileKey k;
  for (const auto& [name, file] : config.templates)
    if (file_key(from_config(config, file).string(), k)) keys.insert(k);
  std::error_code ec;
  for (const auto& dir : config.template_dirs) {
    for (fs::directory_iterator it(from_config(config, dir), ec), end; !ec && it != end; it.increment(ec))
      if (is_markdown_path(it->path().string()) && file_key(it->path().string(), k)) keys.insert(k);
  }
  return keys;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The template references of one spec that could be files: front matter `template:` and
// `<!-- specgate: template=X -->` comments. A light line scan, not a parse: it runs before the
// check, over every file, so it only looks further when the text mentions "template" at all.
std::vector<std::string> template_refs(const std::string& text) {
  std::vector<std::string> refs;
  if (text.find("template") == std::string::npos) return refs;
  auto unquote = [](std::string_view v) {
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    return v;
  };
  const std::string_view all(text);
  size_t pos = 0;
  // Front matter: `template:` between the opening and closing `---`.
  if (all.substr(0, 3) == "---") {
    pos = all.find('\n');
    while (pos != std::string_view::npos && pos + 1 < all.size()) {
      const size_t start = pos + 1;
      pos = all.find('\n', start);
      const std::string_view t = trim_view(all.substr(start, pos == std::string_view::npos ? all.npos : pos - start));
      if (t == "---" || t == "...") break;
      if (t.size() > 9 && iequals(t.substr(0, 9), "template:")) {
        const std::string_view v = unquote(trim_view(t.substr(9)));
        if (!v.empty()) refs.emplace_back(v);
      }
    }
    if (pos == std::string_view::npos) return refs;
  }
  // Comments: only the lines holding "<!--" are looked at.
  for (size_t at = all.find("<!--", pos); at != std::string_view::npos; at = all.find("<!--", at)) {
    const size_t bol = all.rfind('\n', at) == std::string_view::npos ? 0 : all.rfind('\n', at) + 1;
    const size_t eol = all.find('\n', at);
    const std::string_view line = all.substr(bol, eol == std::string_view::npos ? all.npos : eol - bol);
    if (auto d = directive_on_line(line); d && d->verb == DirectiveVerb::Template) {
      std::string_view v = d->args;
      v = unquote(v.substr(0, v.find_first_of(" \t")));
      if (!v.empty()) refs.emplace_back(v);
    }
    if (eol == std::string_view::npos) break;
    at = eol + 1;
  }
  return refs;
}

}  // namespace

bool is_template_file_name(const std::string& path, const std::vector<std::string>& id_families) {
  const std::string stem = to_lower_ascii(fs::path(path).stem().string());
  constexpr std::string_view kWord = "template";
  const bool at_start = stem.rfind(kWord, 0) == 0;
  const bool at_end = stem.size() >= kWord.size() && stem.compare(stem.size() - kWord.size(), kWord.size(), kWord) == 0;
  if (!at_start && !at_end) return false;
  for (const auto& family : id_families) {
    const std::string f = to_lower_ascii(family);
    if (stem.size() > f.size() + 1 && stem.compare(0, f.size(), f) == 0 && stem[f.size()] == '-' &&
        stem[f.size() + 1] >= '0' && stem[f.size() + 1] <= '9')
      return false;
  }
  return true;
}

Scope split_specs_and_templates(const Discovery& found, const Config& config, bool force_exclude) {
  std::set<FileKey> registered = registered_templates(config);
  // Files a spec names as its template, resolved as the registry does: the spec's folder, then
  // the working directory.
  std::set<FileKey> referenced;
  for (const auto& f : found.files) {
    ReadResult r = read_file(f, kMaxMarkdownBytes);
    if (!r.ok) continue;  // the check reports it
    for (const auto& ref : template_refs(r.bytes)) {
      FileKey k;
      const fs::path dir = fs::path(f).parent_path();
      if ((fs::path(ref).is_relative() && file_key((dir / ref).string(), k)) || file_key(ref, k)) referenced.insert(k);
    }
  }
  Scope s;
  for (const auto& f : found.files) {
    FileKey k{};
    const bool known = file_key(f, k);
    const bool is_registered = known && registered.count(k) > 0;
    const bool is_template = is_registered || is_template_file_name(f, config.id_families) || (known && referenced.count(k) > 0);
    if (is_template) s.templates.push_back({f, is_registered});
    const bool named = std::binary_search(found.named.begin(), found.named.end(), f);
    if (!is_template || (named && !force_exclude)) s.specs.push_back(f);
  }
  return s;
}

}  // namespace specgate
