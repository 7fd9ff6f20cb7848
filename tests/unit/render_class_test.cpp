// Class diagrams drawn (render/class_render): complete (every class name, member, note,
// relation label and cardinality of the model in the SVG, one path per relation with its UML
// ends), readable (boxes apart, texts inside their boxes, relation ends on the borders,
// namespace boxes around their classes), deterministic and escaped. Fixtures and the corpus.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "mermaid/class_model.h"
#include "render/box_graph.h"
#include "render/class_render.h"
#include "render/label_text.h"
#include "render/render.h"
#include "render/svg_writer.h"
#include "render/text_metrics.h"
#include "support/mermaid_corpus.h"

using namespace specgate::render;
using specgate::mermaid::parse_class;

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
  auto p = parse_class(src);
  ASSERT_TRUE(p.result.valid);
  const auto& m = p.model;
  const Scene sc = layout_class(m);
  const std::string svg = write_svg(sc);
  EXPECT_EQ(svg, write_svg(layout_class(parse_class(src).model)));
  auto has = [&](const std::string& text) {
    for (const std::string& line : label_lines(text)) {
      if (!line.empty()) {
        EXPECT_NE(svg.find(xml_escape(line)), std::string::npos) << line;
      }
    }
  };
  std::vector<const Shape*> boxes;
  for (const Shape& s : sc.shapes)
    if (s.role == "class-box" || s.role == "note") boxes.push_back(&s);
  ASSERT_EQ(boxes.size(), m.classes.size() + m.notes.size());
  for (const auto& c : m.classes) {
    has(c.label);
    for (const auto& a : c.annotations) has(a);
    for (const auto& mem : c.members)
      for (const std::string& line : label_lines(mem.text))
        EXPECT_NE(svg.find(xml_escape(class_member_text(line, nullptr, mem.method))), std::string::npos) << line;
  }
  for (const auto& n : m.notes) has(n.text);
  for (const auto& i : m.interfaces) has(i.label);
  size_t linked_notes = 0;
  for (const auto& n : m.notes) linked_notes += !n.for_class.empty();
  EXPECT_EQ(count(svg, "<path class=\"relation"), m.relations.size());
  EXPECT_EQ(count(svg, "<path class=\"note-link"), linked_notes);
  for (const auto& r : m.relations) {
    has(r.label);
    has(r.card_a);
    has(r.card_b);
  }
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) EXPECT_FALSE(boxes[i]->box.overlaps(boxes[j]->box)) << boxes[i]->id;
  for (const Text& t : sc.texts) {
    if (t.role != "class-name" && t.role != "class-member" && t.role != "note-text") continue;
    bool inside = false;
    for (const Shape* b : boxes) inside = inside || (b->id == t.id && b->box.contains(text_box(t)));
    EXPECT_TRUE(inside) << t.lines[0];
  }
  for (const Path& path : sc.paths) {
    if (path.role != "relation") continue;
    const size_t k = static_cast<size_t>(std::stoul(path.id.substr(3)));
    const auto& r = m.relations[k];
    if (r.a == r.b) continue;
    for (const auto& [q, id] : {std::pair{path.points.front(), r.a}, std::pair{path.points.back(), r.b}}) {
      bool ok = false;
      for (const Shape& s : sc.shapes) {
        if (s.id != id || (s.role != "class-box" && s.role != "interface")) continue;
        Box x = s.role == "interface" ? Box{s.box.x - 100, s.box.y - 4, s.box.w + 200, 100} : s.box;
        bool in = q.x >= x.x - 0.5 && q.x <= x.right() + 0.5 && q.y >= x.y - 0.5 && q.y <= x.bottom() + 0.5;
        bool edge = s.role == "interface" || std::abs(q.x - x.x) < 0.5 || std::abs(q.x - x.right()) < 0.5 ||
                    std::abs(q.y - x.y) < 0.5 || std::abs(q.y - x.bottom()) < 0.5;
        ok = ok || (in && edge);
      }
      EXPECT_TRUE(ok) << id;
    }
  }
  // Namespaces are clusters of the layout: each box holds its classes and nested namespaces,
  // and no other class box or namespace box overlaps it.
  std::map<std::string, std::string> parent;
  for (const auto& ns : m.namespaces) parent.emplace(ns.name, ns.parent);
  auto within = [&](std::string ns, const std::string& outer) {  // ns is outer or nested in it
    for (size_t d = 0; !ns.empty() && d < 64; ++d, ns = parent[ns])
      if (ns == outer) return true;
    return false;
  };
  std::set<std::string> distinct;
  for (const auto& ns : m.namespaces) distinct.insert(ns.name);
  EXPECT_EQ(sc.clusters.size(), distinct.size());
  for (const Cluster& c : sc.clusters) {
    for (const Shape* b : boxes) {
      const int i = b->role == "class-box" ? m.find(b->id) : -1;
      const bool member = i >= 0 && within(m.classes[static_cast<size_t>(i)].name_space, c.id);
      if (member) {
        EXPECT_TRUE(c.box.contains(b->box)) << c.id << " " << b->id;
      } else {
        EXPECT_FALSE(c.box.overlaps(b->box)) << c.id << " " << b->id;
      }
    }
    for (const Cluster& o : sc.clusters) {
      if (&o == &c) continue;
      if (within(o.id, c.id)) {
        EXPECT_TRUE(c.box.contains(o.box)) << c.id << " " << o.id;
      } else if (!within(c.id, o.id)) {
        EXPECT_FALSE(c.box.overlaps(o.box)) << c.id << " " << o.id;
      }
    }
    EXPECT_TRUE((Box{0, 0, sc.width, sc.height}.contains(c.box))) << c.id;
  }
}

