#include "render/text_metrics.h"

#include <cstdint>

namespace specgate::render {
namespace {

#include "render/font_widths.inc"

// Decodes one UTF-8 code point at s[i]; invalid bytes decode as U+FFFD, one byte each.
uint32_t next_cp(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

bool wide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || c >= 0x20000;
}

// Advance of one code point in em.
double advance_em(uint32_t c, bool bold) {
  if ((c >= 0x300 && c <= 0x36F) || c == 0x200B || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F))
    return 0;
  size_t base = 0;
  for (const WidthRange& r : kWidthRanges) {
    if (c >= r.first && c <= r.last) {
      uint16_t a = (bold ? kBoldAdvances : kRegularAdvances)[base + (c - r.first)];
      if (a) return a / kUnitsPerEm;
      break;
    }
    base += r.last - r.first + 1;
  }
  if (c == '\t') return 4 * (bold ? kBoldAdvances : kRegularAdvances)[0] / kUnitsPerEm;
  return wide(c) ? 1.0 : 0.6;
}

}  // namespace

double text_width(std::string_view utf8, double size, bool bold) {
  double em = 0;
  size_t i = 0;
  while (i < utf8.size()) em += advance_em(next_cp(utf8, i), bold);
  return em * size;
}

TextSize measure_lines(const std::vector<std::string>& lines, double size, bool bold) {
  TextSize t;
  for (const std::string& l : lines) {
    double w = text_width(l, size, bold);
    if (w > t.width) t.width = w;
  }
  t.height = line_height(size) * static_cast<double>(lines.empty() ? 1 : lines.size());
  return t;
}

}  // namespace specgate::render
