// State diagram validator (stateDiagram and stateDiagram-v2 share one grammar). Emulates
// stateDiagram.jison as shipped in Mermaid 11.17.2: a case-insensitive lexer whose rules are
// tried in order within the current start condition (first match wins), then the statement
// grammar, then the one check the state database makes at parse time (a composite state may
// carry at most one description).
//
// The grammar has no statement separator: statements simply follow each other, which is why
// Mermaid accepts so much (`s1 --> s2 A transition` is two statements). Most rejections come from
// the lexer: a character no rule of the current condition matches.
#include <map>
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/state_model.h"
#include "mermaid/jison_lexer.h"
#include "mermaid/token_cursor.h"

namespace specgate::mermaid {
namespace {

// Start conditions that can be entered.
enum Cond : uint8_t {
  C_INITIAL, C_STRUCT, C_FLOATING_NOTE_ID, C_FLOATING_NOTE, C_NOTE_TEXT, C_NOTE_ID, C_NOTE,
  C_STYLEDEF_STYLES, C_STYLE, C_CLASS_STYLE, C_CLASS, C_CLASSDEFID, C_CLASSDEF, C_ACC_DESCR_ML,
  C_ACC_DESCR, C_ACC_TITLE, C_SCALE, C_STATE_ID, C_STATE_STRING, C_STATE, C_COUNT
};

enum Kind : uint8_t {
  K_EOF, K_ERROR, K_SINGLE_WORD, K_NL, K_SD, K_ID, K_EDGE_STATE, K_DESCR, K_ARROW, K_HIDE_EMPTY,
  K_SCALE, K_WIDTH, K_COMPOSIT_STATE, K_STRUCT_START, K_STRUCT_STOP, K_STATE_DESCR, K_AS, K_FORK,
  K_JOIN, K_CHOICE, K_CONCURRENT, K_NOTE, K_NOTE_TEXT, K_LEFT_OF, K_RIGHT_OF, K_DIRECTION,
  K_ACC_TITLE, K_ACC_TITLE_VALUE, K_ACC_DESCR, K_ACC_DESCR_VALUE, K_ACC_ML_VALUE, K_CLICK,
  K_STRING, K_HREF, K_CLASSDEF, K_CLASSDEF_ID, K_CLASSDEF_STYLEOPTS, K_DEFAULT,
  K_DEFAULT_CLASSDEF_ID, K_STYLE, K_STYLE_IDS, K_STYLEDEF_STYLEOPTS, K_CLASS, K_CLASSENTITY_IDS,
  K_STYLECLASS, K_STYLE_SEPARATOR, K_INVALID, K_NONE
};

struct Tok {
  Kind kind;
  uint32_t begin;
  uint32_t end;
};

// The rules each condition tries, in order (rule numbers as in the shipped lexer).
const std::vector<uint8_t>& rules_of(Cond c) {
  static const std::vector<uint8_t> table[C_COUNT] = {
      /* INITIAL */ {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 16, 18, 20, 23, 27, 30, 33, 36, 55,
                     58, 69, 70, 71, 72, 73, 74, 75, 77, 78, 79},
      /* struct */ {10, 11, 12, 23, 27, 30, 36, 43, 44, 45, 46, 56, 57, 58, 72, 73, 74, 75, 76, 77},
      /* FLOATING_NOTE_ID */ {65},
      /* FLOATING_NOTE */ {62, 63, 64},
      /* NOTE_TEXT */ {67, 68},
      /* NOTE_ID */ {66},
      /* NOTE */ {59, 60, 61},
      /* STYLEDEF_STYLES */ {32},
      /* STYLE */ {31},
      /* CLASS_STYLE */ {29},
      /* CLASS */ {28},
      /* CLASSDEFID */ {26},
      /* CLASSDEF */ {24, 25},
      /* acc_descr_multiline */ {21, 22},
      /* acc_descr */ {19},
      /* acc_title */ {17},
      /* SCALE */ {14, 15, 34, 35},
      /* STATE_ID */ {49},
      /* STATE_STRING */ {50, 51},
      /* STATE */ {10, 11, 12, 37, 38, 39, 40, 41, 42, 47, 48, 52, 53, 54, 55},
  };
  return table[c];
}

constexpr size_t kNo = std::string::npos;

class Lexer : CondLexer<Cond> {
 public:
  explicit Lexer(std::string_view s) : CondLexer(s, C_INITIAL) {}

  void run(std::vector<Tok>& out) {
    int empties = 0;
    while (true) {
      if (done_) {
        out.push_back(Tok{K_EOF, u(pos_), u(pos_)});
        return;
      }
      if (pos_ >= s_.size()) done_ = true;
      size_t before = pos_;
      Kind k = K_NONE;
      bool matched = false;
      for (uint8_t r : rules_of(top())) {
        size_t n = match(r, pos_);
        if (n == kNo) continue;
        matched = true;
        k = act(r, n);
        break;
      }
      if (!matched) {
        out.push_back(Tok{pos_ >= s_.size() ? K_EOF : K_ERROR, u(pos_), u(pos_)});
        return;
      }
      if (k == K_SINGLE_WORD) {
        out.push_back(Tok{k, u(before), u(pos_)});
        return;
      }
      if (done_ && pos_ < s_.size()) done_ = false;
      // Guard against a zero-length match that changes nothing (Mermaid would spin forever).
      if (pos_ == before && ++empties > 8) {
        out.push_back(Tok{K_EOF, u(pos_), u(pos_)});
        return;
      }
      if (pos_ != before) empties = 0;
      if (k != K_NONE) out.push_back(Tok{k, u(before), u(pos_)});
    }
  }

