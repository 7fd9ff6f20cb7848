// The skeleton journey.jison and timeline.jison share (Mermaid 11.17.2): a case-insensitive
// lexer whose accessibility, comment, line-break and whitespace rules come first and whose
// accTitle/accDescr rules follow 'title', and a grammar of one statement per line after the
// header. Each diagram adds its own rules (LineLexer::step) and statements (LineParser::own).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mermaid/jison_lexer.h"

namespace specgate::mermaid {

// Token kinds both grammars have; a diagram's own kinds start at L_OWN.
enum LineKind : int {
  L_EOF, L_END, L_NL, L_HEADER, L_STATEMENT, L_ACC, L_ACC_VALUE, L_INVALID, L_OWN
};

template <class Derived>
class LineLexer : public JisonLexer<Derived, L_END> {
 public:
  using JisonLexer<Derived, L_END>::JisonLexer;

 protected:
  using Base = JisonLexer<Derived, L_END>;
  using Base::at;
  using Base::pos_;
  using Base::s_;
  using Base::take;

  // The rules before the diagram's own: the accessibility start conditions, the end of the
  // input, comments, line breaks, whitespace and '#' comments. True when one matched.
  bool shared_rules(int& k) {
    const size_t i = pos_;
    const char c = at(i);
    if (state_ == S_ACC) {
      state_ = S_INITIAL;
      take(line_end(s_, i), L_ACC_VALUE, k);
      return true;
    }
    if (state_ == S_ACC_ML) {
      if (c == '}') {
        state_ = S_INITIAL;
        pos_ = i + 1;
        return true;
      }
      take(i + run_until(s_, i, "}"), L_ACC_VALUE, k);
      return true;
    }
    if (i >= s_.size()) {
      take(i, L_EOF, k);
      return true;
    }
    // %(?!\{)[^\n]*, then [^}]%%[^\n]*: comments, also after any character but '}'.
    if (c == '%' && at(i + 1) != '{') {
      pos_ = line_end(s_, i);
      return true;
    }
    size_t cl = utf8_seq_len(s_, i);
    if (c != '}' && cl < 4 && lit(s_, i + cl, "%%")) {
      pos_ = line_end(s_, i + cl);
      return true;
    }
    if (c == '\n') {
      size_t e = i;
      while (at(e) == '\n') ++e;
      take(e, L_NL, k);
      return true;
    }
    if (js_space(s_, i)) {
      pos_ = skip_space(s_, i);
      return true;
    }
    if (c == '#') {
      pos_ = line_end(s_, i);
      return true;
    }
    return false;
  }

  // accTitle: text, accDescr: text and accDescr { text }. True when one matched.
  bool acc_rules(int& k) {
    const size_t i = pos_;
    if (!lit_ci(s_, i, "accTitle") && !lit_ci(s_, i, "accDescr")) return false;
    size_t j = skip_space(s_, i + 8);
    if (at(j) == ':') {
      state_ = S_ACC;
      take(skip_space(s_, j + 1), L_ACC, k);
      return true;
    }
    if (lower(s_[i + 3]) == 'd' && at(j) == '{') {
      state_ = S_ACC_ML;
      pos_ = skip_space(s_, j + 1);
      return true;
    }
    return false;
  }

 private:
  enum State : uint8_t { S_INITIAL, S_ACC, S_ACC_ML };
  State state_ = S_INITIAL;
};

// The statement loop; Derived::own(t) handles a token the shared grammar does not know and
// returns false to stop (after reporting the error).
template <class Lexer, class Derived>
class LineParser {
 public:
  LineParser(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), lex_(s_), out_(out) {}

  // `header` names the diagram's first token in messages, e.g. "'journey'".
  void run(const char* header) {
    LexTok t = lex_.next();
    if (t.kind != L_HEADER) return fail(t, "unexpected " + what(t), header, "");
    bool seen_eof = false;
    while (true) {
      t = lex_.next();
      switch (t.kind) {
        case L_END:
          if (!seen_eof)
            fail(t, "unexpected end of diagram", "'}' closing accDescr { ... }",
                 "close the accessibility description with '}'");
          return;
        case L_EOF:
          seen_eof = true;
          continue;
        case L_NL:
        case L_STATEMENT:
        case L_ACC_VALUE:
          continue;
        case L_ACC: {
          LexTok v = lex_.next();
          if (v.kind != L_ACC_VALUE) return fail(v, "unexpected " + what(v), "the accessibility text", "");
          continue;
        }
        default:
          if (!static_cast<Derived*>(this)->own(t)) return;
          continue;
      }
    }
  }

 protected:
  std::string what(const LexTok& t) const { return token_found(s_, t, L_END, L_EOF, L_NL); }
  void fail(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    first_error(out_, p_, t.begin, std::move(msg), what(t), std::move(expected), std::move(hint));
  }

  const Prepared& p_;
  std::string_view s_;
  Lexer lex_;
  std::vector<Diagnostic>& out_;
};

}  // namespace specgate::mermaid
