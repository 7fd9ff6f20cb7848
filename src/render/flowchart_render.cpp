// Flowchart / graph: the model from the flowchart parser, laid out by nested_layout (subgraphs
// as clusters, innermost first: a subgraph's box holds its members and nothing else), drawn
// with Mermaid's shapes and default styles.
#include <algorithm>
#include <cmath>

#include "mermaid/flowchart_model.h"
#include "render/label_text.h"
#include "render/flow_draw.h"
#include "render/nested_layout.h"
#include "render/renderers.h"
#include "render/shapes.h"
#include "render/styles.h"

namespace specgate::render {
namespace {

using mermaid::FlowchartModel;
using mermaid::FlowShape;

constexpr double kFont = 16;
constexpr double kMargin = 8;         // Mermaid's diagramPadding
constexpr double kClusterPad = 15;
constexpr double kClusterTitle = 30;  // band above a subgraph's members for its title
constexpr double kDividerGap = 10;    // between a state's name and its description

ShapeKind named_shape(const std::string& n, double& fixed, double& fixed_h) {
  fixed = 0;
  fixed_h = 0;
  static const std::pair<std::string_view, ShapeKind> kNames[] = {
      {"rounded", ShapeKind::RoundRect}, {"event", ShapeKind::RoundRect},
      {"stadium", ShapeKind::Stadium}, {"pill", ShapeKind::Stadium}, {"terminal", ShapeKind::Stadium},
      {"subproc", ShapeKind::Subroutine}, {"subprocess", ShapeKind::Subroutine},
      {"subroutine", ShapeKind::Subroutine}, {"fr-rect", ShapeKind::Subroutine},
      {"framed-rectangle", ShapeKind::Subroutine}, {"cyl", ShapeKind::Cylinder},
      {"cylinder", ShapeKind::Cylinder}, {"database", ShapeKind::Cylinder}, {"db", ShapeKind::Cylinder},
      {"circle", ShapeKind::Circle}, {"circ", ShapeKind::Circle},
      {"dbl-circ", ShapeKind::DoubleCircle}, {"double-circle", ShapeKind::DoubleCircle},
      {"doublecircle", ShapeKind::DoubleCircle}, {"diam", ShapeKind::Diamond},
      {"diamond", ShapeKind::Diamond}, {"decision", ShapeKind::Diamond}, {"question", ShapeKind::Diamond},
      {"hex", ShapeKind::Hexagon}, {"hexagon", ShapeKind::Hexagon}, {"prepare", ShapeKind::Hexagon},
      {"lean-r", ShapeKind::LeanRight}, {"lean-right", ShapeKind::LeanRight},
      {"in-out", ShapeKind::LeanRight}, {"lean_right", ShapeKind::LeanRight},
      {"lean-l", ShapeKind::LeanLeft}, {"lean-left", ShapeKind::LeanLeft},
      {"out-in", ShapeKind::LeanLeft}, {"lean_left", ShapeKind::LeanLeft},
      {"trap-b", ShapeKind::Trapezoid}, {"trapezoid", ShapeKind::Trapezoid},
      {"trapezoid-bottom", ShapeKind::Trapezoid}, {"priority", ShapeKind::Trapezoid},
      {"trap-t", ShapeKind::InvTrapezoid}, {"inv-trapezoid", ShapeKind::InvTrapezoid},
      {"trapezoid-top", ShapeKind::InvTrapezoid}, {"manual", ShapeKind::InvTrapezoid},
      {"inv_trapezoid", ShapeKind::InvTrapezoid}, {"odd", ShapeKind::Asymmetric},
      {"rect_left_inv_arrow", ShapeKind::Asymmetric}};
  for (auto& [k, v] : kNames)
    if (n == k) return v;
  if (n == "sm-circ" || n == "small-circle" || n == "start" || n == "f-circ" ||
      n == "filled-circle" || n == "junction" || n == "stateStart") {
    fixed = 14;
    return ShapeKind::FilledCircle;
  }
  if (n == "fr-circ" || n == "framed-circle" || n == "stop" || n == "stateEnd") {
    fixed = 14;
    return ShapeKind::BullsEye;
  }
  if (n == "fork" || n == "join" || n == "forkJoin") {
    fixed = 70;
    fixed_h = 10;
    return ShapeKind::Bar;
  }
  if (n == "choice") {
    fixed = 28;
    return ShapeKind::Diamond;
  }
  if (n == "note") return ShapeKind::Note;
  return ShapeKind::Rect;  // every other named shape: drawn as its bounding rectangle
}

ShapeKind shape_kind(const mermaid::FlowNode& v, double& fixed, double& fixed_h) {
  fixed = 0;
  fixed_h = 0;
  switch (v.shape) {
    case FlowShape::Rect: return ShapeKind::Rect;
    case FlowShape::Round: return ShapeKind::RoundRect;
    case FlowShape::Stadium: return ShapeKind::Stadium;
    case FlowShape::Subroutine: return ShapeKind::Subroutine;
    case FlowShape::Cylinder: return ShapeKind::Cylinder;
    case FlowShape::Circle: return ShapeKind::Circle;
    case FlowShape::DoubleCircle: return ShapeKind::DoubleCircle;
    case FlowShape::Asymmetric: return ShapeKind::Asymmetric;
    case FlowShape::Diamond: return ShapeKind::Diamond;
    case FlowShape::Hexagon: return ShapeKind::Hexagon;
    case FlowShape::LeanRight: return ShapeKind::LeanRight;
    case FlowShape::LeanLeft: return ShapeKind::LeanLeft;
    case FlowShape::Trapezoid: return ShapeKind::Trapezoid;
    case FlowShape::InvTrapezoid: return ShapeKind::InvTrapezoid;
    case FlowShape::Ellipse: return ShapeKind::Ellipse;
    case FlowShape::Named: return named_shape(v.shape_name, fixed, fixed_h);
  }
  return ShapeKind::Rect;
}

Marker marker_of(mermaid::FlowArrow a) {
  switch (a) {
    case mermaid::FlowArrow::Point: return Marker::Arrow;
    case mermaid::FlowArrow::Cross: return Marker::Cross;
    case mermaid::FlowArrow::Circle: return Marker::Circle;
    case mermaid::FlowArrow::None: break;
  }
  return Marker::None;
}


}  // namespace

bool draw_flowchart(std::string_view source, DrawContext& ctx) {
  mermaid::FlowchartParse parsed = mermaid::parse_flowchart(source);
  ctx.result = parsed.result;
  if (!parsed.result.valid) return false;
  return draw_flow_model(parsed.model, ctx, "flowchart");
}

bool draw_flow_model(const mermaid::FlowchartModel& m, DrawContext& ctx, std::string_view diagram,
                     const std::vector<std::vector<std::string>>* descriptions) {
  if (m.nodes.size() > kMaxNodes) {
    ctx.note = "the diagram has " + std::to_string(m.nodes.size()) + " nodes; specgate draws at most " +
               std::to_string(kMaxNodes);
    return false;
  }
  for (const auto& sg : m.subgraphs) {
    size_t depth = 0;
    for (int p = sg.parent; p >= 0; p = m.subgraphs[static_cast<size_t>(p)].parent) ++depth;
    if (depth >= kMaxNesting) {
      ctx.note = "subgraphs are nested more than " + std::to_string(kMaxNesting) +
                 " deep; specgate does not draw that";
      return false;
    }
  }

  const size_t N = m.nodes.size(), E = m.edges.size(), S = m.subgraphs.size();
  NestedGraph g;
  g.direction = parse_direction(m.direction);
  g.pad = kClusterPad;
  g.title = kClusterTitle;
  g.origin = Point{kMargin, kMargin};
  g.nodes.resize(N);
  for (size_t i = 0; i < N; ++i) g.nodes[i].cluster = m.nodes[i].subgraph;
  for (size_t s = 0; s < S; ++s) {
    auto it = m.node_index.find(m.subgraphs[s].id);
    if (it != m.node_index.end()) g.nodes[it->second].names = static_cast<int>(s);
  }
  std::vector<Shape> shapes(N);
  std::vector<std::vector<std::string>> labels(N), below(N);  // below: lines under a divider
  std::vector<double> title_h(N, 0);
  for (size_t i = 0; i < N; ++i) {
    const auto& v = m.nodes[i];
    double fixed = 0, fixed_h = 0;
    Shape& s = shapes[i];
    s.kind = shape_kind(v, fixed, fixed_h);
    s.role = "node";
    s.id = v.id;
    for (const std::string& c : v.classes) s.css_class += (s.css_class.empty() ? "" : " ") + c;
    s.style = composed_style(m.class_defs, v.classes, v.style);
    if (fixed > 0) {
      // Start/stop circles, fork bars and choice diamonds carry no label; bars lie across
      // the flow.
      const bool across = m.direction == "LR" || m.direction == "RL";
      double w = fixed, h = fixed_h > 0 ? fixed_h : fixed;
      if (across) std::swap(w, h);
      s.box = Box{0, 0, w, h};
      const char* role_class = s.kind == ShapeKind::FilledCircle ? "start-state"
                               : s.kind == ShapeKind::BullsEye ? "end-state"
                               : s.kind == ShapeKind::Bar      ? "fork" : "";
      if (*role_class) s.css_class = role_class + std::string(s.css_class.empty() ? "" : " ") + s.css_class;
    } else {
      if (s.kind == ShapeKind::Note) s.role = "note";
      labels[i] = label_lines(v.label, v.markdown);
      TextSize text = measure_lines(labels[i], kFont);
      if (descriptions && i < descriptions->size())
        for (const std::string& d : (*descriptions)[i])
          for (std::string& l : label_lines(d)) below[i].push_back(std::move(l));
      if (!below[i].empty()) {
        // Name, divider, description: one block, the divider in a gap of its own.
        const TextSize desc = measure_lines(below[i], kFont);
        title_h[i] = text.height;
        text = TextSize{std::max(text.width, desc.width), text.height + kDividerGap + desc.height};
      }
      TextSize sz = shape_size(s.kind, text);
      s.box = Box{0, 0, sz.width, sz.height};
    }
    g.nodes[i].w = s.box.w;
    g.nodes[i].h = s.box.h;
  }
  std::vector<std::vector<std::string>> edge_labels(E);
  std::vector<TextSize> edge_label_size(E);
  for (size_t e = 0; e < E; ++e) {
    LayoutEdge le;
    le.from = m.edges[e].from;
    le.to = m.edges[e].to;
    le.minlen = m.edges[e].length;
    if (!m.edges[e].label.empty()) {
      edge_labels[e] = label_lines(m.edges[e].label, m.edges[e].markdown);
      edge_label_size[e] = measure_lines(edge_labels[e], kFont);
      if (!edge_labels[e].empty()) {
        le.label_w = edge_label_size[e].width + 8;
        le.label_h = edge_label_size[e].height + 4;
      }
    }
    g.edges.push_back(le);
  }
  std::vector<std::vector<std::string>> cluster_title(S);
  g.clusters.resize(S);
  for (size_t s = 0; s < S; ++s) {
    const auto& sg = m.subgraphs[s];
    cluster_title[s] = label_lines(sg.title, sg.markdown);
    g.clusters[s].parent = sg.parent;
    g.clusters[s].has_direction = !sg.direction.empty();
    g.clusters[s].direction = parse_direction(sg.direction);
    g.clusters[s].title_w = measure_lines(cluster_title[s], kFont).width;
  }
  const NestedResult lay = nested_layout(g);
  for (size_t i = 0; i < N; ++i) {
    if (g.nodes[i].names >= 0) continue;
    Box& b = shapes[i].box;
    b.x = lay.centers[i].x - b.w / 2;
    b.y = lay.centers[i].y - b.h / 2;
  }
  // Parents drawn before children.
  std::vector<size_t> order, depth(S, 0);
  for (size_t s = 0; s < S; ++s) {
    order.push_back(s);
    for (int p = m.subgraphs[s].parent; p >= 0; p = m.subgraphs[static_cast<size_t>(p)].parent) ++depth[s];
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return depth[a] < depth[b]; });

