// The part ER and class diagrams share: rectangular boxes of given sizes laid out by the layered
// layout, their relations routed and clipped to the boxes' borders, drawn as curved paths with
// their end markers, a label on each (over a label background) and optional texts near each end
// (cardinalities). The caller then draws each box's inside at the returned position.
#pragma once

#include <string>
#include <vector>

#include "render/nested_layout.h"
#include "render/scene.h"
#include "render/text_metrics.h"

namespace specgate::render {

struct BoxEdge {
  size_t from = 0;
  size_t to = 0;
  std::vector<std::string> label;      // lines; empty: none
  std::vector<std::string> from_text;  // drawn beside the path's start (e.g. a cardinality)
  std::vector<std::string> to_text;
  Marker start = Marker::None;
  Marker end = Marker::None;
  Dash dash = Dash::Solid;
  std::string role = "relation";
  std::string id;
};

inline constexpr double kBoxLabelSize = 14;  // relation labels and end texts

// Boxes grouped in nested clusters (class namespaces), laid out as the flowchart's subgraphs are
// (nested_layout): a cluster's box holds its members and nothing else.
struct BoxClusters {
  std::vector<int> of_box;               // per box: its innermost cluster, -1 none
  std::vector<NestedCluster> clusters;   // parents before or after children, no cycles
  std::vector<Box> placed;               // out: each cluster's box (a title band on top)
};

inline constexpr double kBoxClusterPad = 15;    // around a cluster's members
inline constexpr double kBoxClusterTitle = 30;  // the band above them for its title

// Lays out boxes of `sizes` (in `clusters` when given), appends the edges (paths, label
// backgrounds, labels, end texts) to `scene`, and returns each box's top-left placement
// (already offset by `margin`). Sets the scene's size to hold everything.
std::vector<Box> draw_box_graph(const std::vector<TextSize>& sizes, const std::vector<BoxEdge>& edges, Direction dir,
                                Scene& scene, double margin = 8, BoxClusters* clusters = nullptr);

}  // namespace specgate::render
