// Class diagram validator (classDiagram and classDiagram-v2). Emulates classDiagram.jison as
// shipped in Mermaid 11.17.2: a case-sensitive lexer whose rules are tried in order within the
// current start condition (first match wins; namespace, class and class-body conditions nest),
// then the statement grammar, then the check the class database makes at parse time (an
// annotation statement must name a class that already exists).
//
// Member lines inside `{ }` are one opaque MEMBER token each, so they are never checked; the
// strict parts are class names, relations, labels and the statement keywords.
#include <set>
#include <string>
#include <vector>

#include "mermaid/class_model.h"
#include "mermaid/diagrams.h"
#include "mermaid/jison_lexer.h"
#include "mermaid/models.h"
#include "mermaid/token_cursor.h"

namespace specgate::mermaid {
namespace {

enum Cond : uint8_t {
  C_INITIAL, C_ACC_TITLE, C_ACC_DESCR, C_ACC_DESCR_ML, C_CALLBACK_NAME, C_CALLBACK_ARGS, C_STRING,
  C_GENERIC, C_BQSTRING, C_NAMESPACE, C_NAMESPACE_BODY, C_CLASS, C_CLASS_BODY, C_COUNT
};

enum Kind : uint8_t {
  K_EOF, K_ERROR, K_NONE, K_DIRECTION, K_ACC_TITLE, K_ACC_TITLE_VALUE, K_ACC_DESCR,
  K_ACC_DESCR_VALUE, K_ACC_ML_VALUE, K_NEWLINE, K_CLASS_DIAGRAM, K_EDGE_STATE, K_CALLBACK_NAME,
  K_CALLBACK_ARGS, K_STR, K_STYLE, K_CLASSDEF, K_NAMESPACE, K_STRUCT_START, K_STRUCT_STOP,
  K_EOF_IN_STRUCT, K_CLASS, K_OPEN_IN_STRUCT, K_MEMBER, K_CSSCLASS, K_CALLBACK, K_LINK, K_CLICK,
  K_NOTE_FOR, K_NOTE, K_ANNOTATION_START, K_ANNOTATION_END, K_HREF, K_GENERICTYPE, K_BQUOTE_STR,
  K_LINK_TARGET, K_EXTENSION, K_DEPENDENCY, K_COMPOSITION, K_AGGREGATION, K_LOLLIPOP, K_LINE,
  K_DOTTED_LINE, K_LABEL, K_STYLE_SEPARATOR, K_MINUS, K_DOT, K_PLUS, K_COLON, K_COMMA, K_BRKT,
  K_PCT, K_EQUALS, K_ALPHA, K_SQS, K_SQE, K_PUNCTUATION, K_NUM, K_UNICODE_TEXT, K_SPACE, K_END
};

struct Tok {
  Kind kind;
  uint32_t begin;
  uint32_t end;
};

// Rules every exclusive condition shares (<*> in the grammar), in order.
#define SHARED 50, 51, 52, 53, 54, 55, 56, 57, 58, 61, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, \
               75, 76, 77, 78, 79, 80, 81, 82, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 98

const std::vector<uint8_t>& rules_of(Cond c) {
  static const std::vector<uint8_t> table[C_COUNT] = {
      /* INITIAL */ {0,  1,  2,  3,  4,  5,  6,  8,  10, 13, 14, 15, 16, 17, 18, 26, 27, 28, 29, 39,
                     50, 51, 52, 53, 54, 55, 56, 57, 58, 61, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73,
                     74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93,
                     94, 95, 96, 97, 98},
      /* acc_title */ {7, 26, SHARED},
      /* acc_descr */ {9, 26, SHARED},
      /* acc_descr_multiline */ {11, 12, 26, SHARED},
      /* callback_name */ {19, 20, 21, 26, SHARED},
      /* callback_args */ {22, 23, 26, SHARED},
      /* string */ {24, 25, 26, SHARED},
      /* generic */ {26, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 64, 65, 66, 67, 68, 69, 70,
                     71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 87, 88, 89, 90, 91, 92, 93, 94,
                     95, 96, 98},
      /* bqstring */ {26, 50, 51, 52, 53, 54, 55, 56, 57, 58, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70,
                      71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 87, 88, 89, 90, 91, 92, 93, 94,
                      95, 96, 98},
      /* namespace */ {26, 29, 30, 31, 32, 33, SHARED},
      /* namespace-body */ {26, 29, 34, 35, 36, 37, 38, 39, SHARED},
      /* class */ {26, 40, 41, 42, 43, SHARED},
      /* class-body */ {26, 44, 45, 46, 47, 48, 49, SHARED},
  };
  return table[c];
}
#undef SHARED

constexpr size_t kNo = std::string::npos;

class Lexer : CondLexer<Cond> {
 public:
  explicit Lexer(std::string_view s) : CondLexer(s, C_INITIAL) {}

  void run(std::vector<Tok>& out) {
    int empties = 0;
    while (true) {
      if (done_) {
        out.push_back(Tok{K_END, u(pos_), u(pos_)});
        return;
      }
      if (pos_ >= s_.size()) done_ = true;
      size_t before = pos_;
      size_t depth = stack_.size();
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
        out.push_back(Tok{pos_ >= s_.size() ? K_END : K_ERROR, u(pos_), u(pos_)});
        return;
      }
      if (done_ && pos_ < s_.size()) done_ = false;
      // Guard against zero-length matches that change nothing (Mermaid would spin forever).
      if (pos_ == before && stack_.size() == depth && ++empties > 8) {
        out.push_back(Tok{K_END, u(pos_), u(pos_)});
        return;
      }
      if (pos_ != before) empties = 0;
      if (k != K_NONE) out.push_back(Tok{k, u(before), u(pos_)});
    }
  }

