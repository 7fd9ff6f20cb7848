// The layered layout of a graph whose nodes sit in nested clusters (flowchart subgraphs, class
// namespaces, composite states): clusters are laid out innermost first, and a laid-out cluster
// is then one node of its parent's layout, so its box holds its members and nothing else by
// construction, and it may have its own direction. An edge is routed by the innermost cluster
// holding both of its ends. One implementation for every diagram type that has clusters.
#pragma once

#include <cstddef>
#include <vector>

#include "render/layered_layout.h"
#include "render/scene.h"

namespace specgate::render {

struct NestedNode {
  double w = 0;
  double h = 0;
  int cluster = -1;  // the innermost cluster holding it, -1 at the top
  int names = -1;    // the cluster this node stands for (a flowchart edge to a subgraph): it is
                     // not laid out itself, its edges meet that cluster's box
};

struct NestedCluster {
  int parent = -1;
  bool has_direction = false;  // its own `direction`, kept (as in Mermaid) only while no edge
  Direction direction = Direction::TB;  // links one of its members to the outside
  double title_w = 0;  // the title's width: the box is at least this wide (plus padding)
};

struct NestedGraph {
  std::vector<NestedNode> nodes;
  std::vector<NestedCluster> clusters;  // parent links form a forest at most kMaxNesting deep
  std::vector<LayoutEdge> edges;        // between nodes
  Direction direction = Direction::TB;
  double node_sep = 50;
  double rank_sep = 50;
  double pad = 15;    // a cluster's padding left, right and below its content
  double title = 30;  // the band above a cluster's content, for its title
  Point origin;       // where the top level's (0, 0) lands: the picture's margin
};

struct NestedResult {
  std::vector<Point> centers;   // per node, absolute (unset for nodes that name a cluster)
  std::vector<Box> clusters;    // per cluster, absolute
  // Per edge, absolute: the route between the items at its level (a cluster's centre stands
  // for an end inside it); empty when an end could not be placed at that level.
  std::vector<std::vector<Point>> routes;
  std::vector<Point> label_centers;
  std::vector<int> edge_level;  // the cluster that routed the edge, -1 the top level
  double width = 0;             // the top level's content, without the origin
  double height = 0;
};

NestedResult nested_layout(const NestedGraph& graph);

}  // namespace specgate::render
