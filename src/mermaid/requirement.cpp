// Requirement diagram validator. Emulates requirementDiagram.jison as shipped in 11.17.2: a
// case-insensitive lexer (first match wins, start conditions pushed and popped) whose catch-all
// rule makes any other text up to ':' ',' '{' '<' '>' '-' '=' or a line break one name token,
// then the statement grammar. Two lexer habits decide most verdicts: whitespace before a line
// break swallows it ("\s+" is tried after "\n+" but at the blank), and any line that contains
// "direction TB|BT|RL|LR" is a direction statement from wherever the lexer stands.
#include <array>
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/chart_diagram.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  R_RD = C_OWN, R_TITLE, R_DIRECTION, R_STRUCT_START, R_STRUCT_STOP, R_STYLE_SEPARATOR, R_COLONSEP,
  R_ID, R_TEXT, R_RISK, R_VERIFYMTHD, R_REQ_TYPE, R_RISK_LEVEL, R_VERIFY_TYPE, R_ELEMENT,
  R_RELATIONSHIP, R_TYPE, R_DOCREF, R_STYLE, R_CLASSDEF, R_CLASS, R_ARROW_L, R_ARROW_R, R_LINE,
  R_UNQ, R_ALPHA, R_NUM,
  // style condition only
  R_S_COLON, R_S_SEMICOLON, R_S_PERCENT, R_S_MINUS, R_S_BRKT,
  R_LEX_ERROR
};

enum State : uint8_t { S_STYLE = CS_OWN };

struct Keyword {
  std::string_view word;
  Kind kind;
};

// Rules 22-48 in their order (each with jison's implicit "\b").
constexpr std::array<Keyword, 27> kKeywords = {{
    {"id", R_ID}, {"text", R_TEXT}, {"risk", R_RISK}, {"verifyMethod", R_VERIFYMTHD},
    {"requirement", R_REQ_TYPE}, {"functionalRequirement", R_REQ_TYPE},
    {"interfaceRequirement", R_REQ_TYPE}, {"performanceRequirement", R_REQ_TYPE},
    {"physicalRequirement", R_REQ_TYPE}, {"designConstraint", R_REQ_TYPE},
    {"low", R_RISK_LEVEL}, {"medium", R_RISK_LEVEL}, {"high", R_RISK_LEVEL},
    {"analysis", R_VERIFY_TYPE}, {"demonstration", R_VERIFY_TYPE}, {"inspection", R_VERIFY_TYPE},
    {"test", R_VERIFY_TYPE}, {"element", R_ELEMENT},
    {"contains", R_RELATIONSHIP}, {"copies", R_RELATIONSHIP}, {"derives", R_RELATIONSHIP},
    {"satisfies", R_RELATIONSHIP}, {"verifies", R_RELATIONSHIP}, {"refines", R_RELATIONSHIP},
    {"traces", R_RELATIONSHIP}, {"type", R_TYPE}, {"docref", R_DOCREF},
}};

class Lexer : public ChartLexer<Lexer> {
 public:
  using ChartLexer::ChartLexer;

 private:
  friend ChartLexer;

  // .*direction\s+XX[^\n]* tried in order TB, BT, RL, LR: the greedy ".*" takes the last
  // "direction" on the rest of the line that fits. Cached per line, so long lines stay linear.
  bool direction(size_t i, size_t& end) {
    if (i >= dir_line_end_ || i < dir_line_begin_) scan_directions(i);
    for (size_t r = 0; r < 4; ++r) {
      if (dir_at_[r] != std::string_view::npos && dir_at_[r] >= i) {
        end = dir_end_[r];
        return true;
      }
    }
    return false;
  }
  void scan_directions(size_t i) {
    dir_line_begin_ = i;
    while (dir_line_begin_ > 0 && s_[dir_line_begin_ - 1] != '\n') --dir_line_begin_;
    dir_line_end_ = line_end(s_, i);
    static constexpr std::string_view kDirs[4] = {"tb", "bt", "rl", "lr"};
    dir_at_.fill(std::string_view::npos);
    for (size_t q = dir_line_begin_; q + 9 <= dir_line_end_; ++q) {
      if (!lit_ci(s_, q, "direction")) continue;
      size_t j = q + 9;
      size_t sp = skip_space(s_, j);
      if (sp == j) continue;
      for (size_t r = 0; r < 4; ++r) {
        if (lit_ci(s_, sp, kDirs[r])) {
          dir_at_[r] = q;
          // "\s+" may cross line breaks; the token then ends with the line holding XX.
          dir_end_[r] = sp < dir_line_end_ ? dir_line_end_ : line_end(s_, sp + 2);
        }
      }
    }
  }

