// Unified diffs of a file's text before and after fixing (check --diff), in the form `patch -p1`
// and `git apply` read.
#pragma once

#include <string>
#include <string_view>

namespace specgate {

// "" when the texts are equal; otherwise "--- a/PATH\n+++ b/PATH\n" and hunks with `context`
// lines around each change. A last line without a newline is marked as diff(1) marks it.
std::string unified_diff(const std::string& path, std::string_view before, std::string_view after, size_t context = 3);

}  // namespace specgate
