// A file's bytes plus a line index. Every position specgate reports is computed here, so lines
// and columns mean the same thing everywhere: 1-based, columns in characters (UTF-8 code points;
// an invalid byte counts as one character and never shifts what follows), CR LF and lone LF both
// end a line, and a UTF-8 byte-order mark is not a character of line 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specgate {

struct Location {
  uint32_t line = 0;    // 1-based; 0 means "no position"
  uint32_t column = 0;  // 1-based, in characters
};

class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  std::string_view text() const { return bytes_; }
  // Byte offset where Markdown content starts (after a BOM, if any).
  size_t content_begin() const { return bom_ ? 3 : 0; }

  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // Line `n` (1-based) without its line ending; empty past the end. Inline: every rule that walks
  // lines asks for each of them.
  std::string_view line(uint32_t n) const {
    if (n == 0 || n > line_starts_.size()) return {};
    size_t b = line_starts_[n - 1];
    size_t e = n < line_starts_.size() ? line_starts_[n] : bytes_.size();
    while (e > b && (bytes_[e - 1] == '\n' || bytes_[e - 1] == '\r')) --e;
    if (n == 1 && bom_) b = e < 3 ? e : 3;
    return std::string_view(bytes_.data() + b, e - b);
  }
  size_t line_begin(uint32_t n) const {  // byte offset of line n's first byte
    return n == 0 || n > line_starts_.size() ? bytes_.size() : line_starts_[n - 1];
  }
  uint32_t line_of(size_t offset) const;
  // line_of for a caller walking the text mostly forward: `hint` (a line returned before) or the
  // line after it is checked before searching the whole index.
  uint32_t line_of(size_t offset, uint32_t hint) const;
  Location location_of(size_t offset) const;
  // Column (1-based, characters) of byte `byte_in_line` within line `n`.
  uint32_t column_of(uint32_t n, size_t byte_in_line) const;
  // Entries in the column index of long lines (for tests: the index exists where it must).
  size_t column_index_size() const { return column_marks_.size(); }

 private:
  std::string path_;
  std::string bytes_;
  bool bom_ = false;
  std::vector<uint32_t> line_starts_;
  // Character counts at points inside long lines, so a column costs O(kColumnStride) bytes of
  // counting instead of O(line length): a 10 MB line with a million findings stays linear.
  struct ColumnMark {
    uint32_t offset;  // byte offset in the file, at the start of a character
    uint32_t chars;   // characters from the line's first character up to `offset`
  };
  std::vector<ColumnMark> column_marks_;
  // Characters between the start of a line (`line_text`, a view into bytes_) and `byte_in_line`.
  size_t chars_before(std::string_view line_text, size_t byte_in_line) const;
};

// Counts characters in a byte run: a valid UTF-8 sequence is one character, each invalid byte is one.
size_t count_chars(std::string_view bytes);
// Byte length of the UTF-8 sequence starting at s[i]; 1 for an invalid or truncated sequence.
size_t utf8_seq_len(std::string_view s, size_t i);
// Code point at s[i]; sets len to utf8_seq_len(s, i). An invalid byte decodes as U+FFFD (len 1),
// so decoding agrees with how columns are counted.
uint32_t decode_utf8(std::string_view s, size_t i, size_t& len);
// Appends cp as UTF-8. Surrogates are encoded as they are (WTF-8: Python-style text needs them
// to survive a round trip); a value past U+10FFFF becomes U+FFFD.
void append_utf8(std::string& out, uint32_t cp);

}  // namespace specgate
