#include "render/svg_writer.h"

#include <cmath>
#include <cstdio>

#include "render/shapes.h"
#include "render/text_metrics.h"

namespace specgate::render {
namespace {

struct Palette {
  const char* background;
  const char* node_fill;
  const char* node_stroke;
  const char* text;
  const char* line;
  const char* cluster_fill;
  const char* cluster_stroke;
  const char* label_bg;
  const char* note_fill;
  const char* note_stroke;
};

// Mermaid 11's default, neutral and dark theme colours (themes/theme-*.js).
constexpr Palette kDefault{"#ffffff", "#ECECFF", "#9370DB", "#333333", "#333333", "#ffffde",
                           "#aaaa33", "rgba(232,232,232,0.8)", "#fff5ad", "#aaaa33"};
constexpr Palette kNeutral{"#ffffff", "#eeeeee", "#999999", "#333333", "#666666", "#fafafa",
                           "#999999", "rgba(255,255,255,0.8)", "#ffffde", "#999999"};
constexpr Palette kDark{"#333333", "#1f2020", "#cccccc", "#cccccc", "#d3d3d3", "#474949",
                        "#d3d3d3", "rgba(88,88,88,0.8)", "#474949", "#d3d3d3"};

const Palette& palette(Theme t) {
  return t == Theme::Dark ? kDark : t == Theme::Neutral ? kNeutral : kDefault;
}

std::string safe_id(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-')
      out += c;
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9') || out[0] == '-') out.insert(0, "d");
  return out;
}

void pt(std::string& o, Point p) {
  o += fmt_num(p.x);
  o += ',';
  o += fmt_num(p.y);
}


void attr(std::string& o, const char* name, std::string_view value) {
  if (value.empty()) return;
  o += ' ';
  o += name;
  o += "=\"";
  o += xml_escape(value);
  o += '"';
}

void common_attrs(std::string& o, std::string_view role, std::string_view css_class,
                  std::string_view id, std::string_view style) {
  std::string cls(role);
  if (!css_class.empty()) {
    if (!cls.empty()) cls += ' ';
    cls += css_class;
  }
  attr(o, "class", cls);
  attr(o, "data-id", id);
  attr(o, "style", sanitize_style(style));
}

void write_shape(std::string& o, const Shape& s) {
  const Box& b = s.box;
  o += "<g";
  common_attrs(o, s.role, s.css_class, s.id, "");
  o += '>';
  std::string st = sanitize_style(s.style);
  auto style = [&] { attr(o, "style", st); };
  switch (s.kind) {
    case ShapeKind::Rect:
    case ShapeKind::RoundRect:
    case ShapeKind::Stadium:
    case ShapeKind::Note:
    case ShapeKind::Bar: {
      double rx = s.kind == ShapeKind::Stadium ? b.h / 2 : s.kind == ShapeKind::RoundRect ? (s.rx ? s.rx : 5) : s.rx;
      o += "<rect x=\"" + fmt_num(b.x) + "\" y=\"" + fmt_num(b.y) + "\" width=\"" + fmt_num(b.w) +
           "\" height=\"" + fmt_num(b.h) + "\"";
      if (rx > 0) o += " rx=\"" + fmt_num(rx) + "\" ry=\"" + fmt_num(rx) + "\"";
      style();
      o += "/>";
      break;
    }
    case ShapeKind::Subroutine: {
      o += "<rect x=\"" + fmt_num(b.x) + "\" y=\"" + fmt_num(b.y) + "\" width=\"" + fmt_num(b.w) +
           "\" height=\"" + fmt_num(b.h) + "\"";
      style();
      o += "/><path class=\"inner\" d=\"M" + fmt_num(b.x + 8) + "," + fmt_num(b.y) + "V" +
           fmt_num(b.bottom()) + "M" + fmt_num(b.right() - 8) + "," + fmt_num(b.y) + "V" +
           fmt_num(b.bottom()) + "\"";
      style();
      o += "/>";
      break;
    }
    case ShapeKind::Cylinder: {
      double ry = std::min(b.h / 6, 10.0), rx = b.w / 2;
      std::string r = fmt_num(rx) + "," + fmt_num(ry) + " 0 0,0 ";
      o += "<path d=\"M" + fmt_num(b.x) + "," + fmt_num(b.y + ry) + "a" + r + fmt_num(b.w) + ",0a" + r +
           fmt_num(-b.w) + ",0v" + fmt_num(b.h - 2 * ry) + "a" + r + fmt_num(b.w) + ",0v" +
           fmt_num(-(b.h - 2 * ry)) + "\"";
      style();
      o += "/>";
      break;
    }
    case ShapeKind::Circle:
    case ShapeKind::Ellipse:
    case ShapeKind::FilledCircle:
    case ShapeKind::DoubleCircle:
    case ShapeKind::BullsEye: {
      o += "<ellipse cx=\"" + fmt_num(b.cx()) + "\" cy=\"" + fmt_num(b.cy()) + "\" rx=\"" +
           fmt_num(b.w / 2) + "\" ry=\"" + fmt_num(b.h / 2) + "\"";
      style();
      o += "/>";
      if (s.kind == ShapeKind::DoubleCircle || s.kind == ShapeKind::BullsEye) {
        double in = s.kind == ShapeKind::BullsEye ? std::min(b.w, b.h) / 4 : 5;
        o += "<ellipse class=\"inner\" cx=\"" + fmt_num(b.cx()) + "\" cy=\"" + fmt_num(b.cy()) +
             "\" rx=\"" + fmt_num(b.w / 2 - in) + "\" ry=\"" + fmt_num(b.h / 2 - in) + "\"";
        style();
        o += "/>";
      }
      break;
    }
    case ShapeKind::Line: {
      o += "<polyline points=\"";
      for (size_t i = 0; i < s.points.size(); ++i) {
        if (i) o += ' ';
        pt(o, s.points[i]);
      }
      o += "\"";
      style();
      o += "/>";
      break;
    }
    default: {
      std::vector<Point> ps = polygon_points(s);
      o += "<polygon points=\"";
      for (size_t i = 0; i < ps.size(); ++i) {
        if (i) o += ' ';
        pt(o, ps[i]);
      }
      o += "\"";
      style();
      o += "/>";
      break;
    }
  }
  o += "</g>\n";
}

// A smooth curve through every point (Catmull-Rom as cubic Béziers), so the ends stay exactly
// where layout put them: on the nodes' borders.
std::string path_d(const Path& p) {
  std::string d = "M";
  pt(d, p.points[0]);
  const size_t n = p.points.size();
  if (!p.curved || n < 3) {
    for (size_t i = 1; i < n; ++i) {
      d += 'L';
      pt(d, p.points[i]);
    }
    return d;
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    Point p0 = p.points[i ? i - 1 : 0], p1 = p.points[i], p2 = p.points[i + 1];
    Point p3 = p.points[i + 2 < n ? i + 2 : n - 1];
    Point c1{p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6};
    Point c2{p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6};
    d += 'C';
    pt(d, c1);
    d += ' ';
    pt(d, c2);
    d += ' ';
    pt(d, p2);
  }
  return d;
}

const char* marker_name(Marker m) {
  switch (m) {
    case Marker::Arrow: return "arrow";
    case Marker::Cross: return "cross";
    case Marker::Circle: return "circle";
    case Marker::OpenArrow: return "open";
    case Marker::Triangle: return "triangle";
    case Marker::Diamond: return "diamond";
    case Marker::FilledDiamond: return "fdiamond";
    case Marker::ZeroOrOne: return "zero-one";
    case Marker::ExactlyOne: return "one";
    case Marker::ZeroOrMore: return "zero-many";
    case Marker::OneOrMore: return "one-many";
    case Marker::HalfArrowTop: return "half-top";
    case Marker::HalfArrowBottom: return "half-bottom";
    case Marker::StickTop: return "stick-top";
    case Marker::StickBottom: return "stick-bottom";
    case Marker::None: break;
  }
  return "";
}

// One marker: drawn for an end (tip at the path's last point, pointing along it); the start
// variant is the mirror image so it points back out of the path's first point.
void write_marker(std::string& o, const std::string& root, Marker m, bool start) {
  double w = 12, h = 12;
  std::string body;
  bool filled = true;
  switch (m) {
    case Marker::Arrow: body = "M0,0L12,6L0,12z"; break;
    case Marker::Cross: body = "M1,1L11,11M11,1L1,11"; filled = false; break;
    case Marker::Circle: body = "M2,6a5,5 0 1,0 10,0a5,5 0 1,0 -10,0z"; break;
    case Marker::OpenArrow: body = "M0,0L12,6L0,12"; filled = false; break;
    case Marker::Triangle: w = 18; h = 18; body = "M0,0L18,9L0,18z"; filled = false; break;
    case Marker::Diamond: w = 20; h = 12; body = "M0,6L10,0L20,6L10,12z"; filled = false; break;
    case Marker::FilledDiamond: w = 20; h = 12; body = "M0,6L10,0L20,6L10,12z"; break;
    case Marker::ZeroOrOne: w = 20; h = 18; body = "M20,9H0M14,1V17M2,9a4,4 0 1,0 8,0a4,4 0 1,0 -8,0"; filled = false; break;
    case Marker::ExactlyOne: w = 20; h = 18; body = "M20,9H0M14,1V17M8,1V17"; filled = false; break;
    case Marker::ZeroOrMore: w = 24; h = 18; body = "M24,9H0M24,1L12,9L24,17M2,9a4,4 0 1,0 8,0a4,4 0 1,0 -8,0"; filled = false; break;
    case Marker::OneOrMore: w = 24; h = 18; body = "M24,9H0M24,1L12,9L24,17M6,1V17"; filled = false; break;
    case Marker::HalfArrowTop: body = "M0,0L12,6L0,6z"; break;
    case Marker::HalfArrowBottom: body = "M0,6L12,6L0,12z"; break;
    case Marker::StickTop: body = "M0,0L12,6"; filled = false; break;
    case Marker::StickBottom: body = "M0,12L12,6"; filled = false; break;
    case Marker::None: return;
  }
  std::string id = root + "-" + marker_name(m) + (start ? "-start" : "-end");
  o += "<marker id=\"" + id + "\" class=\"marker\" viewBox=\"0 0 " + fmt_num(w) + " " + fmt_num(h) +
       "\" refX=\"" + fmt_num(start ? 0 : w) + "\" refY=\"" + fmt_num(h / 2) +
       "\" markerWidth=\"" + fmt_num(w) + "\" markerHeight=\"" + fmt_num(h) +
       "\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">";
  o += "<path d=\"" + body + "\"";
  if (start) o += " transform=\"translate(" + fmt_num(w) + ",0) scale(-1,1)\"";
  o += filled ? " class=\"marker-fill\"" : " class=\"marker-line\"";
  o += "/></marker>";
}

void write_text(std::string& o, const Text& t) {
  const double lh = line_height(t.size);
  const double n = static_cast<double>(t.lines.size());
  // Baseline of line i: its centre plus about a third of the size (DejaVu's cap height / 2).
  const double first = t.at.y - n * lh / 2 + lh / 2 + t.size * 0.35;
  o += "<text";
  common_attrs(o, t.role, t.css_class, t.id, t.style);
  o += " x=\"" + fmt_num(t.at.x) + "\" y=\"" + fmt_num(first) + "\"";
  if (t.anchor != Anchor::Start)
    o += t.anchor == Anchor::Middle ? " text-anchor=\"middle\"" : " text-anchor=\"end\"";
  if (t.size != 16) o += " font-size=\"" + fmt_num(t.size) + "\"";
  if (t.bold) o += " font-weight=\"bold\"";
  if (t.italic) o += " font-style=\"italic\"";
  o += '>';
  if (t.lines.size() == 1) {
    o += xml_escape(t.lines[0]);
  } else {
    for (size_t i = 0; i < t.lines.size(); ++i) {
      o += "<tspan x=\"" + fmt_num(t.at.x) + "\"";
      if (i) o += " dy=\"" + fmt_num(lh) + "\"";
      o += '>';
      o += xml_escape(t.lines[i]);
      o += "</tspan>";
    }
  }
  o += "</text>\n";
}

std::string stylesheet(const std::string& r, const Palette& p) {
  std::string s;
  // Every selector of a list is scoped by the root id (the diagram's class, e.g. "state", is
  // on the root itself and must not match it).
  auto rule = [&](std::string_view sel, std::string_view body) {
    if (sel.empty()) {
      s += '#';
      s += r;
    }
    bool first = true;
    while (!sel.empty()) {
      size_t comma = sel.find(',');
      std::string_view one = sel.substr(0, comma);
      sel = comma == std::string_view::npos ? std::string_view() : sel.substr(comma + 1);
      if (!first) s += ',';
      first = false;
      s += '#';
      s += r;
      s += ' ';
      s += one;
    }
    s += '{';
    s += body;
    s += "}\n";
  };
  std::string fam(kFontFamily);
  rule("", "font-family:" + fam + ";font-size:16px;fill:" + std::string(p.text) + ";background:" + p.background);
  rule(".background", std::string("fill:") + p.background);
  rule(".node rect,.node polygon,.node ellipse,.node path,.state rect,.state ellipse,.state polygon",
       std::string("fill:") + p.node_fill + ";stroke:" + p.node_stroke + ";stroke-width:1px");
  rule(".node .inner", "fill:none");
  rule(".cluster", std::string("fill:") + p.cluster_fill + ";stroke:" + p.cluster_stroke + ";stroke-width:1px");
  rule(".note rect,.note polygon", std::string("fill:") + p.note_fill + ";stroke:" + p.note_stroke);
  rule("text", std::string("fill:") + p.text + ";stroke:none");
  rule(".edge,.transition,.message,.relation", std::string("fill:none;stroke:") + p.line + ";stroke-width:2px");
  rule(".thick", "stroke-width:3.5px");
  rule(".invisible", "stroke:none");
  rule(".dashed", "stroke-dasharray:3");
  rule(".dotted", "stroke-dasharray:2 4");
  rule(".edge-label-bg rect", std::string("fill:") + p.label_bg + ";stroke:none");
  rule(".start-state ellipse,.end-state .inner,.fork rect", std::string("fill:") + p.line + ";stroke:" + p.line);
  rule(".end-state ellipse", std::string("fill:") + p.background + ";stroke:" + p.line);
  // Sequence diagrams (sequence_render): participants as nodes, dashed frames, grey lifelines.
  rule(".actor rect,.actor path,.actor-man ellipse,.frame-tab polygon",
       std::string("fill:") + p.node_fill + ";stroke:" + p.node_stroke + ";stroke-width:1px");
  rule(".actor-man polyline", std::string("fill:none;stroke:") + p.node_stroke + ";stroke-width:2px");
  rule(".lifeline polyline", "fill:none;stroke:#999;stroke-width:1px");
  rule(".activation rect", std::string("fill:") + p.background + ";stroke:" + p.line + ";stroke-width:1px");
  rule(".frame rect", std::string("fill:none;stroke:") + p.node_stroke + ";stroke-width:2px;stroke-dasharray:2 2");
  rule(".frame-divider polyline", std::string("fill:none;stroke:") + p.node_stroke + ";stroke-width:2px;stroke-dasharray:3 3");
  rule(".destroy polyline", std::string("fill:none;stroke:") + p.line + ";stroke-width:2px");
  rule(".sequence-number ellipse", std::string("fill:") + p.line + ";stroke:none");
  rule(".sequence-number-text", std::string("fill:") + p.background);
  rule(".sequence-box", std::string("fill:none;stroke:") + p.line + ";stroke-width:0.5px");
  // ER entities and class boxes (er_render, class_render).
  rule(".entity rect,.class-box rect,.interface ellipse",
       std::string("fill:") + p.node_fill + ";stroke:" + p.node_stroke + ";stroke-width:1px");
  rule(".attribute-row-odd rect", std::string("fill:") + p.background + ";stroke:" + p.node_stroke + ";stroke-width:1px");
  rule(".attribute-row-even rect", std::string("fill:") + p.label_bg + ";stroke:" + p.node_stroke + ";stroke-width:1px");
  rule(".class-divider polyline,.divider polyline", std::string("fill:none;stroke:") + p.node_stroke + ";stroke-width:1px");
  rule(".note-link", std::string("fill:none;stroke:") + p.line + ";stroke-width:1px;stroke-dasharray:3");
  rule(".marker-fill", std::string("fill:") + p.line + ";stroke:none");
  rule(".marker-line", std::string("fill:none;stroke:") + p.line + ";stroke-width:1.5px");
  return s;
}

}  // namespace

std::string fmt_num(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string xml_escape(std::string_view text) {
  std::string o;
  o.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
        o += c;
    }
  }
  return o;
}

