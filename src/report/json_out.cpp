#include "report/json_out.h"

#include <bit>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

namespace specgate::report {

namespace {

// Bytes a JSON string may carry as they are: printable ASCII other than '"' and '\\'. (nlohmann
// does not escape DEL either.)
bool plain_json_byte(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// Length of the well-formed UTF-8 sequence at s[i] (Unicode's table 3-7: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0. The same sequences nlohmann's decoder accepts.
size_t utf8_sequence(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < s.size() && b(k) >= lo && b(k) <= hi;
  };
  const unsigned char c = b(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Length of the leading run of plain bytes in s[i..].
size_t plain_run(std::string_view s, size_t i) {
  const size_t start = i;
#if defined(__SSE2__)
  // Sixteen bytes at a time: as signed bytes, plain is exactly b > 0x1F (which also rules out
  // 0x80-0xFF), other than '"' and '\\'.
  const __m128i lo = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  while (i + 16 <= s.size()) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash));
    const __m128i ok = _mm_andnot_si128(special, _mm_cmpgt_epi8(x, lo));
    const unsigned bad = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFu;
    if (bad != 0) return i - start + static_cast<size_t>(std::countr_zero(bad));
    i += 16;
  }
#endif
  while (i < s.size() && plain_json_byte(static_cast<unsigned char>(s[i]))) ++i;
  return i - start;
}

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    default: {
      static const char hex[] = "0123456789abcdef";
      const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
      out.append(u, 6);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    const size_t run = i + plain_run(s, i);
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      append_escape(out, c);
      ++i;
      continue;
    }
    if (const size_t len = utf8_sequence(s, i)) {
      out.append(s.data() + i, len);
      i += len;
      continue;
    }
    // Invalid UTF-8: where and how many U+FFFD nlohmann's replace handler writes depends on its
    // decoder's states, so the rest of the string goes through nlohmann itself. Every sequence
    // before this one was complete, so its decoder starts here in the same state.
    const std::string rest =
        nlohmann::json(std::string(s.substr(i))).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.append(rest, 1, rest.size() - 2);  // without its quotes
    break;
  }
  out += '"';
}

void JsonOut::number(uint64_t n) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, static_cast<size_t>(r.ptr - buf));
}

void JsonOut::newline_indent() {
  static constexpr std::string_view kSpaces = "\n                                                                ";
  const size_t width = static_cast<size_t>(depth_) * 2;
  if (width < kSpaces.size()) {
    out_.append(kSpaces.data(), width + 1);
  } else {
    out_ += '\n';
    out_.append(width, ' ');
  }
}

void JsonOut::open(char c) {
  out_ += c;
  has_members_ <<= 1;
  ++depth_;
}

void JsonOut::close(char c) {
  --depth_;
  if (has_members_ & 1) newline_indent();
  has_members_ >>= 1;
  out_ += c;
}

void JsonOut::key(std::string_view name) {
  item();
  out_ += '"';
  out_ += name;
  out_ += "\": ";
}

void JsonOut::item() {
  if (has_members_ & 1) out_ += ',';
  has_members_ |= 1;
  newline_indent();
}

}  // namespace specgate::report
