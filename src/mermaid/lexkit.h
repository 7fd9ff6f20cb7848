// Small helpers shared by the validators of Mermaid's smaller diagram types: jison keyword
// matching, the common token record, first-error reporting and "did you mean" suggestions.
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mermaid/scan.h"

namespace specgate::mermaid {

struct LexTok {
  int kind = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// What the parser found at `t`, for an error's "found" part: the end-of-diagram and end-of-line
// tokens (kinds differ per lexer; some have two of each) read as words, anything else is quoted.
inline std::string token_found(std::string_view s, const LexTok& t, int end_kind, int eof_kind,
                               int newline_kind, int other_newline_kind = -1) {
  if (t.kind == end_kind || t.kind == eof_kind) return "end of diagram";
  if (t.kind == newline_kind || t.kind == other_newline_kind) return "end of line";
  return describe(s, t.begin, t.end - t.begin);
}

// Mermaid's parsers stop at the first error, so only the first is kept.
inline void first_error(std::vector<Diagnostic>& out, const Prepared& p, size_t offset,
                        std::string msg, std::string found, std::string expected, std::string hint) {
  if (!out.empty()) return;
  out.push_back(diag_at(p, offset, std::move(msg), std::move(found), std::move(expected), std::move(hint)));
}

// A jison literal rule: case-insensitive when `ci`, with the implicit "\b" jison appends when the
// literal ends in a word character.
inline bool jison_kw(std::string_view s, size_t i, std::string_view w, bool ci = true) {
  if (!(ci ? lit_ci(s, i, w) : lit(s, i, w))) return false;
  if (!is_word(w.back())) return true;
  size_t e = i + w.size();
  return !(e < s.size() && is_word(s[e]));
}

// JS "[^\n]*" from i: the end of the line.
inline size_t rest_of_line(std::string_view s, size_t i) { return line_end(s, i); }

// Length of a run from i of characters not in `stop` (ASCII stop set); at least 0.
inline size_t run_until(std::string_view s, size_t i, std::string_view stop) {
  size_t e = i;
  while (e < s.size() && !in_set(s[e], stop)) ++e;
  return e - i;
}

// Levenshtein distance, capped (cheap: keywords are short).
inline size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() > 40 || b.size() > 40) return 99;
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    prev.swap(cur);
  }
  return prev[b.size()];
}

// The keyword `word` most likely meant (distance 1-2, or a case-only difference), or "".
inline std::string suggest(std::string_view word, std::initializer_list<std::string_view> keywords) {
  std::string best;
  size_t best_d = 3;
  for (std::string_view k : keywords) {
    size_t d = edit_distance(word, k);
    if (d == 0 && word != k) d = 1;  // case differs
    if (d > 0 && d < best_d && k.size() > 2) {
      best_d = d;
      best = std::string(k);
    }
  }
  return best;
}

// The first word (letters, digits, '_', '-') of text at i.
inline std::string_view first_word(std::string_view s, size_t i) {
  size_t b = skip_blank(s, i);
  size_t e = b;
  while (e < s.size() && (is_word(s[e]) || s[e] == '-')) ++e;
  return s.substr(b, e - b);
}

// 'text' for messages, cut at 40 bytes (built by appends: GCC 12 warns falsely on operator+ chains).
inline std::string quoted(std::string_view text) {
  std::string q;
  q.reserve(42);
  q += '\'';
  size_t n = std::min<size_t>(text.size(), 40);
  while (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole characters
  q.append(text.substr(0, n));
  q += '\'';
  return q;
}

}  // namespace specgate::mermaid