TEST(ClassRender, Fixture) {
  check(
      "classDiagram\n"
      "  class Animal~T~ {\n"
      "    <<abstract>>\n"
      "    +int age\n"
      "    +isMammal()* bool\n"
      "    +count()$ int\n"
      "  }\n"
      "  Animal <|-- Duck : is a\n"
      "  Zoo \"1\" *-- \"many\" Animal : holds\n"
      "  Zoo o-- Keeper\n"
      "  Duck ..> Pond\n"
      "  Duck ()-- Swimmer\n"
      "  Duck : +swim(List~int~ laps)\n"
      "  note for Duck \"can <fly> & swim\"\n"
      "  note \"free note\"\n"
      "  namespace Water {\n"
      "    class Pond\n"
      "  }\n");
  EXPECT_EQ(class_member_text("+isMammal()* bool"), "+isMammal() : bool");
  EXPECT_EQ(class_member_text("+swim(List~int~ laps)"), "+swim(List<int> laps)");
  RenderResult r = render_svg("classDiagram\n  A <|-- B : \"x < y & z\"\n");
  ASSERT_TRUE(r.drawn());
  EXPECT_NE(r.svg.find("x &lt; y &amp; z"), std::string::npos);
  EXPECT_TRUE(render_svg("classDiagram-v2\n  A <|-- B\n").drawn());
}

// classDef / cssClass / ::: / style colour the class box (every safe declaration) and its texts
// (colour and font), by the flowchart's one style model; unsafe values never reach the SVG.
TEST(ClassRender, Styles) {
  const std::string src =
      "classDiagram\n"
      "  class Animal:::warm {\n"
      "    +int age\n"
      "  }\n"
      "  class Duck\n"
      "  Animal <|-- Duck\n"
      "  classDef default stroke:#333\n"
      "  classDef warm fill:#f96,color:#fff\n"
      "  classDef cold,icy fill:#9cf\n"
      "  cssClass \"Duck\" cold\n"
      "  style Duck fill:#ccc,stroke-width:3px,stroke:javascript\n";
  check(src);
  RenderResult r = render_svg(src);
  ASSERT_TRUE(r.drawn());
  EXPECT_NE(r.svg.find("<g class=\"class-box warm\" data-id=\"Animal\"><rect x=\""), std::string::npos);
  EXPECT_NE(r.svg.find("style=\"stroke:#333;fill:#f96;color:#fff\""), std::string::npos);
  EXPECT_NE(r.svg.find("style=\"stroke:#333;fill:#9cf;fill:#ccc;stroke-width:3px\""), std::string::npos);
  EXPECT_EQ(r.svg.find("javascript"), std::string::npos);
  size_t white = 0;
  for (const Text& t : r.scene.texts) white += t.id == "Animal" && t.style == "fill:#fff";
  EXPECT_EQ(white, 2u);  // the name and the member
}

TEST(ClassRender, NamespacesAreLaidOutAsClusters) {
  // Siblings, nesting, a namespace opened twice, and relations into, out of and across them.
  const std::string src =
      "classDiagram\n"
      "  namespace Shop {\n"
      "    class Order\n"
      "    class Line\n"
      "    namespace Tax {\n"
      "      class Rate\n"
      "    }\n"
      "  }\n"
      "  namespace Billing {\n"
      "    class Invoice\n"
      "  }\n"
      "  namespace Shop {\n"
      "    class Cart\n"
      "  }\n"
      "  Customer --> Order : places\n"
      "  Order *-- Line\n"
      "  Line --> Rate\n"
      "  Invoice --> Order : bills\n"
      "  Cart --> Customer\n"
      "  note for Order \"an order\"\n";
  check(src);
  const Scene sc = layout_class(parse_class(src).model);
  ASSERT_EQ(sc.clusters.size(), 3u);
  // Drawn outer first: an inner namespace's box lies over its parent's.
  EXPECT_EQ(sc.clusters.back().id, "Tax");
  // A namespace's title sits in the band above its members.
  for (const Cluster& c : sc.clusters)
    for (const Text& t : sc.texts)
      if (t.role == "cluster-label" && t.id == c.id) {
        EXPECT_LT(t.at.y, c.box.y + kBoxClusterTitle) << c.id;
      }
  // Nesting beyond the limit is not drawn, with a note.
  std::string deep = "classDiagram\n";
  for (int i = 0; i < 55; ++i) deep += "namespace N" + std::to_string(i) + " {\n";
  deep += "class A\n";
  for (int i = 0; i < 55; ++i) deep += "}\n";
  if (parse_class(deep).result.valid) {
    RenderResult r = render_svg(deep);
    EXPECT_FALSE(r.drawn());
    EXPECT_NE(r.note.find("nested"), std::string::npos) << r.note;
  }
}

TEST(ClassRender, Corpus) {
  using specgate::test::Seeds;
  const size_t checked =
      specgate::test::for_each_corpus_diagram("classDiagram", Seeds::kWithout,
                                              [](const std::string& src) { check(src); });
  if (checked == 0) GTEST_SKIP() << "no ../shared corpus";
}

}  // namespace