  int step() {
    const size_t i = pos_;
    const char c = at(i);
    if (state() == S_STYLE) return style_step(i, c);
    // rule 0: title\s[^#\n;]+
    if (lit_ci(s_, i, "title")) {
      size_t sp = js_space(s_, i + 5);
      if (sp) {
        size_t n = run_until(s_, i + 5 + sp, "#\n;");
        if (n) return take(i + 5 + sp + n, R_TITLE);
      }
    }
    if (int k; acc_rules(i, k)) return k;
    size_t dir_end = 0;
    if (i < s_.size() && direction(i, dir_end)) return take(dir_end, R_DIRECTION);
    if (c == '\n') {
      size_t e = i;
      while (at(e) == '\n') ++e;
      return take(e, C_NEWLINE);
    }
    if (size_t n = js_space(s_, i)) return take(skip_space(s_, i + n), -1);
    if (c == '#' || c == '%') return take(line_end(s_, i), -1);
    if (i >= s_.size()) return take(i, C_EOF);
    if (jison_kw(s_, i, "requirementDiagram")) return take(i + 18, R_RD);
    if (c == '{') return take(i + 1, R_STRUCT_START);
    if (c == '}') return take(i + 1, R_STRUCT_STOP);
    if (lit(s_, i, ":::")) return take(i + 3, R_STYLE_SEPARATOR);
    if (c == ':') return take(i + 1, R_COLONSEP);
    for (const Keyword& k : kKeywords)
      if (jison_kw(s_, i, k.word)) return take(i + k.word.size(), k.kind);
    if (jison_kw(s_, i, "style")) {
      push(S_STYLE);
      return take(i + 5, R_STYLE);
    }
    if (jison_kw(s_, i, "classDef")) {
      push(S_STYLE);
      return take(i + 8, R_CLASSDEF);
    }
    if (jison_kw(s_, i, "class")) {
      push(S_STYLE);
      return take(i + 5, R_CLASS);
    }
    if (lit(s_, i, "<-")) return take(i + 2, R_ARROW_L);
    if (lit(s_, i, "->")) return take(i + 2, R_ARROW_R);
    if (c == '-') return take(i + 1, R_LINE);
    if (c == '"') return open_string(i);
    // [\w][^:,\r\n\{\<\>\-\=]* (the grammar sees it trimmed)
    if (is_word(c)) return take(i + 1 + run_until(s_, i + 1, ":,\r\n{<>-="), R_UNQ);
    if (c == ',') return take(i + 1, C_COMMA);
    return take(i + utf8_seq_len(s_, i), R_LEX_ERROR);
  }

  int style_step(size_t i, char c) {
    if (is_word(c)) {
      size_t e = i;
      while (e < s_.size() && is_word(s_[e])) ++e;
      return take(e, R_ALPHA);
    }
    switch (c) {
      case ':': return take(i + 1, R_S_COLON);
      case ';': return take(i + 1, R_S_SEMICOLON);
      case '%': return take(i + 1, R_S_PERCENT);
      case '-': return take(i + 1, R_S_MINUS);
      case '#': return take(i + 1, R_S_BRKT);
      case ' ': return take(i + 1, -1);
      case '"':
        return open_string(i);
      case '\n':
        pop();
        return take(i + 1, -1);
      case ',': return take(i + 1, C_COMMA);
      default: break;
    }
    if (i >= s_.size()) return take(i, C_END);
    return take(i + utf8_seq_len(s_, i), R_LEX_ERROR);
  }

  size_t dir_line_begin_ = 1;
  size_t dir_line_end_ = 0;
  std::array<size_t, 4> dir_at_{};
  std::array<size_t, 4> dir_end_{};
};

class Parser : public ChartParser<Lexer> {
 public:
  using ChartParser::ChartParser;

