// yaml-cpp parses recursively (one stack frame chain per nesting level) and only stops at
// depth 2000, which can already exhaust a thread's stack in a sanitizer build. Every YAML text
// from a user (front matter, config, schemas, ```yaml blocks) is measured here first.
#pragma once

#include <cstddef>
#include <string_view>

namespace specgate {

// Deeper than any real config, front matter or schema; shallow enough for any stack.
inline constexpr size_t kMaxYamlDepth = 100;

// An upper estimate of the YAML's nesting depth: open flow brackets plus block indentation
// levels plus compact `- ` / `? ` indicators. Cheap (one pass) and never below the real depth
// for the constructs that nest.
size_t yaml_nesting_estimate(std::string_view text);

inline bool yaml_too_deep(std::string_view text) { return yaml_nesting_estimate(text) > kMaxYamlDepth; }

}  // namespace specgate
