// Quadrant chart validator. Emulates quadrant.jison as shipped in 11.17.2: a case-insensitive
// lexer (first match wins, start conditions for titles, strings, ':::' class names and the
// "[x, y]" of a point), one-character SPACE tokens, then the statement grammar, then the checks
// the database makes at parse time (point and classDef styles: radius, color, stroke-color and
// stroke-width only, each with a well-formed value). Coordinates are what the lexer allows:
// 1, 0 or 0 followed by any one character and digits (so "1.0" and ".5" fail and "0,5" is one
// number, as in Mermaid).
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/chart_diagram.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  Q_SEMI = C_OWN, Q_SPACE, Q_TITLE, Q_TITLE_VALUE, Q_X_AXIS, Q_Y_AXIS, Q_DELIM, Q_QUADRANT_N,
  Q_CLASSDEF, Q_MD_STR, Q_CLASS_NAME, Q_POINT_START, Q_POINT_X, Q_POINT_Y, Q_QUADRANT, Q_UNICODE,
  Q_PUNCT, Q_LEX_ERROR
};

enum State : uint8_t { S_TITLE = CS_OWN, S_MD_STRING, S_CLASS_NAME, S_POINT_START, S_POINT_X, S_POINT_Y };

bool alnum_token(int k) {
  switch (k) {
    case Q_PUNCT: case C_AMP: case C_NUM: case C_ALPHA: case C_COMMA: case C_PLUS: case C_EQUALS:
    case C_MULT: case C_DOT: case C_BRKT: case C_UNDERSCORE: case Q_UNICODE:
      return true;
    default:
      return false;
  }
}
bool text_more_token(int k) { return alnum_token(k) || k == Q_SPACE || k == C_MINUS; }
bool id_string_token(int k) {
  switch (k) {
    case C_ALPHA: case C_NUM: case C_MINUS: case C_COMMA: case C_COLON: case C_AMP: case C_BRKT:
    case C_MULT: case Q_UNICODE:
      return true;
    default:
      return false;
  }
}
bool style_token(int k) {
  return k == C_ALPHA || k == C_NUM || k == C_COLON || k == Q_SPACE || k == C_BRKT || k == C_MINUS;
}
bool eol_token(int k) { return k == C_NEWLINE || k == Q_SEMI || k == C_EOF; }

class Lexer : public ChartLexer<Lexer> {
 public:
  using ChartLexer::ChartLexer;

 private:
  friend ChartLexer;

  // The rules " *x-axis *", " *--+> *", "\s*:\s*\[" ... are tried at every blank of a run, and
  // a blank is one SPACE token: remember where the current run ends so long runs stay linear.
  struct Run {
    size_t begin = 1, end = 0;
  };
  size_t run_end(Run& r, size_t i, bool (*in)(std::string_view, size_t)) const {
    if (i >= r.begin && i < r.end) return r.end;
    size_t e = i;
    while (e < s_.size() && in(s_, e)) ++e;
    if (e > i) r = Run{i, e};
    return e;
  }
  static bool is_blank(std::string_view s, size_t i) { return s[i] == ' '; }
  static bool is_dash(std::string_view s, size_t i) { return s[i] == '-'; }
  static bool is_ascii_space(std::string_view s, size_t i) {
    return s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f';
  }
  size_t spaces(size_t i) const { return run_end(blanks_, i, is_blank); }
  // JS "\s*": ASCII runs are cached; other spaces (rare) are skipped one by one.
  size_t any_space(size_t i) const {
    while (true) {
      i = run_end(ws_, i, is_ascii_space);
      size_t n = js_space(s_, i);
      if (!n) return i;
      i += n;
    }
  }
  // " *word *" (case-insensitive): the end, or 0.
  size_t padded(size_t i, std::string_view w) const {
    size_t j = spaces(i);
    if (!lit_ci(s_, j, w)) return 0;
    return spaces(j + w.size());
  }
  // (1)|(0(.\d+)?) where '.' is any character but a line break (one UTF-16 unit).
  size_t coordinate(size_t i) const {
    if (at(i) == '1') return 1;
    if (at(i) != '0') return 0;
    size_t n = js_dot(s_, i + 1);
    if (n == 0 || n == 4 || !is_digit(at(i + 1 + n))) return 1;
    size_t e = i + 1 + n;
    while (is_digit(at(e))) ++e;
    return e - i;
  }

