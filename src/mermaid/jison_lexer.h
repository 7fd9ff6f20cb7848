// Plumbing the hand-written jison lexers share: the scan state (text, position, end reached),
// the start-condition stack, the driver loops of the smaller diagrams' lexers (gantt, journey,
// timeline, mindmap) and of the ER and sequence lexers, and the one token of pushback the
// smaller diagrams' parsers need.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "mermaid/lexkit.h"

namespace specgate::mermaid {

// Where a lexer is in its text.
class LexerText {
 public:
  explicit LexerText(std::string_view s) : s_(s) {}

 protected:
  static uint32_t u(size_t v) { return static_cast<uint32_t>(v); }
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }

  std::string_view s_;
  size_t pos_ = 0;
  bool done_ = false;  // the end of the input has been lexed
};

// A lexer with jison start conditions: push() is begin(), pop() is popState(), and the initial
// condition is never popped.
template <class Cond>
class CondLexer : public LexerText {
 public:
  CondLexer(std::string_view s, Cond initial) : LexerText(s) { stack_.push_back(initial); }

 protected:
  Cond top() const { return static_cast<Cond>(stack_.back()); }
  void push(Cond c) { stack_.push_back(c); }
  void pop() {
    if (stack_.size() > 1) stack_.pop_back();
  }

  std::vector<uint8_t> stack_;
};

// The driver of the smaller diagrams' lexers. A lexer derives from JisonLexer<Self, End, Base>
// and defines step(int& k): it tries its rules at pos_ (first match wins) and either ends with
// take() (a token) or moves pos_ past skipped text (k stays -1). Base is LexerText, or a
// CondLexer for a lexer with start conditions.
template <class Derived, int End, class Base = LexerText>
class JisonLexer : public Base {
 public:
  using Base::Base;

  // The next token; End once the input is exhausted (jison's $end after its last 'EOF').
  LexTok next() {
    while (true) {
      if (this->done_) return LexTok{End, u(this->pos_), u(this->pos_)};
      if (this->pos_ >= this->s_.size()) this->done_ = true;
      size_t b = this->pos_;
      int k = -1;
      static_cast<Derived*>(this)->step(k);
      if (k >= 0) return LexTok{k, u(b), u(this->pos_)};
      // Skip rules never match empty, so this loop always advances or ends.
      if (this->pos_ == b && !this->done_) ++this->pos_;
    }
  }

 protected:
  using Base::u;
  // A rule that yields token `kind` ending at `end`.
  void take(size_t end, int kind, int& k) {
    this->pos_ = end;
    k = kind;
  }
  // keyword\s[^stop]+ (a keyword taking a value on the same line): the match's end, or 0.
  size_t valued(size_t i, std::string_view w, std::string_view stop) const {
    std::string_view s = this->s_;
    if (!lit_ci(s, i, w)) return 0;
    size_t j = i + w.size();
    size_t sp = js_space(s, j);
    if (!sp) return 0;
    size_t n = run_until(s, j + sp, stop);
    return n ? j + sp + n : 0;
  }
};

// The driver of the ER and sequence lexers, which lex the whole text into a list. Derived::next(k)
// tries the rules at pos_: true with a token kind, false after skipped text, or error_ set when
// no rule matches. The list ends with Eof, or with Error at text no rule matches; a rule that
// matches empty text more than four times in a row also ends it (jison would loop forever).
template <class Derived, class Cond, class Tok, auto Eof, auto Error>
class TokenListLexer : public CondLexer<Cond> {
 public:
  using Kind = decltype(Tok::kind);
  using CondLexer<Cond>::CondLexer;

  void run(std::vector<Tok>& out) {
    int empties = 0;
    while (true) {
      if (this->done_) {
        out.push_back(Tok{Eof, u(this->pos_), u(this->pos_)});
        return;
      }
      if (this->pos_ >= this->s_.size()) this->done_ = true;
      size_t before = this->pos_;
      Kind k;
      bool has = static_cast<Derived*>(this)->next(k);
      if (error_) {
        out.push_back(Tok{Error, u(before), u(before)});
        return;
      }
      if (!has) continue;
      if (this->pos_ == before && ++empties > 4) {
        out.push_back(Tok{Eof, u(this->pos_), u(this->pos_)});
        return;
      }
      if (this->pos_ != before) empties = 0;
      out.push_back(Tok{k, u(before), u(this->pos_)});
    }
  }

 protected:
  using CondLexer<Cond>::u;
  // A case-insensitive keyword, followed by \b when it ends in a word character.
  // Always inlined: lexers call it per keyword try, and where the compiler chose not to inline it
  // (larger translation units) validation ran ~10% slower (docs/performance.md).
  [[gnu::always_inline]] bool kw(size_t i, std::string_view w) const {
    return lit_ci(this->s_, i, w) && !(is_word(w.back()) && is_word(this->at(i + w.size())));
  }
  // A rule that yields token `kind` of n bytes.
  bool take(size_t n, Kind kind, Kind& out) {
    this->pos_ += n;
    out = kind;
    return true;
  }

  bool error_ = false;
};

// A lexer with one token of pushback (where the grammar looks one token ahead).
template <class Lexer>
class Lookahead {
 public:
  explicit Lookahead(std::string_view s) : lex_(s) {}

  LexTok next() {
    if (has_pending_) {
      has_pending_ = false;
      return pending_;
    }
    return lex_.next();
  }
  void unread(const LexTok& t) {
    pending_ = t;
    has_pending_ = true;
  }

 private:
  Lexer lex_;
  LexTok pending_;
  bool has_pending_ = false;
};

}  // namespace specgate::mermaid