 private:
  bool word_at(size_t i) const { return i < s_.size() && is_word(s_[i]); }
  size_t kw(size_t i, std::string_view w) const {
    if (!lit(s_, i, w)) return kNo;
    if (is_word(w.back()) && word_at(i + w.size())) return kNo;
    return w.size();
  }
  size_t dot_end(size_t i) const {
    while (size_t n = js_dot(s_, i)) i += n;
    return i;
  }
  // \s*(\r?\n)+ : the whitespace run up to and including its last newline.
  size_t newline_run(size_t i) const {
    size_t e = skip_space(s_, i);
    size_t last = kNo;
    for (size_t k = i; k < e; ++k)
      if (s_[k] == '\n') last = k;
    return last == kNo ? kNo : last + 1 - i;
  }
  size_t until(size_t i, char stop) const {
    size_t e = s_.find(stop, i);
    return (e == std::string_view::npos ? s_.size() : e) - i;
  }
  // .*direction\s+XX[^\n]* (case-sensitive): per "." line, the last start of each form.
  size_t match_direction(size_t i, int which) {
    if (!(i >= dir_begin_ && i < dir_end_)) {
      dir_begin_ = i;
      dir_end_ = dot_end(i);
      for (int w = 0; w < 4; ++w) dir_last_[w] = kNo;
      static constexpr std::string_view codes[] = {"TB", "BT", "RL", "LR"};
      size_t f = i;
      std::string_view line = s_.substr(0, dir_end_);
      while ((f = line.find("direction", f)) != std::string_view::npos) {
        size_t w = skip_space(s_, f + 9);
        if (w > f + 9)
          for (int c = 0; c < 4; ++c)
            if (lit(s_, w, codes[c])) {
              dir_last_[c] = f;
              dir_stop_[c] = line_end(s_, w);
            }
        ++f;
      }
    }
    if (dir_last_[which] == kNo || dir_last_[which] < i) return kNo;
    return dir_stop_[which] - i;
  }

  size_t match(uint8_t r, size_t i) {
    const char c = at(i);
    const bool eof = i >= s_.size();
    switch (r) {
      case 0: case 1: case 2: case 3: return match_direction(i, r);
      case 4: case 5: {
        if (!lit(s_, i, "%%")) return kNo;
        size_t e = line_end(s_, i);
        while (at(e) == '\n' || (r == 4 && at(e) == '\r')) ++e;
        return e - i;
      }
      case 6: case 8: {
        if (!lit(s_, i, r == 6 ? "accTitle" : "accDescr")) return kNo;
        size_t e = skip_space(s_, i + 8);
        if (at(e) != ':') return kNo;
        return skip_space(s_, e + 1) - i;
      }
      case 10: {
        if (!lit(s_, i, "accDescr")) return kNo;
        size_t e = skip_space(s_, i + 8);
        if (at(e) != '{') return kNo;
        return skip_space(s_, e + 1) - i;
      }
      case 7: case 9: return line_end(s_, i) - i;
      case 11: case 34: case 42: case 44: return c == '}' ? 1 : kNo;
      case 33: return c == '}' ? 0 : kNo;
      case 12: return until(i, '}');
      case 13: case 30: case 36: case 40: return newline_run(i);
      case 14: case 31: case 37: case 41: {
        size_t e = skip_space(s_, i);
        return e == i ? kNo : e - i;
      }
      case 15: return kw(i, "classDiagram-v2");
      case 16: return kw(i, "classDiagram");
      case 17: case 38: case 46: return lit(s_, i, "[*]") ? 3 : kNo;
      case 18: {
        if (!lit(s_, i, "call")) return kNo;
        size_t e = skip_space(s_, i + 4);
        return e == i + 4 ? kNo : e - i;
      }
      case 19: {
        if (c != '(') return kNo;
        size_t e = skip_space(s_, i + 1);
        return at(e) == ')' ? e + 1 - i : kNo;
      }
      case 20: return c == '(' ? 1 : kNo;
      case 21: return until(i, '(');
      case 22: return c == ')' ? 1 : kNo;
      case 23: return until(i, ')');
      case 24: case 26: return c == '"' ? 1 : kNo;
      case 25: return until(i, '"');
      case 27: return kw(i, "style");
      case 28: return kw(i, "classDef");
      case 29: return kw(i, "namespace");
      case 32: case 43: case 47: return c == '{' ? 1 : kNo;
      case 35: case 45: case 98: return eof ? 0 : kNo;
      case 39: return kw(i, "class");
      case 48: return c == '\n' ? 1 : kNo;
      case 49: {
        size_t e = i;
        while (e < s_.size() && s_[e] != '{' && s_[e] != '}' && s_[e] != '\n') ++e;
        return e - i;
      }
      case 50: return kw(i, "cssClass");
      case 51: return kw(i, "callback");
      case 52: return kw(i, "link");
      case 53: return kw(i, "click");
      case 54: return kw(i, "note for");
      case 55: return kw(i, "note");
      case 56: return lit(s_, i, "<<") ? 2 : kNo;
      case 57: return lit(s_, i, ">>") ? 2 : kNo;
      case 58: return kw(i, "href");
      case 59: case 61: return c == '~' ? 1 : kNo;
      case 60: return until(i, '~');
      case 62: case 64: return c == '`' ? 1 : kNo;
      case 63: {
        size_t n = until(i, '`');
        return n ? n : kNo;
      }
      case 65: return kw(i, "_self");
      case 66: return kw(i, "_blank");
      case 67: return kw(i, "_parent");
      case 68: return kw(i, "_top");
      case 69: case 70: case 71: case 72: case 73: case 74: case 75: {
        static constexpr std::string_view ops[] = {"<|", "|>", ">", "<", "*", "o", "()"};
        size_t e = skip_space(s_, i);
        std::string_view op = ops[r - 69];
        if (!lit(s_, e, op)) return kNo;
        if (r == 74 && word_at(e + 1)) return kNo;
        return e + op.size() - i;
      }
      case 76: return lit(s_, i, "--") ? 2 : kNo;
      case 77: return lit(s_, i, "..") ? 2 : kNo;
      case 78: {
        if (c != ':') return kNo;
        size_t e = i + 1;
        while (e < s_.size() && s_[e] != ':' && s_[e] != '\n' && s_[e] != ';') ++e;
        return e == i + 1 ? kNo : e - i;
      }
      case 79: return lit(s_, i, ":::") ? 3 : kNo;
      case 80: return c == '-' ? 1 : kNo;
      case 81: return c == '.' ? 1 : kNo;
      case 82: return c == '+' ? 1 : kNo;
      case 83: return c == ':' ? 1 : kNo;
      case 84: return c == ',' ? 1 : kNo;
      case 85: case 86: return c == '#' ? 1 : kNo;
      case 87: return c == '%' ? 1 : kNo;
      case 88: case 89: return c == '=' ? 1 : kNo;
      case 90: {
        size_t e = i;
        while (word_at(e)) ++e;
        return e == i ? kNo : e - i;
      }
      case 91: return c == '[' ? 1 : kNo;
      case 92: return c == ']' ? 1 : kNo;
      case 93: {
        static const std::string_view punct = "!\"#$%&'*+,-.`?\\/";
        return !eof && punct.find(c) != std::string_view::npos ? 1 : kNo;
      }
      case 94: {
        size_t e = i;
        while (is_digit(at(e))) ++e;
        return e == i ? kNo : e - i;
      }
      case 95: {
        if (eof || static_cast<unsigned char>(c) < 0x80) return kNo;
        size_t len = 0;
        uint32_t cp = decode(s_, i, len);
        return in_unicode_text(cp) ? len : kNo;
      }
      case 96: case 97: {
        size_t n = js_space(s_, i);
        return n ? n : kNo;
      }
    }
    return kNo;
  }

