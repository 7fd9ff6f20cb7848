// Field extraction from one raw line: `**Key:** value`, `**Key**: value`, `- **Key:** value`,
// and several fields on one line (`**A**: x | **B**: y`, `**A:** x **B:** y`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specgate {

struct RawField {
  std::string key;
  std::string value;
  size_t key_offset = 0;    // byte offset in the line of the opening `**`
  size_t value_offset = 0;  // byte offset of the value (or just past the colon when empty)
};

std::vector<RawField> extract_fields(std::string_view line);
// The same, for a caller that has content_start(line) already.
std::vector<RawField> extract_fields(std::string_view line, size_t start);

// Byte offset just past a list marker and the spaces after it ("- ", "12. "), or past quote
// markers and indentation; 0-based. Returns the offset of the content.
size_t content_start(std::string_view line);

}  // namespace specgate