std::string sanitize_style(std::string_view in) {
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    // One declaration: up to a ';' or a ',' outside parentheses.
    int depth = 0;
    size_t j = i;
    for (; j < in.size(); ++j) {
      char c = in[j];
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if ((c == ';' || c == ',') && depth == 0) break;
    }
    std::string_view decl = in.substr(i, j - i);
    i = j + 1;
    size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    auto trim = [](std::string_view s) {
      while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
      return s;
    };
    std::string_view name = trim(decl.substr(0, colon));
    std::string_view value = trim(decl.substr(colon + 1));
    if (name.empty() || value.empty()) continue;
    bool ok = true;
    for (char c : name) ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-');
    std::string lower;
    for (char c : value) {
      if (c == '<' || c == '>' || c == '"' || c == '\'' || c == '{' || c == '}' || c == '\\' ||
          c == '@' || c == '&' || static_cast<unsigned char>(c) < 0x20)
        ok = false;
      lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (lower.find("url(") != std::string::npos || lower.find("expression") != std::string::npos ||
        lower.find("javascript") != std::string::npos || lower.find("image") != std::string::npos)
      ok = false;
    if (!ok) continue;
    if (!out.empty()) out += ';';
    out.append(name);
    out += ':';
    out.append(value);
  }
  return out;
}