  int step() {
    const size_t i = pos_;
    const char c = at(i);
    const bool end = i >= s_.size();
    switch (state()) {
      case S_TITLE:
        pop();
        return take(line_end(s_, i), Q_TITLE_VALUE);
      case S_MD_STRING:
        if (size_t n = run_until(s_, i, "`\"")) return take(i + n, Q_MD_STR);
        if (lit(s_, i, "`\"")) {
          pop();
          return take(i + 2, -1);
        }
        return fail(i, end);
      case S_CLASS_NAME:
        if (is_word(c)) {
          size_t e = i;
          while (is_word(at(e))) ++e;
          pop();
          return take(e, Q_CLASS_NAME);
        }
        return fail(i, end);
      case S_POINT_START: {
        if (size_t n = coordinate(i)) {
          push(S_POINT_X);
          return take(i + n, Q_POINT_X);
        }
        size_t j = skip_space(s_, i);
        if (at(j) == ']') {
          pop();
          return take(spaces(j + 1), -1);
        }
        return fail(i, end);
      }
      case S_POINT_X: {
        size_t j = skip_space(s_, i);
        if (at(j) == ',') {
          pop();
          push(S_POINT_Y);
          return take(skip_space(s_, j + 1), -1);
        }
        return fail(i, end);
      }
      case S_POINT_Y:
        if (size_t n = coordinate(i)) {
          pop();
          return take(i + n, Q_POINT_Y);
        }
        return fail(i, end);
      default:
        break;
    }
    // Comments: %%(?!\{)[^\n]*, then [^\}]%%[^\n]* (any one character but '}', a line break
    // included), then %%[^\n]*.
    if (lit(s_, i, "%%") && at(i + 2) != '{') return take(line_end(s_, i), -1);
    if (!end && c != '}') {
      size_t cl = utf8_seq_len(s_, i);
      if (cl < 4 && lit(s_, i + cl, "%%")) return take(line_end(s_, i + cl), -1);
    }
    if (c == '\n' || c == '\r') {
      size_t e = i;
      while (at(e) == '\n' || at(e) == '\r') ++e;
      return take(e, C_NEWLINE);
    }
    if (lit(s_, i, "%%")) return take(line_end(s_, i), -1);
    if (jison_kw(s_, i, "title")) {
      push(S_TITLE);
      return take(i + 5, Q_TITLE);
    }
    if (int k; acc_rules(i, k)) return k;
    if (size_t e = padded(i, "x-axis")) return take(e, Q_X_AXIS);
    if (size_t e = padded(i, "y-axis")) return take(e, Q_Y_AXIS);
    {
      size_t j = spaces(i);
      if (lit(s_, j, "--")) {
        size_t k = run_end(dashes_, j, is_dash);
        if (at(k) == '>') return take(spaces(k + 1), Q_DELIM);
      }
    }
    for (std::string_view q : {"quadrant-1", "quadrant-2", "quadrant-3", "quadrant-4"})
      if (size_t e = padded(i, q)) return take(e, Q_QUADRANT_N);
    if (jison_kw(s_, i, "classDef")) return take(i + 8, Q_CLASSDEF);
    if (lit(s_, i, "\"`")) {
      push(S_MD_STRING);
      return take(i + 2, -1);
    }
    if (c == '"') return open_string(i);
    if (lit(s_, i, ":::")) {
      push(S_CLASS_NAME);
      return take(i + 3, -1);
    }
    {
      size_t j = any_space(i);
      if (at(j) == ':') {
        size_t k = any_space(j + 1);
        if (at(k) == '[') {
          push(S_POINT_START);
          return take(any_space(k + 1), Q_POINT_START);
        }
      }
    }
    if (size_t e = padded(i, "quadrantChart")) return take(e, Q_QUADRANT);
    if (int k; alnum_rules(i, k)) return k;
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t e = i;
      while (e < s_.size() && static_cast<unsigned char>(s_[e]) >= 0x80) ++e;
      return take(e, Q_UNICODE);
    }
    if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return take(i + 1, Q_SPACE);
    if (c == ';') return take(i + 1, Q_SEMI);
    if (c != '\0' && std::string_view("!$%'`?\\/").find(c) != std::string_view::npos)
      return take(i + 1, Q_PUNCT);
    if (end) return take(i, C_EOF);
    return take(i + 1, Q_LEX_ERROR);
  }
  // No rule of an exclusive condition matched: the lexer's end, or a lexical error.
  int fail(size_t i, bool end) {
    if (end) return take(i, C_END);
    return take(i + utf8_seq_len(s_, i), Q_LEX_ERROR);
  }

  mutable Run blanks_, ws_, dashes_;
};