 private:
  bool word_at(size_t i) const { return i < s_.size() && is_word(s_[i]); }
  // A case-insensitive literal followed by \b when the literal ends in a word character.
  size_t kw(size_t i, std::string_view w) const {
    if (!lit_ci(s_, i, w)) return kNo;
    if (is_word(w.back()) && word_at(i + w.size())) return kNo;
    return w.size();
  }
  // literal followed by \s+
  size_t kw_space(size_t i, std::string_view w) const {
    if (!lit_ci(s_, i, w)) return kNo;
    size_t e = skip_space(s_, i + w.size());
    return e == i + w.size() ? kNo : e - i;
  }
  size_t run_not(size_t i, std::string_view set, bool no_space) const {
    size_t j = i;
    while (j < s_.size()) {
      if (in_set(s_[j], set)) break;
      if (no_space && js_space(s_, j)) break;
      j += utf8_seq_len(s_, j);
    }
    return j - i;
  }
  size_t word_run(size_t i) const {
    size_t j = i;
    while (word_at(j)) ++j;
    return j - i;
  }
  // End of the "." line containing i: the first line terminator at or after i.
  size_t dot_end(size_t i) const {
    while (size_t n = js_dot(s_, i)) i += n;
    return i;
  }

  // .*direction\s+XX[^\n]* : per "." line, the last start of each of the four forms.
  size_t match_direction(size_t i, int which) {
    if (!(i >= dir_begin_ && i < dir_end_)) {
      dir_begin_ = i;
      dir_end_ = dot_end(i);
      for (int w = 0; w < 4; ++w) dir_last_[w] = kNo;
      static constexpr std::string_view codes[] = {"TB", "BT", "RL", "LR"};
      for (size_t f = i; f + 9 <= dir_end_; ++f) {
        if (!lit_ci(s_, f, "direction")) continue;
        size_t w = skip_space(s_, f + 9);
        if (w == f + 9) continue;
        for (int c = 0; c < 4; ++c)
          if (lit_ci(s_, w, codes[c])) {
            dir_last_[c] = f;
            dir_stop_[c] = line_end(s_, w);
          }
      }
    }
    if (dir_last_[which] == kNo || dir_last_[which] < i) return kNo;
    return dir_stop_[which] - i;
  }
  // .*<<fork>> and friends: the last occurrence on the "." line.
  size_t match_marker(size_t i, int which) {
    static constexpr std::string_view marks[] = {"<<fork>>", "<<join>>", "<<choice>>", "[[fork]]", "[[join]]", "[[choice]]"};
    if (!(i >= mk_begin_ && i < mk_end_)) {
      mk_begin_ = i;
      mk_end_ = dot_end(i);
      for (int w = 0; w < 6; ++w) mk_last_[w] = kNo;
      for (size_t f = i; f < mk_end_; ++f) {
        if (s_[f] != '<' && s_[f] != '[') continue;
        for (int w = 0; w < 6; ++w) {
          std::string_view m = marks[w];
          if (f + m.size() <= mk_end_ && lit_ci(s_, f, m)) mk_last_[w] = f;
        }
      }
    }
    if (mk_last_[which] == kNo || mk_last_[which] < i) return kNo;
    return mk_last_[which] + std::string_view(marks[which]).size() - i;
  }
  // \w+\s+\w+.*?\{ : the next '{' on the "." line, cached (queries only move forward).
  size_t match_single_word(size_t i) {
    size_t a = word_run(i);
    if (!a) return kNo;
    size_t sp = skip_space(s_, i + a);
    if (sp == i + a) return kNo;
    size_t b = word_run(sp);
    if (!b) return kNo;
    size_t from = sp + b;
    if (!(brace_from_ <= from && (brace_at_ == kNo ? from <= brace_line_end_ : from <= brace_at_))) {
      brace_from_ = from;
      brace_line_end_ = dot_end(from);
      size_t f = s_.find('{', from);
      brace_at_ = (f == std::string_view::npos || f >= brace_line_end_) ? kNo : f;
    }
    if (brace_at_ == kNo || brace_at_ >= brace_line_end_) return kNo;
    return brace_at_ + 1 - i;
  }
  // [\s\S]*?\n\s*end note\b : the first such end at or after i, cached.
  size_t match_end_note(size_t i) {
    if (!(note_from_ <= i && (note_at_ == kNo || i <= note_at_))) {
      note_from_ = i;
      note_at_ = kNo;
      for (size_t k = s_.find('\n', i); k != std::string_view::npos; k = s_.find('\n', k + 1)) {
        size_t w = skip_space(s_, k + 1);
        if (lit_ci(s_, w, "end note") && !word_at(w + 8)) {
          note_at_ = k;
          note_stop_ = w + 8;
          break;
        }
      }
    }
    if (note_at_ == kNo) return kNo;
    return note_stop_ - i;
  }

