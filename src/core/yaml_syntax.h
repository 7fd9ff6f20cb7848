// Whether a YAML text (possibly several documents) parses, without building its nodes, and
// bounded even where yaml-cpp itself is not.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace specgate {

struct YamlSyntaxError {
  size_t line = 0;    // 0-based, as yaml-cpp marks count; `located` is false when unknown
  size_t column = 0;  // 0-based
  bool located = false;
  std::string message;
};

// The first syntax error, or nothing when every document parses or the text nests too deep to
// parse safely (yaml_too_deep: no verdict).
std::optional<YamlSyntaxError> yaml_syntax_error(std::string_view text);

}  // namespace specgate
