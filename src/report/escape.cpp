#include "report/escape.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/source.h"

namespace specgate::report {

namespace {

// Whether the eight bytes at p are all printable ASCII (0x20-0x7E). Each test below is exact about
// whether some byte qualifies (a borrow only crosses into a byte from one that does).
bool printable_ascii_word(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t w;
  std::memcpy(&w, p, 8);
  const uint64_t high = w & kHigh;                      // a byte >= 0x80
  const uint64_t control = (w - kOnes * 0x20) & ~w & kHigh;  // a byte < 0x20
  const uint64_t del_bytes = w ^ (kOnes * 0x7F);
  const uint64_t del = (del_bytes - kOnes) & ~del_bytes & kHigh;  // a byte == 0x7F
  return (high | control | del) == 0;
}

bool printable_ascii_byte(char c) {
  return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
}

}  // namespace

size_t printable_ascii_prefix(std::string_view s) {
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: as signed bytes, printable ASCII is exactly 0x1F < b < 0x7F.
  const __m128i lo = _mm_set1_epi8(0x1F), hi = _mm_set1_epi8(0x7F);
  while (i + 16 <= s.size()) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i ok = _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi));
    const unsigned bad = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFu;
    if (bad != 0) return i + static_cast<size_t>(std::countr_zero(bad));
    i += 16;
  }
#endif
  while (i + 8 <= s.size() && printable_ascii_word(s.data() + i)) i += 8;
  while (i < s.size() && printable_ascii_byte(s[i])) ++i;
  return i;
}

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    const uint32_t cp = decode_utf8(s, i, len);
    if (cp == kReplacementChar && len == 1) append_utf8(out, cp);
    else out.append(s.substr(i, len));
  }
  return out;
}

bool is_unsafe_for_terminal(uint32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||  // C0, DEL, C1
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);  // bidi embeddings
}

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_terminal_safe(out, s);
  return out;
}

void append_terminal_safe(std::string& out, std::string_view s) {
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    // Printable ASCII is most of every message: copy such runs whole.
    const size_t run = i + printable_ascii_prefix(s.substr(i));
    if (run > i) {
      out.append(s.data() + i, run - i);
      len = run - i;
      continue;
    }
    const uint32_t cp = decode_utf8(s, i, len);
    if (cp == '\t' || cp == '\n' || cp == '\r') out += ' ';
    else if (is_unsafe_for_terminal(cp) || (cp == kReplacementChar && len == 1)) append_utf8(out, kReplacementChar);
    else out.append(s.substr(i, len));
  }
}

static std::string github_escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_escape_data(std::string_view s) { return github_escape(s, false); }
std::string github_escape_property(std::string_view s) { return github_escape(s, true); }

// Copies the runs of bytes `plain` accepts whole (most of every finding) and hands each other
// position to `special`, which appends its form and returns how many bytes it consumed.
template <class Plain, class Special>
static void append_escaped_runs(std::string& out, std::string_view s, Plain plain, Special special) {
  for (size_t i = 0; i < s.size();) {
    size_t run = i;
    while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
    } else {
      i += special(i);
    }
  }
}

void append_github_escaped(std::string& out, std::string_view s, bool property) {
  // github_escape only rewrites ASCII bytes, and valid_utf8's output holds an ASCII byte exactly
  // where its input does, so one pass can do both: ASCII runs that need neither are copied whole.
  auto plain = [property](unsigned char c) {
    return c < 0x80 && c != '%' && c != '\r' && c != '\n' && !(property && (c == ':' || c == ','));
  };
  append_escaped_runs(out, s, plain, [&](size_t i) -> size_t {
    const char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      switch (c) {
        case '%': out += "%25"; break;
        case '\r': out += "%0D"; break;
        case '\n': out += "%0A"; break;
        case ':': out += "%3A"; break;
        default: out += "%2C"; break;  // ','
      }
      return 1;
    }
    size_t len = 0;
    const uint32_t cp = decode_utf8(s, i, len);
    if (cp == kReplacementChar && len == 1) append_utf8(out, cp);
    else out.append(s.substr(i, len));
    return len;
  });
}

static bool xml_allowed(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_xml_escaped(out, s, attribute);
  return out;
}

void append_xml_escaped(std::string& out, std::string_view s, bool attribute) {
  // Printable ASCII other than markup characters is most of every finding: copied in runs.
  auto plain = [](unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
  };
  append_escaped_runs(out, s, plain, [&](size_t i) -> size_t {
    size_t len = 0;
    const uint32_t cp = decode_utf8(s, i, len);
    if (!xml_allowed(cp)) return len;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      // A raw CR is folded into LF by every XML parser; a reference survives.
      case '\r': out += "&#13;"; break;
      default:
        if (cp == kReplacementChar && len == 1) append_utf8(out, cp);
        else out.append(s.substr(i, len));
    }
    return len;
  });
}

static bool uri_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

static void percent_encode(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789ABCDEF";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (uri_unreserved(c) || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
}

std::string path_to_uri(std::string_view path) {
  std::string p(path);
#ifdef _WIN32
  for (char& c : p) if (c == '\\') c = '/';
#endif
  std::string out;
  std::string_view rest = p;
  if (!rest.empty() && rest.front() == '/') {
    out = "file://";
  } else if (rest.size() >= 3 && rest[1] == ':' && rest[2] == '/' &&
             ((rest[0] >= 'A' && rest[0] <= 'Z') || (rest[0] >= 'a' && rest[0] <= 'z'))) {
    out = "file:///";
    out += rest.substr(0, 2);  // the drive's ':' is part of the path, not a scheme, after file:///
    rest.remove_prefix(2);
  } else {
    while (rest.size() >= 2 && rest[0] == '.' && rest[1] == '/') {
      rest.remove_prefix(2);
      while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
    }
  }
  percent_encode(out, rest);
  return out;
}

std::string count_noun(size_t n, std::string_view singular, std::string_view plural) {
  std::string out = std::to_string(n);
  out += ' ';
  out += n == 1 ? singular : plural;
  return out;
}

}  // namespace specgate::report
