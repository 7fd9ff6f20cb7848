// yaml-cpp parses recursively (one stack frame chain per nesting level) and only stops at
// depth 2000, which can already exhaust a thread's stack in a sanitizer build. Every YAML text
// from a user (front matter, config, schemas, ```yaml blocks, Mermaid @{ } and front matter) is
// parsed through load_yaml() (or yaml_syntax_error()), which measure it first.
#pragma once

#include <yaml-cpp/node/node.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace specgate {

// Deeper than any real config, front matter or schema; shallow enough for any stack.
inline constexpr size_t kMaxYamlDepth = 100;

// An upper estimate of the YAML's nesting depth: open flow brackets plus block indentation
// levels plus compact `- ` / `? ` indicators. Cheap (one pass) and never below the real depth
// for the constructs that nest.
size_t yaml_nesting_estimate(std::string_view text);

inline bool yaml_too_deep(std::string_view text) { return yaml_nesting_estimate(text) > kMaxYamlDepth; }

// The one way specgate loads YAML into nodes: nullopt, without parsing, when the text nests
// deeper than kMaxYamlDepth; otherwise YAML::Load's node, which throws YAML::Exception (with its
// mark) on invalid YAML.
std::optional<YAML::Node> load_yaml(const std::string& text);

}  // namespace specgate
