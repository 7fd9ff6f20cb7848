#include "scaffold/slug.h"

#include "core/source.h"

namespace specgate {

namespace {

// Lowercase ASCII for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A);
// "" for x and the division sign, which separate words like other symbols.
constexpr const char* kLatin[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a",
    "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o",
    "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
    "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
    "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n", "n",
    "n", "n", "n", "n", "n", "ng", "ng", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r",
    "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z",
    "z", "z", "s",
};
static_assert(sizeof(kLatin) / sizeof(kLatin[0]) == 0x180 - 0xC0);

}  // namespace

std::string slugify(std::string_view title, size_t max_length) {
  std::string out;
  bool pending_hyphen = false;
  auto emit = [&](std::string_view letters) {
    if (pending_hyphen && !out.empty()) out += '-';
    pending_hyphen = false;
    out += letters;
  };
  for (size_t i = 0; i < title.size();) {
    size_t n = 0;
    const uint32_t cp = decode_utf8(title, i, n);
    i += n;
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      emit(std::string(1, static_cast<char>(cp)));
    } else if (cp >= 'A' && cp <= 'Z') {
      emit(std::string(1, static_cast<char>(cp - 'A' + 'a')));
    } else if (cp == '\'' || cp == 0x2019 || (cp >= 0x300 && cp <= 0x36F)) {
      // "Don't" -> "dont"; a combining accent belongs to the letter before it.
    } else if (cp >= 0xC0 && cp < 0x180 && *kLatin[cp - 0xC0] != '\0') {
      emit(kLatin[cp - 0xC0]);
    } else {
      pending_hyphen = true;
    }
  }
  if (out.size() > max_length) {
    size_t cut = out.rfind('-', max_length);
    out.resize(cut == std::string::npos || cut == 0 ? max_length : cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

}  // namespace specgate
