// Native Mermaid validator: answers "would Mermaid 11.17.2 accept this diagram?" without a JS
// engine, and says where and why not. Each diagram type emulates Mermaid's own lexer and grammar.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specgate::mermaid {

struct Diagnostic {
  uint32_t line = 0;    // 1-based line within the diagram source passed in
  uint32_t column = 0;  // 1-based, characters
  std::string message;  // e.g. "unquoted '(' inside a [ ] node label"
  std::string found;    // the token found, e.g. "'('"
  std::string expected; // what was expected, e.g. "']' or a quoted label"
  std::string hint;     // how to fix, e.g. "quote the label: A[\"text (with parentheses)\"]"
};

struct Result {
  std::string type;         // "flowchart", "sequenceDiagram", ... as written in the header; "" if none
  bool validated = false;   // false: type recognized but not validated yet (never an error)
  bool valid = true;
  std::vector<Diagnostic> diagnostics;
};

struct Models;  // mermaid/models.h

// source = the diagram text (a .mmd file or a ```mermaid block's content)
Result validate(std::string_view source);
// The same, also recording the diagram's model into the matching sink of `models`, if any.
Result validate(std::string_view source, const Models& models);

// The diagram's header word as validate() would report it in Result::type ("" when none is
// detected), without parsing the diagram: what the renderer dispatches on.
std::string detect_type(std::string_view source);

}  // namespace specgate::mermaid
