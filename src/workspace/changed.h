// `--changed`: the files git reports as changed against a base revision, untracked files included.
#pragma once

#include <string>
#include <vector>

namespace specgate {

struct ChangedFiles {
  std::vector<std::string> paths;  // absolute, lexically normal
  std::string base;                // the revision compared against, as resolved
  std::string error;               // "" on success
};

// Runs git (no shell) in the work tree containing `dir`. `base_rev` "" means: the merge-base of
// HEAD with the default branch (origin/HEAD, else main, else master), or HEAD itself when HEAD is
// on the default branch or there is none, so uncommitted work is what counts.
ChangedFiles git_changed_files(const std::string& dir, const std::string& base_rev);

}  // namespace specgate
