// Mermaid's style model, one definition for every diagram type that has `classDef`, `class`,
// `:::` and `style` (flowchart, state, ER, class): what CSS an element gets, and the part of
// it its label takes. The declarations stay as written here; svg_writer's sanitize_style keeps
// only the safe ones when it writes them (untrusted values never reach the SVG unfiltered).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace specgate::render {

// classDef `default` (when `with_default`), then each of `classes` in order, then the element's
// own `style` declarations: later declarations win, as in Mermaid. Joined by ','.
std::string composed_style(const std::map<std::string, std::string>& class_defs, const std::vector<std::string>& classes,
                           const std::string& style, bool with_default = true);

// The label's part of an element's style: `color` (as the text's fill) and the font
// declarations, sanitized.
std::string text_style_of(const std::string& css);

}  // namespace specgate::render
