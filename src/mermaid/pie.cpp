// Pie validator. Mermaid 11.17.2 parses pie charts with its Langium grammar (pie.langium plus
// the common terminals): a case-sensitive lexer in which only quoted labels, numbers, ':',
// the 'pie'/'showData' keywords and title/accessibility lines exist, then
//   NEWLINE* 'pie' 'showData'? ( (title|accTitle|accDescr) EOL | STRING ':' NUMBER EOL | NEWLINE )*
// and the database's check that no value is negative.
#include <cstdlib>
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/langium_parser.h"
#include "mermaid/langium_terms.h"
#include "mermaid/lexkit.h"

namespace specgate::mermaid {
namespace {

enum Kind : int { P_END, P_SHOW_DATA, P_PIE, P_COLON, P_NUMBER, P_ACC, P_STRING, P_NL };

// -?[0-9]+\.[0-9]+(?!\.) | -?(0|[1-9][0-9]*)(?!\.)
size_t pie_number(std::string_view s, size_t i) {
  size_t m = langium::at(s, i) == '-' ? 1 : 0;
  if (size_t n = langium::float_num(s, i + m)) return m + n;
  char c = langium::at(s, i + m);
  if (c == '0') return langium::at(s, i + m + 1) == '.' ? 0 : m + 1;
  if (size_t n = langium::int_num(s, i + m)) return m + n;
  return 0;
}

// Lexes the whole text; stops at the first character no token matches (its offset in `error`).
void lex(std::string_view s, std::vector<LexTok>& out, size_t& error) {
  using namespace langium;
  size_t i = 0;
  error = std::string_view::npos;
  auto push = [&](int k, size_t n) {
    out.push_back(LexTok{k, static_cast<uint32_t>(i), static_cast<uint32_t>(i + n)});
    i += n;
  };
  while (i < s.size()) {
    if (lit(s, i, "showData") && keyword_end(s, i + 8)) {
      push(P_SHOW_DATA, 8);
    } else if (lit(s, i, "pie") && keyword_end(s, i + 3)) {
      push(P_PIE, 3);
    } else if (s[i] == ':') {
      push(P_COLON, 1);
    } else if (size_t n = pie_number(s, i)) {
      push(P_NUMBER, n);
    } else if (size_t n1 = acc_or_title(s, i)) {
      push(P_ACC, n1);
    } else if (size_t n4 = string(s, i)) {
      push(P_STRING, n4);
    } else if (size_t n5 = newline(s, i)) {
      push(P_NL, n5);
    } else if (size_t n6 = skipped(s, i)) {
      i += n6;
    } else {
      error = i;
      break;
    }
  }
  out.push_back(LexTok{P_END, static_cast<uint32_t>(i), static_cast<uint32_t>(i)});
}

class Parser : langium::TokenParser<P_END, P_NL> {
 public:
  Parser(const Prepared& p, std::vector<Diagnostic>& out) : TokenParser(p, out) {}

  void run() {
    size_t lex_error = 0;
    lex(s_, t_, lex_error);
    parse();
    if (lexer_error_first(lex_error)) lexer_error(lex_error);
  }

 private:
  void parse() {
    while (kind() == P_NL) advance();
    if (kind() != P_PIE) return unexpected("'pie'", "");
    advance();
    if (kind() == P_SHOW_DATA) advance();
    while (out_.empty()) {
      switch (kind()) {
        case P_END:
          return;
        case P_NL:
          advance();
          continue;
        case P_ACC:
          advance();
          if (!eol("put the next statement on its own line")) return;
          continue;
        case P_STRING: {
          const LexTok label = peek();
          advance();
          if (kind() != P_COLON)
            return unexpected("':' and a value", "write slices as \"Label\" : 42");
          advance();
          if (kind() != P_NUMBER)
            return unexpected("a number", "slice values are numbers such as 42 or 5.5");
          const LexTok value = peek();
          advance();
          if (!eol("one slice per line")) return;
          double v = std::strtod(std::string(s_.substr(value.begin, value.end - value.begin)).c_str(), nullptr);
          if (v < 0) {
            std::string name(s_.substr(label.begin + 1, label.end - label.begin - 2));
            return fail(value, "\"" + name + "\" has a negative value; pie slice values must be >= 0",
                        "a value >= 0", "use 0 or a positive number");
          }
          continue;
        }
        case P_SHOW_DATA:
          return unexpected("a slice, title or end of line",
                            "'showData' goes right after 'pie' on the first line");
        case P_COLON:
          return unexpected("a quoted label before ':'", "write slices as \"Label\" : 42");
        case P_NUMBER:
          return unexpected("a quoted label", "write slices as \"Label\" : 42");
        default:
          return unexpected("a slice, title or end of line", "");
      }
    }
  }

  void lexer_error(size_t off) {
    at_ = off;
    size_t n = utf8_seq_len(s_, off);
    std::string found = describe(s_, off, n);
    size_t ls = off;
    while (ls > 0 && s_[ls - 1] != '\n') --ls;
    bool starts_line = skip_blank(s_, ls) == off;
    std::string_view word = first_word(s_, off);
    std::string msg, hint;
    if (lit_ci(s_, off, "showdata")) {
      msg = "'showData' is case-sensitive";
      hint = "write 'showData'";
    } else if (!word.empty() && !suggest(word, {"title", "accTitle", "accDescr"}).empty() &&
               starts_line) {
      msg = "unknown keyword '" + std::string(word) + "'";
      hint = "did you mean '" + suggest(word, {"title", "accTitle", "accDescr"}) + "'? (keywords are case-sensitive)";
    } else if (s_[off] == '"' || s_[off] == '\'') {
      msg = "unclosed quoted label";
      hint = "close the label with a matching quote";
    } else if (starts_line) {
      msg = "pie slice labels must be quoted";
      hint = "write slices as \"Label\" : 42";
    } else if (s_[off] == '.' || s_[off] == '-' || is_digit(s_[off])) {
      msg = "malformed number " + found;
      hint = "slice values are numbers such as 42 or 5.5";
    } else {
      msg = "unexpected character " + found;
      hint = "a slice is \"Label\" : value; comments start with %%";
    }
    out_.push_back(diag_at(p_, off, msg, found, "a quoted label, a number, ':' or a keyword", hint));
  }
};

}  // namespace

void validate_pie(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