  size_t match(uint8_t r, size_t i) {
    const char c = at(i);
    const bool eof = i >= s_.size();
    switch (r) {
      case 0: return kw(i, "click");
      case 1: return kw(i, "href");
      case 2: {
        if (c != '"') return kNo;
        size_t e = s_.find('"', i + 1);
        return e == std::string_view::npos ? kNo : e + 1 - i;
      }
      case 3: return kw(i, "default");
      case 4: case 5: case 6: case 7: return match_direction(i, r - 4);
      case 43: case 44: case 45: case 46: return match_direction(i, r - 43);
      case 8: case 57: case 54: {
        if (c != '\n') return kNo;
        if (r != 8) return 1;
        size_t e = i;
        while (at(e) == '\n') ++e;
        return e - i;
      }
      case 9: {
        size_t e = skip_space(s_, i);
        return e == i ? kNo : e - i;
      }
      case 10: {
        size_t e = i;
        while (at(e) != '\n' && js_space(s_, e)) e += js_space(s_, e);
        return e == i ? kNo : e - i;
      }
      case 11: return c == '#' && !eof ? line_end(s_, i) - i : kNo;
      case 12: return lit(s_, i, "%%") && at(i + 2) != '{' ? line_end(s_, i) - i : kNo;
      case 13: case 33: return kw_space(i, "scale");
      case 14: case 34: {
        size_t e = i;
        while (is_digit(at(e))) ++e;
        return e == i ? kNo : e - i;
      }
      case 15: case 35: {
        size_t e = skip_space(s_, i);
        if (e == i || !lit_ci(s_, e, "width") || word_at(e + 5)) return kNo;
        return e + 5 - i;
      }
      case 16: case 18: {
        const char* w = r == 16 ? "accTitle" : "accDescr";
        if (!lit_ci(s_, i, w)) return kNo;
        size_t e = skip_space(s_, i + 8);
        if (at(e) != ':') return kNo;
        return skip_space(s_, e + 1) - i;
      }
      case 20: {
        if (!lit_ci(s_, i, "accDescr")) return kNo;
        size_t e = skip_space(s_, i + 8);
        if (at(e) != '{') return kNo;
        return skip_space(s_, e + 1) - i;
      }
      case 17: case 19: case 26: case 29: case 32: case 65: return line_end(s_, i) - i;
      case 21: return c == '}' ? 1 : kNo;
      case 22: {
        size_t e = s_.find('}', i);
        return (e == std::string_view::npos ? s_.size() : e) - i;
      }
      case 23: return kw_space(i, "classDef");
      case 24: return kw_space(i, "DEFAULT");
      case 25: {
        size_t a = word_run(i);
        if (!a) return kNo;
        size_t e = skip_space(s_, i + a);
        return e == i + a ? kNo : e - i;
      }
      case 27: return kw_space(i, "class");
      case 28: {
        size_t a = word_run(i);
        if (!a) return kNo;
        size_t e = i + a;
        while (at(e) == ',') {
          size_t w = skip_space(s_, e + 1);
          size_t b = word_run(w);
          if (!b) break;
          e = w + b;
        }
        return e - i;
      }
      case 30: return kw_space(i, "style");
      case 31: {
        size_t e = i;
        while (word_at(e) || at(e) == ',') ++e;
        if (e == i) return kNo;
        size_t f = skip_space(s_, e);
        return f == e ? kNo : f - i;
      }
      case 36: return kw_space(i, "state");
      case 37: case 38: case 39: case 40: case 41: case 42: return match_marker(i, r - 37);
      case 47: case 50: case 61: case 63: return c == '"' && !eof ? 1 : kNo;
      case 48: {
        size_t e = skip_space(s_, i);
        if (!lit_ci(s_, e, "as")) return kNo;
        size_t f = skip_space(s_, e + 2);
        return f == e + 2 ? kNo : f - i;
      }
      case 62: {
        size_t e = skip_space(s_, i);
        if (!lit_ci(s_, e, "as")) return kNo;
        return skip_space(s_, e + 2) - i;
      }
      case 49: return run_not(i, "\n{", false);
      case 51: case 64: {
        size_t e = s_.find('"', i);
        return (e == std::string_view::npos ? s_.size() : e) - i;
      }
      case 52: return match_single_word(i);
      case 53: {
        size_t n = run_not(i, "\n{", true);
        return n ? n : kNo;
      }
      case 55: return c == '{' ? 1 : kNo;
      case 56: return c == '}' ? 1 : kNo;
      case 58: return kw_space(i, "note");
      case 59: return kw(i, "left of");
      case 60: return kw(i, "right of");
      case 66: {
        size_t e = skip_space(s_, i);
        size_t n = run_not(e, ":\n-", true);
        return n ? e + n - i : kNo;
      }
      case 67: {
        size_t e = skip_space(s_, i);
        if (at(e) != ':') return kNo;
        size_t n = run_not(e + 1, ":\n;", false);
        return n ? e + 1 + n - i : kNo;
      }
      case 68: return match_end_note(i);
      case 69: return kw_space(i, "stateDiagram");
      case 70: return kw_space(i, "stateDiagram-v2");
      case 71: return kw(i, "hide empty description");
      case 72: return lit(s_, i, "[*]") ? 3 : kNo;
      case 73: {
        size_t n = run_not(i, ":\n-{", true);
        return n ? n : kNo;
      }
      case 74: {
        size_t e = skip_space(s_, i);
        if (at(e) != ':') return kNo;
        size_t j = e + 1;
        auto plain = [&](size_t k) { return k < s_.size() && s_[k] != ':' && s_[k] != '\n' && s_[k] != ';'; };
        while (true) {
          if (plain(j)) {
            j += utf8_seq_len(s_, j);
          } else if (at(j) == ':' && j < s_.size() && plain(j + 1)) {
            j += 1 + utf8_seq_len(s_, j + 1);
          } else {
            break;
          }
        }
        return j == e + 1 ? kNo : j - i;
      }
      case 75: return lit(s_, i, "-->") ? 3 : kNo;
      case 76: return lit(s_, i, "--") ? 2 : kNo;
      case 77: return lit(s_, i, ":::") ? 3 : kNo;
      case 78: return eof ? 0 : kNo;
      case 79: {
        size_t n = js_dot(s_, i);
        return n ? n : kNo;
      }
    }
    return kNo;
  }

