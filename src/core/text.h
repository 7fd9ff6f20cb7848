// Generic ASCII text helpers: trimming, case folding, case-insensitive comparison and byte
// classes. They know nothing about Markdown or specs, so every layer may use them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace specgate {

// std::isspace and std::tolower in the "C" locale (specgate never sets another), without the
// call through the locale tables: these run on every byte of every line.
inline bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || ascii_upper(c); }
inline bool ascii_alnum(char c) { return ascii_alpha(c) || ascii_digit(c); }

// Whitespace (ascii_space) trimmed from both ends.
std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool icontains(std::string_view haystack, std::string_view needle);
// Whether `s` holds any of the few bytes in `set`. Unlike find_first_of, which calls memchr on
// `set` for every byte of `s`, a plain loop: for short sets in hot paths.
inline bool contains_any_of(std::string_view s, std::string_view set) {
  for (char c : s) {
    for (char x : set) {
      if (c == x) return true;
    }
  }
  return false;
}

// ASCII lowercase with whitespace folded and trimmed; other bytes kept as they are.
std::string fold_text(std::string_view s);
// fold_text into a caller's buffer (replacing its contents), so loops reuse one allocation.
void fold_text_into(std::string_view s, std::string& out);
// The first eight bytes of fold_text(s), packed big-end first into a number (fewer bytes when the
// fold is shorter): equal folds have equal keys, without folding the whole text.
uint64_t folded_prefix(std::string_view s);
// fold_text(a) == fold_text(b), without building either.
bool folded_equal(std::string_view a, std::string_view b);

// `%XX` escapes of a URL or link target decoded to their bytes; a `%` not followed by two hex
// digits is kept as written.
std::string percent_decode(std::string_view s);
// Whether a link target starts with a URL scheme (RFC 3986: a letter, then letters, digits, `+`,
// `.` or `-`, then `:`), as `https:` or `mailto:` do and a relative path does not.
bool has_url_scheme(std::string_view t);

}  // namespace specgate