  Kind act(uint8_t r, size_t n) {
    pos_ += n;
    switch (r) {
      case 0: case 1: case 2: case 3: return K_DIRECTION;
      case 4: case 5: case 14: case 31: case 37: case 41: case 48: return K_NONE;
      case 6: push(C_ACC_TITLE); return K_ACC_TITLE;
      case 7: pop(); return K_ACC_TITLE_VALUE;
      case 8: push(C_ACC_DESCR); return K_ACC_DESCR;
      case 9: pop(); return K_ACC_DESCR_VALUE;
      case 10: push(C_ACC_DESCR_ML); return K_NONE;
      case 11: pop(); return K_NONE;
      case 12: return K_ACC_ML_VALUE;
      case 13: case 36: return K_NEWLINE;
      case 15: case 16: return K_CLASS_DIAGRAM;
      case 17: case 38: case 46: return K_EDGE_STATE;
      case 18: push(C_CALLBACK_NAME); return K_NONE;
      case 19: pop(); return K_NONE;
      case 20: pop(); push(C_CALLBACK_ARGS); return K_NONE;
      case 21: return K_CALLBACK_NAME;
      case 22: pop(); return K_NONE;
      case 23: return K_CALLBACK_ARGS;
      case 24: pop(); return K_NONE;
      case 25: return K_STR;
      case 26: push(C_STRING); return K_NONE;
      case 27: return K_STYLE;
      case 28: return K_CLASSDEF;
      case 29: push(C_NAMESPACE); return K_NAMESPACE;
      case 30: case 40: pop(); return K_NEWLINE;
      case 32: push(C_NAMESPACE_BODY); return K_STRUCT_START;
      case 33: pop(); return K_NONE;  // the '}' is read again in the outer condition
      case 34: case 44: pop(); return K_STRUCT_STOP;
      case 35: case 45: return K_EOF_IN_STRUCT;
      case 39: push(C_CLASS); return K_CLASS;
      case 42: pop(); pop(); return K_STRUCT_STOP;
      case 43: push(C_CLASS_BODY); return K_STRUCT_START;
      case 47: return K_OPEN_IN_STRUCT;
      case 49: return K_MEMBER;
      case 50: return K_CSSCLASS;
      case 51: return K_CALLBACK;
      case 52: return K_LINK;
      case 53: return K_CLICK;
      case 54: return K_NOTE_FOR;
      case 55: return K_NOTE;
      case 56: return K_ANNOTATION_START;
      case 57: return K_ANNOTATION_END;
      case 58: return K_HREF;
      case 59: pop(); return K_NONE;
      case 60: return K_GENERICTYPE;
      case 61: push(C_GENERIC); return K_NONE;
      case 62: pop(); return K_NONE;
      case 63: return K_BQUOTE_STR;
      case 64: push(C_BQSTRING); return K_NONE;
      case 65: case 66: case 67: case 68: return K_LINK_TARGET;
      case 69: case 70: return K_EXTENSION;
      case 71: case 72: return K_DEPENDENCY;
      case 73: return K_COMPOSITION;
      case 74: return K_AGGREGATION;
      case 75: return K_LOLLIPOP;
      case 76: return K_LINE;
      case 77: return K_DOTTED_LINE;
      case 78: return K_LABEL;
      case 79: return K_STYLE_SEPARATOR;
      case 80: return K_MINUS;
      case 81: return K_DOT;
      case 82: return K_PLUS;
      case 83: return K_COLON;
      case 84: return K_COMMA;
      case 85: case 86: return K_BRKT;
      case 87: return K_PCT;
      case 88: case 89: return K_EQUALS;
      case 90: return K_ALPHA;
      case 91: return K_SQS;
      case 92: return K_SQE;
      case 93: return K_PUNCTUATION;
      case 94: return K_NUM;
      case 95: return K_UNICODE_TEXT;
      case 96: case 97: return K_SPACE;
      case 98: return K_EOF;
    }
    return K_NONE;
  }

