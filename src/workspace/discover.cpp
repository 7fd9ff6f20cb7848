#include "workspace/discover.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/glob.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

bool is_markdown(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".MD";
}

bool excluded(const DiscoverOptions& o, const fs::path& p) {
  if (o.exclude.empty()) return false;
  std::error_code ec;
  std::string rel = fs::relative(fs::absolute(p, ec), o.exclude_base.empty() ? fs::current_path(ec) : fs::path(o.exclude_base), ec)
                        .generic_string();
  if (ec || rel.empty()) rel = p.generic_string();
  for (const auto& g : o.exclude) {
    if (glob_match(g, rel)) return true;
    // "drafts/" or "drafts" excludes everything below it.
    std::string dir = g;
    while (!dir.empty() && dir.back() == '/') dir.pop_back();
    if (!dir.empty() && (rel == dir || rel.rfind(dir + "/", 0) == 0)) return true;
  }
  return false;
}

void walk(const fs::path& root, const DiscoverOptions& o, std::vector<std::string>& out, Discovery& d) {
  std::error_code ec;
  std::set<fs::path> seen;  // canonical directories, so symlink loops are entered once
  std::vector<fs::path> stack{root};
  while (!stack.empty()) {
    fs::path dir = stack.back();
    stack.pop_back();
    fs::path canon = fs::canonical(dir, ec);
    if (ec || !seen.insert(canon).second) continue;
    std::vector<fs::path> entries;
    fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      d.errors.push_back(dir.string() + ": " + ec.message());
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(it->path());
    }
    for (const auto& p : entries) {
      const std::string name = p.filename().string();
      if (fs::is_directory(p, ec)) {
        if (name.empty() || name[0] == '.' || name == "node_modules") continue;
        if (excluded(o, p)) continue;
        stack.push_back(p);
      } else if (is_markdown(p) && fs::is_regular_file(p, ec) && !excluded(o, p)) {
        out.push_back(p.lexically_normal().string());
      }
    }
  }
}

}  // namespace

Discovery discover(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  Discovery d;
  std::error_code ec;
  for (const auto& arg : paths) {
    fs::path p(arg);
    if (!fs::exists(p, ec)) {
      d.errors.push_back(arg + ": No such file or directory");
      continue;
    }
    if (fs::is_directory(p, ec)) {
      walk(p, options, d.files, d);
    } else {
      d.files.push_back(p.lexically_normal().string());
    }
  }
  std::sort(d.files.begin(), d.files.end());
  d.files.erase(std::unique(d.files.begin(), d.files.end()), d.files.end());
  return d;
}

}  // namespace specgate