  // Mermaid's processId: an id containing "%%" ends there (the rest is a comment); an id that
  // starts with "%%" is dropped. Returns false when the token is dropped.
  bool process_id(size_t begin, size_t& end) {
    std::string_view t = s_.substr(begin, end - begin);
    size_t idx = t.find("%%");
    if (idx == 0) return false;
    if (idx != std::string_view::npos) end = begin + idx;
    return true;
  }

  // Applies rule r's action to a match of n bytes at pos_; returns the token (K_NONE: none).
  Kind act(uint8_t r, size_t n) {
    size_t b = pos_;
    size_t e = pos_ + n;
    pos_ = e;
    switch (r) {
      case 0: return K_CLICK;
      case 1: return K_HREF;
      case 2: return K_STRING;
      case 3: return K_DEFAULT;
      case 4: case 5: case 6: case 7: case 43: case 44: case 45: case 46: return K_DIRECTION;
      case 8: case 78: return K_NL;
      case 9: case 10: case 11: case 12: case 57: return K_NONE;
      case 13: case 33: push(C_SCALE); return K_SCALE;
      case 14: case 34: return K_WIDTH;
      case 15: case 35: pop(); return K_NONE;
      case 16: push(C_ACC_TITLE); return K_ACC_TITLE;
      case 17: pop(); return K_ACC_TITLE_VALUE;
      case 18: push(C_ACC_DESCR); return K_ACC_DESCR;
      case 19: pop(); return K_ACC_DESCR_VALUE;
      case 20: push(C_ACC_DESCR_ML); return K_NONE;
      case 21: pop(); return K_NONE;
      case 22: return K_ACC_ML_VALUE;
      case 23: push(C_CLASSDEF); return K_CLASSDEF;
      case 24: pop(); push(C_CLASSDEFID); return K_DEFAULT_CLASSDEF_ID;
      case 25: pop(); push(C_CLASSDEFID); return K_CLASSDEF_ID;
      case 26: pop(); return K_CLASSDEF_STYLEOPTS;
      case 27: push(C_CLASS); return K_CLASS;
      case 28: pop(); push(C_CLASS_STYLE); return K_CLASSENTITY_IDS;
      case 29: pop(); return K_STYLECLASS;
      case 30: push(C_STYLE); return K_STYLE;
      case 31: pop(); push(C_STYLEDEF_STYLES); return K_STYLE_IDS;
      case 32: pop(); return K_STYLEDEF_STYLEOPTS;
      case 36: push(C_STATE); return K_NONE;
      case 37: case 40: pop(); return K_FORK;
      case 38: case 41: pop(); return K_JOIN;
      case 39: case 42: pop(); return K_CHOICE;
      case 47: push(C_STATE_STRING); return K_NONE;
      case 48: push(C_STATE_ID); return K_AS;
      case 49: case 65:
        if (!process_id(b, e)) return K_NONE;
        pos_ = e;
        pop();
        return K_ID;
      case 50: pop(); return K_NONE;
      case 51: return K_STATE_DESCR;
      case 52: return K_SINGLE_WORD;
      case 53: return K_COMPOSIT_STATE;
      case 54: pop(); return K_NONE;
      case 55: pop(); push(C_STRUCT); return K_STRUCT_START;
      case 56: pop(); return K_STRUCT_STOP;
      case 58: push(C_NOTE); return K_NOTE;
      case 59: pop(); push(C_NOTE_ID); return K_LEFT_OF;
      case 60: pop(); push(C_NOTE_ID); return K_RIGHT_OF;
      case 61: pop(); push(C_FLOATING_NOTE); return K_NONE;
      case 62: pop(); push(C_FLOATING_NOTE_ID); return K_AS;
      case 63: return K_NONE;
      case 64: return K_NOTE_TEXT;
      case 66:
        if (!process_id(b, e)) return K_NONE;
        pos_ = e;
        pop();
        push(C_NOTE_TEXT);
        return K_ID;
      case 67: case 68: pop(); return K_NOTE_TEXT;
      case 69: case 70: return K_SD;
      case 71: return K_HIDE_EMPTY;
      case 72: return K_EDGE_STATE;
      case 73:
        if (!process_id(b, e)) return K_NONE;
        pos_ = e;
        return K_ID;
      case 74: return K_DESCR;
      case 75: return K_ARROW;
      case 76: return K_CONCURRENT;
      case 77: return K_STYLE_SEPARATOR;
      case 79: return K_INVALID;
    }
    return K_NONE;
  }

