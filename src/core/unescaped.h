// Finding a character that no backslash escapes (`\[`, `\|`): placeholder brackets and angles,
// table pipes.
#pragma once

#include <cstddef>
#include <string_view>

namespace specgate {

class UnescapedFinder {
 public:
  explicit UnescapedFinder(std::string_view s) : s_(s), escapes_(s.find('\\') != std::string_view::npos) {}

  // The first `ch` at or after `from` that no backslash escapes, or npos; `from` must not be
  // the character right after a backslash. A text without a backslash (most lines) is searched
  // with memchr; one with a backslash is walked a character at a time.
  size_t next(size_t from, char ch) const {
    if (!escapes_) return s_.find(ch, from);
    for (size_t i = from; i < s_.size(); ++i) {
      if (s_[i] == '\\') {
        ++i;
        continue;
      }
      if (s_[i] == ch) return i;
    }
    return std::string_view::npos;
  }

 private:
  std::string_view s_;
  bool escapes_;
};

}  // namespace specgate
