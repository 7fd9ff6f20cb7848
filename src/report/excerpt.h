// The source line and caret line under a text diagnostic, laid out in terminal cells so the caret
// stays under the right character whatever the line holds: tabs, wide CJK, combining marks,
// control characters or invalid bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace specgate::report {

// Terminal cells a character occupies: 0 for combining marks and zero-width characters, 2 for
// East Asian wide and emoji, 1 otherwise. Deliberately locale-independent.
int char_cells(uint32_t cp);

struct Excerpt {
  std::string text;    // the line as displayed: tabs expanded, unsafe characters replaced
  std::string marker;  // spaces then "^~~~"; ASCII only
};

inline constexpr size_t kExcerptMaxCells = 100;
inline constexpr int kTabStop = 4;  // CommonMark's tab stop

// `column` is 1-based in characters (as SourceText counts them); a column past the end of the
// line points just past its last character. `end_column` is the exclusive end on the same line,
// or 0 for a single caret. A line wider than `max_cells` is cut to a window around the caret,
// with "..." where text was left out.
Excerpt render_excerpt(std::string_view line, uint32_t column, uint32_t end_column,
                       size_t max_cells = kExcerptMaxCells);
// The same into `ex`, whose strings keep their capacity from one finding to the next.
void render_excerpt(std::string_view line, uint32_t column, uint32_t end_column, Excerpt& ex,
                    size_t max_cells = kExcerptMaxCells);
// The same layout without the printable-ASCII fast path; for tests that hold the two equal.
Excerpt render_excerpt_general(std::string_view line, uint32_t column, uint32_t end_column,
                               size_t max_cells = kExcerptMaxCells);

}  // namespace specgate::report