  size_t dir_begin_ = 1, dir_end_ = 0;
  size_t dir_last_[4] = {kNo, kNo, kNo, kNo};
  size_t dir_stop_[4] = {0, 0, 0, 0};
};

bool alnum_token(Kind k) { return k == K_UNICODE_TEXT || k == K_NUM || k == K_ALPHA || k == K_MINUS; }
bool relation_type(Kind k) {
  return k == K_AGGREGATION || k == K_EXTENSION || k == K_COMPOSITION || k == K_DEPENDENCY || k == K_LOLLIPOP;
}
bool line_type(Kind k) { return k == K_LINE || k == K_DOTTED_LINE; }
bool style_component(Kind k) {
  return k == K_ALPHA || k == K_NUM || k == K_COLON || k == K_SPACE || k == K_BRKT || k == K_STYLE ||
         k == K_PCT || k == K_LABEL;
}

class Parser : TokenCursor<Tok> {
 public:
  // With a model, the grammar's actions also fill it (validation-only runs pass none).
  Parser(const Prepared& p, std::vector<Tok> t, ClassModel* model = nullptr)
      : TokenCursor(std::move(t)), p_(p), s_(p.text()), m_(model) {}

  void run(std::vector<Diagnostic>& out) {
    out_ = &out;
    parse();
  }

 private:
  bool failed() const { return !out_->empty(); }
  std::string_view text(const Tok& t) const { return s_.substr(t.begin, t.end - t.begin); }
  void fail_at(size_t off, std::string msg, std::string found, std::string expected, std::string hint) {
    if (failed()) return;
    size_t b = skip_blank(s_, off);
    if (b < s_.size() && s_[b] != '\n') off = b;
    out_->push_back(diag_at(p_, off, std::move(msg), std::move(found), std::move(expected), std::move(hint)));
  }
  std::string found_of(const Tok& t) const {
    if (t.kind == K_EOF || t.kind == K_END || t.kind == K_EOF_IN_STRUCT) return "end of diagram";
    if (t.kind == K_NEWLINE) return "end of line";
    if (t.kind == K_ERROR) return describe(s_, t.begin, t.begin < s_.size() ? utf8_seq_len(s_, t.begin) : 0);
    size_t b = std::min<size_t>(skip_blank(s_, t.begin), t.end);
    return describe(s_, b, t.end - b);
  }

  void unexpected(std::string expected, std::string hint = "") {
    const Tok& t = peek();
    std::string found = found_of(t);
    char c = t.begin < s_.size() ? s_[t.begin] : '\0';
    if (t.kind == K_EOF_IN_STRUCT) {
      fail_at(open_brace_, "'{' is not closed", found, "'}'", "add a line with '}' after the class members");
      return;
    }
    if (t.kind == K_ERROR) {
      if (c == '(' || c == ')') {
        fail_at(t.begin, "unrecognized text " + found + " outside a class body", found, std::move(expected),
                "write methods inside the class body or after a colon: ClassName : +method(arg)");
        return;
      }
      if (c == '{' || c == '}') {
        fail_at(t.begin, "unrecognized text " + found, found, std::move(expected),
                "a class body opens with 'class Name {' on the same line");
        return;
      }
      fail_at(t.begin, "unrecognized text " + found, found, std::move(expected), std::move(hint));
      return;
    }
    if (t.kind == K_PLUS || (t.kind == K_MINUS && in_statement_start_)) {
      fail_at(t.begin, "unexpected " + found + ": members outside a class body need the class name",
              found, std::move(expected), "write: ClassName : +member, or put it inside class ClassName { }");
      return;
    }
    if (t.kind == K_DEPENDENCY && c == '<' && i_ > 0 && alnum_token(t_[i_ - 1].kind) &&
        t_[i_ - 1].end == t.begin && stmt_ == K_CLASS) {
      fail_at(t.begin, "generic types are written with '~', not '<>'", found, std::move(expected),
              "write: class Name~T~ (several: ~K,V~)");
      return;
    }
    if (t.kind == K_SQS || (i_ > 0 && t_[i_ - 1].kind == K_SQS && t.kind != K_STR)) {
      fail_at(t.begin, "class labels must be quoted", found, "a quoted label",
              "write: class Name[\"Label text\"]");
      return;
    }
    if (t.kind == K_PUNCTUATION && c == ',' && stmt_ == K_CLASS) {
      fail_at(t.begin, "a class statement declares one class", found, std::move(expected),
              "write one 'class Name' per line");
      return;
    }
    if (t.kind == K_EQUALS || t.kind == K_PUNCTUATION || t.kind == K_EDGE_STATE ||
        t.kind == K_OPEN_IN_STRUCT) {
      fail_at(t.begin, "unexpected " + found, found, std::move(expected), std::move(hint));
      return;
    }
    fail_at(t.begin, "unexpected " + found, found, std::move(expected), std::move(hint));
  }

