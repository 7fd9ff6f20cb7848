// The renderer's library API: Mermaid source in, SVG out (the `render` command, the static site
// and `export` call this). Types are dispatched through one table (render.cpp, kRenderers): a
// type without a row is reported with a note and never drawn.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mermaid/validator.h"
#include "render/scene.h"
#include "render/svg_writer.h"

namespace specgate::render {

struct Options {
  Theme theme = Theme::Default;
  std::string id = "specgate";  // the SVG root's id (scopes its styles and markers)
};

struct RenderResult {
  std::string svg;      // empty unless drawn
  std::string type;     // the header word, e.g. "flowchart", "graph", "sequenceDiagram"
  bool supported = false;  // a renderer exists for the type
  bool valid = true;       // false: Mermaid would reject the diagram (see diagnostics)
  std::vector<mermaid::Diagnostic> diagnostics;  // the syntax error when invalid
  std::string note;        // why nothing was drawn when valid (type not drawn yet, a limit)
  Scene scene;             // the laid-out scene the SVG was written from
  bool drawn() const { return !svg.empty(); }
};

RenderResult render_svg(std::string_view mermaid_source, const Options& options = {});

// What one row's renderer returns: false with `note` set when it declines (e.g. a size limit).
struct DrawContext {
  const Options& options;
  Scene& scene;
  mermaid::Result& result;  // the renderer fills it from its own parse (validity, diagnostics)
  std::string& note;
};
using DiagramRenderer = bool (*)(std::string_view source, DrawContext& ctx);

struct RendererRow {
  std::string_view header;  // the header word Result::type reports
  std::string_view name;    // the name the docs and notes use
  DiagramRenderer draw;
};
// The table itself, in docs order, for tests and `specgate render --help`-style listings.
const std::vector<RendererRow>& renderers();

// Limits on what is laid out, so pathological input finishes in bounded time and memory.
inline constexpr size_t kMaxNodes = 10000;
inline constexpr size_t kMaxNesting = 50;
inline constexpr size_t kMaxLabelChars = 2000;

}  // namespace specgate::render
