#include "core/glob.h"

#include <cstdint>
#include <vector>

namespace specgate {

namespace {

// Backtracking over '*' is exponential on patterns like "*a*a*a*a*b"; each (pattern position,
// path position) pair is decided once and remembered, which bounds the work by their product.
class Matcher {
 public:
  Matcher(std::string_view p, std::string_view s)
      : p_(p), s_(s), memo_((p.size() + 1) * (s.size() + 1), 0) {}

  bool match(size_t p0, size_t s0, int depth) {
    uint8_t& m = memo_[p0 * (s_.size() + 1) + s0];
    if (m == 0) m = match_uncached(p0, s0, depth) ? 2 : 1;
    return m == 2;
  }

 private:
  bool match_uncached(size_t p0, size_t s0, int depth) {
    if (depth > 64) return false;  // pathological patterns: give up rather than blow the stack
    const std::string_view p = p_, s = s_;
    size_t pi = p0, si = s0;
    while (pi < p.size()) {
      if (p[pi] == '*') {
        const bool globstar = pi + 1 < p.size() && p[pi + 1] == '*';
        if (globstar) {
          size_t next = pi + 2;
          if (next < p.size() && p[next] == '/') ++next;  // "**/" also matches no directory
          for (size_t k = si; k <= s.size(); ++k) {
            if (match(next, k, depth + 1)) return true;
          }
          return false;
        }
        for (size_t k = si; k <= s.size(); ++k) {
          if (match(pi + 1, k, depth + 1)) return true;
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

  std::string_view p_, s_;
  std::vector<uint8_t> memo_;  // 0 unknown, 1 no match, 2 match
};

bool match_from(std::string_view p, std::string_view s, int depth) { return Matcher(p, s).match(0, 0, depth); }

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
