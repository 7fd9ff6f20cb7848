// Whether a JSON text parses, without building its value and without an exception: a spec's
// ```json examples are often sketches that do not parse, and a throw costs more than the parse.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace specgate {

struct JsonSyntaxError {
  // A parse_error, with a position; false for the other error json::parse throws, a number too
  // large for a double (out_of_range), which has none.
  bool syntax = false;
  size_t byte = 0;   // parse_error::byte: characters read when the parser stopped
  std::string what;  // nlohmann's message, exactly as json::parse would throw it
};

// The error json::parse (strict, no comments) would throw for `text`, or nothing when it parses.
std::optional<JsonSyntaxError> json_syntax_error(std::string_view text);

}  // namespace specgate
