#include "core/source.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace specgate {

namespace {
constexpr size_t kColumnStride = 4096;
}

size_t utf8_seq_len(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) n = 2;
  else if (b >= 0xE0 && b <= 0xEF) n = 3;
  else if (b >= 0xF0 && b <= 0xF4) n = 4;
  else return 1;
  if (i + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  }
  // Reject overlongs and surrogates so that the count matches what an editor shows.
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (n == 3 && ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0))) return 1;
  if (n == 4 && ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90))) return 1;
  return n;
}

uint32_t decode_utf8(std::string_view s, size_t i, size_t& len) {
  len = utf8_seq_len(s, i);
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (len == 1) return b0 < 0x80 ? b0 : 0xFFFD;
  uint32_t cp = len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return cp;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t count_chars(std::string_view bytes) {
  size_t chars = 0;
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen ASCII bytes (no high bit set) are sixteen characters.
  while (i + 16 <= bytes.size() &&
         _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i))) == 0) {
    i += 16;
    chars += 16;
  }
#endif
  while (i < bytes.size()) {
    // Eight ASCII bytes are eight characters.
    if (i + 8 <= bytes.size()) {
      uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        chars += 8;
        continue;
      }
    }
    i += static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : utf8_seq_len(bytes, i);
    ++chars;
  }
  return chars;
}

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
  bom_ = bytes_.size() >= 3 && bytes_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  line_starts_.reserve(bytes_.size() / 40 + 1);
  line_starts_.push_back(0);
  const char* data = bytes_.data();
  const size_t size = bytes_.size();
  if (std::memchr(data, '\r', size) == nullptr) {
    // No CR anywhere (the usual case): every line ends at a LF, and memchr finds them fast.
    for (const char* p = static_cast<const char*>(std::memchr(data, '\n', size)); p;
         p = static_cast<const char*>(std::memchr(p + 1, '\n', static_cast<size_t>(data + size - p - 1)))) {
      const size_t i = static_cast<size_t>(p - data);
      if (i + 1 < size) line_starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  } else {
    for (size_t i = 0; i < size; ++i) {
      // A lone CR also ends a line in CommonMark; CR LF counts once.
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'))) {
        if (i + 1 < size) line_starts_.push_back(static_cast<uint32_t>(i + 1));
      }
    }
  }
  for (uint32_t n = 1; n <= line_count(); ++n) {
    const std::string_view l = line(n);
    if (l.size() <= kColumnStride) continue;
    const size_t begin = static_cast<size_t>(l.data() - bytes_.data());
    size_t chars = 0, next = kColumnStride;
    for (size_t i = 0; i < l.size(); i += utf8_seq_len(l, i), ++chars) {
      if (i >= next) {
        column_marks_.push_back({static_cast<uint32_t>(begin + i), static_cast<uint32_t>(chars)});
        next = i + kColumnStride;
      }
    }
  }
}

size_t SourceText::chars_before(std::string_view l, size_t byte_in_line) const {
  byte_in_line = std::min(byte_in_line, l.size());
  if (byte_in_line <= kColumnStride || column_marks_.empty())
    return count_chars(l.substr(0, byte_in_line));
  // The last mark of this line at or before the byte: counting from a character boundary of
  // the whole line gives the same result as counting from the line's start.
  const size_t begin = static_cast<size_t>(l.data() - bytes_.data());
  const size_t target = begin + byte_in_line;
  auto it = std::upper_bound(column_marks_.begin(), column_marks_.end(), target,
                             [](size_t t, const ColumnMark& m) { return t < m.offset; });
  if (it == column_marks_.begin() || std::prev(it)->offset < begin) return count_chars(l.substr(0, byte_in_line));
  --it;
  const size_t from = it->offset - begin;
  return it->chars + count_chars(l.substr(from, byte_in_line - from));
}

uint32_t SourceText::line_of(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceText::line_of(size_t offset, uint32_t hint) const {
  const size_t n = line_starts_.size();
  for (size_t l = hint; l >= 1 && l <= n && l <= size_t{hint} + 1; ++l) {
    if (line_starts_[l - 1] > offset) break;
    if (l == n || offset < line_starts_[l]) return static_cast<uint32_t>(l);
  }
  return line_of(offset);
}

uint32_t SourceText::column_of(uint32_t n, size_t byte_in_line) const {
  return static_cast<uint32_t>(chars_before(line(n), byte_in_line) + 1);
}

Location SourceText::location_of(size_t offset) const {
  if (offset > bytes_.size()) offset = bytes_.size();
  const uint32_t n = line_of(offset);
  size_t b = line_starts_[n - 1];
  if (n == 1 && bom_) b = std::min<size_t>(3, bytes_.size());
  if (offset < b) offset = b;
  // An offset on the line ending counts the line's characters plus the ending bytes, as before.
  const std::string_view l = line(n);
  const size_t line_begin = static_cast<size_t>(l.data() - bytes_.data());
  if (line_begin == b && offset - b <= l.size())
    return {n, static_cast<uint32_t>(chars_before(l, offset - b) + 1)};
  return {n, static_cast<uint32_t>(count_chars(std::string_view(bytes_).substr(b, offset - b)) + 1)};
}

}  // namespace specgate
