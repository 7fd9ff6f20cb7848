#include "site/site.h"

#include <filesystem>
#include <set>

#include "core/markdown_path.h"

namespace specgate::site {

namespace fs = std::filesystem;

bool AnchorSet::contains(std::string_view anchor) const {
  size_t lo = 0, hi = ends_.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    const size_t begin = mid ? ends_[mid - 1] : 0;
    const std::string_view a(text_.data() + begin, ends_[mid] - begin);
    if (a < anchor) lo = mid + 1;
    else hi = mid;
  }
  if (lo == ends_.size()) return false;
  const size_t begin = lo ? ends_[lo - 1] : 0;
  return std::string_view(text_.data() + begin, ends_[lo] - begin) == anchor;
}

std::string path_key(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(path), ec);
  if (ec) p = fs::path(path);
  return p.lexically_normal().generic_string();
}

void Site::link() {
  by_id.clear();
  by_path.clear();
  for (size_t i = 0; i < pages.size(); ++i) {
    by_path.emplace(path_key(pages[i].path), i);
    for (const IdDeclaration& d : pages[i].index.ids) by_id.emplace(d.id, i);
  }
  backlinks.assign(pages.size(), {});
  for (size_t i = 0; i < pages.size(); ++i) {
    std::set<size_t> seen;  // one backlink per referring page and target
    for (const Reference& r : pages[i].index.refs) {
      auto it = by_id.find(r.id);
      if (it == by_id.end() || it->second == i || !seen.insert(it->second).second) continue;
      backlinks[it->second].push_back({i, r.kind, r.via});
    }
  }
}

const SitePage* Site::page_at_path(const std::string& path) const {
  auto it = by_path.find(path_key(path));
  return it == by_path.end() ? nullptr : &pages[it->second];
}

void assign_output_names(Site& site) {
  // The specs' common directory, so pages keep the folders people know them by.
  std::vector<std::string> keys;
  for (const SitePage& p : site.pages) keys.push_back(fs::path(path_key(p.path)).parent_path().generic_string());
  std::string common = keys.empty() ? "" : keys.front();
  for (const std::string& k : keys) {
    while (!common.empty() && !(k == common || (k.size() > common.size() && k.compare(0, common.size(), common) == 0 &&
                                                (common.back() == '/' || k[common.size()] == '/')))) {
      const size_t slash = common.find_last_of('/');
      common = slash == std::string::npos || slash == 0 ? "/" : common.substr(0, slash);
      if (common == "/") break;
    }
  }
  std::set<std::string> taken;
  for (SitePage& p : site.pages) {
    const fs::path abs(path_key(p.path));
    fs::path rel = abs.lexically_relative(common);
    if (rel.empty()) rel = abs.filename();
    std::string stem = rel.generic_string();
    if (is_markdown_path(stem)) stem = stem.substr(0, stem.size() - rel.extension().generic_string().size());
    std::string name = "specs/" + stem + ".html";
    for (int n = 2; !taken.insert(name).second; ++n) name = "specs/" + stem + "-" + std::to_string(n) + ".html";
    p.out = name;
  }
}

std::string url_path(const std::string& relative) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : relative) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string relative_url(const std::string& from_out, const std::string& to_out) {
  const fs::path from_dir = fs::path(from_out).parent_path();
  const fs::path rel = fs::path(to_out).lexically_relative(from_dir.empty() ? fs::path(".") : from_dir);
  return url_path(rel.generic_string());
}

}  // namespace specgate::site
