#include "schema/display_title.h"

#include "core/text.h"

namespace specgate {

std::string section_display_title(std::string_view title) {
  std::string out;
  for (char c : title)
    if (c != '*' && c != '`') out.push_back(c);
  std::string_view t = trim(out);
  size_t i = 0;
  while (i < t.size() && ascii_digit(t[i])) ++i;
  if (i > 0) {
    size_t j = i;
    while (j < t.size() && (ascii_digit(t[j]) || t[j] == '.')) ++j;
    if (j < t.size() && t[j] >= 'a' && t[j] <= 'z' && j + 1 < t.size() && t[j + 1] == ')') ++j;
    if (j < t.size() && t[j] == ')') ++j;
    // "16) ", "2.3 ", "1. " are numbering; "2025 Roadmap" is not.
    if (j < t.size() && t[j] == ' ' && t.substr(0, j).find_first_of(".)") != std::string_view::npos) t = trim(t.substr(j));
  }
  if (!t.empty() && t.back() == ')') {
    const size_t open = t.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string inner = fold_text(t.substr(open));
      for (std::string_view w : {"required", "optional", "mandatory", "n/a", "rnia"})
        if (inner.find(w) != std::string::npos) {
          t = trim(t.substr(0, open));
          break;
        }
    }
  }
  return std::string(t);
}

}  // namespace specgate
