// Turning PATH arguments into the list of Markdown files to check.
#pragma once

#include <string>
#include <vector>

namespace specgate {

struct DiscoverOptions {
  std::vector<std::string> exclude;  // globs, matched against paths relative to exclude_base
  std::string exclude_base;
};

struct Discovery {
  std::vector<std::string> files;   // sorted, unique
  std::vector<std::string> errors;  // "PATH: No such file or directory"
};

// Files given explicitly are always taken; directories are walked for .md / .markdown files,
// skipping hidden directories, node_modules and symlink loops. A path (or a Markdown name in a
// walked directory) that resolves to nothing, such as a broken symlink, is an error.
Discovery discover(const std::vector<std::string>& paths, const DiscoverOptions& options);

}  // namespace specgate
