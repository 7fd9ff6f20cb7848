#include "workspace/changed.h"

#include <filesystem>

#include "core/process.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

struct Git {
  std::string dir;
  ProcessResult run(std::vector<std::string> args) const {
    std::vector<std::string> argv{"git", "-C", dir};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
  }
  // The first line of a successful command's output, "" otherwise.
  std::string line(std::vector<std::string> args) const {
    ProcessResult r = run(std::move(args));
    if (!r.started || r.exit_code != 0) return "";
    std::string s = r.out.substr(0, r.out.find('\n'));
    return s;
  }
};

std::string first_error_line(const ProcessResult& r) {
  if (!r.started) return r.error;
  std::string e = r.err.substr(0, r.err.find('\n'));
  return e.empty() ? "git exited with status " + std::to_string(r.exit_code) : e;
}

void add_nul_separated(const std::string& out, const fs::path& root, std::vector<std::string>& paths) {
  size_t pos = 0;
  while (pos < out.size()) {
    size_t end = out.find('\0', pos);
    if (end == std::string::npos) end = out.size();
    if (end > pos) paths.push_back((root / out.substr(pos, end - pos)).lexically_normal().string());
    pos = end + 1;
  }
}

}  // namespace

ChangedFiles git_changed_files(const std::string& dir, const std::string& base_rev) {
  ChangedFiles c;
  std::error_code ec;
  Git git{fs::absolute(dir.empty() ? "." : dir, ec).string()};
  if (!fs::is_directory(git.dir, ec)) git.dir = fs::path(git.dir).parent_path().string();
  ProcessResult top = git.run({"rev-parse", "--show-toplevel"});
  if (!top.started || top.exit_code != 0) {
    c.error = "--changed needs a git work tree: " + first_error_line(top);
    return c;
  }
  const fs::path root = top.out.substr(0, top.out.find('\n'));
  git.dir = root.string();

  std::string base = base_rev;
  if (base.empty()) {
    std::string def = git.line({"symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"});
    if (def.empty()) {
      for (const char* b : {"refs/heads/main", "refs/heads/master"}) {
        if (!git.line({"rev-parse", "--verify", "--quiet", b}).empty()) {
          def = b;
          break;
        }
      }
    }
    std::string mb = def.empty() ? "" : git.line({"merge-base", "HEAD", def});
    base = mb.empty() ? "HEAD" : mb;
    // An unborn HEAD (no commit yet): everything is new.
    if (git.line({"rev-parse", "--verify", "--quiet", base + "^{commit}"}).empty()) base.clear();
  } else if (!base.empty() && base[0] == '-') {
    c.error = "--base: '" + base + "' is not a revision";  // never let a value turn into an option
    return c;
  } else if (git.line({"rev-parse", "--verify", "--quiet", base + "^{commit}"}).empty()) {
    c.error = "--base: unknown revision '" + base + "'";
    return c;
  }
  c.base = base.empty() ? "(no commits)" : base;

  if (!base.empty()) {
    // Committed, staged and unstaged changes against base; deleted files are gone, so skipped.
    ProcessResult diff = git.run({"diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--"});
    if (!diff.started || diff.exit_code != 0) {
      c.error = "git diff: " + first_error_line(diff);
      return c;
    }
    add_nul_separated(diff.out, root, c.paths);
  } else {
    ProcessResult cached = git.run({"ls-files", "-z", "--cached"});
    add_nul_separated(cached.out, root, c.paths);
  }
  ProcessResult untracked = git.run({"ls-files", "-z", "--others", "--exclude-standard"});
  if (!untracked.started || untracked.exit_code != 0) {
    c.error = "git ls-files: " + first_error_line(untracked);
    return c;
  }
  add_nul_separated(untracked.out, root, c.paths);
  return c;
}

}  // namespace specgate
