#include "lsp/positions.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "core/source.h"

namespace specgate::lsp {

namespace {

// UTF-16 units of the character at s[i] and its byte length.
uint32_t units_at(std::string_view s, size_t i, size_t& len) {
  len = utf8_seq_len(s, i);
  return len == 4 ? 2 : 1;
}

}  // namespace

size_t utf16_length(std::string_view bytes) {
  size_t units = 0;
  for (size_t i = 0, len = 0; i < bytes.size(); i += len) units += units_at(bytes, i, len);
  return units;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

size_t LineIndex::line_end(uint32_t line) const {
  size_t e = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  size_t b = starts_[line];
  if (e > b && text_[e - 1] == '\n') --e;
  if (e > b && text_[e - 1] == '\r') --e;
  return e;
}

size_t LineIndex::offset_of(Position p) const {
  if (p.line >= starts_.size()) return text_.size();
  const size_t end = line_end(p.line);
  size_t i = starts_[p.line];
  uint32_t units = 0;
  while (i < end) {
    size_t len = 0;
    const uint32_t u = units_at(text_, i, len);
    if (units + u > p.character) break;
    units += u;
    i += len;
  }
  return std::min(i, end);
}

Position LineIndex::position_of(size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const uint32_t line = static_cast<uint32_t>(it - starts_.begin() - 1);
  // An offset inside a line ending belongs at the end of the line's text.
  const size_t b = starts_[line];
  const size_t e = std::min(offset, line_end(line));
  return {line, static_cast<uint32_t>(utf16_length(text_.substr(b, e - b)))};
}

size_t source_offset(const SourceText& source, uint32_t line, uint32_t column) {
  if (line == 0) return 0;
  if (line > source.line_count()) return source.text().size();
  const std::string_view text = source.line(line);  // without a BOM on line 1
  const size_t base = static_cast<size_t>(text.data() - source.text().data());
  size_t i = 0;
  for (uint32_t c = 1; c < column && i < text.size(); ++c) i += utf8_seq_len(text, i);
  return base + std::min(i, text.size());
}

Range diagnostic_range(const Diagnostic& d, const SourceText& source, const LineIndex& lines) {
  if (d.line == 0) return {};
  Range r;
  r.start = lines.position_of(source_offset(source, d.line, std::max<uint32_t>(d.column, 1)));
  if (d.end_line == 0 || d.end_line < d.line || (d.end_line == d.line && d.end_column <= d.column)) {
    r.end = r.start;
  } else {
    r.end = lines.position_of(source_offset(source, d.end_line, d.end_column));
  }
  return r;
}

}  // namespace specgate::lsp