  size_t dir_begin_ = 1, dir_end_ = 0;
  size_t dir_last_[4] = {kNo, kNo, kNo, kNo};
  size_t dir_stop_[4] = {0, 0, 0, 0};
  size_t mk_begin_ = 1, mk_end_ = 0;
  size_t mk_last_[6] = {kNo, kNo, kNo, kNo, kNo, kNo};
  size_t brace_from_ = 1, brace_at_ = 0, brace_line_end_ = 0;
  size_t note_from_ = 1, note_at_ = 0, note_stop_ = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

class Parser : TokenCursor<Tok> {
 public:
  Parser(const Prepared& p, std::vector<Tok> t)
      : TokenCursor(std::move(t)), p_(p), s_(p.text()), m_(p.models ? p.models->state : nullptr) {}

  void run(std::vector<Diagnostic>& out) {
    out_ = &out;
    parse();
    if (!failed()) check_groups();
    if (m_ && !failed()) apply_later();
  }

 private:
  bool failed() const { return !out_->empty(); }
  std::string_view text(const Tok& t) const { return s_.substr(t.begin, t.end - t.begin); }
  void fail_at(size_t off, std::string msg, std::string found, std::string expected, std::string hint) {
    if (failed()) return;
    // Tokens such as ' : text' start with blanks; point at the text.
    size_t b = skip_blank(s_, off);
    if (b < s_.size() && s_[b] != '\n') off = b;
    out_->push_back(diag_at(p_, off, std::move(msg), std::move(found), std::move(expected), std::move(hint)));
  }

  // Reports the current token as unexpected, with a diagnosis for the usual mistakes.
  void unexpected(std::string expected, std::string hint = "") {
    const Tok& t = peek();
    if (t.kind == K_ERROR) {
      lexical_error(t, std::move(expected));
      return;
    }
    if (t.kind == K_SINGLE_WORD) {
      std::string_view w = text(t);
      w = w.substr(0, w.size() - 1);
      w = trim(w);
      fail_at(t.begin, "state name must be a single word: '" + std::string(w) + "'", describe(s_, t.begin, t.end - t.begin),
              "a state name without spaces",
              "give the state an id and the words as its description: state \"" + std::string(w) +
                  "\" as " + id_from(w) + " {");
      return;
    }
    size_t tb = std::min<size_t>(skip_blank(s_, t.begin), t.end);
    std::string found = t.kind == K_EOF ? "end of diagram" : t.kind == K_NL ? "end of line"
                                                                           : describe(s_, tb, t.end - tb);
    if (t.kind == K_INVALID && s_[t.begin] == '-') {
      if (i_ > 0 && peek_prev().kind == K_ID && peek_prev().end == t.begin) {
        size_t b = peek_prev().begin;
        size_t e = b;
        while (e < s_.size() && !js_space(s_, e) && s_[e] != ':') e += utf8_seq_len(s_, e);
        std::string name(s_.substr(b, e - b));
        fail_at(t.begin, "'-' is not allowed in a state id", found, std::move(expected),
                "declare the state with an id and the text as its description: state \"" + name +
                    "\" as " + id_from(name));
        return;
      }
      fail_at(t.begin, "unexpected " + found + ": transitions are written with '-->'", found,
              std::move(expected), "write: A --> B");
      return;
    }
    if (t.kind == K_ARROW) {
      fail_at(t.begin, "transitions cannot be chained", found, std::move(expected),
              "write one transition per line: A --> B and B --> C");
      return;
    }
    if (t.kind == K_DEFAULT_CLASSDEF_ID) {
      fail_at(t.begin, "'default' cannot be defined with classDef in a state diagram", found,
              std::move(expected), "use another class name");
      return;
    }
    if (t.kind == K_DESCR && i_ > 0 && peek_prev().kind == K_DESCR) {
      fail_at(t.begin, "a description cannot contain '::' or ';:'", found, std::move(expected),
              "reword the description, or quote it in a state declaration: state \"...\" as Id");
      return;
    }
    if (t.kind == K_EOF && !open_.empty()) {
      const Tok& o = t_[open_.back()];
      fail_at(o.begin, "composite state is not closed", found, "'}'",
              "add a line with '}' after the composite state's content");
      return;
    }
    if (t.kind == K_INVALID && s_[t.begin] == ':') {
      fail_at(t.begin, "empty description after ':'", found, std::move(expected),
              "write the description after the colon, or remove the colon");
      return;
    }
    fail_at(t.begin, "unexpected " + found, found, std::move(expected), std::move(hint));
  }
  const Tok& peek_prev() const { return t_[i_ - 1]; }
  static std::string id_from(std::string_view w) {
    std::string id;
    for (char c : w) id += is_word(c) ? c : '_';
    return id;
  }
  void lexical_error(const Tok& t, std::string expected) {
    std::string found = describe(s_, t.begin, t.begin < s_.size() ? utf8_seq_len(s_, t.begin) : 0);
    // What the lexer was reading tells what went wrong.
    size_t ls = t.begin;
    while (ls > 0 && s_[ls - 1] != '\n') --ls;
    std::string_view line = trim(s_.substr(ls, line_end(s_, ls) - ls));
    if (lit_ci(line, 0, "note ") && lit_ci(s_, t.begin, "over")) {
      fail_at(t.begin, "state diagram notes are placed 'left of' or 'right of' a state, not 'over'",
              found, "'left of' or 'right of'", "write: note right of A : text");
      return;
    }
    if (lit_ci(line, 0, "note ")) {
      fail_at(t.begin, "unterminated or malformed note", found, "':' and the note text, or 'end note'",
              "write 'note left of A : text', or put the text on the following lines and end it "
              "with 'end note'");
      return;
    }
    if (lit_ci(line, 0, "classDef ")) {
      fail_at(t.begin, "classDef name must be a single word (letters, digits, '_') followed by styles",
              found, "a class name and its styles", "write: classDef myStyle fill:#f96");
      return;
    }
    if (lit_ci(line, 0, "scale ")) {
      fail_at(t.begin, "scale needs a number followed by 'width'", found, "'width'", "write: scale 350 width");
      return;
    }
    if (t.begin < s_.size() && s_[t.begin] == '-') {
      fail_at(t.begin, "unrecognized text " + found + ": transitions are written with '-->'", found,
              std::move(expected), "write: A --> B");
      return;
    }
    fail_at(t.begin, "unrecognized text " + found, found, std::move(expected), "");
  }

