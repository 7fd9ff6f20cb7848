// Draws a flowchart model: the flowchart renderer's second half, which the state renderer
// also uses after turning a state diagram into the same model (states as rounded nodes,
// composites as subgraphs, start/end/fork/choice as Mermaid's named shapes).
#pragma once

#include <string_view>

#include "mermaid/flowchart_model.h"
#include "render/render.h"

namespace specgate::render {

bool draw_flow_model(const mermaid::FlowchartModel& model, DrawContext& ctx, std::string_view diagram);

}  // namespace specgate::render