std::string write_svg(const Scene& scene, const SvgOptions& options) {
  const std::string root = safe_id(options.id);
  const Palette& pal = palette(options.theme);
  std::string o;
  o.reserve(4096 + 300 * (scene.shapes.size() + scene.paths.size() + scene.texts.size()));
  const std::string w = fmt_num(std::ceil(scene.width)), h = fmt_num(std::ceil(scene.height));
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + root + "\" class=\"specgate " +
       safe_id(scene.diagram) + "\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w +
       " " + h + "\" role=\"img\">\n<style>\n" + stylesheet(root, pal) + "</style>\n";
  // Only the markers the scene uses, each once, in a fixed order.
  bool used[2][16] = {};
  for (const Path& p : scene.paths) {
    if (p.thickness <= 0) continue;
    used[0][static_cast<int>(p.start)] = true;
    used[1][static_cast<int>(p.end)] = true;
  }
  std::string defs;
  for (int m = 1; m < 16; ++m) {
    if (used[0][m]) write_marker(defs, root, static_cast<Marker>(m), true);
    if (used[1][m]) write_marker(defs, root, static_cast<Marker>(m), false);
  }
  if (!defs.empty()) o += "<defs>" + defs + "</defs>\n";
  o += "<rect class=\"background\" width=\"" + w + "\" height=\"" + h + "\"/>\n";
  for (const Cluster& c : scene.clusters) {
    o += "<rect";
    common_attrs(o, "cluster", c.css_class, c.id, c.style);
    o += " x=\"" + fmt_num(c.box.x) + "\" y=\"" + fmt_num(c.box.y) + "\" width=\"" + fmt_num(c.box.w) +
         "\" height=\"" + fmt_num(c.box.h) + "\"/>\n";
  }
  for (const Path& p : scene.paths) {
    if (p.points.size() < 2) continue;
    std::string cls = p.css_class;
    // An invisible link (~~~) is laid out and kept in the SVG, but not stroked.
    const bool invisible = p.thickness <= 0;
    if (invisible) cls += std::string(cls.empty() ? "" : " ") + "invisible";
    if (p.dash != Dash::Solid) cls += std::string(cls.empty() ? "" : " ") + (p.dash == Dash::Dashed ? "dashed" : "dotted");
    if (p.thickness > 2.5) cls += std::string(cls.empty() ? "" : " ") + "thick";
    o += "<path";
    common_attrs(o, p.role, cls, p.id, p.style);
    o += " d=\"" + path_d(p) + "\"";
    if (p.start != Marker::None && !invisible)
      o += " marker-start=\"url(#" + root + "-" + marker_name(p.start) + "-start)\"";
    if (p.end != Marker::None && !invisible)
      o += " marker-end=\"url(#" + root + "-" + marker_name(p.end) + "-end)\"";
    o += "/>\n";
  }
  for (const Shape& s : scene.shapes) write_shape(o, s);
  for (const Text& t : scene.texts) write_text(o, t);
  o += "</svg>\n";
  return o;
}

}  // namespace specgate::render
