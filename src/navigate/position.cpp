#include "navigate/position.h"

namespace specgate {

uint32_t byte_of_column(std::string_view line, uint32_t column) {
  size_t i = 0;
  for (uint32_t c = 1; c < column && i < line.size(); ++c) i += utf8_seq_len(line, i);
  return static_cast<uint32_t>(std::min(i, line.size()));
}

TextRange range_of_chars(const SourceText& src, uint32_t line, uint32_t column, uint32_t chars) {
  const std::string_view text = src.line(line);
  const uint32_t b = byte_of_column(text, column);
  size_t e = b;
  for (uint32_t c = 0; c < chars && e < text.size(); ++c) e += utf8_seq_len(text, e);
  return {{line, b}, {line, static_cast<uint32_t>(std::min(e, text.size()))}};
}

}  // namespace specgate
