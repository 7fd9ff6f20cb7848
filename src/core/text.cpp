#include "core/text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace specgate {

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && ascii_space(s[b])) ++b;
  while (e > b && ascii_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  // Compare the rest only where the first character matches.
  const char first = ascii_lower(needle[0]);
  const std::string_view rest = needle.substr(1);
  const size_t last = haystack.size() - needle.size();
  for (size_t i = 0; i <= last; ++i) {
    if (ascii_lower(haystack[i]) == first && iequals(haystack.substr(i + 1, rest.size()), rest)) return true;
  }
  return false;
}

std::string fold_text(std::string_view s) {
  std::string out;
  fold_text_into(s, out);
  return out;
}

uint64_t folded_prefix(std::string_view s) {
  uint64_t key = 0;
  int n = 0;
  bool space = false;
  for (size_t i = 0; i < s.size() && n < 8; ++i) {
    const char c = s[i];
    if (ascii_space(c)) {
      space = n > 0;
      continue;
    }
    if (space) {
      key = key << 8 | ' ';
      space = false;
      if (++n == 8) break;
    }
    key = key << 8 | static_cast<unsigned char>(ascii_lower(c));
    ++n;
  }
  return key;
}

bool folded_equal(std::string_view a, std::string_view b) {
  // Walks both texts as fold_text would write them, without writing them.
  struct Folded {
    std::string_view s;
    size_t i = 0;
    bool started = false, space = false;
    int next() {
      while (i < s.size()) {
        const char c = s[i];
        if (ascii_space(c)) {
          space = started;
          ++i;
          continue;
        }
        if (space) {
          space = false;
          return ' ';
        }
        started = true;
        ++i;
        return static_cast<unsigned char>(ascii_lower(c));
      }
      return -1;
    }
  };
  Folded x{a}, y{b};
  for (;;) {
    const int cx = x.next();
    if (cx != y.next()) return false;
    if (cx < 0) return true;
  }
}

void fold_text_into(std::string_view s, std::string& out) {
  // The result is never longer than the input: write in place, then trim to size.
  out.resize(s.size());
  char* w = out.data();
  size_t n = 0;
  bool space = false;
  size_t i = 0;
  auto fold_until = [&](size_t end) {
    for (; i < end; ++i) {
      const char c = s[i];
      if (ascii_space(c)) {
        space = n > 0;
        continue;
      }
      if (space) w[n++] = ' ';
      space = false;
      w[n++] = ascii_lower(c);
    }
  };
#if defined(__SSE2__)
  // Sixteen bytes whose folding is only lowercasing go at once: no pending space, no tab or line
  // break, and each space single with a non-space on both sides inside the block. Output never
  // runs ahead of input (n <= i), so the 16-byte store stays inside `out`.
  const __m128i before_tab = _mm_set1_epi8('\t' - 1), after_cr = _mm_set1_epi8('\r' + 1);
  const __m128i blank = _mm_set1_epi8(' '), before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
  const __m128i to_lower = _mm_set1_epi8('a' - 'A');
  while (i + 16 <= s.size()) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const int breaks = _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, before_tab), _mm_cmplt_epi8(x, after_cr)));
    const unsigned spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, blank)));
    if (space || breaks != 0 || (spaces & 0x8001u) != 0 || (spaces & (spaces >> 1)) != 0) {
      fold_until(i + 16);
      continue;
    }
    const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, before_a), _mm_cmplt_epi8(x, after_z));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(w + n), _mm_add_epi8(x, _mm_and_si128(upper, to_lower)));
    n += 16;
    i += 16;
  }
#endif
  fold_until(s.size());
  out.resize(n);
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_url_scheme(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && (ascii_alpha(t[i]) || (i > 0 && (ascii_digit(t[i]) || t[i] == '+' || t[i] == '.' || t[i] == '-'))))
    ++i;
  return i > 0 && i < t.size() && t[i] == ':';
}

}  // namespace specgate
