#include "markdown/line_scan.h"

namespace specgate::markdown {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}
}  // namespace

std::string_view strip_quote_prefix(std::string_view line) {
  if (line.empty() || (line[0] != ' ' && line[0] != '\t' && line[0] != '>')) return line;  // most lines
  std::string_view s = trim_left(line);
  while (!s.empty() && s[0] == '>') s = trim_left(s.substr(1));
  return s;
}

bool is_blank(std::string_view line) { return trim_left(line).empty(); }

bool is_thematic_break(std::string_view line) {
  std::string_view s = strip_quote_prefix(line);
  if (s.empty() || (s[0] != '-' && s[0] != '*' && s[0] != '_')) return false;
  const char c = s[0];
  size_t count = 0;
  for (char ch : s) {
    if (ch == c) ++count;
    else if (!is_space(ch)) return false;
  }
  return count >= 3;
}

bool is_setext_underline(std::string_view line) {
  std::string_view s = strip_quote_prefix(line);
  if (s.empty() || (s[0] != '-' && s[0] != '=')) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == s[0]) ++i;
  while (i < s.size() && is_space(s[i])) ++i;
  return i == s.size();
}

bool is_atx_heading(std::string_view line) {
  std::string_view s = strip_quote_prefix(line);
  size_t n = 0;
  while (n < s.size() && s[n] == '#') ++n;
  return n >= 1 && n <= 6 && (n == s.size() || is_space(s[n]));
}

Fence fence_of(std::string_view line) {
  std::string_view s = strip_quote_prefix(line);
  Fence f;
  if (s.empty() || (s[0] != '`' && s[0] != '~')) return f;
  size_t n = 0;
  while (n < s.size() && s[n] == s[0]) ++n;
  if (n < 3) return f;
  std::string_view rest = s.substr(n);
  // A backtick fence's info string may not contain backticks.
  if (s[0] == '`' && rest.find('`') != std::string_view::npos) return f;
  f.ch = s[0];
  f.length = n;
  f.bare = is_blank(rest);
  return f;
}

}  // namespace specgate::markdown
