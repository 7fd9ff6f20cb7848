// The per-type renderers the table in render.cpp dispatches to; each parses with its model
// sink (one pass), lays the diagram out and fills ctx.scene.
#pragma once

#include "render/render.h"

namespace specgate::render {

bool draw_flowchart(std::string_view source, DrawContext& ctx);
bool draw_state(std::string_view source, DrawContext& ctx);

}  // namespace specgate::render