  bool expect(Kind k, const char* what, const char* hint = "") {
    if (kind() != k) {
      unexpected(what, hint);
      return false;
    }
    advance();
    return true;
  }

  // idStatement: (ID | [*]) [::: ID]; returns the id token index.
  bool id_statement(size_t& id_tok) {
    if (kind() != K_ID && kind() != K_EDGE_STATE) {
      unexpected("a state id or [*]");
      return false;
    }
    id_tok = i_;
    advance();
    if (kind() == K_STYLE_SEPARATOR) {
      advance();
      if (!expect(K_ID, "a class name after ':::'")) return false;
    }
    return true;
  }

  void note_description(size_t id_tok, const Tok& at) {
    if (t_[id_tok].kind != K_ID) return;
    std::string id(trim(text(t_[id_tok])));
    State& st = states_[id];
    if (++st.descriptions == 2) st.second_description = at.begin;
  }

  int parent() const { return comp_.empty() ? -1 : comp_.back(); }
  // The state an id token names; [*] is the start state of the current composite as a source
  // and its end state as a target: one of each per composite, and per concurrent region after
  // the first (`--`), as Mermaid draws them (corpus 0361).
  size_t state_of(size_t tok, bool target) {
    const Tok& t = t_[tok];
    if (t.kind == K_EDGE_STATE) {
      std::string id = comp_.empty() ? std::string("root") : m_->nodes[static_cast<size_t>(parent())].id;
      if (region_.back() > 0) id += "----region-" + std::to_string(region_.back());
      id += target ? "_end" : "_start";
      size_t n = m_->node(id, parent());
      m_->nodes[n].kind = target ? StateKind::End : StateKind::Start;
      m_->nodes[n].region = region_.back();
      return n;
    }
    return named(trim(text(t)));
  }
  size_t named(std::string_view id) {
    size_t n = m_->node(id, parent());
    if (m_->nodes[n].region == 0) m_->nodes[n].region = region_.back();
    return n;
  }
  // `class ids name` and `style ids css`: Mermaid's setCssClass and handleStyleDef put a state
  // they name into its state map, but draws only the states the other statements name: a state
  // named by nothing else is not drawn (corpus 0364: `class end badBadEvent`). Applied at the end,
  // to the states that exist then, wherever they were declared.
  struct Later {
    std::string id, css_class, style;
  };
  std::vector<Later> later_;
  void apply_later() {
    for (const Later& l : later_) {
      auto it = m_->index.find(l.id);
      if (it == m_->index.end()) continue;
      StateNode& n = m_->nodes[it->second];
      if (!l.css_class.empty()) n.classes.push_back(l.css_class);
      if (!l.style.empty()) n.style += (n.style.empty() ? "" : ",") + l.style;
    }
  }
  void add_class_after(size_t id_tok, size_t n) {
    if (id_tok + 2 < t_.size() && t_[id_tok + 1].kind == K_STYLE_SEPARATOR && t_[id_tok + 2].kind == K_ID)
      m_->nodes[n].classes.emplace_back(trim(text(t_[id_tok + 2])));
  }
  static std::vector<std::string_view> split_ids(std::string_view ids) {
    std::vector<std::string_view> out;
    size_t b = 0;
    for (size_t i = 0; i <= ids.size(); ++i) {
      if (i == ids.size() || ids[i] == ',') {
        std::string_view w = trim(ids.substr(b, i - b));
        if (!w.empty()) out.push_back(w);
        b = i + 1;
      }
    }
    return out;
  }
  static std::string direction_of(std::string_view tok) {
    size_t at = tok.rfind("direction");
    std::string_view d = at == std::string_view::npos ? tok : trim(tok.substr(at + 9));
    return d == "TD" ? "TB" : std::string(d.substr(0, 2));
  }
  void open_composite(std::string_view id) {
    size_t n = named(id);
    m_->nodes[n].kind = StateKind::Composite;
    comp_.push_back(static_cast<int>(n));
    region_.push_back(0);
  }

