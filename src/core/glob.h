// Glob matching for config patterns: `*` and `?` within a path segment, `**` across segments,
// `[abc]` classes. Paths use '/'.
#pragma once

#include <string_view>

namespace specgate {

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace specgate
