// Shared scanning utilities for the Mermaid validators: the prepared text every diagram parser
// reads, the map from that text back to the caller's lines, and JavaScript-compatible character
// classes (Mermaid's lexers are JS regular expressions, so "\s" and "\w" must mean what JS means).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "mermaid/models.h"
#include "mermaid/validator.h"

namespace specgate::mermaid {
using specgate::utf8_seq_len;
using specgate::count_chars;

// A run of prepared text and where it came from in the caller's source. Synthetic runs (text
// Mermaid inserts, such as encoded entities) map every byte to the same source offset.
struct Segment {
  uint32_t out = 0;
  uint32_t src = 0;
  bool synthetic = false;
};

// Text plus its origin map; each preprocessing stage turns one of these into the next.
struct MappedText {
  std::string text;
  std::vector<Segment> segs;
  size_t source_offset(size_t out) const;
};

struct Edit {
  size_t begin = 0;
  size_t end = 0;
  std::string replacement;
};
// Applies non-overlapping edits sorted by `begin`.
MappedText apply_edits(const MappedText& in, const std::vector<Edit>& edits);

// What a diagram parser sees: Mermaid's preprocessed text (front matter, directives and whole-line
// %% comments removed, entities encoded, "\n" appended), starting at the header.
struct Prepared {
  MappedText mapped;
  std::string_view src;            // the caller's source, for line/column mapping
  std::vector<uint32_t> src_lines; // byte offset of each source line
  bool bom = false;
  const Models* models = nullptr;  // where to record the model; null on validation-only runs

  std::string_view text() const { return mapped.text; }
  // Source line/column (1-based, characters) of a byte offset in text().
  void locate(size_t off, uint32_t& line, uint32_t& column) const;
};

void index_lines(std::string_view s, std::vector<uint32_t>& starts);

// Builds the diagnostic at a prepared-text offset.
Diagnostic diag_at(const Prepared& p, size_t off, std::string message, std::string found,
                   std::string expected, std::string hint);

// Mermaid's UNICODE_TEXT letters (one code point).
bool in_unicode_text(uint32_t c);

// Byte length of a JS "\s" character at s[i], 0 if none (ASCII and Unicode spaces, BOM).
// The lexers call these per byte, so the ASCII cases are inline.
size_t js_space_non_ascii(std::string_view s, size_t i);
inline size_t js_space(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  if (static_cast<unsigned char>(c) < 0xC2) return 0;
  return js_space_non_ascii(s, i);
}
inline bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// c is one of the few characters in `set`: a loop, where set.find(c) would call memchr for
// every character a lexer steps over.
inline bool in_set(char c, std::string_view set) {
  for (char x : set) {
    if (c == x) return true;
  }
  return false;
}
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
// Decodes the code point at s[i] (invalid bytes decode as themselves); sets len to its byte length.
uint32_t decode(std::string_view s, size_t i, size_t& len);
// JS "\b" at position i of s (ASCII word characters).
inline bool word_boundary(std::string_view s, size_t i) {
  bool before = i > 0 && is_word(s[i - 1]);
  bool after = i < s.size() && is_word(s[i]);
  return before != after;
}
// JS "." (any character but line terminators): byte length at i, 0 at a terminator or the end.
size_t js_dot_non_ascii(std::string_view s, size_t i);
inline size_t js_dot(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] == '\n' || s[i] == '\r') return 0;
  if (static_cast<unsigned char>(s[i]) < 0x80) return 1;
  return js_dot_non_ascii(s, i);
}
// Case-(in)sensitive literal match at i. Lexers try many literals per token: reject on the
// first byte before comparing the rest.
inline bool lit(std::string_view s, size_t i, std::string_view word) {
  if (i > s.size() || s.size() - i < word.size()) return false;
  if (!word.empty() && s[i] != word[0]) return false;
  return s.compare(i, word.size(), word) == 0;
}
inline bool lit_ci(std::string_view s, size_t i, std::string_view word) {
  if (i > s.size() || s.size() - i < word.size()) return false;
  if (!word.empty() && lower(s[i]) != lower(word[0])) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower(s[i + k]) != lower(word[k])) return false;
  return true;
}
// Skips JS whitespace from i.
inline size_t skip_space(std::string_view s, size_t i) {
  while (size_t n = js_space(s, i)) i += n;
  return i;
}
// Skips spaces and tabs only.
size_t skip_blank(std::string_view s, size_t i);
size_t line_end(std::string_view s, size_t i);

// Quotes a token for messages: "'('", "end of line", "end of diagram".
std::string describe(std::string_view text, size_t off, size_t len);

}  // namespace specgate::mermaid
