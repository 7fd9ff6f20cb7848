// LSP positions: a zero-based line and a character offset counted in UTF-16 code units (the
// protocol's default encoding), converted exactly to and from byte offsets in UTF-8 text. Lines
// end at LF, CR LF or a lone CR, as the protocol defines them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace specgate {
struct Diagnostic;
class SourceText;
}  // namespace specgate

namespace specgate::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;  // UTF-16 code units
  bool operator==(const Position&) const = default;
};

struct Range {
  Position start, end;
  bool operator==(const Range&) const = default;
};

// The starts of the lines of one text, for converting positions both ways. Views the text: it
// must outlive the index and not change.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // The byte offset of `p`. A character past the end of its line (or inside a surrogate pair's
  // character) clamps to the line's end (or that character's start); a line past the end of the
  // text gives the text's end, as clients expect for "append at the end".
  size_t offset_of(Position p) const;
  Position position_of(size_t offset) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
  size_t line_end(uint32_t line) const;  // byte offset of the line's ending (or the text's end)
};

// UTF-16 code units in a run of UTF-8 (an invalid byte counts as one unit: it stands for U+FFFD).
size_t utf16_length(std::string_view bytes);

// A finding's range (1-based lines, columns in characters, the end just past the last
// character; see core/diagnostic.h) as an LSP range over the same text. A finding with no
// position (line 0) gets the empty range at the start.
Range diagnostic_range(const Diagnostic& d, const SourceText& source, const LineIndex& lines);

// The byte offset of specgate's (line, column) in `source`, clamped to the line.
size_t source_offset(const SourceText& source, uint32_t line, uint32_t column);

}  // namespace specgate::lsp