  bool expect(Kind k, const char* what, const char* hint = "") {
    if (kind() != k) {
      unexpected(what, hint);
      return false;
    }
    advance();
    return true;
  }

  // className: (alphaNumToken [DOT])* (alphaNumToken | `literal`) [~generic~]; returns the name
  // as the database keys it (the part before the generic).
  bool class_name(std::string& name, const char* what = "a class name") {
    name.clear();
    generic_.clear();
    in_class_name_ = true;
    while (true) {
      Kind k = kind();
      if (k == K_BQUOTE_STR) {
        name += text(peek());
        advance();
        if (kind() == K_GENERICTYPE) {
          generic_ = text(peek());
          advance();
        }
        in_class_name_ = false;
        return true;
      }
      if (!alnum_token(k)) {
        unexpected(what);
        in_class_name_ = false;
        return false;
      }
      name += text(peek());
      advance();
      if (kind() == K_GENERICTYPE) {
        if (peek().end >= s_.size()) {
          // An unclosed '~' swallows the rest of the diagram.
          fail_at(peek().begin - 1, "generic type is not closed with '~'", "'~'", "'~' after the type",
                  "write: Name~T~");
          return false;
        }
        generic_ = text(peek());
        advance();
        in_class_name_ = false;
        return true;
      }
      if (kind() == K_DOT) {
        name += '.';
        advance();
        continue;
      }
      if (alnum_token(kind()) || kind() == K_BQUOTE_STR) continue;
      in_class_name_ = false;
      return true;
    }
  }
  bool namespace_name(std::string& name) {
    name.clear();
    while (true) {
      if (kind() == K_BQUOTE_STR) {
        name += text(peek());
        advance();
        return true;
      }
      if (!alnum_token(kind())) {
        unexpected("a namespace name");
        return false;
      }
      name += text(peek());
      advance();
      if (kind() == K_DOT) {
        name += '.';
        advance();
        continue;
      }
      if (alnum_token(kind()) || kind() == K_BQUOTE_STR) continue;
      return true;
    }
  }
  bool class_label(std::string* label = nullptr) {
    advance();  // SQS
    if (label && kind() == K_STR) *label = text(peek());
    if (!expect(K_STR, "a quoted label", "quote the label: class Name[\"Label text\"]")) return false;
    return expect(K_SQE, "']'");
  }
  bool members_then_close(ClassNode* into = nullptr) {
    // After STRUCT_START: MEMBER* STRUCT_STOP (the empty form is allowed only where the grammar
    // says so; callers check).
    while (kind() == K_MEMBER) {
      if (into) add_member(*into, text(peek()));
      advance();
    }
    return expect(K_STRUCT_STOP, "'}' or a member line");
  }
  // The declarations as written (`fill:#f9f,stroke:#333`) into `css` when asked.
  bool styles(std::string* css = nullptr) {
    const uint32_t begin = peek().begin;
    uint32_t end = begin;
    while (true) {
      if (!style_component(kind())) {
        unexpected("a style such as fill:#f9f");
        return false;
      }
      while (style_component(kind())) {
        end = peek().end;
        advance();
      }
      if (kind() != K_COMMA) {
        if (css) *css = trim_copy(s_.substr(begin, end - begin));
        return true;
      }
      advance();
    }
  }
  static std::string key_of(const std::string& name) {
    size_t t = name.find('~');
    return t != std::string::npos && t > 0 ? name.substr(0, t) : name;
  }

  bool class_statement() {
    in_class_decl_ = true;
    advance();  // CLASS
    std::string name;
    if (!class_name(name)) return false;
    in_class_decl_ = false;
    classes_.insert(key_of(name));
    ClassNode* node = m_ ? &node_named(key_of(name)) : nullptr;
    if (node && !ns_.empty()) node->name_space = ns_.back();
    std::string label;
    if (kind() == K_SQS) {
      if (!class_label(&label)) return false;
      if (node) node->label = label;
    }
    if (kind() == K_STYLE_SEPARATOR) {
      advance();
      if (!alnum_token(kind())) {
        unexpected("a style class name after ':::'");
        return false;
      }
      if (node) node->classes.emplace_back(text(peek()));
      advance();
      if (kind() == K_STRUCT_START) {
        open_brace_ = peek().begin;
        advance();
        if (kind() != K_MEMBER) {
          unexpected("a member line", "a class with ':::style' and an empty body is rejected: drop the '{ }'");
          return false;
        }
        return members_then_close(node);
      }
      return true;
    }
    if (kind() == K_ANNOTATION_START) {
      advance();
      if (!alnum_token(kind())) {
        unexpected("an annotation name such as interface");
        return false;
      }
      if (node) node->annotations.emplace_back(text(peek()));
      advance();
      if (!expect(K_ANNOTATION_END, "'>>'")) return false;
    }
    if (kind() == K_STRUCT_START) {
      open_brace_ = peek().begin;
      advance();
      return members_then_close(node);
    }
    return true;
  }

