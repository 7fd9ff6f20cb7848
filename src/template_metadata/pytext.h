// Python 3 text semantics, reproduced where the exported JSON must match a Python reference
// byte for byte: how `open(..., encoding="utf-8", errors="replace")` decodes a file, and what
// `str.isspace`, `str.strip` and `str.splitlines` treat as whitespace and line breaks.
//
// Text is held as code points, each remembering the byte offset it came from in the original
// file, so everything computed on the Python view can still be reported at a real file position.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace specgate::pytext {

struct Text {
  std::u32string cps;              // decoded code points
  std::vector<uint32_t> offsets;   // offsets[i] = byte offset of cps[i] in the original bytes
};

// Decodes UTF-8 like Python with errors="replace" (each maximal ill-formed subsequence becomes
// one U+FFFD) and applies universal newlines (CR LF and lone CR become LF). A BOM stays U+FEFF.
Text decode(std::string_view bytes);

// str.isspace() / the `\s` class of Python's re module for str patterns.
bool is_space(char32_t c);
// Python's `\w` for str patterns: letters, digits and underscore, Unicode-aware.
bool is_word(char32_t c);
// A line break for str.splitlines() (LF, CR, VT, FF, FS, GS, RS, NEL, LS, PS).
bool is_line_break(char32_t c);

// [begin, end) index range over a Text's code points.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
};

// str.strip() with no arguments: trims Unicode whitespace on both ends.
Span strip(const std::u32string& s, Span span);
// str.strip(chars): trims any of `chars` on both ends.
Span strip_chars(const std::u32string& s, Span span, std::u32string_view chars);
// str.splitlines() without keepends.
std::vector<Span> splitlines(const std::u32string& s, Span span);

// Encodes code points as UTF-8. Surrogate code points (only ever produced by JSON \u escapes)
// are encoded as three-byte sequences (WTF-8), so that they survive a round trip.
using specgate::append_utf8;
std::string to_utf8(const std::u32string& s, Span span);
std::string to_utf8(std::u32string_view s);

// Decodes UTF-8 (or WTF-8) produced by append_utf8 back into code points; invalid bytes
// become U+FFFD. Used by the JSON writer, which must see every code point.
std::u32string from_utf8(std::string_view s);

}  // namespace specgate::pytext
