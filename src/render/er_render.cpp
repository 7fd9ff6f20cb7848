#include "render/er_render.h"

#include <algorithm>
#include <array>

#include "render/box_graph.h"
#include "render/label_text.h"
#include "render/renderers.h"
#include "render/styles.h"

namespace specgate::render {
namespace {

using mermaid::ErCardinality;
using mermaid::ErModel;

constexpr double kNameSize = 16;
constexpr double kAttrSize = 14;
constexpr double kPad = 10;        // around the name and in each attribute cell
constexpr double kMinW = 100;      // Mermaid's minEntityWidth
constexpr double kMinH = 75;       // minEntityHeight, for an entity without attributes

Marker marker(ErCardinality c) {
  switch (c) {
    case ErCardinality::ZeroOrOne: return Marker::ZeroOrOne;
    case ErCardinality::ExactlyOne: return Marker::ExactlyOne;
    case ErCardinality::ZeroOrMore: return Marker::ZeroOrMore;
    case ErCardinality::OneOrMore: return Marker::OneOrMore;
    case ErCardinality::MdParent: return Marker::None;  // no marker of its own: a plain end
  }
  return Marker::None;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

struct EntityLayout {
  std::vector<std::string> name;
  std::vector<std::array<std::string, 4>> rows;  // type, name, keys, comment
  std::array<double, 4> col{};                   // column widths (0: column unused)
  double name_h = 0;
  double row_h = 0;
  TextSize size;
};

EntityLayout measure(const mermaid::ErEntity& e) {
  EntityLayout l;
  l.name = label_lines(e.label);
  TextSize n = measure_lines(l.name, kNameSize);
  l.name_h = n.height + kPad;
  l.row_h = line_height(kAttrSize);
  for (const auto& a : e.attributes) {
    std::array<std::string, 4> r{a.type, a.name, join(a.keys), a.comment};
    for (size_t c = 0; c < 4; ++c) {
      r[c] = label_lines(r[c]).front();
      if (!r[c].empty()) l.col[c] = std::max(l.col[c], text_width(r[c], kAttrSize) + 2 * kPad);
    }
    l.rows.push_back(std::move(r));
  }
  double table_w = 0;
  for (double c : l.col) table_w += c;
  l.size.width = std::max({kMinW, n.width + 2 * kPad, table_w});
  // Spare width goes to the last used column so the table fills the box.
  if (!l.rows.empty() && table_w < l.size.width) {
    size_t last = 0;
    for (size_t c = 0; c < 4; ++c)
      if (l.col[c] > 0) last = c;
    l.col[last] += l.size.width - table_w;
  }
  l.size.height = l.rows.empty() ? std::max(kMinH, l.name_h + kPad) : l.name_h + l.row_h * static_cast<double>(l.rows.size());
  return l;
}

}  // namespace

Scene layout_er(const ErModel& m) {
  Scene sc;
  sc.diagram = "er";
  std::vector<EntityLayout> ents;
  std::vector<TextSize> sizes;
  for (const auto& e : m.entities) {
    ents.push_back(measure(e));
    sizes.push_back(ents.back().size);
  }
  std::vector<BoxEdge> edges;
  for (size_t k = 0; k < m.relations.size(); ++k) {
    const auto& r = m.relations[k];
    BoxEdge e;
    e.from = static_cast<size_t>(m.find(r.a));
    e.to = static_cast<size_t>(m.find(r.b));
    if (!r.label.empty()) e.label = label_lines(r.label);
    e.start = marker(r.card_a);
    e.end = marker(r.card_b);
    e.dash = r.identifying ? Dash::Solid : Dash::Dashed;
    e.id = "rel" + std::to_string(k);
    edges.push_back(std::move(e));
  }
  std::vector<Box> boxes = draw_box_graph(sizes, edges, parse_direction(m.direction), sc);
  for (size_t i = 0; i < ents.size(); ++i) {
    const auto& e = m.entities[i];
    const EntityLayout& l = ents[i];
    const Box& b = boxes[i];
    Shape box;
    box.kind = ShapeKind::Rect;
    box.role = "entity";
    box.id = e.id;
    box.box = b;
    for (const std::string& c : e.classes) box.css_class += (box.css_class.empty() ? "" : " ") + c;
    // classDef / class / ::: / style, as the flowchart's nodes take them: the box every
    // declaration, its texts the colour and font ones.
    box.style = composed_style(m.class_defs, e.classes, e.style);
    const std::string text_style = text_style_of(box.style);
    sc.shapes.push_back(box);
    Text name;
    name.lines = l.name;
    name.at = {b.cx(), l.rows.empty() ? b.cy() : b.y + l.name_h / 2};
    name.role = "entity-name";
    name.id = e.id;
    name.style = text_style;
    sc.texts.push_back(std::move(name));
    double y = b.y + l.name_h;
    for (size_t r = 0; r < l.rows.size(); ++r) {
      Shape row;
      row.kind = ShapeKind::Rect;
      row.role = r % 2 ? "attribute-row-even" : "attribute-row-odd";
      row.id = e.id;
      row.box = {b.x, y, b.w, l.row_h};
      sc.shapes.push_back(row);
      double x = b.x;
      for (size_t c = 0; c < 4; ++c) {
        if (l.col[c] <= 0) continue;
        if (!l.rows[r][c].empty()) {
          Text t;
          t.lines = {l.rows[r][c]};
          t.at = {x + kPad, y + l.row_h / 2};
          t.anchor = Anchor::Start;
          t.size = kAttrSize;
          t.role = c == 0 ? "attribute-type" : c == 1 ? "attribute-name" : c == 2 ? "attribute-keys" : "attribute-comment";
          t.id = e.id;
          t.style = text_style;
          sc.texts.push_back(std::move(t));
        }
        x += l.col[c];
      }
      y += l.row_h;
    }
  }
  return sc;
}

bool draw_er(std::string_view source, DrawContext& ctx) {
  mermaid::ErParse parsed = mermaid::parse_er(source);
  ctx.result = parsed.result;
  if (!parsed.result.valid) return false;
  if (parsed.model.entities.size() > kMaxNodes) {
    ctx.note = "the ER diagram has " + std::to_string(parsed.model.entities.size()) + " entities; specgate draws at most " +
               std::to_string(kMaxNodes);
    return false;
  }
  ctx.scene = layout_er(parsed.model);
  return true;
}

}  // namespace specgate::render