  void run() {
    // start: (directive NEWLINE?)* RD NEWLINE diagram EOF
    while (out_.empty() && directive()) {
      if (kind() == C_NEWLINE) advance();
    }
    if (!out_.empty()) return;
    if (kind() != R_RD) return unexpected("'requirementDiagram'", "");
    size_t header_end = cur_.end;
    advance();
    if (kind() != C_NEWLINE) {
      if (swallowed_newline(header_end, cur_.begin))
        return fail_at(cur_, "spaces after 'requirementDiagram' swallow its line break",
                       "end of line right after 'requirementDiagram'",
                       "remove the trailing spaces after 'requirementDiagram'");
      return unexpected("end of line", "put nothing else on the 'requirementDiagram' line");
    }
    advance();
    diagram();
  }

 private:
  // Mermaid's "\s+" rule eats a line break that follows blanks: was there one in [from, to)?
  bool swallowed_newline(size_t from, size_t to) const {
    return s_.substr(from, to - from).find('\n') != std::string_view::npos;
  }
  void fail_at_offset(size_t off, std::string msg, std::string expected, std::string hint) {
    first_error(out_, p_, off, std::move(msg), describe(s_, off, 1), std::move(expected), std::move(hint));
  }
  // The current token is wrong: a lexical error if the lexer found nothing, else a parse error.
  void unexpected(std::string expected, std::string hint) {
    if (lex_.unclosed_quote() != std::string_view::npos)
      return fail_at_offset(lex_.unclosed_quote(), "unclosed '\"'", "'\"'",
                            "close the quoted text with '\"'");
    if (kind() == R_LEX_ERROR) return lexical_error();
    if (kind() == R_TITLE)
      return fail_at(cur_, "requirement diagrams have no 'title' statement", "a statement",
                     "set the title in front matter: ---\\ntitle: ...\\n---");
    if (kind() == R_DIRECTION && expected != "a statement")
      return fail_at(cur_, "this line holds 'direction " + direction_word() +
                               "', which Mermaid reads as a direction statement",
                     std::move(expected), "quote the text, or reword it");
    fail_at(cur_, "unexpected " + what(cur_), std::move(expected), std::move(hint));
  }
  std::string direction_word() const {
    std::string_view t = text(cur_);
    for (size_t q = t.size(); q-- > 0;) {
      if (!lit_ci(t, q, "direction")) continue;
      size_t sp = skip_space(t, q + 9);
      return std::string(t.substr(sp, 2));
    }
    return "";
  }
  void lexical_error() {
    const LexTok t = cur_;
    std::string found = describe(s_, t.begin, t.end - t.begin);
    if (lex_.token_state() == S_STYLE)
      return fail_at(t, "unexpected character " + found + " in a style",
                     "letters, digits, ':', '#', '-', ';', ',' or spaces",
                     "style values allow only those characters (no '.', '(' or tabs)");
    fail_at(t, "unexpected character " + found, "a name, keyword or '{'",
            "quote names and text that contain special characters");
  }

  bool directive() {
    switch (kind()) {
      case C_ACC_TITLE:
        advance();
        if (kind() != C_ACC_TITLE_VALUE) return false;
        advance();
        return true;
      case C_ACC_DESCR:
        advance();
        if (kind() != C_ACC_DESCR_VALUE) return false;
        advance();
        return true;
      case C_ACC_ML_VALUE:
        advance();
        return true;
      default:
        return false;
    }
  }

  bool name() {
    if (kind() == R_UNQ || kind() == C_STR) {
      advance();
      return true;
    }
    return false;
  }

  void name_expected(const char* what_name) {
    std::string_view w = text(cur_);
    if (kind() >= R_ID && kind() <= R_DOCREF)
      return fail_at(cur_, quoted(w) + " is a keyword and cannot start a " + what_name, "a name",
                     "quote the name: \"" + std::string(w) + " ...\"");
    unexpected(std::string("a ") + what_name, "");
  }

  // idList: (ALPHA | unqString | qString) (',' ...)*
  bool id_list() {
    if (kind() != R_ALPHA && kind() != R_UNQ && kind() != C_STR) {
      unexpected("a class name", "");
      return false;
    }
    advance();
    while (kind() == C_COMMA) {
      advance();
      if (kind() != R_ALPHA && kind() != R_UNQ && kind() != C_STR) {
        unexpected("a name after ','", "");
        return false;
      }
      advance();
    }
    return true;
  }

