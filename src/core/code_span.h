// Markdown code spans (CommonMark): a run of N backticks closed by the next run of exactly N.
#pragma once

#include <cstddef>
#include <string_view>

namespace specgate {

// Index just past the code span that opens at t[i] (a run of backticks), or npos when it is
// never closed. `run` is set to the length of the opening run either way.
inline size_t code_span_end(std::string_view t, size_t i, size_t& run) {
  run = 0;
  while (i + run < t.size() && t[i + run] == '`') ++run;
  size_t j = i + run;
  while (j < t.size()) {
    if (t[j] != '`') {
      ++j;
      continue;
    }
    size_t r = 0;
    while (j + r < t.size() && t[j + r] == '`') ++r;
    if (r == run) return j + r;
    j += r;
  }
  return std::string_view::npos;
}

}  // namespace specgate
