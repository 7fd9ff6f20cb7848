// Label widths from DejaVu Sans's real advances (a table generated from Debian's
// fonts-dejavu-core by scripts/gen_text_metrics.cpp and committed), so boxes fit their labels in
// a browser that uses the font the SVG's style names first. No font file is read at run time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specgate::render {

// The font family the SVG's style names; its metrics are the table's.
inline constexpr std::string_view kFontFamily = "\"DejaVu Sans\", Verdana, Arial, sans-serif";

// Width in pixels of one line of UTF-8 text at `size` px. Code points outside the table count
// as 1 em when East Asian wide (CJK, Hangul, emoji), 0 when combining, else 0.6 em.
double text_width(std::string_view utf8, double size, bool bold = false);

// Line height in pixels for `size` px text (Mermaid's labels use 1.5).
inline double line_height(double size) { return size * 1.5; }

struct TextSize {
  double width = 0;
  double height = 0;
};
// The block of lines: the widest line by the line count's height.
TextSize measure_lines(const std::vector<std::string>& lines, double size, bool bold = false);

}  // namespace specgate::render
