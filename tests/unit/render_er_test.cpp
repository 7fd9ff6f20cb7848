// ER diagrams drawn (render/er_render): complete (every entity, attribute cell and relationship
// label of the model in the SVG, one path per relationship with both cardinality markers),
// readable (entity boxes apart, texts inside their boxes, relation ends on the boxes' borders),
// deterministic and escaped. Over fixtures, the corpus and the seeds.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "mermaid/er_model.h"
#include "render/er_render.h"
#include "render/label_text.h"
#include "render/render.h"
#include "render/svg_writer.h"
#include "render/text_metrics.h"
#include "support/mermaid_corpus.h"

using namespace specgate::render;
using specgate::mermaid::parse_er;

namespace {

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t i = hay.find(needle); i != std::string::npos; i = hay.find(needle, i + needle.size())) ++n;
  return n;
}

Box text_box(const Text& t) {
  TextSize s = measure_lines(t.lines, t.size, t.bold);
  double x = t.anchor == Anchor::Start ? t.at.x : t.anchor == Anchor::Middle ? t.at.x - s.width / 2 : t.at.x - s.width;
  return {x, t.at.y - s.height / 2, s.width, s.height};
}

void check(const std::string& src) {
  auto p = parse_er(src);
  ASSERT_TRUE(p.result.valid);
  const Scene sc = layout_er(p.model);
  const std::string svg = write_svg(sc);
  EXPECT_EQ(svg, write_svg(layout_er(parse_er(src).model)));
  auto has = [&](const std::string& text) {
    for (const std::string& line : label_lines(text)) {
      if (!line.empty()) {
        EXPECT_NE(svg.find(">" + xml_escape(line) + "<"), std::string::npos) << line;
      }
    }
  };
  std::vector<const Shape*> boxes;
  for (const Shape& s : sc.shapes)
    if (s.role == "entity") boxes.push_back(&s);
  ASSERT_EQ(boxes.size(), p.model.entities.size());
  for (const auto& e : p.model.entities) {
    has(e.label);
    for (const auto& a : e.attributes) {
      has(a.type);
      has(a.name);
      has(a.comment);
      for (const auto& k : a.keys) EXPECT_NE(svg.find(k), std::string::npos);
    }
  }
  EXPECT_EQ(count(svg, "<path class=\"relation"), p.model.relations.size());
  for (const auto& r : p.model.relations) has(r.label);
  // Boxes apart; every entity text inside its own box.
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(boxes[i]->box.overlaps(boxes[j]->box));
  for (const Text& t : sc.texts) {
    if (t.role.rfind("attribute", 0) != 0 && t.role != "entity-name") continue;
    bool inside = false;
    for (const Shape* b : boxes) inside = inside || (b->id == t.id && b->box.contains(text_box(t)));
    EXPECT_TRUE(inside) << t.lines[0];
  }
  // Relation ends on the borders of their entities.
  for (size_t k = 0; k < sc.paths.size(); ++k) {
    const Path& path = sc.paths[k];
    const auto& r = p.model.relations[k];
    if (r.a == r.b) continue;
    auto on_border = [&](const Point& q, const std::string& id) {
      for (const Shape* b : boxes) {
        if (b->id != id) continue;
        const Box& x = b->box;
        bool in = q.x >= x.x - 0.5 && q.x <= x.right() + 0.5 && q.y >= x.y - 0.5 && q.y <= x.bottom() + 0.5;
        bool edge = std::abs(q.x - x.x) < 0.5 || std::abs(q.x - x.right()) < 0.5 || std::abs(q.y - x.y) < 0.5 ||
                    std::abs(q.y - x.bottom()) < 0.5;
        return in && edge;
      }
      return false;
    };
    EXPECT_TRUE(on_border(path.points.front(), r.a)) << r.a;
    EXPECT_TRUE(on_border(path.points.back(), r.b)) << r.b;
  }
}

TEST(ErRender, Fixture) {
  check(
      "erDiagram\n"
      "  CUSTOMER ||--o{ ORDER : places\n"
      "  ORDER ||--|{ LINE-ITEM : contains\n"
      "  CUSTOMER }|..|{ DELIVERY-ADDRESS : uses\n"
      "  CUSTOMER {\n"
      "    string name PK \"the <b>full</b> name & title\"\n"
      "    int age\n"
      "  }\n"
      "  ORDER |o--o| ORDER : \"follows\"\n");
  RenderResult r = render_svg("erDiagram\n  A ||--o{ B : \"x < y & z\"\n");
  ASSERT_TRUE(r.drawn());
  EXPECT_EQ(r.type, "erDiagram");
  EXPECT_NE(r.svg.find("x &lt; y &amp; z"), std::string::npos);
  EXPECT_NE(r.svg.find("marker-start"), std::string::npos);
  EXPECT_NE(r.svg.find("marker-end"), std::string::npos);
}

// classDef / class / ::: / style colour the entity box (every safe declaration) and its texts
// (colour and font), by the flowchart's one style model; unsafe values never reach the SVG.
TEST(ErRender, Styles) {
  const std::string src =
      "erDiagram\n"
      "  CUSTOMER ||--o{ ORDER : places\n"
      "  CUSTOMER {\n"
      "    string name\n"
      "  }\n"
      "  ORDER:::hot\n"
      "  classDef hot fill:#f96,stroke:#333,stroke-width:4px,color:#fff\n"
      "  classDef evil fill:javascript,stroke:red\n"
      "  class CUSTOMER evil\n"
      "  style ORDER stroke-dasharray:5 5\n";
  RenderResult r = render_svg(src);
  ASSERT_TRUE(r.drawn());
  EXPECT_NE(r.svg.find("<g class=\"entity hot\" data-id=\"ORDER\"><rect"), std::string::npos);
  EXPECT_NE(r.svg.find("style=\"fill:#f96;stroke:#333;stroke-width:4px;color:#fff;stroke-dasharray:5 5\""),
            std::string::npos);
  EXPECT_NE(r.svg.find("class=\"entity-name\" data-id=\"ORDER\" style=\"fill:#fff\""), std::string::npos);
  EXPECT_NE(r.svg.find("style=\"stroke:red\""), std::string::npos);
  EXPECT_EQ(r.svg.find("javascript"), std::string::npos);
  for (const Text& t : r.scene.texts)
    if (t.id == "CUSTOMER" && t.role == "attribute-name") {
      EXPECT_EQ(t.style, "");
    }
}

TEST(ErRender, Corpus) {
  using specgate::test::Seeds;
  const size_t checked =
      specgate::test::for_each_corpus_diagram("erDiagram", Seeds::kWith, [](const std::string& src) { check(src); });
  if (checked == 0) GTEST_SKIP() << "no ../shared corpus";
}

}  // namespace