  void parse() {
    while (kind() == K_NL) advance();
    if (!expect(K_SD, "'stateDiagram' or 'stateDiagram-v2'")) return;
    while (!failed()) {
      Kind k = kind();
      if (k == K_EOF) {
        if (!open_.empty()) unexpected("'}'");
        return;
      }
      if (k == K_NL) {
        advance();
        continue;
      }
      if (k == K_STRUCT_STOP && !open_.empty()) {
        open_.pop_back();
        if (m_ && !comp_.empty()) {
          comp_.pop_back();
          region_.pop_back();
        }
        advance();
        continue;
      }
      statement();
    }
  }

  void statement() {
    Kind k = kind();
    switch (k) {
      case K_CLASSDEF:
        advance();
        if (kind() != K_CLASSDEF_ID && kind() != K_DEFAULT) {
          unexpected("a class name");
          return;
        }
        advance();
        if (m_ && kind() == K_CLASSDEF_STYLEOPTS)
          for (std::string_view c : split_ids(text(t_[i_ - 1])))
            m_->class_defs[std::string(c)] = std::string(trim(text(peek())));
        expect(K_CLASSDEF_STYLEOPTS, "the class's styles");
        return;
      case K_STYLE:
        advance();
        if (expect(K_STYLE_IDS, "state ids")) {
          if (m_ && kind() == K_STYLEDEF_STYLEOPTS) {
            for (std::string_view id : split_ids(text(t_[i_ - 1]))) later_.push_back({std::string(id), "", std::string(trim(text(peek())))});
          }
          expect(K_STYLEDEF_STYLEOPTS, "styles");
        }
        return;
      case K_CLASS:
        advance();
        if (expect(K_CLASSENTITY_IDS, "state ids")) {
          if (m_ && kind() == K_STYLECLASS)
            for (std::string_view id : split_ids(text(t_[i_ - 1]))) later_.push_back({std::string(id), std::string(trim(text(peek()))), ""});
          expect(K_STYLECLASS, "a class name");
        }
        return;
      case K_ID:
      case K_EDGE_STATE: {
        size_t a = 0;
        if (!id_statement(a)) return;
        if (kind() == K_DESCR) {
          if (!trim(trim_colon(text(peek()))).empty()) note_description(a, peek());
          if (m_) {
            size_t n = state_of(a, false);
            add_class_after(a, n);
            std::string_view d = trim(trim_colon(text(peek())));
            if (!d.empty()) m_->nodes[n].descriptions.emplace_back(d);
          }
          advance();
          return;
        }
        if (kind() == K_ARROW) {
          advance();
          size_t b = 0;
          if (!id_statement(b)) return;
          if (m_) {
            StateEdge e;
            e.from = state_of(a, false);
            add_class_after(a, e.from);
            e.to = state_of(b, true);
            add_class_after(b, e.to);
            if (kind() == K_DESCR) e.label = std::string(trim(trim_colon(text(peek()))));
            m_->edges.push_back(std::move(e));
          }
          if (kind() == K_DESCR) advance();
          return;
        }
        if (m_) add_class_after(a, state_of(a, false));
        return;
      }
      case K_FORK:
      case K_JOIN:
      case K_CHOICE:
        if (m_) {
          std::string_view t = text(peek());
          size_t mk = t.find_last_of("<[");
          if (mk != std::string_view::npos && mk > 0 && (t[mk - 1] == '<' || t[mk - 1] == '[')) --mk;
          std::string_view id = trim(t.substr(0, mk == std::string_view::npos ? t.size() : mk));
          // Mermaid's dataFetcher gives a state the shape of its first mention: a `<<choice>>`
          // after a transition that named the state leaves it a plain state (gallery fixture 07).
          const bool first_mention = m_->index.count(std::string(id)) == 0;
          size_t n = named(id);
          if (first_mention)
            m_->nodes[n].kind = k == K_FORK ? StateKind::Fork : k == K_JOIN ? StateKind::Join : StateKind::Choice;
        }
        advance();
        return;
      case K_CONCURRENT:
        if (m_) ++region_.back();
        advance();
        return;
      case K_DIRECTION:
        if (m_) {
          std::string d = direction_of(text(peek()));
          if (comp_.empty()) m_->direction = d;
          else m_->nodes[static_cast<size_t>(parent())].direction = d;
        }
        advance();
        return;
      case K_HIDE_EMPTY:
      case K_ACC_ML_VALUE:
        advance();
        return;
      case K_SCALE:
        advance();
        expect(K_WIDTH, "a width");
        return;
      case K_COMPOSIT_STATE: {
        size_t id = i_;
        advance();
        if (kind() == K_STRUCT_START) {
          states_[std::string(trim(text(t_[id])))].group = true;
          open_.push_back(i_);
          if (m_) open_composite(trim(text(t_[id])));
          advance();
        } else if (m_) {
          named(trim(text(t_[id])));
        }
        return;
      }
      case K_STATE_DESCR: {
        advance();
        if (!expect(K_AS, "'as' and an id", "write: state \"Description\" as Id")) return;
        if (kind() != K_ID) {
          unexpected("an id after 'as'");
          return;
        }
        size_t id = i_;
        advance();
        std::string name(trim(text(t_[id])));
        State& st = states_[name];
        if (!trim(text(t_[id - 2])).empty()) {
          if (++st.descriptions == 2) st.second_description = t_[id - 2].begin;
        }
        if (m_) {
          size_t n = named(name);
          std::string_view d = trim(text(t_[id - 2]));
          if (!d.empty()) m_->nodes[n].descriptions.emplace_back(d);
        }
        if (kind() == K_STRUCT_START) {
          st.group = true;
          open_.push_back(i_);
          if (m_) open_composite(name);
          advance();
        }
        return;
      }
      case K_NOTE:
        advance();
        if (kind() == K_LEFT_OF || kind() == K_RIGHT_OF) {
          advance();
          if (expect(K_ID, "the state the note is attached to")) {
            if (m_ && kind() == K_NOTE_TEXT) add_note(named(trim(text(t_[i_ - 1]))), text(peek()));
            expect(K_NOTE_TEXT, "the note text");
          }
          return;
        }
        if (kind() == K_NOTE_TEXT) {
          const size_t note = i_;
          advance();
          if (expect(K_AS, "'as' and an id")) {
            if (m_ && kind() == K_ID) {
              size_t n = named(trim(text(peek())));
              m_->nodes[n].kind = StateKind::Note;
              m_->nodes[n].descriptions.emplace_back(trim(text(t_[note])));
            }
            expect(K_ID, "an id");
          }
          return;
        }
        unexpected("'left of', 'right of' or a quoted note", "write: note left of A : text");
        return;
      case K_ACC_TITLE:
        advance();
        expect(K_ACC_TITLE_VALUE, "a title");
        return;
      case K_ACC_DESCR:
        advance();
        expect(K_ACC_DESCR_VALUE, "a description");
        return;
      case K_CLICK: {
        advance();
        size_t a = 0;
        if (!id_statement(a)) return;
        if (kind() == K_STRING) {
          advance();
          if (expect(K_STRING, "a quoted tooltip", "write: click A \"https://example.com\" \"tooltip\""))
            expect(K_NL, "end of line");
          return;
        }
        if (kind() == K_HREF) {
          advance();
          if (expect(K_STRING, "a quoted URL")) expect(K_NL, "end of line");
          return;
        }
        unexpected("a quoted URL or 'href'", "write: click A href \"https://example.com\"");
        return;
      }
      default:
        unexpected("a state, transition, note or declaration");
        return;
    }
  }