  Scene& sc = ctx.scene;
  sc.diagram = std::string(diagram);
  sc.width = lay.width + 2 * kMargin;
  sc.height = lay.height + 2 * kMargin;
  for (size_t s : order) {
    const auto& sg = m.subgraphs[s];
    Cluster c;
    c.box = lay.clusters[s];
    c.id = sg.id;
    for (const std::string& k : sg.classes) c.css_class += (c.css_class.empty() ? "" : " ") + k;
    // A subgraph takes classDef `default` only when it has classes of its own.
    auto it = m.node_index.find(sg.id);
    const std::string css = composed_style(m.class_defs, sg.classes,
                                           it != m.node_index.end() ? m.nodes[it->second].style : std::string(),
                                           !sg.classes.empty());
    c.style = css;
    sc.clusters.push_back(c);
    Text t;
    t.lines = cluster_title[s];
    t.at = Point{c.box.cx(), c.box.y + kClusterTitle / 2 + 2};
    t.role = "cluster-label";
    t.id = sg.id;
    t.style = text_style_of(css);
    sc.texts.push_back(std::move(t));
  }
  // The outline an edge end meets: the node's shape, or the box of the subgraph it names.
  auto end_shape = [&](size_t node) {
    if (g.nodes[node].names >= 0) {
      Shape s;
      s.box = lay.clusters[static_cast<size_t>(g.nodes[node].names)];
      return s;
    }
    return shapes[node];
  };
  for (size_t e = 0; e < E; ++e) {
    const auto& me = m.edges[e];
    const std::vector<Point>& raw = lay.routes[e];
    Path p;
    p.role = "edge";
    p.id = me.id.empty() ? "L_" + m.nodes[me.from].id + "_" + m.nodes[me.to].id + "_" + std::to_string(e) : me.id;
    std::vector<Point> route;
    Shape a = end_shape(me.from), b = end_shape(me.to);
    if (me.from == me.to && raw.size() >= 2) {
      route = raw;
    } else {
      route.push_back(Point{a.box.cx(), a.box.cy()});
      for (size_t k = 1; k + 1 < raw.size(); ++k) route.push_back(raw[k]);
      route.push_back(Point{b.box.cx(), b.box.cy()});
      route = clip_route(route, a, b);
    }
    p.points = std::move(route);
    p.curved = p.points.size() > 2;
    p.start = marker_of(me.start);
    p.end = marker_of(me.end);
    p.dash = me.stroke == mermaid::FlowStroke::Dotted ? Dash::Dotted : Dash::Solid;
    p.thickness = me.stroke == mermaid::FlowStroke::Thick ? 3.5 : me.stroke == mermaid::FlowStroke::Invisible ? 0 : 2;
    std::string css = me.style.empty() ? m.default_link_style : me.style;
    p.style = css;
    sc.paths.push_back(std::move(p));
    if (!edge_labels[e].empty()) {
      const Point at = lay.label_centers[e];
      const TextSize& ts = edge_label_size[e];
      Shape bg;
      bg.kind = ShapeKind::Rect;
      bg.role = "edge-label-bg";
      bg.box = Box{at.x - ts.width / 2 - 2, at.y - ts.height / 2, ts.width + 4, ts.height};
      sc.shapes.push_back(bg);
      Text t;
      t.lines = edge_labels[e];
      t.at = at;
      t.role = "edge-label";
      t.id = sc.paths.back().id;
      t.style = text_style_of(css);
      sc.texts.push_back(std::move(t));
    }
  }
  for (size_t i = 0; i < N; ++i) {
    if (g.nodes[i].names >= 0) continue;
    sc.shapes.push_back(shapes[i]);
    if (labels[i].empty()) continue;
    Text t;
    t.lines = labels[i];
    t.at = Point{shapes[i].box.cx(), shapes[i].box.cy()};
    t.role = "node-label";
    t.id = m.nodes[i].id;
    t.style = text_style_of(shapes[i].style);
    if (!below[i].empty()) {
      const Box& b = shapes[i].box;
      const TextSize desc = measure_lines(below[i], kFont);
      const double top = b.cy() - (title_h[i] + kDividerGap + desc.height) / 2;
      t.at.y = top + title_h[i] / 2;
      Shape line;
      line.kind = ShapeKind::Line;
      line.role = "divider";
      line.id = t.id;
      const double y = top + title_h[i] + kDividerGap / 2;
      line.points = {Point{b.x, y}, Point{b.right(), y}};
      sc.shapes.push_back(std::move(line));
      Text d = t;
      d.lines = below[i];
      d.at.y = top + title_h[i] + kDividerGap + desc.height / 2;
      sc.texts.push_back(std::move(t));
      sc.texts.push_back(std::move(d));
      continue;
    }
    sc.texts.push_back(std::move(t));
  }
  return true;
}

}  // namespace specgate::render
