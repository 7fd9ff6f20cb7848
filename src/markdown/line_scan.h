// Small line classifiers used to place blocks that carry no text (thematic breaks, empty code
// blocks, empty headings) and to find fence and setext lines. They look at one raw line.
#pragma once

#include <cstddef>
#include <string_view>

namespace specgate::markdown {

// Drops block-quote markers and leading spaces ("> > x" -> "x").
std::string_view strip_quote_prefix(std::string_view line);
bool is_blank(std::string_view line);
bool is_thematic_break(std::string_view line);
bool is_setext_underline(std::string_view line);
bool is_atx_heading(std::string_view line);

struct Fence {
  char ch = 0;       // '`' or '~'; 0 when the line is no fence
  size_t length = 0;
  bool bare = false;  // nothing but the fence (a valid closing fence)
};
Fence fence_of(std::string_view line);

}  // namespace specgate::markdown