  static bool style_component(int k) {
    return k == R_ALPHA || k == R_NUM || k == R_S_COLON || k == R_S_BRKT || k == R_S_MINUS ||
           k == R_S_SEMICOLON;
  }
  // stylesOpt: style (',' style)*, style: component+
  bool styles() {
    while (true) {
      if (!style_component(kind())) {
        if (kind() == R_S_PERCENT || kind() == R_LEX_ERROR)
          percent_or_lexical();
        else
          unexpected("a style such as fill:#f9f", "");
        return false;
      }
      while (style_component(kind())) advance();
      if (kind() != C_COMMA) break;
      advance();
    }
    if (kind() == R_S_PERCENT || kind() == R_LEX_ERROR) {
      percent_or_lexical();
      return false;
    }
    return true;
  }
  void percent_or_lexical() {
    if (kind() == R_LEX_ERROR) return unexpected("", "");
    fail_at(cur_, "'%' is not allowed in a style", "a style value",
            "Mermaid's requirement grammar has no '%' in styles; use px values");
  }

  bool block_start() {
    if (kind() == R_STYLE_SEPARATOR) {
      advance();
      if (!id_list()) return false;
    }
    if (kind() != R_STRUCT_START) {
      unexpected("'{'", "a definition is: requirement name {");
      return false;
    }
    size_t brace_end = cur_.end;
    brace_ = cur_.begin;
    advance();
    if (kind() != C_NEWLINE) {
      if (swallowed_newline(brace_end, cur_.begin))
        fail_at(cur_, "'{' must be the last thing on its line, not followed by spaces",
                "end of line right after '{'",
                "remove the spaces after '{' (they swallow the line break) and put each field on "
                "its own line");
      else
        unexpected("end of line after '{'", "put each field on its own line");
      return false;
    }
    advance();
    return true;
  }

  // A field's value, then the line break.
  bool field(int value_kind, const char* expected, const char* hint) {
    advance();
    if (kind() != R_COLONSEP) {
      unexpected("':'", "fields are written as key: value");
      return false;
    }
    advance();
    bool ok = value_kind < 0 ? name() : kind() == value_kind;
    if (!ok) {
      if (kind() == R_UNQ || kind() == C_STR || (kind() >= R_ID && kind() <= R_DOCREF))
        fail_at(cur_, "invalid value " + what(cur_), expected, hint);
      else
        unexpected(expected, hint);
      return false;
    }
    if (value_kind >= 0) advance();
    if (kind() != C_NEWLINE) {
      if (kind() == C_COMMA)
        fail_at(cur_, "',' ends the value here", "end of line",
                "quote text that contains commas: text: \"a, b\"");
      else
        unexpected("end of line", "one field per line; quote values with special characters");
      return false;
    }
    advance();
    return true;
  }

  // EOF inside a body: the '{' was never closed.
  void unclosed_body(size_t brace) {
    uint32_t line = 0, col = 0;
    p_.locate(brace, line, col);
    fail_at(cur_, "the '{' on line " + std::to_string(line) + " is never closed", "'}'",
            "put '}' on its own line (after a value it is part of the value)");
  }

  void requirement_body() {
    const size_t brace = brace_;
    while (out_.empty()) {
      switch (kind()) {
        case C_EOF:
          return unclosed_body(brace);
        case R_STRUCT_STOP:
          advance();
          return;
        case C_NEWLINE:
          advance();
          continue;
        case R_ID:
          if (!field(-1, "an id", "")) return;
          continue;
        case R_TEXT:
          if (!field(-1, "the text", "")) return;
          continue;
        case R_RISK:
          if (!field(R_RISK_LEVEL, "low, medium or high", "risk is low, medium or high")) return;
          continue;
        case R_VERIFYMTHD:
          if (!field(R_VERIFY_TYPE, "analysis, demonstration, inspection or test",
                     "verifyMethod is analysis, demonstration, inspection or test"))
            return;
          continue;
        default:
          return unexpected("id, text, risk, verifyMethod or '}'",
                            body_hint("id, text, risk and verifyMethod"));
      }
    }
  }