class Parser : public ChartParser<Lexer> {
 public:
  using ChartParser::ChartParser;

  void run() {
    // start: (eol | SPACE)* QUADRANT document
    while (eol_token(kind()) || kind() == Q_SPACE) advance();
    if (kind() != Q_QUADRANT) return unexpected("'quadrantChart'", "");
    advance();
    // document: (statement eol)*, accepted at the lexer's end
    while (out_.empty() && kind() != C_END) {
      if (!statement()) return;
      if (!eol_token(kind())) return unexpected("end of line", end_hint());
      advance();
    }
  }

 private:
  // Tokens such as " *x-axis *" carry their blanks; messages show the word alone.
  static LexTok trimmed(LexTok t, std::string_view s) {
    while (t.begin + 1 < t.end && s[t.begin] == ' ') ++t.begin;
    while (t.end > t.begin + 1 && s[t.end - 1] == ' ') --t.end;
    return t;
  }
  std::string what(const LexTok& t) const {
    if (t.kind == C_END || t.kind == C_EOF) return "end of diagram";
    if (t.kind == C_NEWLINE) return "end of line";
    LexTok w = trimmed(t, s_);
    return describe(s_, w.begin, w.end - w.begin);
  }
  void fail_at(size_t off, std::string msg, std::string found, std::string expected, std::string hint) {
    first_error(out_, p_, off, std::move(msg), std::move(found), std::move(expected), std::move(hint));
  }
  void fail_at(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    fail_at(trimmed(t, s_).begin, std::move(msg), what(t), std::move(expected), std::move(hint));
  }
  void unexpected(std::string expected, std::string hint) {
    if (lex_.unclosed_quote() != std::string_view::npos)
      return fail_at(lex_.unclosed_quote(), "unclosed '\"'", "'\"'", "'\"'",
                     "close the quoted text with '\"'");
    if (kind() == Q_LEX_ERROR) return lexical_error();
    fail_at(cur_, "unexpected " + what(cur_), std::move(expected), std::move(hint));
  }
  std::string end_hint() const {
    if (kind() == C_STR || kind() == Q_MD_STR)
      return "quoted text must be the whole text or come first";
    return "one statement per line";
  }
  void lexical_error() {
    std::string found = describe(s_, cur_.begin, cur_.end - cur_.begin);
    switch (prev_state_) {
      case S_POINT_START:
      case S_POINT_Y:
        return fail_at(cur_, "invalid coordinate " + found, "1, 0 or 0.xx",
                       "coordinates are between 0 and 1, written 0.25 or 1 (not 1.0 or .5)");
      case S_POINT_X:
        return fail_at(cur_, "unexpected " + found + " after the x coordinate", "', ' and y",
                       "write points as Name: [0.3, 0.6] (coordinates 0.xx or 1)");
      case S_CLASS_NAME:
        return fail_at(cur_, "':::' needs a class name", "a class name",
                       "write Name:::className: [x, y]");
      default:
        break;
    }
    fail_at(cur_, "unexpected character " + found, "text, a keyword or ': [x, y]'",
            "quote text that contains special characters: \"text (with parentheses)\"");
  }