  bool note_statement() {
    ClassNote note;
    if (kind() == K_NOTE_FOR) {
      advance();
      std::string name;
      if (!class_name(name)) return false;
      note.for_class = key_of(name);
    } else {
      advance();
    }
    if (kind() == K_STR) note.text = text(peek());
    if (!expect(K_STR, "the quoted note text",
                note.for_class.empty() ? "write: note \"text\"" : "write: note for ClassName \"text\""))
      return false;
    if (m_) m_->notes.push_back(std::move(note));
    return true;
  }

  // NAMESPACE name [label] '{' [NEWLINE]
  bool namespace_head() {
    advance();  // NAMESPACE
    std::string name;
    if (!namespace_name(name)) return false;
    if (kind() == K_SQS && !class_label()) return false;
    if (!expect(K_STRUCT_START, "'{'", "write: namespace Name {")) return false;
    if (kind() == K_NEWLINE) advance();
    if (m_) m_->namespaces.push_back({name, ns_.empty() ? std::string() : ns_.back()});
    ns_.push_back(name);
    return true;
  }

  // namespace Name { item (NEWLINE item)* [NEWLINE] } where an item is a class, a note or a
  // nested namespace (at least one). Nesting uses an explicit stack.
  bool namespace_statement() {
    if (!namespace_head()) return false;
    std::vector<char> has_item{0};
    while (!failed()) {
      Kind k = kind();
      if (k == K_STRUCT_STOP && has_item.back()) {
        advance();
        has_item.pop_back();
        if (!ns_.empty()) ns_.pop_back();
        if (has_item.empty()) return true;
      } else if (k == K_CLASS) {
        if (!class_statement()) return false;
      } else if (k == K_NOTE || k == K_NOTE_FOR) {
        if (!note_statement()) return false;
      } else if (k == K_NAMESPACE) {
        if (!namespace_head()) return false;
        has_item.push_back(0);
        continue;
      } else {
        bool any = has_item.back();
        unexpected(any ? "'class', 'note', 'namespace' or '}'" : "'class', 'note' or 'namespace'",
                   any ? "" : "a namespace needs at least one class");
        return false;
      }
      has_item.back() = 1;
      if (kind() == K_NEWLINE) {
        advance();
        continue;
      }
      if (kind() != K_STRUCT_STOP) {
        unexpected("end of line or '}'");
        return false;
      }
    }
    return false;
  }

  bool click_statement() {
    Kind k = kind();
    advance();
    std::string name;
    if (!class_name(name)) return false;
    if (k == K_CALLBACK) {
      if (!expect(K_STR, "the quoted callback name")) return false;
      if (kind() == K_STR) advance();
      return true;
    }
    if (k == K_LINK) {
      if (!expect(K_STR, "the quoted URL")) return false;
      if (kind() == K_STR) advance();
      if (kind() == K_LINK_TARGET) advance();
      return true;
    }
    if (kind() == K_CALLBACK_NAME) {
      advance();
      if (kind() == K_CALLBACK_ARGS) advance();
      if (kind() == K_STR) advance();
      return true;
    }
    if (kind() == K_HREF) {
      advance();
      if (!expect(K_STR, "the quoted URL", "write: click Name href \"https://example.com\"")) return false;
      if (kind() == K_STR) advance();
      if (kind() == K_LINK_TARGET) advance();
      return true;
    }
    unexpected("'call' or 'href'", "write: click Name href \"https://example.com\" or click Name call fn()");
    return false;
  }

  // relation: [end] line [end]; reports each end's kind (K_NONE when absent).
  bool relation(Kind& head_end, Kind& tail_end) {
    bool head = false;
    head_end = tail_end = K_NONE;
    if (relation_type(kind())) {
      head_end = kind();
      advance();
      head = true;
    }
    if (!line_type(kind())) {
      if (head_end == K_DEPENDENCY && i_ >= 2 && t_[i_ - 2].kind == K_MINUS) {
        fail_at(t_[i_ - 2].begin, "'->' is not a class relation", "'->'", "a relation such as -->",
                "write: A --> B (or <|--, *--, o--, ..>)");
        return false;
      }
      unexpected(head ? "'--' or '..'" : "a relation such as <|--, *--, o--, -->, ..>, --",
                 "relations are [end]--[end] or [end]..[end]: <|--, *--, o--, -->, ..|>, --");
      return false;
    }
    advance();
    if (relation_type(kind())) {
      tail_end = kind();
      advance();
    }
    return true;
  }

