// What the validators of quadrant.jison, xychart.jison and requirementDiagram.jison share (Mermaid
// 11.17.2). Their lexers: a start-condition stack whose condition at each token the parsers
// consult, the same accessibility and quoted-string conditions and accTitle/accDescr rules, and
// (quadrant and xychart) the same letter, digit and one-character punctuation rules. Their
// parsers: the current token and first-error reporting. As in line_diagram.h, the shared token
// kinds and start conditions come first; a diagram's own start at C_OWN and CS_OWN.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mermaid/jison_lexer.h"

namespace specgate::mermaid {

enum ChartKind : int {
  C_END,  // the lexer's own end ($end)
  C_EOF,  // the grammar's EOF token
  C_NEWLINE,
  C_ACC_TITLE, C_ACC_TITLE_VALUE, C_ACC_DESCR, C_ACC_DESCR_VALUE, C_ACC_ML_VALUE, C_STR,
  // [A-Za-z]+, \d+ and the punctuation tokens of alnum_rules
  C_ALPHA, C_NUM, C_COLON, C_PLUS, C_COMMA, C_EQUALS, C_MULT, C_BRKT, C_UNDERSCORE, C_DOT, C_AMP,
  C_MINUS,
  C_OWN
};

enum ChartState : uint8_t { CS_INITIAL, CS_ACC_TITLE, CS_ACC_DESCR, CS_ACC_ML, CS_STRING, CS_OWN };

// A lexer derives from ChartLexer<Self> and defines int step(): it tries the rules of its own
// start conditions and of INITIAL at pos_ (first match wins) and returns a token kind, or -1
// after skipped text. The shared conditions never reach step().
template <class Derived>
class ChartLexer : public CondLexer<uint8_t> {
 public:
  explicit ChartLexer(std::string_view s) : CondLexer<uint8_t>(s, CS_INITIAL) {}

  // The next token; C_END once the input is exhausted.
  LexTok next() {
    while (true) {
      if (done_) return LexTok{C_END, u(pos_), u(pos_)};
      if (pos_ >= s_.size()) done_ = true;
      size_t b = pos_;
      state_at_token_ = top();
      int k = shared_condition_step();
      if (k == kNotShared) k = static_cast<Derived*>(this)->step();
      if (k >= 0) return LexTok{k, u(b), u(pos_)};
    }
  }
  uint8_t state() const { return top(); }
  // The start condition the last token was matched in.
  uint8_t token_state() const { return state_at_token_; }
  // Where a quoted string that runs to the end of the text opened, or npos.
  size_t unclosed_quote() const { return unclosed_quote_; }

 protected:
  // A rule that yields token `kind` (-1: skipped text) ending at `end`.
  int take(size_t end, int kind) {
    pos_ = end;
    return kind;
  }
  // accTitle\s*:\s*, accDescr\s*:\s* and accDescr\s*\{\s*, each entering its condition: true
  // with the token kind (-1 for accDescr{) when one matched at i.
  bool acc_rules(size_t i, int& k) {
    if (size_t e = acc(i, "accTitle", ':')) {
      push(CS_ACC_TITLE);
      k = take(e, C_ACC_TITLE);
      return true;
    }
    if (size_t e = acc(i, "accDescr", ':')) {
      push(CS_ACC_DESCR);
      k = take(e, C_ACC_DESCR);
      return true;
    }
    if (size_t e = acc(i, "accDescr", '{')) {
      push(CS_ACC_ML);
      k = take(e, -1);
      return true;
    }
    return false;
  }
  // The '"' at i opens a quoted string.
  int open_string(size_t i) {
    quote_at_ = i;
    push(CS_STRING);
    return take(i + 1, -1);
  }
  // [A-Za-z]+, \d+, and one-character tokens for : + , = * # _ . & - (quadrant and xychart):
  // true with the token kind when one matched at i.
  bool alnum_rules(size_t i, int& k) {
    const char c = at(i);
    if (is_alpha(c)) {
      size_t e = i;
      while (is_alpha(at(e))) ++e;
      k = take(e, C_ALPHA);
      return true;
    }
    if (is_digit(c)) {
      size_t e = i;
      while (is_digit(at(e))) ++e;
      k = take(e, C_NUM);
      return true;
    }
    int kind = punctuation(c);
    if (kind < 0) return false;
    k = take(i + 1, kind);
    return true;
  }

 private:
  static constexpr int kNotShared = -2;

  static int punctuation(char c) {
    switch (c) {
      case ':': return C_COLON;
      case '+': return C_PLUS;
      case ',': return C_COMMA;
      case '=': return C_EQUALS;
      case '*': return C_MULT;
      case '#': return C_BRKT;
      case '_': return C_UNDERSCORE;
      case '.': return C_DOT;
      case '&': return C_AMP;
      case '-': return C_MINUS;
      default: return -1;
    }
  }
  // keyword\s*<c>\s*: the end, or 0.
  size_t acc(size_t i, std::string_view w, char c) const {
    if (!lit_ci(s_, i, w)) return 0;
    size_t j = skip_space(s_, i + w.size());
    if (at(j) != c) return 0;
    return skip_space(s_, j + 1);
  }
  // The exclusive conditions every chart lexer has; kNotShared in any other condition.
  int shared_condition_step() {
    const size_t i = pos_;
    switch (top()) {
      case CS_ACC_TITLE:
        pop();
        return take(line_end(s_, i), C_ACC_TITLE_VALUE);
      case CS_ACC_DESCR:
        pop();
        return take(line_end(s_, i), C_ACC_DESCR_VALUE);
      case CS_ACC_ML:
        if (at(i) == '}') {
          pop();
          return take(i + 1, -1);
        }
        return take(i + run_until(s_, i, "}"), C_ACC_ML_VALUE);
      case CS_STRING: {
        if (at(i) == '"') {
          pop();
          return take(i + 1, -1);
        }
        size_t e = i + run_until(s_, i, "\"");
        if (e >= s_.size() && unclosed_quote_ == std::string_view::npos) unclosed_quote_ = quote_at_;
        return take(e, C_STR);
      }
      default:
        return kNotShared;
    }
  }

  uint8_t state_at_token_ = CS_INITIAL;
  size_t quote_at_ = 0;
  size_t unclosed_quote_ = std::string_view::npos;
};

// The parsing side: the current token and the condition it was lexed in, and first-error
// reporting with tokens described for messages.
template <class Lexer>
class ChartParser {
 public:
  ChartParser(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), lex_(s_), out_(out) {
    advance();
  }

 protected:
  int kind() const { return cur_.kind; }
  void advance() {
    cur_ = lex_.next();
    prev_state_ = lex_.token_state();
  }
  std::string_view text(const LexTok& t) const { return s_.substr(t.begin, t.end - t.begin); }
  std::string what(const LexTok& t) const { return token_found(s_, t, C_END, C_EOF, C_NEWLINE); }
  void fail_at(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    first_error(out_, p_, t.begin, std::move(msg), what(t), std::move(expected), std::move(hint));
  }

  const Prepared& p_;
  std::string_view s_;
  Lexer lex_;
  std::vector<Diagnostic>& out_;
  LexTok cur_;
  uint8_t prev_state_ = CS_INITIAL;
};

}  // namespace specgate::mermaid
