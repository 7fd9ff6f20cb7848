// .gitignore semantics for the directory walk: comments, `!` negation, directory-only patterns
// (`build/`), anchored patterns (`/out`, `docs/drafts`), `**`, and nested .gitignore files whose
// patterns take precedence over their parents'. The last matching pattern wins.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace specgate {

struct IgnorePattern {
  std::string glob;  // without the leading '!', the anchoring '/' and the trailing '/'
  bool negate = false;
  bool dir_only = false;
  bool anchored = false;  // matched against the path below `base`, not just the name
};

struct IgnoreFile {
  std::string base;  // directory of the .gitignore, relative to the walk's root ("" for root)
  std::vector<IgnorePattern> patterns;
};

// Parses the text of one .gitignore whose directory is `base` (relative to the root, '/'-separated).
IgnoreFile parse_gitignore(std::string_view text, std::string base);

// The ignore files in force for one directory, outermost first. Shared between siblings.
using IgnoreChain = std::vector<std::shared_ptr<const IgnoreFile>>;

// Whether `rel` (relative to the root, '/'-separated) is ignored. Only the entry itself is
// tested: the walker never enters an ignored directory, which gives git's rule that nothing
// below an ignored directory can be re-included.
bool is_ignored(const IgnoreChain& chain, std::string_view rel, bool is_dir);

}  // namespace specgate