  // A note beside `state`: its own node, linked to the state by a dotted line.
  void add_note(size_t state, std::string_view written) {
    std::string_view t = trim(written);
    if (!t.empty() && t.front() == ':') t = trim(t.substr(1));
    size_t end = t.size();
    // Multi-line notes end with "end note" (the token keeps it).
    if (end >= 8 && lit_ci(t, end - 8, "end note")) t = trim(t.substr(0, end - 8));
    size_t n = m_->node(m_->nodes[state].id + "----note-" + std::to_string(m_->nodes.size()), m_->nodes[state].parent);
    m_->nodes[n].kind = StateKind::Note;
    m_->nodes[n].region = m_->nodes[state].region;
    m_->nodes[n].descriptions.emplace_back(t);
    StateEdge e;
    e.from = state;
    e.to = n;
    e.note_link = true;
    m_->edges.push_back(std::move(e));
  }

  static std::string_view trim_colon(std::string_view d) {
    d = trim(d);
    if (!d.empty() && d.front() == ':') d.remove_prefix(1);
    return d;
  }

  // Mermaid lays out a composite state as a group node, and a group node may carry only one
  // description (its label): a second one fails the whole diagram.
  void check_groups() {
    for (auto& [id, st] : states_) {
      if (st.group && st.descriptions >= 2) {
        fail_at(st.second_description, "composite state '" + id + "' has more than one description",
                "", "at most one description", "keep one: either state \"...\" as " + id + " or " + id + " : ...");
        return;
      }
    }
  }

  struct State {
    bool group = false;
    int descriptions = 0;
    size_t second_description = 0;
  };

  const Prepared& p_;
  std::string_view s_;
  // The model sink (null on validation-only runs); the composite states open, innermost last,
  // and the region each is in.
  StateModel* m_ = nullptr;
  std::vector<int> comp_;
  std::vector<int> region_{0};
  std::vector<size_t> open_;
  std::map<std::string, State> states_;
  std::vector<Diagnostic>* out_ = nullptr;
};

}  // namespace

size_t StateModel::node(std::string_view id, int parent) {
  auto [it, added] = index.try_emplace(std::string(id), nodes.size());
  if (added) {
    StateNode v;
    v.id = std::string(id);
    v.parent = parent;
    nodes.push_back(std::move(v));
  }
  return it->second;
}

StateParse parse_state(std::string_view source) {
  StateParse out;
  Models sinks;
  sinks.state = &out.model;
  out.result = validate(source, sinks);
  return out;
}

void validate_state(const Prepared& p, std::vector<Diagnostic>& out) {
  lex_then_parse<Lexer, Parser, Tok>(p, out);
}

}  // namespace specgate::mermaid
