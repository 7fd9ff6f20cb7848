// A layered (Sugiyama) graph layout, the family Mermaid's dagre belongs to: cycles broken by
// reversing DFS back edges, longest-path ranks, dummy nodes on long edges (edge labels ride on
// one, so they get their own space), barycentric crossing reduction with the best order kept,
// and coordinates by isotonic regression towards the neighbours (straight long edges, no
// overlap by construction). Why not Graphviz: docs/rendering.md ("Layout").
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "render/scene.h"

namespace specgate::render {

enum class Direction { TB, BT, LR, RL };

// "TB", "TD", "BT", "LR", "RL" (else TB).
Direction parse_direction(std::string_view d);

struct LayoutNode {
  double w = 0;
  double h = 0;
};

struct LayoutEdge {
  size_t from = 0;
  size_t to = 0;
  int minlen = 1;     // ranks the edge spans at least
  double label_w = 0;  // label size; 0 = no label
  double label_h = 0;
};

struct LayoutGraph {
  std::vector<LayoutNode> nodes;
  std::vector<LayoutEdge> edges;
  Direction direction = Direction::TB;
  double node_sep = 50;  // between neighbours in a rank
  double rank_sep = 50;  // between ranks
};

struct LayoutResult {
  std::vector<Point> centers;              // per node, in [0, width] x [0, height]
  std::vector<std::vector<Point>> routes;  // per edge: source centre, bends, target centre
                                           // (self-loops: a loop on the node's far side,
                                           // starting and ending on its border)
  std::vector<Point> label_centers;        // per edge (meaningful when it has a label)
  double width = 0;
  double height = 0;
};

LayoutResult layered_layout(const LayoutGraph& graph);

}  // namespace specgate::render
