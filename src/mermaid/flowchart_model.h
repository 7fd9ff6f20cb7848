// What a flowchart says, as Mermaid's flowDb records it: filled by flowchart.cpp's grammar
// actions when a Models sink asks for it (parse_flowchart), never on validation-only runs.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mermaid/validator.h"

namespace specgate::mermaid {

// The node shapes of the bracket syntax, plus Named for `@{ shape: name }`.
enum class FlowShape {
  Rect,          // A or A[text]
  Round,         // A(text)
  Stadium,       // A([text])
  Subroutine,    // A[[text]]
  Cylinder,      // A[(text)]
  Circle,        // A((text))
  DoubleCircle,  // A(((text)))
  Asymmetric,    // A>text]
  Diamond,       // A{text}
  Hexagon,       // A{{text}}
  LeanRight,     // A[/text/]
  LeanLeft,      // A[\text\]
  Trapezoid,     // A[/text\]
  InvTrapezoid,  // A[\text/]
  Ellipse,       // A(-text-)
  Named,         // A@{ shape: name }: shape_name holds it
};

enum class FlowStroke { Normal, Thick, Dotted, Invisible };
enum class FlowArrow { None, Point, Cross, Circle };

struct FlowNode {
  std::string id;
  std::string label;        // as written (entities still encoded, <br> kept); id when none given
  bool markdown = false;    // "`...`" label
  FlowShape shape = FlowShape::Rect;
  std::string shape_name;   // for FlowShape::Named
  std::vector<std::string> classes;  // class / ::: names, in order
  std::string style;        // `style id ...` declarations, as written, joined by ','
  int subgraph = -1;        // innermost subgraph holding it (Mermaid's first claim wins)
};

struct FlowEdge {
  size_t from = 0;          // node indexes
  size_t to = 0;
  std::string label;
  bool markdown = false;
  FlowStroke stroke = FlowStroke::Normal;
  FlowArrow start = FlowArrow::None;
  FlowArrow end = FlowArrow::Point;
  int length = 1;           // extra dashes: ranks the edge spans at least
  std::string id;           // `e1@-->` link id, "" when none
  std::string style;        // linkStyle declarations for this edge (or default)
};

struct FlowSubgraph {
  std::string id;
  std::string title;
  bool markdown = false;
  std::string direction;    // "" = inherit; "TB", "LR", ...
  int parent = -1;
  std::vector<size_t> nodes;      // direct member nodes
  std::vector<size_t> subgraphs;  // direct child subgraphs
  std::vector<std::string> classes;
  std::string style;
};

struct FlowchartModel {
  std::string direction = "TB";  // TB, TD, BT, LR, RL (TD normalized to TB)
  std::vector<FlowNode> nodes;
  std::vector<FlowEdge> edges;
  std::vector<FlowSubgraph> subgraphs;  // in closing order (inner before outer), as Mermaid
  std::map<std::string, std::string> class_defs;  // name -> declarations as written
  std::string default_link_style;
  std::unordered_map<std::string, size_t> node_index;

  // The node with this id, created (as a plain Rect labelled by its id) when new.
  size_t node(std::string_view id);
};

struct FlowchartParse {
  Result result;
  FlowchartModel model;  // meaningful when result.valid
};

// Validates `source` as validate() does and records its model when it is a flowchart.
FlowchartParse parse_flowchart(std::string_view source);

}  // namespace specgate::mermaid
