// Draws a flowchart model: the flowchart renderer's second half, which the state renderer
// also uses after turning a state diagram into the same model (states as rounded nodes,
// composites as subgraphs, start/end/fork/choice as Mermaid's named shapes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mermaid/flowchart_model.h"
#include "render/render.h"

namespace specgate::render {

// `descriptions`, when given, holds per node the texts drawn under its label below a divider
// line (a state's name, then its description, as Mermaid draws a state with both); empty: none.
bool draw_flow_model(const mermaid::FlowchartModel& model, DrawContext& ctx, std::string_view diagram,
                     const std::vector<std::vector<std::string>>* descriptions = nullptr);

}  // namespace specgate::render
