// XY chart validator (xychart and xychart-beta). Emulates xychart.jison as shipped in 11.17.2:
// a case-insensitive lexer whose pushed start conditions decide what a number is (a decimal
// NUMBER only after x-axis/y-axis and inside a plot's [...], digits elsewhere), then the
// statement grammar, in which statements need no separator at all. As shipped, markdown strings
// do not exist (their rules were mangled at build time), so a backquote is a lexical error, and
// plot data may carry labels: line [540 "PaLM", 65].
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/chart_diagram.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  X_SEMI = C_OWN, X_XYCHART, X_ORIENTATION, X_TITLE, X_X_AXIS, X_Y_AXIS, X_LINE, X_BAR,
  X_SQB_START, X_SQB_END, X_ARROW, X_NUMBER, X_LEX_ERROR
};

enum State : uint8_t { S_AXIS_DATA = CS_OWN, S_AXIS_BAND_DATA, S_DATA, S_DATA_INNER };

bool alnum_token(int k) {
  switch (k) {
    case C_AMP: case C_NUM: case C_ALPHA: case C_PLUS: case C_EQUALS: case C_MULT: case C_DOT:
    case C_BRKT: case C_MINUS: case C_UNDERSCORE:
      return true;
    default:
      return false;
  }
}
bool text_start(int k) { return alnum_token(k) || k == C_STR; }
bool eol_token(int k) { return k == C_NEWLINE || k == X_SEMI || k == C_EOF; }

// What the build left of the markdown-string rules: one literal that pops the state.
constexpr std::string_view kMangledMarkdownRule =
    "`) { this.pushState(md_string); }\n<md_string>(?:(?!`\").)+ { return MD_STR; }\n<md_string>(?:`";

class Lexer : public ChartLexer<Lexer> {
 public:
  using ChartLexer::ChartLexer;

 private:
  friend ChartLexer;

  // [+-]?(?:\d+(?:\.\d+)?|\.\d+)
  size_t number(size_t i) const {
    size_t j = i + ((at(i) == '+' || at(i) == '-') ? 1 : 0);
    size_t d = j;
    while (is_digit(at(d))) ++d;
    if (d > j) {
      if (at(d) == '.' && is_digit(at(d + 1))) {
        d += 2;
        while (is_digit(at(d))) ++d;
      }
      return d - i;
    }
    if (at(j) == '.' && is_digit(at(j + 1))) {
      d = j + 2;
      while (is_digit(at(d))) ++d;
      return d - i;
    }
    return 0;
  }