  bool text(const char* expected) {
    if (!alnum_token(kind()) && kind() != C_STR && kind() != Q_MD_STR) {
      unexpected(expected, "");
      return false;
    }
    text_end_ = cur_.end;
    advance();
    while (text_more_token(kind())) {
      text_end_ = cur_.end;
      advance();
    }
    return true;
  }

  // stylesOpt: style (',' style)*, style: component+; then the database's checks.
  bool styles() {
    std::vector<std::pair<size_t, size_t>> spans;
    while (true) {
      if (!style_token(kind())) {
        unexpected("a style such as radius: 10", "point styles are radius, color, stroke-color and stroke-width");
        return false;
      }
      size_t b = cur_.begin, e = cur_.end;
      while (style_token(kind())) {
        e = cur_.end;
        advance();
      }
      spans.emplace_back(b, e);
      if (kind() != C_COMMA) break;
      advance();
    }
    if (!eol_token(kind())) {
      unexpected("',' or end of line",
                 "style values use letters, digits, ':', '#', '-' and spaces (no '.')");
      return false;
    }
    for (auto [b, e] : spans)
      if (!check_style(b, e)) return false;
    return true;
  }

  // parseStyles: trim, split at the first /\s*:\s*/, check key and value.
  bool check_style(size_t b, size_t e) {
    while (b < e && js_space(s_, b)) ++b;
    while (e > b && (s_[e - 1] == ' ' || s_[e - 1] == '\t' || s_[e - 1] == '\v' || s_[e - 1] == '\f')) --e;
    std::string_view st = s_.substr(b, e - b);
    size_t colon = st.find(':');
    std::string_view key = st, value;
    bool has_value = colon != std::string_view::npos;
    if (has_value) {
      size_t ke = colon;
      while (ke > 0 && js_space(st, ke - 1)) --ke;
      key = st.substr(0, ke);
      size_t vb = skip_space(st, colon + 1);
      size_t ve = st.find(':', vb);
      if (ve == std::string_view::npos) ve = st.size();
      while (ve > vb && js_space(st, ve - 1)) --ve;
      value = st.substr(vb, ve - vb);
    }
    std::string v = has_value ? std::string(value) : "undefined";
    auto bad = [&](const char* kind_name, const char* hint) {
      fail_at(b, "value for " + std::string(key) + " " + v + " is invalid, please use a valid " + kind_name,
              quoted(st), kind_name, hint);
      return false;
    };
    if (key == "radius") {
      if (!all_digits(value)) return bad("number", "write radius: 10");
    } else if (key == "color" || key == "stroke-color") {
      if (!hex_colour(value)) return bad("hex code", "write colours as #ff3300 or #f30");
    } else if (key == "stroke-width") {
      if (value.size() < 3 || value.substr(value.size() - 2) != "px" ||
          !all_digits(value.substr(0, value.size() - 2)))
        return bad("number of pixels (eg. 10px)", "write stroke-width: 2px");
    } else {
      std::string h = "point styles are radius, color, stroke-color and stroke-width (lower case)";
      std::string g = suggest(key, {"radius", "color", "stroke-color", "stroke-width"});
      if (!g.empty()) h = "did you mean '" + g + "'? (" + h + ")";
      fail_at(b, "style named " + std::string(key) + " is not supported", quoted(st),
              "radius, color, stroke-color or stroke-width", h);
      return false;
    }
    return true;
  }
  static bool all_digits(std::string_view v) {
    if (v.empty()) return false;
    for (char c : v)
      if (!is_digit(c)) return false;
    return true;
  }
  static bool hex_colour(std::string_view v) {
    if (!v.empty() && v[0] == '#') v.remove_prefix(1);
    if (v.size() != 3 && v.size() != 6) return false;
    for (char c : v)
      if (!is_digit(c) && !((lower(c) >= 'a' && lower(c) <= 'f'))) return false;
    return true;
  }

