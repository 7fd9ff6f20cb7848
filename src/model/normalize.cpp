#include "model/normalize.h"

#include <cctype>

#include "core/source.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace specgate {

namespace {

// std::isspace and std::tolower in the "C" locale (specgate never sets another), without the
// call through the locale tables: these run on every byte of every line.
inline bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

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

// Pictographs, dingbats, symbols, flags, keycaps, variation selectors and joiners.
bool is_emoji(uint32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x20E3 || cp == 0x2122 ||
         cp == 0x2139 || cp == 0x3030 || cp == 0x303D || cp == 0x00A9 || cp == 0x00AE ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

// Removes emoji and markup characters, turns placeholders into "{}".
std::string strip_markup(std::string_view s, bool& placeholder) {
  std::string out;
  out.reserve(s.size());
  auto plain = [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && c != '*' && c != '`' && c != '_' && c != '[' && c != '<' &&
           c != '{';
  };
  for (size_t i = 0; i < s.size();) {
    // Runs of characters this loop keeps as they are go over whole.
    size_t run = i;
    while (run < s.size() && plain(s[run])) ++run;
    if (run > i) {
      out.append(s.substr(i, run - i));
      i = run;
      continue;
    }
    const size_t n = utf8_seq_len(s, i);
    if (n > 1) {
      size_t len = 0;
      if (!is_emoji(decode_utf8(s, i, len))) out.append(s.substr(i, n));
      i += n;
      continue;
    }
    const char c = s[i];
    if (c == '*' || c == '`') { ++i; continue; }
    if (c == '_' && i + 1 < s.size() && s[i + 1] == '_') { i += 2; continue; }
    if (c == '[' || c == '<' || c == '{') {
      const char close = c == '[' ? ']' : c == '<' ? '>' : '}';
      const size_t end = s.find(close, i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        // [text](url) is a link: keep its text. Otherwise it is a placeholder.
        if (c == '[' && end + 1 < s.size() && s[end + 1] == '(') {
          const size_t paren = s.find(')', end + 1);
          out.append(s.substr(i + 1, end - i - 1));
          i = paren == std::string_view::npos ? s.size() : paren + 1;
          continue;
        }
        out.append("{}");
        placeholder = true;
        i = end + 1;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "0)", "16b)", "1.", "2.3", "2.3.", "1 -", "Step 1:", "Phase 2 -", "A)" at the start.
std::string_view strip_numbering(std::string_view s) {
  for (std::string_view word : {"step ", "phase ", "part ", "stage ", "section "}) {
    if (istarts_with(s, word)) {
      size_t i = word.size();
      size_t digits = 0;
      while (i < s.size() && is_digit(s[i])) { ++i; ++digits; }
      if (digits > 0 && i < s.size() && (s[i] == ':' || s[i] == '.' || s[i] == ')' || s[i] == ' ')) {
        ++i;
        while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == ':')) ++i;
        if (i < s.size()) return s.substr(i);
      }
    }
  }
  // "A. Glossary", "B) Notes": a single capital letter as an outline number.
  if (s.size() > 3 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] == '.' || s[1] == ')') && s[2] == ' ')
    return trim(s.substr(3));
  size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0) return s;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z' && i + 1 < s.size() && s[i + 1] == ')') ++i;
  const bool dotted = s.substr(0, i).find('.') != std::string_view::npos;  // "1.", "2.3"
  if (i < s.size() && (s[i] == ')' || s[i] == ':')) ++i;
  else if (!dotted && !(i < s.size() && s[i] == ' ' && i + 1 < s.size() && s[i + 1] == '-'))
    return s;  // "2025 roadmap": a number that is not numbering
  while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
  return i < s.size() ? s.substr(i) : s;
}

std::string_view strip_trailing_annotations(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty() || s.back() != ')') return s;
    int depth = 0;
    size_t open = std::string_view::npos;
    for (size_t i = s.size(); i-- > 0;) {
      if (s[i] == ')') ++depth;
      else if (s[i] == '(' && --depth == 0) { open = i; break; }
    }
    if (open == std::string_view::npos || open == 0) return s;
    if (trim(s.substr(0, open)).empty()) return s;
    s = s.substr(0, open);
  }
}

}  // namespace

NormalizedTitle normalize_title(std::string_view title) {
  NormalizedTitle r;
  std::string plain = strip_markup(title, r.has_placeholder);
  std::string_view s = trim(plain);
  s = strip_trailing_annotations(s);
  std::string_view numbered = trim(s);
  s = trim(strip_numbering(numbered));
  // "Step 1: [Name]" keeps its word: the placeholder alone would say nothing.
  std::string kept;
  if (s == "{}" && numbered.size() > 2 && !is_digit(numbered[0])) {
    kept = std::string(numbered.substr(0, numbered.find(' '))) + " {}";
    s = kept;
  }
  s = strip_trailing_annotations(s);
  while (!s.empty() && (s.back() == ':' || s.back() == '-')) s = trim(s.substr(0, s.size() - 1));
  r.text = fold_text(s);
  return r;
}

std::string fold_key(std::string_view key) {
  std::string out;
  fold_key_into(key, out);
  return out;
}

void fold_key_into(std::string_view key, std::string& out) {
  // fold_text over the key with markup dropped and '_' / '-' read as spaces, in one pass.
  out.resize(key.size());
  char* w = out.data();
  size_t n = 0;
  bool space = false;
  for (char c : key) {
    if (c == '*' || c == '`') continue;
    if (c == '_' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r')) {
      space = n > 0;
      continue;
    }
    if (space) w[n++] = ' ';
    space = false;
    w[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (n > 0 && (w[n - 1] == ':' || w[n - 1] == ' ')) --n;
  out.resize(n);
}

bool is_template_metadata_title(std::string_view t) {
  static constexpr std::string_view kWords = "template metadata";
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = t.find(kWords); at != std::string_view::npos; at = t.find(kWords, at + 1)) {
    const size_t end = at + kWords.size();
    if ((at == 0 || !word(t[at - 1])) && (end >= t.size() || !word(t[end]))) return true;
  }
  return false;
}

}  // namespace specgate
