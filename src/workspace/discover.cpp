#include "workspace/discover.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <sys/stat.h>

#include "core/file_io.h"
#include "core/glob.h"
#include "core/markdown_path.h"
#include "workspace/gitignore.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

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

// The work tree root above `dir` (the directory holding .git), or "" outside a repository.
fs::path git_root(const fs::path& abs_dir) {
  std::error_code ec;
  for (fs::path p = abs_dir; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return {};
}

std::shared_ptr<const IgnoreFile> load_ignore(const fs::path& file, const std::string& base) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return nullptr;
  ReadResult r = read_file(file.string(), size_t(4) << 20);
  if (!r.ok) return nullptr;
  auto f = std::make_shared<IgnoreFile>(parse_gitignore(r.bytes, base));
  if (f->patterns.empty()) return nullptr;
  return f;
}

std::string join_rel(const std::string& a, const std::string& b) { return a.empty() ? b : a + "/" + b; }

// A file's identity: two paths naming one file (through a symlink, a hard link, or spelled
// differently) share it. One stat per file; resolving each path (weakly_canonical) cost four
// readlinks and a stat per file, all on the main thread before any check starts.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const FileId&) const = default;
};
struct FileIdHash {
  size_t operator()(const FileId& id) const noexcept {
    return std::hash<unsigned long long>()(static_cast<unsigned long long>(id.ino) * 1000003u ^
                                           static_cast<unsigned long long>(id.dev));
  }
};
using FileIds = std::unordered_map<std::string, FileId>;  // path -> identity, from the walk's stat

class Walker {
 public:
  Walker(const DiscoverOptions& o, Discovery& d, FileIds& ids) : o_(o), d_(d), ids_(ids) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    exclude_base_ = (o.exclude_base.empty() ? cwd : fs::absolute(o.exclude_base, ec)).lexically_normal();
  }

  // Walks `start` at most `max_depth` directories deep, keeping Markdown files `accept` takes.
  void walk(const fs::path& start, int max_depth, const std::function<bool(const std::string&)>& accept) {
    std::error_code ec;
    seen_.clear();
    const fs::path abs_start = fs::absolute(start, ec).lexically_normal();
    // The .gitignore files that apply: from the work tree root down to `start`.
    auto chain = std::make_shared<IgnoreChain>();
    std::string rel;
    if (o_.gitignore) {
      fs::path root = git_root(abs_start);
      if (root.empty()) root = abs_start;
      rel = abs_start.lexically_relative(root).generic_string();
      if (rel == ".") rel.clear();
      if (auto f = load_ignore(root / ".git" / "info" / "exclude", "")) chain->push_back(f);
      fs::path dir = root;
      std::string dir_rel;
      if (auto f = load_ignore(dir / ".gitignore", dir_rel)) chain->push_back(f);
      for (const auto& part : fs::path(rel)) {
        dir /= part;
        dir_rel = join_rel(dir_rel, part.string());
        if (dir_rel == rel) break;  // start's own .gitignore is read by the walk below
        if (auto f = load_ignore(dir / ".gitignore", dir_rel)) chain->push_back(f);
      }
    }
    struct Item {
      fs::path dir, abs;
      std::string rel;
      std::shared_ptr<const IgnoreChain> chain;
      int depth;
    };
    std::vector<Item> stack{{start, abs_start, rel, chain, 0}};
    while (!stack.empty()) {
      Item it = std::move(stack.back());
      stack.pop_back();
      const fs::path canon = fs::canonical(it.dir, ec);
      if (ec || !seen_.insert(canon.string()).second) continue;  // symlink loops end here
      std::vector<fs::directory_entry> entries;
      // A directory that cannot be read is reported ("Permission denied", as ripgrep does), not
      // skipped: its specs would otherwise be missing from a run that says it is clean.
      fs::directory_iterator di(it.dir, ec);
      if (ec) {
        d_.errors.push_back(it.dir.string() + ": " + ec.message());
        continue;
      }
      for (; di != fs::directory_iterator(); di.increment(ec)) {
        if (ec) {
          d_.errors.push_back(it.dir.string() + ": " + ec.message());
          break;
        }
        entries.push_back(*di);
      }
      // Sorted, so which of two symlinked paths names a directory never depends on readdir order.
      std::sort(entries.begin(), entries.end(),
                [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
      std::shared_ptr<const IgnoreChain> chain_here = it.chain;
      if (o_.gitignore) {
        if (auto f = load_ignore(it.dir / ".gitignore", it.rel)) {
          auto extended = std::make_shared<IgnoreChain>(*it.chain);
          extended->push_back(f);
          chain_here = extended;
        }
      }
      std::vector<Item> subdirs;
      for (const auto& e : entries) {
        const fs::path& p = e.path();
        const std::string name = p.filename().string();
        const bool dir = e.is_directory(ec);  // follows symlinks
        const std::string child_rel = join_rel(it.rel, name);
        const fs::path child_abs = it.abs / name;
        if (dir) {
          if (name.empty() || name[0] == '.' || name == "node_modules") continue;
          if (it.depth >= max_depth) continue;
          if (o_.gitignore && is_ignored(*chain_here, child_rel, true)) continue;
          if (excluded(child_abs)) continue;
          subdirs.push_back({p, child_abs, child_rel, chain_here, it.depth + 1});
        } else if (is_markdown_path(p.string())) {
          // A Markdown name that resolves to nothing (a broken symlink, a loop, a file gone
          // since the directory was read) is a file the user expects checked: say so.
          struct stat st;
          const bool missing = ::stat(p.c_str(), &st) != 0;
          const std::error_code sec = missing ? std::error_code(errno, std::generic_category()) : std::error_code();
          if (!missing && !S_ISREG(st.st_mode)) continue;
          if (o_.gitignore && is_ignored(*chain_here, child_rel, false)) continue;
          if (excluded(child_abs) || !included(child_abs)) continue;
          const std::string path = p.lexically_normal().string();
          if (accept && !accept(path)) continue;
          if (missing) {
            d_.errors.push_back(path + ": " + missing_reason(p, sec));
            continue;
          }
          ids_.insert_or_assign(path, FileId{st.st_dev, st.st_ino});
          d_.files.push_back(path);
        }
      }
      for (auto s = subdirs.rbegin(); s != subdirs.rend(); ++s) stack.push_back(std::move(*s));
    }
  }

  // A named file's absolute path, for the --force-exclude filters.
  bool filtered_out(const fs::path& p) const {
    std::error_code ec;
    const fs::path abs = fs::absolute(p, ec).lexically_normal();
    return excluded(abs) || !included(abs);
  }

 private:
  bool excluded(const fs::path& abs) const { return matches_any(o_.exclude, abs); }
  bool included(const fs::path& abs) const { return o_.include.empty() || matches_any(o_.include, abs); }

  bool matches_any(const std::vector<std::string>& globs, const fs::path& abs) const {
    if (globs.empty()) return false;
    std::string rel = abs.lexically_relative(exclude_base_).generic_string();
    if (rel.empty()) rel = abs.generic_string();
    for (const auto& g : globs) {
      if (glob_match(g, rel)) return true;
      // "drafts/" or "drafts" names everything below it.
      std::string dir = g;
      while (!dir.empty() && dir.back() == '/') dir.pop_back();
      if (!dir.empty() && (rel == dir || rel.rfind(dir + "/", 0) == 0)) return true;
    }
    return false;
  }

  const DiscoverOptions& o_;
  Discovery& d_;
  FileIds& ids_;
  fs::path exclude_base_;
  std::set<std::string> seen_;  // canonical directories this walk has entered
};

bool has_glob_chars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

void expand_glob(const std::string& pattern, Walker& walker, Discovery& d) {
  // The literal directories before the first segment with glob characters are the walk's start.
  std::vector<std::string> segs;
  size_t pos = 0;
  while (pos <= pattern.size()) {
    size_t slash = pattern.find('/', pos);
    if (slash == std::string::npos) slash = pattern.size();
    segs.push_back(pattern.substr(pos, slash - pos));
    pos = slash + 1;
  }
  std::string base;
  size_t k = 0;
  for (; k + 1 < segs.size() && !has_glob_chars(segs[k]); ++k) base += segs[k] + "/";
  if (base.empty()) base = ".";
  // A glob may name directories too ("specs/*" or "teams/*/specs"): what is below them counts.
  const int depth = INT_MAX;
  std::error_code ec;
  if (!fs::is_directory(base, ec)) {
    d.errors.push_back(pattern + ": no files match");
    return;
  }
  const size_t before = d.files.size();
  std::string normalized = pattern;
  while (normalized.rfind("./", 0) == 0) normalized.erase(0, 2);
  const bool has_slash = normalized.find('/') != std::string::npos;
  walker.walk(base, depth, [&](const std::string& path) {
    const std::string p = fs::path(path).generic_string();
    // The file itself or one of its directories must match the whole pattern; a pattern
    // without '/' names entries of the start directory only, as in a shell.
    for (size_t end = p.find('/'); ; end = p.find('/', end + 1)) {
      const std::string prefix = p.substr(0, end);
      if (prefix != "." && (has_slash || prefix.find('/') == std::string::npos) && glob_match(normalized, prefix))
        return true;
      if (end == std::string::npos) return false;
      if (!has_slash && prefix != ".") return false;
    }
  });
  if (d.files.size() == before) d.errors.push_back(pattern + ": no Markdown files match");
}

}  // namespace

