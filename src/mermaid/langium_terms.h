// The terminals of Mermaid's Langium grammars (packages/parser common.langium) as shipped in
// 11.17.2, as matchers: each returns the length of its match at i, or 0 for no match. Langium
// lexes with Chevrotain: keywords first (longest first), then terminals in grammar order, the
// first pattern that matches wins; a keyword yields to a longer match of its LONGER_ALT terminal.
#pragma once

#include <string_view>

#include "mermaid/scan.h"

namespace specgate::mermaid::langium {

inline char at(std::string_view s, size_t i) { return i < s.size() ? s[i] : '\0'; }
inline size_t blanks(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}
// [^\n\r]*? followed by (?=%%), or else [^\n\r]*: end of the text up to a '%%' or the line end.
inline size_t lazy_to_comment(std::string_view s, size_t i) {
  size_t e = i;
  while (e < s.size() && s[e] != '\n' && s[e] != '\r') {
    if (s[e] == '%' && at(s, e + 1) == '%') return e;
    ++e;
  }
  return e;
}

// Mermaid keyword tokens end with (?:(?=%%)|(?!\S)).
inline bool keyword_end(std::string_view s, size_t e) {
  return e >= s.size() || lit(s, e, "%%") || js_space(s, e) > 0;
}

// [\t ]*accDescr(?:[\t ]*:([^\n\r]*?(?=%%)|[^\n\r]*)|\s*{([^}]*)})
inline size_t acc_descr(std::string_view s, size_t i) {
  size_t j = blanks(s, i);
  if (!lit(s, j, "accDescr")) return 0;
  j += 8;
  size_t c = blanks(s, j);
  if (at(s, c) == ':') return lazy_to_comment(s, c + 1) - i;
  size_t b = skip_space(s, j);
  if (at(s, b) != '{') return 0;
  size_t close = s.find('}', b + 1);
  return close == std::string_view::npos ? 0 : close + 1 - i;
}

// [\t ]*accTitle[\t ]*:(?:[^\n\r]*?(?=%%)|[^\n\r]*)
inline size_t acc_title(std::string_view s, size_t i) {
  size_t j = blanks(s, i);
  if (!lit(s, j, "accTitle")) return 0;
  size_t c = blanks(s, j + 8);
  if (at(s, c) != ':') return 0;
  return lazy_to_comment(s, c + 1) - i;
}

// [\t ]*title(?:[\t ][^\n\r]*?(?=%%)|[\t ][^\n\r]*|)
inline size_t title(std::string_view s, size_t i) {
  size_t j = blanks(s, i);
  if (!lit(s, j, "title")) return 0;
  j += 5;
  if (at(s, j) == ' ' || at(s, j) == '\t') return lazy_to_comment(s, j + 1) - i;
  return j - i;
}

// "([^"\\]|\\.)*"|'([^'\\]|\\.)*'
inline size_t string(std::string_view s, size_t i) {
  char q = at(s, i);
  if (q != '"' && q != '\'') return 0;
  size_t e = i + 1;
  while (e < s.size()) {
    if (s[e] == q) return e + 1 - i;
    if (s[e] == '\\') {
      size_t n = js_dot(s, e + 1);
      if (!n) return 0;
      e += 1 + n;
      continue;
    }
    ++e;
  }
  return 0;
}

// \r?\n
inline size_t newline(std::string_view s, size_t i) {
  if (at(s, i) == '\n') return 1;
  if (at(s, i) == '\r' && at(s, i + 1) == '\n') return 2;
  return 0;
}

// [\t ]+
inline size_t whitespace(std::string_view s, size_t i) { return blanks(s, i) - i; }

// ---[\t ]*\r?\n(?:[\S\s]*?\r?\n)?---(?:\r?\n|(?!\S))
inline size_t yaml(std::string_view s, size_t i) {
  if (!lit(s, i, "---")) return 0;
  size_t j = blanks(s, i + 3);
  size_t n = newline(s, j);
  if (!n) return 0;
  // The closing --- follows the opening line break or any later one (lazy: the first that fits).
  for (size_t k = j + n - 1; k < s.size(); ++k) {
    if (s[k] != '\n' || !lit(s, k + 1, "---")) continue;
    size_t e = k + 4;
    if (size_t m = newline(s, e)) return e + m - i;
    if (e >= s.size() || js_space(s, e)) return e - i;
  }
  return 0;
}

// [\t ]*%%{[\S\s]*?}%%(?:\r?\n|(?!\S))
inline size_t directive(std::string_view s, size_t i) {
  size_t j = blanks(s, i);
  if (!lit(s, j, "%%{")) return 0;
  for (size_t k = s.find("}%%", j + 3); k != std::string_view::npos; k = s.find("}%%", k + 1)) {
    size_t e = k + 3;
    if (size_t m = newline(s, e)) return e + m - i;
    if (e >= s.size() || js_space(s, e)) return e - i;
  }
  return 0;
}

// [\t ]*%%[^\n\r]*
inline size_t comment(std::string_view s, size_t i) {
  size_t j = blanks(s, i);
  if (!lit(s, j, "%%")) return 0;
  size_t e = j + 2;
  while (e < s.size() && s[e] != '\n' && s[e] != '\r') ++e;
  return e - i;
}

// The hidden terminals, in their order after WHITESPACE: YAML, DIRECTIVE, SINGLE_LINE_COMMENT.
inline size_t hidden(std::string_view s, size_t i) {
  if (size_t n = yaml(s, i)) return n;
  if (size_t n = directive(s, i)) return n;
  return comment(s, i);
}

// accDescr, accTitle and title, in grammar order (both grammars treat them alike).
inline size_t acc_or_title(std::string_view s, size_t i) {
  if (size_t n = acc_descr(s, i)) return n;
  if (size_t n = acc_title(s, i)) return n;
  return title(s, i);
}

// WHITESPACE, then the hidden terminals: text the parser never sees.
inline size_t skipped(std::string_view s, size_t i) {
  if (size_t n = whitespace(s, i)) return n;
  return hidden(s, i);
}

// [0-9]+\.[0-9]+(?!\.) with JS backtracking: "1.25." matches "1.2".
inline size_t float_num(std::string_view s, size_t i) {
  size_t a = i;
  while (a < s.size() && is_digit(s[a])) ++a;
  if (a == i || at(s, a) != '.') return 0;
  size_t b = a + 1;
  while (b < s.size() && is_digit(s[b])) ++b;
  size_t frac = b - a - 1;
  if (frac == 0) return 0;
  if (at(s, b) != '.') return b - i;
  return frac >= 2 ? b - 1 - i : 0;
}

// 0|[1-9][0-9]*(?!\.) (the lookahead binds to the second alternative only).
inline size_t int_num(std::string_view s, size_t i) {
  char c = at(s, i);
  if (c == '0') return 1;
  if (c < '1' || c > '9') return 0;
  size_t e = i + 1;
  while (e < s.size() && is_digit(s[e])) ++e;
  if (at(s, e) != '.') return e - i;
  return e - i >= 2 ? e - 1 - i : 0;
}

// [\w]([-\w]*\w)?
inline size_t id(std::string_view s, size_t i) {
  if (!is_word(at(s, i))) return 0;
  size_t e = i + 1;
  size_t last_word = e;
  while (e < s.size() && (is_word(s[e]) || s[e] == '-')) {
    ++e;
    if (is_word(s[e - 1])) last_word = e;
  }
  return last_word - i;
}

}  // namespace specgate::mermaid::langium
