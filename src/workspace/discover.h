// Turning PATH arguments into the list of Markdown files to check.
#pragma once

#include <string>
#include <vector>

namespace specgate {

struct DiscoverOptions {
  std::vector<std::string> exclude;  // globs, matched against paths relative to exclude_base
  // Globs (same base): when not empty, a walk keeps only Markdown files matching one (or below
  // a directory one names). Empty: everything, as before `include:` existed.
  std::vector<std::string> include;
  std::string exclude_base;
  // Files named on the command line also go through include/exclude (pre-commit and lint-staged
  // name every staged file; `--force-exclude`, as in ruff). Without it a named file is always taken.
  bool force_exclude = false;
  bool gitignore = true;  // honour .gitignore files (root of the git work tree down to each file)
};

struct Discovery {
  std::vector<std::string> files;   // sorted; a file reached by several paths (symlinks, hard links) once
  std::vector<std::string> errors;  // "PATH: No such file or directory"
  // A directory or glob was given, so the run sees a whole set of specs; cross-document rules
  // that need to know what is absent (dangling-reference) only run then.
  bool covers_workspace = false;
  // Files named on the command line (as they appear in `files`): only these are linted when
  // they are templates (workspace/scope.h).
  std::vector<std::string> named;
  size_t skipped_named = 0;  // named files left out by --force-exclude
};

// Arguments may be files (always taken, whatever their extension), directories (walked for
// Markdown files, core/markdown_path.h: .md, .markdown, .mdown, .mkd in any case) or globs (`*`, `?`, `[ab]` within a name, `**` across directories).
// Walks skip hidden directories, node_modules, .gitignore'd and config-excluded paths, and
// enter each real directory once, so symlink loops end. A path, or a Markdown name in a walked
// directory, that resolves to nothing (a broken symlink, a loop) is an error that says so.
Discovery discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

// True when the argument holds glob characters and does not name an existing path.
bool is_glob_argument(const std::string& arg);

}  // namespace specgate
