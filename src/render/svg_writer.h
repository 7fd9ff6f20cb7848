// Scene -> SVG text: the only code that writes SVG. The output is self-contained (one <style>
// block, markers in <defs>, no external references, scripts, event attributes or links),
// deterministic (same Scene, same bytes: fixed number formatting, no ids from counters shared
// between calls) and escaped (every text and attribute value goes through xml_escape).
#pragma once

#include <string>
#include <string_view>

#include "render/scene.h"

namespace specgate::render {

enum class Theme { Default, Neutral, Dark };

struct SvgOptions {
  Theme theme = Theme::Default;
  // The root element's id; styles and marker ids are scoped by it, so several diagrams can be
  // inlined in one HTML page. Sanitized to [A-Za-z0-9_-].
  std::string id = "specgate";
};

std::string write_svg(const Scene& scene, const SvgOptions& options = {});

// &, <, >, " and ' as entities; control characters other than tab/newline dropped (XML 1.0
// cannot carry them).
std::string xml_escape(std::string_view text);

// Mermaid's style text ("fill:#f9f,stroke:#333,stroke-width:4px", commas or semicolons between
// declarations) as safe CSS declarations "fill:#f9f;stroke:#333;stroke-width:4px": property
// names must be CSS identifiers, and a declaration whose value could reach outside the SVG or
// break out of the attribute (url(, expression, @import, quotes, <, >, braces, backslashes) is
// dropped.
std::string sanitize_style(std::string_view mermaid_style);

// Number formatting shared by the writers: at most two decimals, no trailing zeros, "-0" as "0".
std::string fmt_num(double v);

}  // namespace specgate::render
