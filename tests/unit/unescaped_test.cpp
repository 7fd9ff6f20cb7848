// UnescapedFinder: memchr on a text without a backslash, a walk on one with; both must find what a
// character-by-character walk that skips escaped characters finds.
#include "core/unescaped.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

size_t walk(std::string_view s, size_t from, char ch) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == ch) return i;
  }
  return std::string_view::npos;
}

}  // namespace

TEST(UnescapedFinder, AgreesWithAnEscapeAwareWalk) {
  // Every string of up to 7 characters over '\', '[', '|' and a letter, from every start that is
  // not just after a backslash.
  std::vector<std::string> texts{""};
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].size() < 7) {
      for (char c : std::string("\\[|a")) texts.push_back(texts[i] + c);
    }
  }
  size_t escaped_hits = 0;
  for (const std::string& s : texts) {
    const specgate::UnescapedFinder find(s);
    for (size_t from = 0; from <= s.size(); ++from) {
      if (from > 0 && s[from - 1] == '\\') continue;
      for (char ch : {'[', '|'}) {
        ASSERT_EQ(find.next(from, ch), walk(s, from, ch)) << "'" << s << "' from " << from;
        escaped_hits += s.find(ch, from) != find.next(from, ch);
      }
    }
  }
  EXPECT_GT(escaped_hits, 0u);  // escaped openers occurred and were passed over
}
