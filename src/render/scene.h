// The neutral geometry every diagram renderer produces and only the writers (svg_writer, png)
// read: shapes, paths, texts and cluster boxes in one coordinate space (pixels, y down). Keeping
// layout and output apart lets the judge tests check readability on the Scene itself (boxes,
// endpoints, containment) as well as on the SVG text.
#pragma once

#include <string>
#include <vector>

namespace specgate::render {

struct Point {
  double x = 0;
  double y = 0;
};

// Axis-aligned box: (x, y) is the top-left corner.
struct Box {
  double x = 0;
  double y = 0;
  double w = 0;
  double h = 0;
  double cx() const { return x + w / 2; }
  double cy() const { return y + h / 2; }
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  bool contains(const Box& o, double eps = 0.01) const {
    return o.x >= x - eps && o.y >= y - eps && o.right() <= right() + eps &&
           o.bottom() <= bottom() + eps;
  }
  bool overlaps(const Box& o, double eps = 0.01) const {
    return x < o.right() - eps && o.x < right() - eps && y < o.bottom() - eps &&
           o.y < bottom() - eps;
  }
};

// How a shape's outline is drawn inside its box. Add kinds at the end (render2 uses this too).
enum class ShapeKind {
  Rect,            // plain rectangle
  RoundRect,       // rectangle with rounded corners (Mermaid's (text))
  Stadium,         // pill ([text])
  Subroutine,      // rectangle with double side bars [[text]]
  Cylinder,        // database [(text)]
  Circle,          // ((text))
  DoubleCircle,    // (((text)))
  Asymmetric,      // >text]
  Diamond,         // {text}
  Hexagon,         // {{text}}
  LeanRight,       // [/text/]
  LeanLeft,        // [\text\]
  Trapezoid,       // [/text\]
  InvTrapezoid,    // [\text/]
  Ellipse,         // (-text-)
  FilledCircle,    // state start
  BullsEye,        // state end
  Bar,             // fork/join bar
  Note,            // note (folded corner look via class)
  Polygon,         // `points`, absolute coordinates
  Line,            // `points` as a plain polyline without fill (dividers, lifelines)
};

struct Shape {
  ShapeKind kind = ShapeKind::Rect;
  Box box;
  std::vector<Point> points;  // Polygon/Line only
  std::string role;           // what it draws, e.g. "node", "cluster", "edge-label", "note", "actor"
  std::string id;             // the model's id (e.g. the node id), written as data-id
  std::string css_class;      // space-separated classes from the diagram (classDef names)
  std::string style;          // inline CSS declarations from the diagram (sanitized on output)
  double rx = 0;              // corner radius for Rect/RoundRect
};

// Arrowheads and end markers. Add kinds at the end.
enum class Marker {
  None,
  Arrow,          // filled triangle
  Cross,          // x
  Circle,         // filled circle
  OpenArrow,      // two strokes (sequence async)
  Triangle,       // hollow triangle (class inheritance)
  Diamond,        // hollow diamond (aggregation)
  FilledDiamond,  // composition
  ZeroOrOne,      // ER crow's feet
  ExactlyOne,
  ZeroOrMore,
  OneOrMore,
};

enum class Dash { Solid, Dashed, Dotted };

struct Path {
  std::vector<Point> points;  // at least two; the first and last touch their shapes' borders
  bool curved = false;        // smooth curve through the points, else straight segments
  Marker start = Marker::None;
  Marker end = Marker::None;
  Dash dash = Dash::Solid;
  double thickness = 1;       // 0: invisible (laid out, not drawn)
  std::string role;           // "edge", "message", "relation", "transition", ...
  std::string id;             // e.g. "L_A_B_0"
  std::string css_class;
  std::string style;
};

enum class Anchor { Start, Middle, End };

struct Text {
  std::vector<std::string> lines;  // plain text, already split; escaped on output
  Point at;                        // anchor point: x per `anchor`, y the middle of the block
  Anchor anchor = Anchor::Middle;
  double size = 16;
  bool bold = false;
  bool italic = false;
  std::string role;  // "node-label", "edge-label", "cluster-label", "title", ...
  std::string id;
  std::string css_class;
  std::string style;
};

// A subgraph/composite-state box: drawn under everything else, its title among the texts.
struct Cluster {
  Box box;
  std::string id;
  std::string css_class;
  std::string style;
};

struct Scene {
  double width = 0;
  double height = 0;
  std::string diagram;  // "flowchart", "sequence", ...: the root element's class
  std::vector<Cluster> clusters;
  std::vector<Path> paths;
  std::vector<Shape> shapes;
  std::vector<Text> texts;
};

}  // namespace specgate::render
