#include "support/patch.h"

#include <sstream>
#include <vector>

namespace specgate::test {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find('\n', b);
    e = e == std::string::npos ? s.size() : e + 1;
    out.push_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

std::map<std::string, std::string> apply_patch(const std::string& diff,
                                               const std::map<std::string, std::string>& before) {
  std::map<std::string, std::string> out;
  const std::vector<std::string> d = lines_of(diff);
  size_t i = 0;
  while (i < d.size()) {
    if (d[i].rfind("--- a/", 0) != 0) {
      ++i;
      continue;
    }
    std::string path = d[i].substr(6);
    path.pop_back();
    i += 2;  // "+++ b/PATH"
    auto found = before.find(path);
    const std::vector<std::string> src = lines_of(found == before.end() ? "" : found->second);
    std::string text;
    size_t next = 0;  // next source line not yet copied (0-based)
    bool ok = found != before.end();
    while (i < d.size() && d[i].rfind("@@ -", 0) == 0) {
      size_t start = 0, count = 1, new_start = 0, new_count = 1;
      char c = 0;
      std::istringstream hunk(d[i].substr(4));
      hunk >> start;
      if (hunk.peek() == ',') hunk >> c >> count;
      hunk >> c >> new_start;  // " +N"
      if (hunk.peek() == ',') hunk >> c >> new_count;
      // A hunk that removes nothing names the line it follows ("-5,0": after line 5).
      const size_t first = count == 0 ? start : start - 1;
      for (; next < first && next < src.size(); ++next) text += src[next];
      ++i;
      // The counts say where the hunk ends: a removed line may itself begin with "--- a/".
      size_t old_left = count, new_left = new_count;
      while (i < d.size() && (old_left > 0 || new_left > 0 || (!d[i].empty() && d[i][0] == '\\'))) {
        const char mark = d[i][0];
        std::string line = d[i].substr(1);
        // "\ No newline at end of file": the line before it had none.
        const bool no_newline = i + 1 < d.size() && d[i + 1].rfind("\\ No newline", 0) == 0;
        if (no_newline) line.pop_back();
        if (mark == '\\') {
          ++i;
          continue;
        }
        if (mark != '+') {
          if (next >= src.size() || src[next] != line) ok = false;
          ++next;
          if (old_left > 0) --old_left;
        }
        if (mark != '-') {
          text += line;
          if (new_left > 0) --new_left;
        }
        ++i;
      }
    }
    for (; next < src.size(); ++next) text += src[next];
    out[path] = ok ? text : "<mismatch>";
  }
  return out;
}

}  // namespace specgate::test
