// The parsing side the Langium-based validators (pie, gitGraph) share: a cursor over the tokens
// (the text is lexed whole first), first-error reporting, and Langium's order of reporting: a
// lexer error wins unless the parser failed earlier in the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mermaid/lexkit.h"
#include "mermaid/token_cursor.h"

namespace specgate::mermaid::langium {

// Parsing over the lexed tokens; End and Nl are the grammar's end and NEWLINE kinds.
template <auto End, auto Nl>
class TokenParser : public TokenCursor<LexTok> {
 protected:
  TokenParser(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), out_(out) {}

  std::string what(const LexTok& t) const { return token_found(s_, t, End, End, Nl); }
  void fail(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    if (!out_.empty()) return;
    at_ = t.begin;
    first_error(out_, p_, t.begin, std::move(msg), what(t), std::move(expected), std::move(hint));
  }
  void unexpected(std::string expected, std::string hint) {
    fail(peek(), "unexpected " + what(peek()), std::move(expected), std::move(hint));
  }
  // EOL: NEWLINE+ or the end.
  bool eol(const char* hint) {
    if (kind() == End) return true;
    if (kind() != Nl) {
      unexpected("end of line", hint);
      return false;
    }
    while (kind() == Nl) advance();
    return true;
  }
  // After parsing: true when the lexer's error (at lex_error, npos for none) is the one to
  // report; the parser's diagnostic, if any, is then dropped.
  bool lexer_error_first(size_t lex_error) {
    if (lex_error == std::string_view::npos || (!out_.empty() && at_ < lex_error)) return false;
    out_.clear();
    return true;
  }

  const Prepared& p_;
  std::string_view s_;
  size_t at_ = 0;  // offset of the reported error
  std::vector<Diagnostic>& out_;
};

}  // namespace specgate::mermaid::langium
