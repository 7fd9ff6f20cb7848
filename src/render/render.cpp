#include "render/render.h"

#include "render/renderers.h"

namespace specgate::render {

const std::vector<RendererRow>& renderers() {
  // One row per header word Mermaid accepts for a drawn type.
  static const std::vector<RendererRow> kRenderers = {
      {"flowchart", "flowchart", draw_flowchart},
      {"graph", "flowchart", draw_flowchart},
      {"flowchart-elk", "flowchart", draw_flowchart},
  };
  return kRenderers;
}

RenderResult render_svg(std::string_view source, const Options& options) {
  RenderResult out;
  out.type = mermaid::detect_type(source);
  const RendererRow* row = nullptr;
  for (const RendererRow& r : renderers()) {
    if (r.header == out.type) {
      row = &r;
      break;
    }
  }
  if (!row) {
    // Not drawn: still say whether Mermaid would accept it, so an invalid diagram is an error.
    mermaid::Result r = mermaid::validate(source);
    out.type = r.type;
    out.valid = r.valid;
    out.diagnostics = std::move(r.diagnostics);
    if (out.valid)
      out.note = out.type.empty() ? "no diagram type detected"
                                  : "'" + out.type + "' diagrams are not drawn yet";
    return out;
  }
  out.supported = true;
  mermaid::Result result;
  DrawContext ctx{options, out.scene, result, out.note};
  const bool drawn = row->draw(source, ctx);
  out.valid = result.valid;
  out.diagnostics = std::move(result.diagnostics);
  if (!out.valid || !drawn) {
    out.scene = Scene{};
    return out;
  }
  SvgOptions so;
  so.theme = options.theme;
  so.id = options.id;
  out.svg = write_svg(out.scene, so);
  return out;
}

}  // namespace specgate::render