  bool statement() {
    Kind k = kind();
    stmt_ = k;
    in_statement_start_ = true;
    if (alnum_token(k) || k == K_BQUOTE_STR) {
      std::string first;
      in_statement_start_ = k == K_MINUS;
      if (!class_name(first)) return false;
      const std::string first_generic = generic_;
      in_statement_start_ = false;
      bool rel = false;
      ClassRelation r;
      if (m_) r.line = line_of(peek());
      if (kind() == K_STR && (relation_type(kind(1)) || line_type(kind(1)))) {
        if (m_) r.card_a = text(peek());
        advance();
        rel = true;
      }
      if (relation_type(kind()) || line_type(kind()) || rel) {
        Kind head = K_NONE, tail = K_NONE;
        const size_t rel_at = i_;
        if (!relation(head, tail)) return false;
        for (size_t j = rel_at; j < i_; ++j) r.dotted = r.dotted || t_[j].kind == K_DOTTED_LINE;
        if (kind() == K_STR) {
          if (m_) r.card_b = text(peek());
          advance();
        }
        std::string second;
        if (!class_name(second, "the second class name")) return false;
        const std::string second_generic = generic_;
        if (kind() == K_LABEL) {
          if (m_) r.label = label_text(text(peek()));
          advance();
        }
        // Relations create both classes, except the interface end of a lollipop.
        if (head == K_LOLLIPOP && tail == K_NONE) {
          classes_.insert(key_of(second));
        } else if (tail == K_LOLLIPOP && head == K_NONE) {
          classes_.insert(key_of(first));
        } else {
          classes_.insert(key_of(first));
          classes_.insert(key_of(second));
        }
        if (m_) {
          r.a = key_of(first);
          r.b = key_of(second);
          r.end_a = end_of(head);
          r.end_b = end_of(tail);
          if (head == K_LOLLIPOP && tail == K_NONE) {
            r.a = add_interface(r.a);
          } else {
            node_named(r.a, &first_generic);
          }
          if (tail == K_LOLLIPOP && head == K_NONE) {
            r.b = add_interface(r.b);
          } else {
            node_named(r.b, &second_generic);
          }
          m_->relations.push_back(std::move(r));
        }
        return true;
      }
      if (kind() == K_LABEL) {
        classes_.insert(key_of(first));
        if (m_) add_member(node_named(key_of(first), &first_generic), text(peek()).substr(1));
        advance();
      } else if (m_) {
        node_named(key_of(first), &first_generic);
      }
      return true;
    }
    in_statement_start_ = false;
    switch (k) {
      case K_NAMESPACE: return namespace_statement();
      case K_CLASS: return class_statement();
      case K_ANNOTATION_START: {
        size_t at = peek().begin;
        advance();
        if (!alnum_token(kind())) {
          unexpected("an annotation name such as interface");
          return false;
        }
        advance();
        if (!expect(K_ANNOTATION_END, "'>>'")) return false;
        const std::string_view annotation = text(t_[i_ - 2]);
        std::string name;
        if (!class_name(name)) return false;
        if (m_ && classes_.count(key_of(name))) node_named(key_of(name)).annotations.emplace_back(annotation);
        if (!classes_.count(key_of(name))) {
          fail_at(at, "annotation for class '" + key_of(name) + "', which is not defined yet", "",
                  "a class defined above", "declare the class before annotating it: class " + key_of(name));
          return false;
        }
        return true;
      }
      case K_CALLBACK: case K_LINK: case K_CLICK: return click_statement();
      case K_STYLE: {
        advance();
        const std::string id = kind() == K_ALPHA ? std::string(text(peek())) : std::string();
        std::string css;
        if (!expect(K_ALPHA, "a class name") || !styles(m_ ? &css : nullptr)) return false;
        // Mermaid's setCssStyle: only a class that exists takes the style.
        if (m_)
          if (int i = m_->find(id); i >= 0) {
            std::string& st = m_->classes[static_cast<size_t>(i)].style;
            st += (st.empty() ? "" : ",") + css;
          }
        return true;
      }
      case K_CSSCLASS: {
        advance();
        std::string names = kind() == K_STR ? std::string(text(peek())) : std::string();
        if (!expect(K_STR, "the quoted class names", "write: cssClass \"A,B\" styleClass")) return false;
        std::string style = kind() == K_ALPHA ? std::string(text(peek())) : std::string();
        if (!expect(K_ALPHA, "a style class name")) return false;
        if (m_) {
          size_t b = 0;
          while (b <= names.size()) {
            size_t e = names.find(',', b);
            if (e == std::string::npos) e = names.size();
            std::string id = trim_copy(std::string_view(names).substr(b, e - b));
            if (int i = m_->find(id); i >= 0) m_->classes[static_cast<size_t>(i)].classes.push_back(style);
            b = e + 1;
          }
        }
        return true;
      }
      case K_NOTE: case K_NOTE_FOR: return note_statement();
      case K_CLASSDEF: {
        advance();
        std::vector<std::string> names;
        if (kind() == K_ALPHA) names.emplace_back(text(peek()));
        if (!expect(K_ALPHA, "a class name")) return false;
        while (kind() == K_COMMA) {
          advance();
          if (kind() == K_ALPHA) names.emplace_back(text(peek()));
          if (!expect(K_ALPHA, "a class name after ','")) return false;
        }
        std::string css;
        if (!styles(m_ ? &css : nullptr)) return false;
        if (m_)
          for (const std::string& n : names) {
            std::string& d = m_->class_defs[n];
            d += (d.empty() ? "" : ",") + css;
          }
        return true;
      }
      case K_DIRECTION: case K_ACC_ML_VALUE:
        if (m_ && k == K_DIRECTION) {
          std::string d = trim_copy(text(peek()));
          if (d.size() >= 2) m_->direction = d.substr(d.size() - 2);
        }
        advance();
        return true;
      case K_ACC_TITLE: advance(); return expect(K_ACC_TITLE_VALUE, "a title");
      case K_ACC_DESCR: advance(); return expect(K_ACC_DESCR_VALUE, "a description");
      default:
        unexpected("a class, relation, member, note or declaration");
        return false;
    }
  }

