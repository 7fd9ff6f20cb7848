// Positions of the language features: a line (1-based, as the document model counts) and a byte
// offset within it. The model counts columns in code points; editors count UTF-16 code units;
// bytes are what both convert from exactly, given the line's text (the server does, lsp/).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/source.h"

namespace specgate {

struct TextPos {
  uint32_t line = 1;  // 1-based
  uint32_t byte = 0;  // bytes into the line (its text without the line ending)
  friend bool operator==(const TextPos&, const TextPos&) = default;
  friend auto operator<=>(const TextPos&, const TextPos&) = default;
};

struct TextRange {
  TextPos start, end;  // end is exclusive
  friend bool operator==(const TextRange&, const TextRange&) = default;
  bool contains(TextPos p) const { return start <= p && p <= end; }  // an end touching the cursor counts
};

// A range in another (or the same) file.
struct FileRange {
  std::string path;
  TextRange range;
  friend bool operator==(const FileRange&, const FileRange&) = default;
};

// Byte offset within `line` of the model's 1-based character column (past the end: the line's size).
uint32_t byte_of_column(std::string_view line, uint32_t column);

// The range of `chars` characters from the model's (line, column) in `src`.
TextRange range_of_chars(const SourceText& src, uint32_t line, uint32_t column, uint32_t chars);

}  // namespace specgate
