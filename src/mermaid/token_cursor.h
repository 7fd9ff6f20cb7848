// The token plumbing of the validators that lex the whole text before parsing (class, state,
// ER, sequence, flowchart, and the Langium-based ones): a cursor over the token list, which
// always ends with an end token, so looking past the end yields that token and never reads
// out of range.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "mermaid/scan.h"

namespace specgate::mermaid {

template <class Tok>
class TokenCursor {
 public:
  TokenCursor() = default;
  explicit TokenCursor(std::vector<Tok> t) : t_(std::move(t)) {}

 protected:
  const Tok& peek(size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
  auto kind(size_t ahead = 0) const { return peek(ahead).kind; }
  void advance() {
    if (i_ + 1 < t_.size()) ++i_;
  }

  std::vector<Tok> t_;
  size_t i_ = 0;
};

// Lexes all of p's text with Lexer::run, then parses the tokens with Parser::run.
template <class Lexer, class Parser, class Tok>
void lex_then_parse(const Prepared& p, std::vector<Diagnostic>& out) {
  std::vector<Tok> toks;
  toks.reserve(p.text().size() / 4 + 8);
  Lexer(p.text()).run(toks);
  Parser(p, std::move(toks)).run(out);
}

}  // namespace specgate::mermaid
