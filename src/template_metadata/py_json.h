// A JSON value model that keeps what Python's json module keeps, so that
// `json.dumps(json.loads(s), indent=2, sort_keys=True)` can be reproduced byte for byte:
// integers of any size (kept as their digits), floats printed the way Python's repr prints them,
// NaN / Infinity, lone surrogates from \u escapes, and "last duplicate key wins".
//
// nlohmann::json differs on each of these (integers overflow to double, floats print
// differently, non-ASCII is not escaped), hence this small model.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "template_metadata/pytext.h"

namespace specgate::pyjson {

struct Value {
  enum class Kind { Null, Bool, Int, Float, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0;  // Float
  std::string text;   // Int: decimal digits as Python prints them; String: UTF-8 (WTF-8)
  std::vector<Value> items;                            // Array
  std::vector<std::pair<std::string, Value>> members;  // Object: insertion order, unique keys

  // Out of line: clang with libstdc++ cannot instantiate the vector of pairs of an incomplete
  // Value inside the class, so these are defaulted in py_json.cpp where Value is complete.
  Value();
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  ~Value();

  static Value string(std::string s);
  static Value array();
  static Value object();
  // Sets `key`, replacing an existing member's value in place (Python dict semantics).
  void set(std::string key, Value v);
  const Value* find(std::string_view key) const;
};

// A string value met while parsing, with the index of its opening quote.
struct StringToken {
  std::string value;
  size_t at = 0;          // the opening quote
  bool verbatim = false;  // no escapes: value's characters are the source's, one for one
};

struct ParseResult {
  bool ok = false;
  Value value;
  std::string error;    // "Expecting ',' delimiter", ... (Python's wording)
  size_t error_at = 0;  // index into the parsed code points
  std::vector<StringToken> strings;  // every string value (not keys), in document order
};

// Parses `span` of `text` the way Python's json.loads does with default arguments. Nesting
// deeper than `max_depth` is an error (Python would raise RecursionError).
ParseResult parse(const std::u32string& text, pytext::Span span, int max_depth = 256);

// json.dumps(value, indent=2, sort_keys=True) with ensure_ascii: sorted keys, two-space
// indent, every non-ASCII or control character escaped as \uXXXX. No trailing newline.
std::string dump(const Value& value);

// Python's repr() of a float: shortest round-trip digits, "1.0", "1e+16", "NaN" spelled as
// json.dumps spells it.
std::string format_float(double d);

}  // namespace specgate::pyjson
