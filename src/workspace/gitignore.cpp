#include "workspace/gitignore.h"

#include "core/glob.h"

namespace specgate {

namespace {

bool has_glob_chars(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

// Matches the whole of `path` (a pattern without '/' must not match a deeper name).
bool match_whole(std::string_view glob, std::string_view path) {
  if (glob.find('/') == std::string_view::npos && path.find('/') != std::string_view::npos) {
    // glob_match would try the last name only; git anchors such a pattern to `base`.
    if (glob.find("**") == std::string_view::npos) return false;
  }
  return glob_match(glob, path);
}

}  // namespace

IgnoreFile parse_gitignore(std::string_view text, std::string base) {
  IgnoreFile f;
  f.base = std::move(base);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing spaces are dropped unless escaped with a backslash.
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\'))
      line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    IgnorePattern p;
    if (line.front() == '!') {
      p.negate = true;
      line.remove_prefix(1);
    } else if (line.size() >= 2 && line[0] == '\\' && (line[1] == '#' || line[1] == '!')) {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      p.dir_only = true;
      while (!line.empty() && line.back() == '/') line.remove_suffix(1);
    }
    if (line.empty()) continue;
    // A slash at the start or in the middle anchors the pattern to this .gitignore's directory.
    if (line.find('/') != std::string_view::npos) p.anchored = true;
    while (!line.empty() && line.front() == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    std::string g;
    for (size_t i = 0; i < line.size(); ++i) {
      // "\ " and other escapes: keep the escaped character literally (our glob has no escapes).
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      g += line[i];
    }
    if (g.rfind("**/", 0) == 0 && g.find('/', 3) == std::string::npos) {
      // "**/name" is the same as "name" at any depth.
      g = g.substr(3);
      p.anchored = false;
    }
    p.glob = std::move(g);
    f.patterns.push_back(std::move(p));
  }
  return f;
}

bool is_ignored(const IgnoreChain& chain, std::string_view rel, bool is_dir) {
  bool ignored = false;
  const size_t slash = rel.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  for (const auto& file : chain) {
    std::string_view sub = rel;
    if (!file->base.empty()) {
      if (rel.size() <= file->base.size() || rel.compare(0, file->base.size(), file->base) != 0 ||
          rel[file->base.size()] != '/')
        continue;
      sub = rel.substr(file->base.size() + 1);
    }
    for (const auto& p : file->patterns) {
      if (p.dir_only && !is_dir) continue;
      if (p.negate == !ignored) continue;  // cannot change the outcome
      const bool hit = p.anchored ? match_whole(p.glob, sub)
                                  : (has_glob_chars(p.glob) ? glob_match(p.glob, name) : p.glob == name);
      if (hit) ignored = !p.negate;
    }
  }
  return ignored;
}

}  // namespace specgate