  bool statement() {
    while (kind() == Q_SPACE) advance();
    switch (kind()) {
      case C_NEWLINE:
      case Q_SEMI:
      case C_EOF:
        return true;
      case Q_TITLE:
      case C_ACC_TITLE:
      case C_ACC_DESCR:
        advance();  // the lexer always follows these with their value
        advance();
        return true;
      case C_ACC_ML_VALUE:
        advance();
        return true;
      case Q_X_AXIS:
      case Q_Y_AXIS:
        advance();
        if (!text("the axis text")) return false;
        if (kind() == Q_DELIM) {
          advance();
          if (alnum_token(kind()) || kind() == C_STR || kind() == Q_MD_STR) return text("");
        }
        return true;
      case Q_QUADRANT_N:
        advance();
        return text("the quadrant's text");
      case Q_CLASSDEF:
        return class_def();
      default:
        break;
    }
    if (alnum_token(kind()) || kind() == C_STR || kind() == Q_MD_STR) return point();
    if (kind() == Q_POINT_START)
      return fail_at(cur_, "a point needs a name before ':'", "a name", "write Name: [0.3, 0.6]"), false;
    std::string hint = "statements are title, x-axis, y-axis, quadrant-1..4, classDef and points "
                       "(Name: [x, y])";
    unexpected("a statement", hint);
    return false;
  }

  bool point() {
    LexTok name = cur_;
    text("");
    if (kind() == Q_CLASS_NAME) advance();
    if (kind() != Q_POINT_START) {
      if (eol_token(kind())) {
        std::string_view w = first_word(s_, name.begin);
        std::string g = suggest(w, {"title", "x-axis", "y-axis", "quadrant-1", "classDef", "accTitle", "accDescr"});
        if (!g.empty())
          return fail_at(name, "unknown keyword '" + std::string(w) + "'", "a keyword or a point",
                         "did you mean '" + g + "'? (keywords are case-insensitive)"),
                 false;
        std::string_view whole = s_.substr(name.begin, text_end_ - name.begin);
        while (!whole.empty() && (whole.back() == ' ' || whole.back() == '\t')) whole.remove_suffix(1);
        return fail_at(name, quoted(whole) + " is neither a keyword nor a point",
                       "a point such as Name: [0.3, 0.6]",
                       "a point needs ': [x, y]' after its name"),
               false;
      }
      unexpected("': [x, y]'", "write points as Name: [0.3, 0.6]");
      return false;
    }
    advance();
    if (kind() != Q_POINT_X) return unexpected("the x coordinate", ""), false;
    advance();
    if (kind() != Q_POINT_Y) return unexpected("the y coordinate", ""), false;
    advance();
    if (style_token(kind())) return styles();
    return true;
  }

  bool class_def() {
    advance();
    if (kind() != Q_SPACE) return unexpected("a space and a class name", ""), false;
    advance();
    if (!id_string_token(kind())) {
      if (kind() == Q_SPACE)
        return fail_at(cur_, "only one space may follow 'classDef'", "a class name",
                       "write classDef name style: value"),
               false;
      return unexpected("a class name", ""), false;
    }
    while (id_string_token(kind())) advance();
    if (kind() != Q_SPACE) return unexpected("a space and the styles", "write classDef name radius: 10"), false;
    advance();
    return styles();
  }

  size_t text_end_ = 0;
};

}  // namespace

void validate_quadrant(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
