// Mermaid label text as written -> the plain lines drawn: <br> variants as line breaks, other
// HTML tags dropped (their text kept), "`markdown`" strings' **bold**/*italic* markers dropped
// and their newlines kept; then Mermaid's entity codes (#quot;, #35;, #9829;, as the
// validator's preprocessing encoded them) and HTML entities decoded into text (so `#lt;b#gt;`
// shows "<b>", never markup); the whole bounded (kMaxLabelChars, then an ellipsis).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specgate::render {

std::vector<std::string> label_lines(std::string_view written, bool markdown = false);

// Total characters (code points) of the lines, for tests and limits.
size_t label_chars(const std::vector<std::string>& lines);

}  // namespace specgate::render
