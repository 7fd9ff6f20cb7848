// Shape geometry shared by the layered renderers and the judge tests: how big a shape must be
// to hold a label, whether a point is inside its outline, and where a line leaving it crosses
// its border (so edge ends touch the outline, not the bounding box).
#pragma once

#include "render/scene.h"
#include "render/text_metrics.h"

namespace specgate::render {

// Width and height of `kind` around a label block of `label` (padding included).
TextSize shape_size(ShapeKind kind, TextSize label);

// The polygon a polygon-kind shape is drawn as (diamond, hexagon, parallelograms, trapezoids,
// the asymmetric flag, free polygons: `points`); one definition for the SVG writer and the tests.
std::vector<Point> polygon_points(const Shape& s);

// The outline as a convex test: rectangles, ellipses and polygons (cylinders and stadiums as
// their boxes/rounded boxes). `eps` grows the outline a little for tolerant tests.
bool inside_shape(const Shape& s, Point p, double eps = 0);

// The point where the segment from `in` (inside s) towards `out` leaves s's outline; `out`
// itself when it is inside too.
Point clip_to_shape(const Shape& s, Point in, Point out);

// Where a polyline from inside `a` to inside `b` leaves `a` and enters `b`: the points before
// the exit and after the entry are dropped; the result starts and ends on the outlines.
std::vector<Point> clip_route(const std::vector<Point>& route, const Shape& a, const Shape& b);

}  // namespace specgate::render
