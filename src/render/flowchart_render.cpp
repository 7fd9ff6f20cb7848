// Flowchart / graph: the model from the flowchart parser, laid out by layered_layout one
// subgraph at a time (innermost first; a subgraph is then one node of its parent's layout, so
// its box holds its members and nothing else), drawn with Mermaid's shapes and default styles.
#include <algorithm>
#include <cmath>

#include "mermaid/flowchart_model.h"
#include "render/label_text.h"
#include "render/layered_layout.h"
#include "render/renderers.h"
#include "render/shapes.h"

namespace specgate::render {
namespace {

using mermaid::FlowchartModel;
using mermaid::FlowShape;

constexpr double kFont = 16;
constexpr double kMargin = 8;         // Mermaid's diagramPadding
constexpr double kClusterPad = 15;
constexpr double kClusterTitle = 30;  // band above a subgraph's members for its title

ShapeKind named_shape(const std::string& n, double& fixed) {
  fixed = 0;
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
  return ShapeKind::Rect;  // every other named shape: drawn as its bounding rectangle
}

ShapeKind shape_kind(const mermaid::FlowNode& v, double& fixed) {
  fixed = 0;
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
    case FlowShape::Named: return named_shape(v.shape_name, fixed);
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

// Mermaid styles: the shape takes every declaration; the label takes `color` (as fill) and
// the font declarations.
std::string text_style_of(const std::string& css) {
  std::string out;
  std::string clean = sanitize_style(css);
  size_t i = 0;
  while (i <= clean.size()) {
    size_t e = clean.find(';', i);
    if (e == std::string::npos) e = clean.size();
    std::string_view d(clean.data() + i, e - i);
    if (d.substr(0, 6) == "color:") {
      out += (out.empty() ? "" : ";") + std::string("fill:") + std::string(d.substr(6));
    } else if (d.substr(0, 5) == "font-") {
      out += (out.empty() ? "" : ";") + std::string(d);
    }
    i = e + 1;
  }
  return out;
}

struct Item {  // one node of a level's layout: a model node or a child subgraph
  bool cluster = false;
  size_t index = 0;
};

struct Flow {
  const FlowchartModel& m;
  std::vector<int> node_cluster;         // node -> subgraph its id names, or -1
  std::vector<Shape> shapes;             // per node (box filled in when placed)
  std::vector<std::vector<std::string>> labels;
  std::vector<TextSize> label_size;
  std::vector<std::vector<std::string>> edge_labels;
  std::vector<TextSize> edge_label_size;
  std::vector<Box> cluster_box;          // per subgraph, absolute
  std::vector<std::vector<std::string>> cluster_title;
  std::vector<double> cluster_title_w;
  std::vector<std::vector<Point>> routes;  // per edge, absolute, centre to centre
  std::vector<Point> label_at;
  std::vector<int> edge_level;           // subgraph whose layout routes the edge (-1 root)
  std::vector<TextSize> inner;           // per subgraph: its content's size

  // Ancestors of an endpoint, innermost first (-1 last): a node's subgraphs, or for a node that
  // names a subgraph, that subgraph's.
  std::vector<int> chain(size_t node) const {
    std::vector<int> c;
    int s = node_cluster[node] >= 0 ? node_cluster[node] : m.nodes[node].subgraph;
    while (s >= 0) {
      c.push_back(s);
      s = m.subgraphs[static_cast<size_t>(s)].parent;
    }
    c.push_back(-1);
    return c;
  }

  // Lays out subgraph `sg` (-1: the whole diagram) with its own origin at (0,0); returns its
  // content size. Children are laid out first and placed as single nodes.
  TextSize layout(int sg, Direction dir, std::vector<Point>& node_pos, std::vector<Point>& cluster_pos,
                  size_t depth) {
    std::vector<Item> items;
    for (size_t i = 0; i < m.nodes.size(); ++i)
      if (m.nodes[i].subgraph == sg && node_cluster[i] < 0) items.push_back({false, i});
    for (size_t s = 0; s < m.subgraphs.size(); ++s)
      if (m.subgraphs[s].parent == sg) items.push_back({true, s});
    LayoutGraph g;
    g.direction = dir;
    for (const Item& it : items) {
      if (it.cluster) {
        const auto& s = m.subgraphs[it.index];
        Direction d = s.direction.empty() ? dir : parse_direction(s.direction);
        TextSize in = depth + 1 < kMaxNesting ? layout(static_cast<int>(it.index), d, node_pos, cluster_pos, depth + 1)
                                              : TextSize{};
        double w = std::max(in.width, cluster_title_w[it.index]) + 2 * kClusterPad;
        double h = in.height + kClusterTitle + kClusterPad;
        cluster_box[it.index] = Box{0, 0, w, h};
        inner[it.index] = in;
        g.nodes.push_back({w, h});
      } else {
        g.nodes.push_back({shapes[it.index].box.w, shapes[it.index].box.h});
      }
    }
    // Which item holds a given endpoint at this level.
    std::vector<size_t> node_item(m.nodes.size(), SIZE_MAX), sg_item(m.subgraphs.size(), SIZE_MAX);
    for (size_t k = 0; k < items.size(); ++k)
      (items[k].cluster ? sg_item : node_item)[items[k].index] = k;
    auto item_of = [&](size_t node) -> size_t {
      if (node_cluster[node] < 0 && node_item[node] != SIZE_MAX) return node_item[node];
      std::vector<int> c = chain(node);
      if (node_cluster[node] >= 0) c.insert(c.begin(), node_cluster[node]);
      for (int s : c)
        if (s >= 0 && sg_item[static_cast<size_t>(s)] != SIZE_MAX) return sg_item[static_cast<size_t>(s)];
      return SIZE_MAX;
    };
    std::vector<size_t> edge_ids;
    for (size_t e = 0; e < m.edges.size(); ++e) {
      if (edge_level[e] != sg) continue;
      size_t a = item_of(m.edges[e].from), b = item_of(m.edges[e].to);
      if (a == SIZE_MAX || b == SIZE_MAX) continue;
      LayoutEdge le;
      le.from = a;
      le.to = b;
      le.minlen = m.edges[e].length;
      if (!edge_labels[e].empty()) {
        le.label_w = edge_label_size[e].width + 8;
        le.label_h = edge_label_size[e].height + 4;
      }
      g.edges.push_back(le);
      edge_ids.push_back(e);
    }
    LayoutResult r = layered_layout(g);
    for (size_t k = 0; k < items.size(); ++k) {
      const Item& it = items[k];
      Point c = r.centers[k];
      if (it.cluster) {
        Box& b = cluster_box[it.index];
        b.x = c.x - b.w / 2;
        b.y = c.y - b.h / 2;
        cluster_pos[it.index] = Point{b.x, b.y};
      } else {
        node_pos[it.index] = c;
      }
    }
    for (size_t k = 0; k < edge_ids.size(); ++k) {
      routes[edge_ids[k]] = r.routes[k];
      label_at[edge_ids[k]] = r.label_centers[k];
    }
    return TextSize{r.width, r.height};
  }
};

}  // namespace

bool draw_flowchart(std::string_view source, DrawContext& ctx) {
  mermaid::FlowchartParse parsed = mermaid::parse_flowchart(source);
  ctx.result = parsed.result;
  if (!parsed.result.valid) return false;
  const FlowchartModel& m = parsed.model;
  if (m.nodes.size() > kMaxNodes) {
    ctx.note = "the flowchart has " + std::to_string(m.nodes.size()) + " nodes; specgate draws at most " +
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

  Flow f{m, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  f.inner.resize(m.subgraphs.size());
  const size_t N = m.nodes.size(), E = m.edges.size(), S = m.subgraphs.size();
  f.node_cluster.assign(N, -1);
  for (size_t s = 0; s < S; ++s) {
    auto it = m.node_index.find(m.subgraphs[s].id);
    if (it != m.node_index.end()) f.node_cluster[it->second] = static_cast<int>(s);
  }
  // Styles per node: classDef default, then its classes in order, then `style`.
  auto class_css = [&](const std::vector<std::string>& classes) {
    std::string css;
    auto add = [&](const std::string& name) {
      auto it = m.class_defs.find(name);
      if (it != m.class_defs.end()) css += (css.empty() ? "" : ",") + it->second;
    };
    add("default");
    for (const std::string& c : classes) add(c);
    return css;
  };
  f.shapes.resize(N);
  f.labels.resize(N);
  f.label_size.resize(N);
  for (size_t i = 0; i < N; ++i) {
    const auto& v = m.nodes[i];
    double fixed = 0;
    Shape& s = f.shapes[i];
    s.kind = shape_kind(v, fixed);
    s.role = "node";
    s.id = v.id;
    for (const std::string& c : v.classes) s.css_class += (s.css_class.empty() ? "" : " ") + c;
    std::string css = class_css(v.classes);
    if (!v.style.empty()) css += (css.empty() ? "" : ",") + v.style;
    s.style = css;
    if (fixed > 0) {
      s.box = Box{0, 0, fixed, fixed};
      continue;  // start/stop circles carry no label
    }
    f.labels[i] = label_lines(v.label, v.markdown);
    f.label_size[i] = measure_lines(f.labels[i], kFont);
    TextSize sz = shape_size(s.kind, f.label_size[i]);
    s.box = Box{0, 0, sz.width, sz.height};
  }
  f.edge_labels.resize(E);
  f.edge_label_size.resize(E);
  f.routes.resize(E);
  f.label_at.resize(E);
  f.edge_level.assign(E, -1);
  for (size_t e = 0; e < E; ++e) {
    if (!m.edges[e].label.empty()) {
      f.edge_labels[e] = label_lines(m.edges[e].label, m.edges[e].markdown);
      f.edge_label_size[e] = measure_lines(f.edge_labels[e], kFont);
    }
    // The innermost subgraph holding both ends routes the edge.
    std::vector<int> a = f.chain(m.edges[e].from), b = f.chain(m.edges[e].to);
    if (f.node_cluster[m.edges[e].from] >= 0) a.erase(a.begin());
    if (f.node_cluster[m.edges[e].to] >= 0) b.erase(b.begin());
    for (int s : a) {
      if (std::find(b.begin(), b.end(), s) != b.end()) {
        f.edge_level[e] = s;
        break;
      }
    }
  }
  f.cluster_box.resize(S);
  f.cluster_title.resize(S);
  f.cluster_title_w.resize(S);
  for (size_t s = 0; s < S; ++s) {
    f.cluster_title[s] = label_lines(m.subgraphs[s].title, m.subgraphs[s].markdown);
    f.cluster_title_w[s] = measure_lines(f.cluster_title[s], kFont).width;
  }

  std::vector<Point> node_pos(N), cluster_pos(S);
  TextSize total = f.layout(-1, parse_direction(m.direction), node_pos, cluster_pos, 0);

  // Each level was laid out with its own origin: a subgraph's content starts below its title,
  // centred when the title is wider than the content.
  std::vector<Box> abs_cluster(S);
  auto origin = [&](int sg) -> Point {
    if (sg < 0) return Point{kMargin, kMargin};
    const Box& b = abs_cluster[static_cast<size_t>(sg)];
    return Point{b.x + kClusterPad + (b.w - 2 * kClusterPad - f.inner[static_cast<size_t>(sg)].width) / 2,
                 b.y + kClusterTitle};
  };
  // Parents before children: a child's box is relative to its parent's (now absolute) origin.
  std::vector<size_t> order;
  for (size_t s = 0; s < S; ++s) order.push_back(s);
  std::vector<size_t> depth(S, 0);
  for (size_t s = 0; s < S; ++s)
    for (int p = m.subgraphs[s].parent; p >= 0; p = m.subgraphs[static_cast<size_t>(p)].parent) ++depth[s];
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return depth[a] < depth[b]; });
  for (size_t s : order) {
    Point o = origin(m.subgraphs[s].parent);
    abs_cluster[s] = f.cluster_box[s];
    abs_cluster[s].x = cluster_pos[s].x + o.x;
    abs_cluster[s].y = cluster_pos[s].y + o.y;
  }
  for (size_t i = 0; i < N; ++i) {
    if (f.node_cluster[i] >= 0) continue;
    Point o = origin(m.nodes[i].subgraph);
    Box& b = f.shapes[i].box;
    b.x = node_pos[i].x + o.x - b.w / 2;
    b.y = node_pos[i].y + o.y - b.h / 2;
  }

  Scene& sc = ctx.scene;
  sc.diagram = "flowchart";
  sc.width = total.width + 2 * kMargin;
  sc.height = total.height + 2 * kMargin;
  for (size_t s : order) {
    const auto& sg = m.subgraphs[s];
    Cluster c;
    c.box = abs_cluster[s];
    c.id = sg.id;
    for (const std::string& k : sg.classes) c.css_class += (c.css_class.empty() ? "" : " ") + k;
    std::string css = sg.classes.empty() ? std::string() : class_css(sg.classes);
    auto it = m.node_index.find(sg.id);
    if (it != m.node_index.end() && !m.nodes[it->second].style.empty())
      css += (css.empty() ? "" : ",") + m.nodes[it->second].style;
    c.style = css;
    sc.clusters.push_back(c);
    Text t;
    t.lines = f.cluster_title[s];
    t.at = Point{c.box.cx(), c.box.y + kClusterTitle / 2 + 2};
    t.role = "cluster-label";
    t.id = sg.id;
    t.style = text_style_of(css);
    sc.texts.push_back(std::move(t));
  }
  // The outline an edge end meets: the node's shape, or the box of the subgraph it names.
  auto end_shape = [&](size_t node) {
    if (f.node_cluster[node] >= 0) {
      Shape s;
      s.box = abs_cluster[static_cast<size_t>(f.node_cluster[node])];
      return s;
    }
    return f.shapes[node];
  };
  for (size_t e = 0; e < E; ++e) {
    const auto& me = m.edges[e];
    const std::vector<Point>& raw = f.routes[e];
    Path p;
    p.role = "edge";
    p.id = me.id.empty() ? "L_" + m.nodes[me.from].id + "_" + m.nodes[me.to].id + "_" + std::to_string(e) : me.id;
    Point o = origin(f.edge_level[e]);
    std::vector<Point> route;
    Shape a = end_shape(me.from), b = end_shape(me.to);
    if (me.from == me.to && raw.size() >= 2) {
      for (const Point& q : raw) route.push_back(Point{q.x + o.x, q.y + o.y});
    } else {
      route.push_back(Point{a.box.cx(), a.box.cy()});
      for (size_t k = 1; k + 1 < raw.size(); ++k) route.push_back(Point{raw[k].x + o.x, raw[k].y + o.y});
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
    if (!f.edge_labels[e].empty()) {
      Point at{f.label_at[e].x + o.x, f.label_at[e].y + o.y};
      const TextSize& ts = f.edge_label_size[e];
      Shape bg;
      bg.kind = ShapeKind::Rect;
      bg.role = "edge-label-bg";
      bg.box = Box{at.x - ts.width / 2 - 2, at.y - ts.height / 2, ts.width + 4, ts.height};
      sc.shapes.push_back(bg);
      Text t;
      t.lines = f.edge_labels[e];
      t.at = at;
      t.role = "edge-label";
      t.id = sc.paths.back().id;
      t.style = text_style_of(css);
      sc.texts.push_back(std::move(t));
    }
  }
  for (size_t i = 0; i < N; ++i) {
    if (f.node_cluster[i] >= 0) continue;
    sc.shapes.push_back(f.shapes[i]);
    if (f.labels[i].empty()) continue;
    Text t;
    t.lines = f.labels[i];
    t.at = Point{f.shapes[i].box.cx(), f.shapes[i].box.cy()};
    t.role = "node-label";
    t.id = m.nodes[i].id;
    t.style = text_style_of(f.shapes[i].style);
    sc.texts.push_back(std::move(t));
  }
  return true;
}

}  // namespace specgate::render
