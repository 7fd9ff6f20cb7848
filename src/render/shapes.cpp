#include "render/shapes.h"

#include <algorithm>
#include <cmath>

namespace specgate::render {
namespace {

constexpr double kPadX = 15;  // Mermaid's node padding
constexpr double kPadY = 15;

// What inside_shape tests as a convex polygon: the asymmetric flag's notch is left out (its box
// stands for it), and kinds drawn otherwise (rectangles, ellipses, ...) have none.
std::vector<Point> outline(const Shape& s) {
  switch (s.kind) {
    case ShapeKind::Diamond:
    case ShapeKind::Hexagon:
    case ShapeKind::LeanRight:
    case ShapeKind::LeanLeft:
    case ShapeKind::Trapezoid:
    case ShapeKind::InvTrapezoid:
    case ShapeKind::Polygon:
      return polygon_points(s);
    default:
      return {};
  }
}

bool in_polygon(const std::vector<Point>& ps, Point p, double eps) {
  // Convex polygon, either winding: p is on the same side of every edge (within eps).
  int sign = 0;
  for (size_t i = 0; i < ps.size(); ++i) {
    Point a = ps[i], b = ps[(i + 1) % ps.size()];
    double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    double len = std::hypot(b.x - a.x, b.y - a.y);
    if (len == 0) continue;
    double d = cross / len;
    if (std::abs(d) <= eps) continue;
    int s = d > 0 ? 1 : -1;
    if (sign == 0) sign = s;
    else if (s != sign) return false;
  }
  return true;
}

}  // namespace

std::vector<Point> polygon_points(const Shape& s) {
  const Box& b = s.box;
  const double x = b.x, y = b.y, w = b.w, h = b.h;
  switch (s.kind) {
    case ShapeKind::Diamond:
      return {{x + w / 2, y}, {x + w, y + h / 2}, {x + w / 2, y + h}, {x, y + h / 2}};
    case ShapeKind::Hexagon: {
      double m = std::min(h / 4, w / 4);
      return {{x + m, y}, {x + w - m, y}, {x + w, y + h / 2}, {x + w - m, y + h}, {x + m, y + h}, {x, y + h / 2}};
    }
    case ShapeKind::LeanRight: {
      double m = std::min(h / 2, w / 4);
      return {{x + m, y}, {x + w, y}, {x + w - m, y + h}, {x, y + h}};
    }
    case ShapeKind::LeanLeft: {
      double m = std::min(h / 2, w / 4);
      return {{x, y}, {x + w - m, y}, {x + w, y + h}, {x + m, y + h}};
    }
    case ShapeKind::Trapezoid: {
      double m = std::min(h / 2, w / 4);
      return {{x + m, y}, {x + w - m, y}, {x + w, y + h}, {x, y + h}};
    }
    case ShapeKind::InvTrapezoid: {
      double m = std::min(h / 2, w / 4);
      return {{x, y}, {x + w, y}, {x + w - m, y + h}, {x + m, y + h}};
    }
    case ShapeKind::Asymmetric: {
      double m = std::min(h / 2, w / 4);
      return {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x + m, y + h / 2}};
    }
    default:
      return s.points;
  }
}

TextSize shape_size(ShapeKind kind, TextSize t) {
  double w = t.width + 2 * kPadX, h = t.height + 2 * kPadY;
  switch (kind) {
    case ShapeKind::Diamond: {
      // The label box (with a little padding) fits when w/2/a + h/2/b <= 1: a square of w+h.
      double d = t.width + t.height + 2 * kPadX;
      return {d, d};
    }
    case ShapeKind::Circle: {
      double d = std::max(std::hypot(t.width + 10, t.height + 10), t.width + 2 * kPadX);
      return {d, d};
    }
    case ShapeKind::DoubleCircle: {
      double d = std::max(std::hypot(t.width + 10, t.height + 10), t.width + 2 * kPadX) + 10;
      return {d, d};
    }
    case ShapeKind::Ellipse:
      return {(t.width + 10) * 1.42 + 10, (t.height + 10) * 1.42};
    case ShapeKind::Hexagon:
      return {w + h / 2, h};
    case ShapeKind::LeanRight:
    case ShapeKind::LeanLeft:
    case ShapeKind::Trapezoid:
    case ShapeKind::InvTrapezoid:
      return {w + h, h};
    case ShapeKind::Stadium:
      return {t.width + h, h};
    case ShapeKind::Subroutine:
      return {w + 16, h};
    case ShapeKind::Asymmetric:
      return {w + h / 2, h};
    case ShapeKind::Cylinder:
      return {w, h + 20};
    case ShapeKind::FilledCircle:
    case ShapeKind::BullsEye:
      return {14, 14};
    default:
      return {w, h};
  }
}

bool inside_shape(const Shape& s, Point p, double eps) {
  const Box& b = s.box;
  switch (s.kind) {
    case ShapeKind::Circle:
    case ShapeKind::DoubleCircle:
    case ShapeKind::Ellipse:
    case ShapeKind::FilledCircle:
    case ShapeKind::BullsEye: {
      double rx = b.w / 2 + eps, ry = b.h / 2 + eps;
      if (rx <= 0 || ry <= 0) return false;
      double dx = (p.x - b.cx()) / rx, dy = (p.y - b.cy()) / ry;
      return dx * dx + dy * dy <= 1;
    }
    default: {
      std::vector<Point> ps = outline(s);
      if (!ps.empty()) return in_polygon(ps, p, eps);
      return p.x >= b.x - eps && p.x <= b.right() + eps && p.y >= b.y - eps && p.y <= b.bottom() + eps;
    }
  }
}

Point clip_to_shape(const Shape& s, Point in, Point out) {
  if (inside_shape(s, out)) return out;
  if (!inside_shape(s, in)) return in;
  // Bisection on the segment: every outline here is convex, so inside/outside splits it once.
  Point a = in, b = out;
  for (int i = 0; i < 50; ++i) {
    Point m{(a.x + b.x) / 2, (a.y + b.y) / 2};
    if (inside_shape(s, m)) a = m;
    else b = m;
  }
  return Point{(a.x + b.x) / 2, (a.y + b.y) / 2};
}

std::vector<Point> clip_route(const std::vector<Point>& route, const Shape& a, const Shape& b) {
  if (route.size() < 2) return route;
  // First segment leaving a, last segment entering b.
  size_t first = 0;
  while (first + 2 < route.size() && inside_shape(a, route[first + 1])) ++first;
  size_t last = route.size() - 1;
  while (last > first + 1 && inside_shape(b, route[last - 1])) --last;
  std::vector<Point> out;
  out.push_back(clip_to_shape(a, route[first], route[first + 1]));
  for (size_t i = first + 1; i < last; ++i) out.push_back(route[i]);
  out.push_back(clip_to_shape(b, route[last], route[last - 1]));
  if (out.size() == 2 && out[0].x == out[1].x && out[0].y == out[1].y) {
    // Overlapping endpoints (a node inside the other, e.g. a cluster): keep a visible stub.
    out[1].y += 1;
  }
  return out;
}

}  // namespace specgate::render
