#include "template_metadata/pytext.h"

#include <locale.h>

#include <cwctype>

namespace specgate::pytext {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Allowed range of the second byte after a lead byte (Unicode Table 3-7); later bytes are 80..BF.
void second_byte_range(unsigned char lead, unsigned char& lo, unsigned char& hi) {
  lo = 0x80;
  hi = 0xBF;
  if (lead == 0xE0) lo = 0xA0;
  else if (lead == 0xED) hi = 0x9F;
  else if (lead == 0xF0) lo = 0x90;
  else if (lead == 0xF4) hi = 0x8F;
}

}  // namespace

Text decode(std::string_view bytes) {
  Text t;
  t.cps.reserve(bytes.size());
  t.offsets.reserve(bytes.size());
  const size_t n = bytes.size();
  size_t i = 0;
  auto push = [&](char32_t c, size_t at) {
    t.cps.push_back(c);
    t.offsets.push_back(static_cast<uint32_t>(at));
  };
  while (i < n) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      if (b == '\r') {
        // Universal newlines: CR LF and lone CR both read as one LF.
        push(U'\n', i);
        i += (i + 1 < n && bytes[i + 1] == '\n') ? 2 : 1;
      } else {
        push(b, i);
        ++i;
      }
      continue;
    }
    size_t len = 0;
    char32_t cp = 0;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      cp = b & 0x07;
    } else {
      push(kReplacement, i);
      ++i;
      continue;
    }
    // Consume continuation bytes while they are valid; a truncated but well-formed prefix is
    // one maximal subpart and so one replacement character, as in CPython.
    size_t k = 1;
    for (; k < len && i + k < n; ++k) {
      const auto c = static_cast<unsigned char>(bytes[i + k]);
      unsigned char lo = 0x80, hi = 0xBF;
      if (k == 1) second_byte_range(b, lo, hi);
      if (c < lo || c > hi) break;
      cp = (cp << 6) | (c & 0x3F);
    }
    push(k == len ? cp : kReplacement, i);
    i += k;
  }
  return t;
}

bool is_space(char32_t c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_word(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  // glibc's Unicode tables agree with Python's str.isalnum on all but a few rare code points.
  static const locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", locale_t(nullptr));
  if (utf8 == locale_t(nullptr)) return !is_space(c);
  return iswalnum_l(static_cast<wint_t>(c), utf8) != 0;
}

bool is_line_break(char32_t c) {
  return c == U'\n' || c == U'\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D ||
         c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
}

Span strip(const std::u32string& s, Span span) {
  while (span.begin < span.end && is_space(s[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(s[span.end - 1])) --span.end;
  return span;
}

Span strip_chars(const std::u32string& s, Span span, std::u32string_view chars) {
  auto in = [&](char32_t c) { return chars.find(c) != std::u32string_view::npos; };
  while (span.begin < span.end && in(s[span.begin])) ++span.begin;
  while (span.end > span.begin && in(s[span.end - 1])) --span.end;
  return span;
}

std::vector<Span> splitlines(const std::u32string& s, Span span) {
  std::vector<Span> lines;
  size_t start = span.begin;
  size_t i = span.begin;
  while (i < span.end) {
    if (!is_line_break(s[i])) {
      ++i;
      continue;
    }
    lines.push_back({start, i});
    // CR LF is one break (cannot occur after universal newlines, but splitlines allows it).
    i += (s[i] == U'\r' && i + 1 < span.end && s[i + 1] == U'\n') ? 2 : 1;
    start = i;
  }
  if (start < span.end) lines.push_back({start, span.end});
  return lines;
}

std::string to_utf8(const std::u32string& s, Span span) {
  std::string out;
  out.reserve(span.size());
  for (size_t i = span.begin; i < span.end && i < s.size(); ++i) append_utf8(out, s[i]);
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

std::u32string from_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3
                             : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = true;
    for (size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    // Surrogates are accepted on purpose (WTF-8); overlong forms and values past U+10FFFF not.
    const char32_t min = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (!ok || cp < min || cp > 0x10FFFF) {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace specgate::pytext