  int step() {
    const size_t i = pos_;
    const char c = at(i);
    const uint8_t st = state();
    // The inclusive conditions: INITIAL's rules plus their own, in rule order.
    if (lit(s_, i, "%%") && at(i + 2) != '{') return take(line_end(s_, i), -1);
    if (i < s_.size() && c != '}') {
      size_t cl = utf8_seq_len(s_, i);
      if (cl < 4 && lit(s_, i + cl, "%%")) return take(line_end(s_, i + cl), -1);
    }
    if ((st == S_AXIS_DATA || st == S_DATA) && c == '\n') {
      pop();
      return take(i + 1, C_NEWLINE);
    }
    if (c == '\n' || c == '\r') {
      size_t e = i;
      while (at(e) == '\n' || at(e) == '\r') ++e;
      return take(e, C_NEWLINE);
    }
    if (lit(s_, i, "%%")) return take(line_end(s_, i), -1);
    if (jison_kw(s_, i, "title")) return take(i + 5, X_TITLE);
    if (int k; acc_rules(i, k)) return k;
    if (jison_kw(s_, i, "xychart-beta")) return take(i + 12, X_XYCHART);
    if (jison_kw(s_, i, "xychart")) return take(i + 7, X_XYCHART);
    if (lit_ci(s_, i, "vertical")) return take(i + 8, X_ORIENTATION);
    if (lit_ci(s_, i, "horizontal")) return take(i + 10, X_ORIENTATION);
    if (jison_kw(s_, i, "x-axis")) {
      push(S_AXIS_DATA);
      return take(i + 6, X_X_AXIS);
    }
    if (jison_kw(s_, i, "y-axis")) {
      push(S_AXIS_DATA);
      return take(i + 6, X_Y_AXIS);
    }
    if (st == S_AXIS_DATA && c == '[') {
      push(S_AXIS_BAND_DATA);
      return take(i + 1, X_SQB_START);
    }
    if (st == S_AXIS_DATA && lit(s_, i, "-->")) return take(i + 3, X_ARROW);
    if (jison_kw(s_, i, "line")) {
      push(S_DATA);
      return take(i + 4, X_LINE);
    }
    if (jison_kw(s_, i, "bar")) {
      push(S_DATA);
      return take(i + 3, X_BAR);
    }
    if (st == S_DATA && c == '[') {
      push(S_DATA_INNER);
      return take(i + 1, X_SQB_START);
    }
    if (st == S_AXIS_DATA || st == S_DATA_INNER) {
      if (size_t n = number(i)) return take(i + n, X_NUMBER);
    }
    if ((st == S_DATA_INNER || st == S_AXIS_BAND_DATA) && c == ']') {
      pop();
      return take(i + 1, X_SQB_END);
    }
    if (lit_ci(s_, i, kMangledMarkdownRule)) {
      pop();
      return take(i + kMangledMarkdownRule.size(), -1);
    }
    if (c == '"') return open_string(i);
    if (c == '[') return take(i + 1, X_SQB_START);
    if (c == ']') return take(i + 1, X_SQB_END);
    if (int k; alnum_rules(i, k)) return k;
    if (size_t n = js_space(s_, i)) return take(skip_space(s_, i + n), -1);
    if (c == ';') return take(i + 1, X_SEMI);
    if (i >= s_.size()) return take(i, C_EOF);
    return take(i + utf8_seq_len(s_, i), X_LEX_ERROR);
  }
};

class Parser : public ChartParser<Lexer> {
 public:
  using ChartParser::ChartParser;

  void run() {
    // start: (eol | XYCHART CHART_ORIENTATION?)* document
    while (true) {
      if (eol_token(kind())) {
        advance();
      } else if (kind() == X_XYCHART) {
        advance();
        if (kind() == X_ORIENTATION) advance();
      } else {
        break;
      }
    }
    // document: statement*, each followed by any number of eols; accepted at the lexer's end.
    while (out_.empty() && kind() != C_END) {
      if (!statement()) return;
      while (eol_token(kind())) advance();
    }
  }

 private:
  bool unexpected(std::string expected, std::string hint) {
    if (!out_.empty()) return false;
    if (kind() == X_LEX_ERROR) {
      std::string found = describe(s_, cur_.begin, cur_.end - cur_.begin);
      std::string h = "quote text that contains other characters: title \"Revenue (in $)\"";
      if (s_[cur_.begin] == '`') h = "markdown strings (\"`...`\") do not work in xychart in Mermaid 11.17.2; use \"...\"";
      fail_at(cur_, "unexpected character " + found, "text, a number or a keyword", h);
      return false;
    }
    if (size_t q = lex_.unclosed_quote(); q != std::string_view::npos) {
      out_.push_back(diag_at(p_, q, "unclosed '\"'", "'\"'", "'\"'", "close the quoted text with '\"'"));
      return false;
    }
    if (kind() == X_NUMBER && prev_state_ == S_AXIS_DATA && axis_line_ != line_of(cur_.begin))
      hint = "blanks at the end of the x-axis/y-axis line swallow its line break, so this number "
             "is read as an axis number; remove the trailing blanks";
    if (kind() == X_ORIENTATION)
      hint = "'vertical' and 'horizontal' are keywords (anywhere, even inside words); quote the text";
    if (kind() == C_COLON) hint = "':' is not allowed in unquoted text; quote the text";
    fail_at(cur_, "unexpected " + what(cur_), std::move(expected), std::move(hint));
    return false;
  }

