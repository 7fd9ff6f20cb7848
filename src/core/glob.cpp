#include "core/glob.h"

namespace specgate {

namespace {

bool match_from(std::string_view p, std::string_view s, int depth) {
  if (depth > 64) return false;  // pathological patterns: give up rather than blow the stack
  size_t pi = 0, si = 0;
  while (pi < p.size()) {
    if (p[pi] == '*') {
      const bool globstar = pi + 1 < p.size() && p[pi + 1] == '*';
      if (globstar) {
        size_t next = pi + 2;
        if (next < p.size() && p[next] == '/') ++next;  // "**/" also matches no directory
        for (size_t k = si; k <= s.size(); ++k) {
          if (match_from(p.substr(next), s.substr(k), depth + 1)) return true;
        }
        return false;
      }
      for (size_t k = si; k <= s.size(); ++k) {
        if (match_from(p.substr(pi + 1), s.substr(k), depth + 1)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (p[pi] == '?') {
      if (s[si] == '/') return false;
    } else if (p[pi] == '[') {
      size_t close = p.find(']', pi + 1);
      if (close == std::string_view::npos) {
        if (s[si] != '[') return false;
      } else {
        bool neg = pi + 1 < close && (p[pi + 1] == '!' || p[pi + 1] == '^');
        bool hit = false;
        for (size_t k = pi + 1 + (neg ? 1 : 0); k < close; ++k) {
          if (k + 2 < close && p[k + 1] == '-') {
            if (s[si] >= p[k] && s[si] <= p[k + 2]) hit = true;
            k += 2;
          } else if (p[k] == s[si]) {
            hit = true;
          }
        }
        if (hit == neg) return false;
        pi = close;
      }
    } else if (p[pi] != s[si]) {
      return false;
    }
    ++pi;
    ++si;
  }
  return si == s.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  // A pattern without '/' matches the file name in any directory, as in .gitignore.
  if (pattern.find('/') == std::string_view::npos) {
    size_t slash = path.rfind('/');
    if (slash != std::string_view::npos && match_from(pattern, path.substr(slash + 1), 0)) return true;
  }
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return match_from(pattern, path, 0);
}

}  // namespace specgate