bool is_glob_argument(const std::string& arg) {
  std::error_code ec;
  return has_glob_chars(arg) && !fs::exists(arg, ec);
}

Discovery discover(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  Discovery d;
  FileIds ids;
  Walker walker(options, d, ids);
  std::error_code ec;
  for (const auto& arg : paths) {
    if (is_glob_argument(arg)) {
      d.covers_workspace = true;
      expand_glob(arg, walker, d);
      continue;
    }
    fs::path p(arg);
    if (!fs::exists(p, ec)) {
      d.errors.push_back(arg + ": " + missing_reason(p, ec));
      continue;
    }
    if (fs::is_directory(p, ec)) {
      d.covers_workspace = true;
      walker.walk(p, INT_MAX, nullptr);
    } else if (options.force_exclude && walker.filtered_out(p)) {
      ++d.skipped_named;
    } else {
      d.files.push_back(p.lexically_normal().string());
      d.named.push_back(d.files.back());
    }
  }
  std::sort(d.files.begin(), d.files.end());
  d.files.erase(std::unique(d.files.begin(), d.files.end()), d.files.end());
  // One file reached by two paths (a symlink, a hard link) is checked once, under its first path.
  std::unordered_set<FileId, FileIdHash> seen;
  seen.reserve(d.files.size());
  std::vector<std::string> unique;
  unique.reserve(d.files.size());
  for (auto& f : d.files) {
    FileId id;
    if (auto it = ids.find(f); it != ids.end()) {
      id = it->second;
    } else {
      struct stat st;
      // A file named on the command line that cannot be stat'ed is kept: reading it reports why.
      if (::stat(f.c_str(), &st) != 0) {
        unique.push_back(std::move(f));
        continue;
      }
      id = {st.st_dev, st.st_ino};
    }
    if (seen.insert(id).second) unique.push_back(std::move(f));
  }
  d.files = std::move(unique);
  std::sort(d.named.begin(), d.named.end());
  return d;
}

}  // namespace specgate
