#include "workspace/discover.h"

#include <algorithm>
#include <cerrno>
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

// Why `p`, which does not resolve to anything, cannot be read.
std::string missing_reason(const fs::path& p, const std::error_code& exists_error) {
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(p, ec))) {
    if (exists_error.value() == ELOOP) return "symbolic link loop (" + exists_error.message() + ")";
    const fs::path target = fs::read_symlink(p, ec);
    return "broken symbolic link (its target '" + target.string() + "' does not exist)";
  }
  if (exists_error && exists_error != std::errc::no_such_file_or_directory) return exists_error.message();
  return "No such file or directory";
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
      } else if (is_markdown(p) && !excluded(o, p)) {
        // A Markdown name that resolves to nothing is a file the user expects checked: say so.
        std::error_code sec;
        const auto st = fs::status(p, sec);
        if (fs::is_regular_file(st)) out.push_back(p.lexically_normal().string());
        else if (!fs::exists(st)) d.errors.push_back(p.lexically_normal().string() + ": " + missing_reason(p, sec));
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
      d.errors.push_back(arg + ": " + missing_reason(p, ec));
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
