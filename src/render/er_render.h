// ER diagrams: each entity a box (its name over a table of attributes: type, name, keys,
// comment), laid out by the layered layout (render/box_graph), relationships as curved lines
// with crow's-foot markers for both cardinalities, dashed when non-identifying, labelled.
#pragma once

#include "mermaid/er_model.h"
#include "render/scene.h"

namespace specgate::render {

Scene layout_er(const mermaid::ErModel& model);

}  // namespace specgate::render