  void element_body() {
    const size_t brace = brace_;
    while (out_.empty()) {
      switch (kind()) {
        case C_EOF:
          return unclosed_body(brace);
        case R_STRUCT_STOP:
          advance();
          return;
        case C_NEWLINE:
          advance();
          continue;
        case R_TYPE:
          if (!field(-1, "a type", "")) return;
          continue;
        case R_DOCREF:
          if (!field(-1, "a document reference", "")) return;
          continue;
        default:
          return unexpected("type, docref or '}'", body_hint("type and docref"));
      }
    }
  }

  std::string body_hint(const char* fields) const {
    std::string h = std::string("the fields are ") + fields + ", one per line; close with '}'";
    if (kind() == R_UNQ) {
      std::string_view w = first_word(s_, cur_.begin);
      std::string g = suggest(w, {"text", "risk", "verifyMethod", "type", "docref"});
      if (!g.empty()) h = "did you mean '" + g + "'? (" + h + ")";
    }
    return h;
  }

  // id ('<-' relationship '-' | '-' relationship '->') id, or id ':::' idList
  void relationship_or_class() {
    advance();
    if (kind() == R_STYLE_SEPARATOR) {
      advance();
      id_list();
      return;
    }
    bool left = kind() == R_ARROW_L;
    if (!left && kind() != R_LINE) {
      if (kind() == R_STRUCT_START)
        return fail_at(cur_, "a definition needs a type before its name", "a relationship arrow",
                       "start with requirement, functionalRequirement, ..., or element");
      return unexpected("'- relationship ->' or '<- relationship -'",
                        "a relationship is: a - satisfies -> b");
    }
    advance();
    if (kind() != R_RELATIONSHIP) {
      std::string h = "relationships are contains, copies, derives, satisfies, verifies, refines "
                      "and traces";
      if (kind() == R_UNQ) {
        std::string g = suggest(first_word(s_, cur_.begin),
                                {"contains", "copies", "derives", "satisfies", "verifies", "refines",
                                 "traces"});
        std::string_view w = first_word(s_, cur_.begin);
        for (std::string_view r : {"contains", "copies", "derives", "satisfies", "verifies", "refines", "traces"})
          if (g.empty() && w.size() >= 5 && lit_ci(r, 0, w.substr(0, 5))) g = std::string(r);
        if (!g.empty()) h = "did you mean '" + g + "'? (" + h + ")";
        return fail_at(cur_, "unknown relationship " + quoted(first_word(s_, cur_.begin)),
                       "a relationship", h);
      }
      return unexpected("a relationship", h);
    }
    advance();
    if (kind() != (left ? R_LINE : R_ARROW_R))
      return unexpected(left ? "'-'" : "'->'", "a relationship is: a - satisfies -> b");
    advance();
    if (!name()) return name_expected("relationship target");
  }

  void diagram() {
    while (out_.empty()) {
      switch (kind()) {
        case C_EOF:
          advance();
          if (kind() != C_END) unexpected("end of diagram", "");
          return;
        case C_END:
          return fail_at(cur_, "unexpected end of diagram", "'}' or '\"'",
                         "close every '{', '\"' and accDescr { ... }");
        case C_NEWLINE:
        case R_DIRECTION:
          advance();
          continue;
        case C_ACC_TITLE:
        case C_ACC_DESCR:
        case C_ACC_ML_VALUE:
          if (!directive() && out_.empty()) unexpected("the accessibility text", "");
          continue;
        case R_REQ_TYPE:
          advance();
          if (!name()) return name_expected("requirement name");
          if (!block_start()) return;
          requirement_body();
          continue;
        case R_ELEMENT:
          advance();
          if (!name()) return name_expected("element name");
          if (!block_start()) return;
          element_body();
          continue;
        case R_UNQ:
        case C_STR:
          relationship_or_class();
          continue;
        case R_STYLE:
        case R_CLASSDEF:
          advance();
          if (id_list()) styles();
          continue;
        case R_CLASS:
          advance();
          if (id_list()) id_list();
          continue;
        default:
          return unexpected("a statement", statement_hint());
      }
    }
  }

  std::string statement_hint() const {
    if (kind() >= R_ID && kind() <= R_DOCREF)
      return quoted(text(cur_)) + " is a keyword; quote it to use it as a name";
    return "statements are requirement/element definitions, relationships (a - satisfies -> b), "
           "style, classDef and class";
  }

  size_t brace_ = 0;
};

}  // namespace

void validate_requirement(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