  // text: alphaNumToken+ | STR
  bool text() {
    if (kind() == C_STR) {
      advance();
      return true;
    }
    if (!alnum_token(kind())) return unexpected("text", "");
    while (alnum_token(kind())) advance();
    return true;
  }

  // NUMBER '-->' NUMBER
  bool range() {
    advance();
    if (kind() != X_ARROW) return unexpected("'-->'", "an axis range is: min --> max, e.g. 0 --> 100");
    advance();
    if (kind() != X_NUMBER) return unexpected("a number", "an axis range is: min --> max, e.g. 0 --> 100");
    advance();
    return true;
  }

  bool axis(bool x) {
    axis_line_ = line_of(cur_.begin);
    advance();
    bool titled = false;
    if (text_start(kind())) {
      if (!text()) return false;
      titled = true;
    }
    if (kind() == X_NUMBER) return range();
    if (x && kind() == X_SQB_START) {
      // bandData: '[' text (',' text)* ']'
      advance();
      while (true) {
        if (!text_start(kind())) return unexpected("a category", "categories are [jan, feb, \"mar 1\"]");
        if (!text()) return false;
        if (kind() == C_COMMA) {
          advance();
          continue;
        }
        if (kind() != X_SQB_END) return unexpected("',' or ']'", "categories are [jan, feb, \"mar 1\"]");
        advance();
        return true;
      }
    }
    if (titled) return true;
    return unexpected(x ? "a title, [categories] or min --> max" : "a title or min --> max",
                      x ? "write x-axis \"Title\" [a, b, c] or x-axis 0 --> 10"
                        : "write y-axis \"Title\" 0 --> 100");
  }

  // LINE/BAR text? '[' NUMBER STR? (',' NUMBER STR?)* ']'
  bool plot() {
    advance();
    if (text_start(kind()) && !text()) return false;
    if (kind() != X_SQB_START) return unexpected("'[' and the data", "plot data is [1, 2.5, -3]");
    advance();
    while (true) {
      if (kind() != X_NUMBER) return unexpected("a number", "plot data is [1, 2.5, -3]");
      advance();
      if (kind() == C_STR) advance();
      if (kind() == C_COMMA) {
        advance();
        continue;
      }
      if (kind() != X_SQB_END) return unexpected("',' or ']'", "plot data is [1, 2.5, -3]");
      advance();
      return true;
    }
  }

  bool statement() {
    switch (kind()) {
      case X_TITLE:
        advance();
        return text();
      case X_X_AXIS:
        return axis(true);
      case X_Y_AXIS:
        return axis(false);
      case X_LINE:
      case X_BAR:
        return plot();
      case C_ACC_TITLE:
      case C_ACC_DESCR:
        advance();  // the lexer always follows these with their value
        advance();
        return true;
      case C_ACC_ML_VALUE:
        advance();
        return true;
      default:
        break;
    }
    std::string hint = "statements are title, x-axis, y-axis, line and bar";
    if (kind() == C_ALPHA) {
      std::string_view w = first_word(s_, cur_.begin);
      std::string g = suggest(w, {"title", "x-axis", "y-axis", "line", "bar", "accTitle", "accDescr"});
      if (!g.empty()) {
        fail_at(cur_, "unknown keyword '" + std::string(w) + "'", "a statement",
                "did you mean '" + g + "'? (" + hint + ")");
        return false;
      }
    }
    if (kind() == X_XYCHART || kind() == X_ORIENTATION)
      hint = "'xychart' and its orientation come first, before any statement";
    return unexpected("a statement", hint);
  }

  size_t axis_line_ = 0;
  size_t line_of(size_t off) const {
    uint32_t line = 0, col = 0;
    p_.locate(off, line, col);
    return line;
  }
};

}  // namespace

void validate_xychart(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