  void parse() {
    if (kind() != K_CLASS_DIAGRAM) {
      const Tok& t = peek();
      if (t.kind == K_DIRECTION) {
        fail_at(t.begin, "the header line cannot hold a direction", found_of(t), "'classDiagram'",
                "put 'direction LR' on its own line after the header");
        return;
      }
      size_t e = t.begin;
      while (e < s_.size() && (is_word(s_[e]) || s_[e] == '-')) ++e;
      fail_at(t.begin, "unknown diagram header " + describe(s_, t.begin, e - t.begin), found_of(t),
              "'classDiagram' or 'classDiagram-v2'", "write the header as classDiagram");
      return;
    }
    advance();
    if (!expect(K_NEWLINE, "end of line after the header")) return;
    if (kind() == K_EOF) {
      fail_at(peek().begin, "a class diagram needs at least one statement", "end of diagram",
              "a class, relation or note", "add a class, e.g. class Example");
      return;
    }
    while (!failed()) {
      if (!statement()) return;
      if (kind() == K_NEWLINE) {
        advance();
        if (kind() == K_EOF) return;
        continue;
      }
      if (kind() == K_EOF) return;
      unexpected("end of line");
      return;
    }
  }

  // ---- model building (only with a model) ----

  uint32_t line_of(const Tok& t) const {
    uint32_t line = 0, column = 0;
    p_.locate(t.begin, line, column);
    return line;
  }
  static std::string trim_copy(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return std::string(v);
  }
  static std::string label_text(std::string_view v) {
    if (!v.empty() && v.front() == ':') v.remove_prefix(1);
    return trim_copy(v);
  }
  static ClassEnd end_of(Kind k) {
    switch (k) {
      case K_EXTENSION: return ClassEnd::Extension;
      case K_COMPOSITION: return ClassEnd::Composition;
      case K_AGGREGATION: return ClassEnd::Aggregation;
      case K_DEPENDENCY: return ClassEnd::Dependency;
      case K_LOLLIPOP: return ClassEnd::Lollipop;
      default: return ClassEnd::None;
    }
  }
  ClassNode& node_named(const std::string& id, const std::string* generic = nullptr) {
    int i = m_->find(id);
    if (i < 0) {
      ClassNode n;
      n.id = id;
      n.label = id;
      m_->classes.push_back(std::move(n));
      i = static_cast<int>(m_->classes.size() - 1);
    }
    ClassNode& n = m_->classes[static_cast<size_t>(i)];
    const std::string& g = generic ? *generic : generic_;
    if (!g.empty()) n.generic = g;
    return n;
  }
  // Mermaid's addInterface: a new interface per lollipop relation, even for a name used before
  // (corpus 0053 draws `bar` twice); returns the id the relation's end now names.
  std::string add_interface(const std::string& name) {
    std::string id = "interface" + std::to_string(m_->interfaces.size());
    m_->interfaces.push_back({id, name});
    return id;
  }
  // A member line: <<annotation>>, or an attribute/method (methods have a parameter list).
  void add_member(ClassNode& n, std::string_view line) {
    std::string t = trim_copy(line);
    if (t.empty()) return;
    if (t.size() > 4 && t.rfind("<<", 0) == 0 && t.compare(t.size() - 2, 2, ">>") == 0) {
      n.annotations.push_back(trim_copy(std::string_view(t).substr(2, t.size() - 4)));
      return;
    }
    ClassMember m;
    m.method = t.find('(') != std::string::npos && t.find(')') != std::string::npos;
    m.text = std::move(t);
    n.members.push_back(std::move(m));
  }

  const Prepared& p_;
  std::string_view s_;
  ClassModel* m_ = nullptr;
  std::vector<std::string> ns_;  // open namespaces, innermost last
  std::string generic_;          // the generic of the class name just read
  std::set<std::string> classes_;
  size_t open_brace_ = 0;
  bool in_class_name_ = false;
  bool in_class_decl_ = false;
  Kind stmt_ = K_NONE;
  bool in_statement_start_ = false;
  std::vector<Diagnostic>* out_ = nullptr;
};

}  // namespace

namespace {
// The one place that lexes and parses, for validation (no model) and for the model: one call
// site keeps the compiler's inlining of the lexer what it was before the model existed.
void lex_and_parse(const Prepared& p, std::vector<Diagnostic>& out, ClassModel* model) {
  std::vector<Tok> toks;
  toks.reserve(p.text().size() / 4 + 8);
  Lexer(p.text()).run(toks);
  Parser(p, std::move(toks), model).run(out);
}
}  // namespace

void validate_class(const Prepared& p, std::vector<Diagnostic>& out) {
  lex_and_parse(p, out, p.models ? p.models->class_diagram : nullptr);
}

ClassParse parse_class(std::string_view source) {
  ClassParse r;
  Models sinks;
  sinks.class_diagram = &r.model;
  r.result = validate(source, sinks);
  if (!r.result.valid) r.model = ClassModel{};
  return r;
}

}  // namespace specgate::mermaid
