// Markdown to HTML the way GitHub's renderer shapes it (CommonMark + GFM tables, task lists,
// strikethrough, autolinks), through md4c's own HTML renderer. Raw HTML in the input passes
// through untouched: callers that publish the output must sanitize it (site/sanitize.h).
#pragma once

#include <string>
#include <string_view>

namespace specgate::markdown {

std::string render_html(std::string_view markdown);

}  // namespace specgate::markdown
