#include "report/excerpt.h"

#include <algorithm>
#include <vector>

#include "report/escape.h"

namespace specgate::report {

namespace {

struct Range {
  uint32_t lo, hi;
};

// Condensed from Unicode's combining (Mn/Me) and zero-width characters in common scripts.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902},
    {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1160, 0x11FF}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide/Fullwidth and emoji presentation characters.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F900, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <size_t N>
bool in_table(const Range (&table)[N], uint32_t cp) {
  const Range* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                     [](uint32_t v, const Range& r) { return v < r.lo; });
  return it != std::begin(table) && cp <= (it - 1)->hi;
}

struct Glyph {
  size_t byte_begin, byte_len;  // in the source line; byte_len 0 means "use replacement"
  size_t cells;
  bool tab;
};

constexpr std::string_view kEllipsis = "...";

}  // namespace

int char_cells(uint32_t cp) {
  if (cp < 0x300) return 1;
  if (in_table(kZeroWidth, cp)) return 0;
  if (in_table(kWide, cp)) return 2;
  return 1;
}

namespace {

bool printable_ascii(std::string_view s) { return printable_ascii_prefix(s) == s.size(); }

// The layout below when every character is one byte and one cell (start[k] == k): no per-character
// tables. Most spec lines are plain ASCII, and the text report lays out one per finding.
void render_ascii(std::string_view line, uint32_t column, uint32_t end_column, size_t max_cells, Excerpt& ex) {
  const size_t n = line.size();
  const size_t c0 = std::min<size_t>(column > 0 ? column - 1 : 0, n);
  size_t c1 = c0;
  if (end_column > column) c1 = std::min<size_t>(end_column - 1, n);
  const size_t mark_begin = c0;
  size_t mark_cells = std::max<size_t>(1, c1 - mark_begin);
  const size_t needed = std::max(n, mark_begin + mark_cells);
  size_t first = 0, last = n;
  if (needed > max_cells) {
    const size_t budget = max_cells > 2 * kEllipsis.size() + 8 ? max_cells - 2 * kEllipsis.size() : 8;
    const size_t left_context = budget / 3;
    size_t win_begin = mark_begin > left_context ? mark_begin - left_context : 0;
    if (win_begin + budget > needed) win_begin = needed > budget ? needed - budget : 0;
    win_begin = std::min(win_begin, mark_begin);
    first = std::min(win_begin, n);
    last = std::max(first, std::min(n, win_begin + budget));
  }
  size_t prefix_cells = 0;
  ex.text.clear();
  ex.text.reserve(last - first + 2 * kEllipsis.size());
  if (first > 0) {
    ex.text += kEllipsis;
    prefix_cells = kEllipsis.size();
  }
  ex.text.append(line.substr(first, last - first));
  if (last < n) ex.text += kEllipsis;
  if (last < n && mark_begin + mark_cells > last) mark_cells = std::max<size_t>(1, last - std::min(mark_begin, last));
  ex.marker.reserve(prefix_cells + (mark_begin - first) + mark_cells);
  ex.marker.assign(prefix_cells + (mark_begin - first), ' ');
  ex.marker += '^';
  ex.marker.append(mark_cells - 1, '~');
}

}  // namespace

Excerpt render_excerpt(std::string_view line, uint32_t column, uint32_t end_column, size_t max_cells) {
  Excerpt ex;
  render_excerpt(line, column, end_column, ex, max_cells);
  return ex;
}

void render_excerpt(std::string_view line, uint32_t column, uint32_t end_column, Excerpt& ex, size_t max_cells) {
  if (printable_ascii(line)) render_ascii(line, column, end_column, max_cells, ex);
  else ex = render_excerpt_general(line, column, end_column, max_cells);
}

Excerpt render_excerpt_general(std::string_view line, uint32_t column, uint32_t end_column, size_t max_cells) {
  // Lay out every character; start[k] is the cell where character k begins, start[n] the width.
  std::vector<Glyph> glyphs;
  std::vector<size_t> start;
  glyphs.reserve(line.size());
  start.reserve(line.size() + 1);
  size_t cell = 0;
  for (size_t i = 0, len = 0; i < line.size(); i += len) {
    const uint32_t cp = decode_utf8(line, i, len);
    Glyph g{i, len, 1, false};
    if (cp == '\t') {
      g.tab = true;
      g.cells = kTabStop - cell % kTabStop;
    } else if (is_unsafe_for_terminal(cp) || (cp == kReplacementChar && len == 1)) {
      g.byte_len = 0;
    } else {
      g.cells = static_cast<size_t>(char_cells(cp));
    }
    start.push_back(cell);
    cell += g.cells;
    glyphs.push_back(g);
  }
  const size_t n = glyphs.size();
  const size_t total = cell;
  start.push_back(total);

  // The marked range, in characters then cells.
  const size_t c0 = std::min<size_t>(column > 0 ? column - 1 : 0, n);
  size_t c1 = c0;
  if (end_column > column) c1 = std::min<size_t>(end_column - 1, n);
  const size_t mark_begin = start[c0];
  size_t mark_cells = std::max<size_t>(1, start[c1] - mark_begin);

  // The window of cells to show; the whole line when it fits.
  const size_t needed = std::max(total, mark_begin + mark_cells);
  size_t first = 0, last = n;  // characters shown: [first, last)
  if (needed > max_cells) {
    const size_t budget = max_cells > 2 * kEllipsis.size() + 8 ? max_cells - 2 * kEllipsis.size() : 8;
    const size_t left_context = budget / 3;
    size_t win_begin = mark_begin > left_context ? mark_begin - left_context : 0;
    if (win_begin + budget > needed) win_begin = needed > budget ? needed - budget : 0;
    win_begin = std::min(win_begin, mark_begin);  // the caret itself is always shown
    const size_t win_end = win_begin + budget;
    // Whole characters only: the first starting inside the window, the last ending inside it.
    first = static_cast<size_t>(std::lower_bound(start.begin(), start.begin() + n, win_begin) - start.begin());
    last = first;
    while (last < n && start[last + 1] <= win_end) ++last;
  }

  Excerpt ex;
  size_t shown_begin = start[first];
  size_t prefix_cells = 0;
  if (first > 0) {
    ex.text += kEllipsis;
    prefix_cells = kEllipsis.size();
  }
  for (size_t k = first; k < last; ++k) {
    const Glyph& g = glyphs[k];
    if (g.tab) ex.text.append(g.cells, ' ');
    else if (g.byte_len == 0) append_utf8(ex.text, kReplacementChar);
    else ex.text.append(line.substr(g.byte_begin, g.byte_len));
  }
  if (last < n) ex.text += kEllipsis;

  // A range running past the window stops at its edge (a caret past the end of the line is kept).
  if (last < n && mark_begin + mark_cells > start[last]) {
    mark_cells = std::max<size_t>(1, start[last] - std::min(mark_begin, start[last]));
  }
  ex.marker.assign(prefix_cells + (mark_begin - shown_begin), ' ');
  ex.marker += '^';
  ex.marker.append(mark_cells - 1, '~');
  return ex;
}

}  // namespace specgate::report
