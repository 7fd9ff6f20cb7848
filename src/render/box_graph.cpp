#include "render/box_graph.h"

#include <algorithm>
#include <cmath>

#include "render/shapes.h"

namespace specgate::render {

std::vector<Box> draw_box_graph(const std::vector<TextSize>& sizes, const std::vector<BoxEdge>& edges, Direction dir,
                                Scene& scene, double margin, BoxClusters* clusters) {
  NestedGraph g;
  g.direction = dir;
  g.node_sep = 50;
  g.rank_sep = 60;
  g.pad = kBoxClusterPad;
  g.title = kBoxClusterTitle;
  g.origin = Point{margin, margin};
  for (size_t i = 0; i < sizes.size(); ++i) {
    NestedNode n;
    n.w = sizes[i].width;
    n.h = sizes[i].height;
    if (clusters && i < clusters->of_box.size()) n.cluster = clusters->of_box[i];
    g.nodes.push_back(n);
  }
  if (clusters) g.clusters = clusters->clusters;
  std::vector<TextSize> label_sizes;
  for (const BoxEdge& e : edges) {
    TextSize ls = e.label.empty() ? TextSize{} : measure_lines(e.label, kBoxLabelSize);
    label_sizes.push_back(ls);
    LayoutEdge le;
    le.from = e.from;
    le.to = e.to;
    le.label_w = ls.width > 0 ? ls.width + 8 : 0;
    le.label_h = ls.width > 0 ? ls.height : 0;
    g.edges.push_back(le);
  }
  const NestedResult r = nested_layout(g);
  std::vector<Box> boxes;
  std::vector<Shape> outlines;
  for (size_t i = 0; i < sizes.size(); ++i) {
    Box b{r.centers[i].x - sizes[i].width / 2, r.centers[i].y - sizes[i].height / 2, sizes[i].width, sizes[i].height};
    boxes.push_back(b);
    Shape s;
    s.kind = ShapeKind::Rect;
    s.box = b;
    outlines.push_back(std::move(s));
  }
  std::vector<Box> cluster_boxes = r.clusters;
  double right = 0, bottom = 0;
  for (const std::vector<Box>* v : {&boxes, &cluster_boxes})
    for (const Box& b : *v) {
      right = std::max(right, b.right());
      bottom = std::max(bottom, b.bottom());
    }
  auto grow = [&](const Box& b) {
    right = std::max(right, b.right());
    bottom = std::max(bottom, b.bottom());
  };
  for (size_t k = 0; k < edges.size(); ++k) {
    const BoxEdge& e = edges[k];
    std::vector<Point> route = r.routes[k];
    if (e.from != e.to && route.size() >= 2) {
      // An end inside a cluster was laid out as that cluster: the route runs on to the box.
      if (g.nodes[e.from].cluster != r.edge_level[k]) route.front() = Point{boxes[e.from].cx(), boxes[e.from].cy()};
      if (g.nodes[e.to].cluster != r.edge_level[k]) route.back() = Point{boxes[e.to].cx(), boxes[e.to].cy()};
      route = clip_route(route, outlines[e.from], outlines[e.to]);
    }
    Path p;
    p.points = route;
    p.curved = true;
    p.start = e.start;
    p.end = e.end;
    p.dash = e.dash;
    p.role = e.role;
    p.id = e.id;
    for (const Point& q : route) grow({q.x, q.y, 0, 0});
    if (!e.label.empty()) {
      const Point at = r.label_centers[k];
      const TextSize& ts = label_sizes[k];
      Shape bg;
      bg.kind = ShapeKind::Rect;
      bg.role = "edge-label-bg";
      bg.box = Box{at.x - ts.width / 2 - 4, at.y - ts.height / 2, ts.width + 8, ts.height};
      grow(bg.box);
      scene.shapes.push_back(bg);
      Text t;
      t.lines = e.label;
      t.at = at;
      t.size = kBoxLabelSize;
      t.role = "edge-label";
      t.id = e.id;
      scene.texts.push_back(std::move(t));
    }
    // End texts sit beside the path, a little along it from the border, off to one side.
    auto end_text = [&](const std::vector<std::string>& lines, Point tip, Point toward, const char* role) {
      if (lines.empty()) return;
      double dx = toward.x - tip.x, dy = toward.y - tip.y;
      const double len = std::hypot(dx, dy);
      if (len > 0) {
        dx /= len;
        dy /= len;
      }
      TextSize ts = measure_lines(lines, kBoxLabelSize);
      // 24 px along the path, then half the text's size plus 4 px to its left-hand side.
      Point at{tip.x + dx * 24 - dy * (ts.width / 2 + 6), tip.y + dy * 24 + dx * (ts.height / 2 + 2)};
      Text t;
      t.lines = lines;
      t.at = at;
      t.size = kBoxLabelSize;
      t.role = role;
      t.id = e.id;
      grow({at.x - ts.width / 2, at.y - ts.height / 2, ts.width, ts.height});
      scene.texts.push_back(std::move(t));
    };
    if (route.size() >= 2) {
      end_text(e.from_text, route.front(), route[1], "cardinality");
      end_text(e.to_text, route.back(), route[route.size() - 2], "cardinality");
    }
    scene.paths.push_back(std::move(p));
  }
  // Texts beside paths may reach left of or above the origin: shift everything into view.
  double left = 0, top = 0;
  for (const Text& t : scene.texts) {
    TextSize ts = measure_lines(t.lines, t.size, t.bold);
    left = std::min(left, t.at.x - ts.width / 2 - margin);
    top = std::min(top, t.at.y - ts.height / 2 - margin);
  }
  if (left < 0 || top < 0) {
    const double dx = -left, dy = -top;
    for (std::vector<Box>* v : {&boxes, &cluster_boxes})
      for (Box& b : *v) {
        b.x += dx;
        b.y += dy;
      }
    for (Shape& s : scene.shapes) {
      s.box.x += dx;
      s.box.y += dy;
    }
    for (Path& p : scene.paths)
      for (Point& q : p.points) {
        q.x += dx;
        q.y += dy;
      }
    for (Text& t : scene.texts) {
      t.at.x += dx;
      t.at.y += dy;
    }
    right += dx;
    bottom += dy;
  }
  if (clusters) clusters->placed = std::move(cluster_boxes);
  scene.width = std::max(scene.width, right + margin);
  scene.height = std::max(scene.height, bottom + margin);
  return boxes;
}

}  // namespace specgate::render
