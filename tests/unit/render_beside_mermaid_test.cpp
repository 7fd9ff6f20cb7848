// Renderer bugs the side-by-side comparison with Mermaid 11.17.2 found (docs/rendering.md,
// "Beside Mermaid"), each checked through render_svg against what Mermaid itself draws.
#include <gtest/gtest.h>

#include <string>

#include "mermaid/class_model.h"
#include "mermaid/flowchart_model.h"
#include "mermaid/state_model.h"
#include "render/class_render.h"
#include "render/render.h"

namespace specgate::render {
namespace {

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// `A e1@==> B` names the edge; `e1@{ ... }` later sets the edge's data. Mermaid's addVertex
// returns early for an edge's id, so it draws two nodes and one edge.
TEST(BesideMermaid, EdgeIdsAreNotNodes) {
  auto p = mermaid::parse_flowchart("flowchart LR\n  A e1@==> B\n  A e2@--> C\n  e1@{ animate: true }\n"
                                    "  e2@{ curve: natural }\n  style e1 stroke:red\n");
  ASSERT_TRUE(p.result.valid);
  ASSERT_EQ(p.model.nodes.size(), 3u);
  EXPECT_EQ(p.model.nodes[2].id, "C");
  ASSERT_EQ(p.model.edges.size(), 2u);
  EXPECT_EQ(p.model.edges[0].id, "e1");
  EXPECT_EQ(p.model.edges[1].id, "e2");

  RenderResult r = render_svg("flowchart LR\n  A e1@==> B\n  e1@{ animate: true }\n");
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_EQ(count(r.svg, "<g class=\"node"), 2u);
  EXPECT_EQ(r.svg.find(">e1</text>"), std::string::npos);
}

// An id is an edge's only once that edge exists: named before it, it is a node.
TEST(BesideMermaid, IdBeforeItsEdgeIsANode) {
  auto p = mermaid::parse_flowchart("flowchart LR\n  e1\n  A e1@--> B\n");
  ASSERT_TRUE(p.result.valid);
  EXPECT_EQ(p.model.nodes.size(), 3u);
  EXPECT_EQ(p.model.edges.size(), 1u);
}

// Mermaid's ClassMember: generics in a method's name, parameters and return type become < >,
// and the return type follows " : " (gallery fixtures 11 and 12).
TEST(BesideMermaid, ClassMembersAsMermaidShowsThem) {
  bool italic = false;
  EXPECT_EQ(class_member_text("+check(Document doc) List~Diagnostic~", &italic), "+check(Document doc) : List<Diagnostic>");
  EXPECT_FALSE(italic);
  EXPECT_EQ(class_member_text("+check(Document doc)* List~Diagnostic~", &italic), "+check(Document doc) : List<Diagnostic>");
  EXPECT_TRUE(italic);
  EXPECT_EQ(class_member_text("+load(List~Path~ files) Map~K, V~"), "+load(List<Path> files) : Map<K, V>");
  EXPECT_EQ(class_member_text("+count()$ int"), "+count() : int");
  EXPECT_EQ(class_member_text("+size() int$"), "+size() : int");
  EXPECT_EQ(class_member_text("-List~List~int~~ grid", nullptr, false), "-List<List<int>> grid");
  EXPECT_EQ(class_member_text("+int total$", nullptr, false), "+int total");

  RenderResult r = render_svg("classDiagram\n  class Rule {\n    +check(Document doc) List~Diagnostic~\n  }\n");
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_NE(r.svg.find(">+check(Document doc) : List&lt;Diagnostic&gt;</text>"), std::string::npos) << r.svg;
}

// `class ids name` on a state nothing else names: Mermaid records it but draws nothing
// (corpus 0364); on a state declared later, the class still applies.
TEST(BesideMermaid, ClassOnAnUndeclaredStateDrawsNothing) {
  const char* src =
      "stateDiagram\n  classDef bad fill:#f00\n  class Still bad\n  [*] --> Still\n  Still --> [*]\n"
      "  class end bad\n  style ghost fill:#0f0\n  style Still stroke:red\n";
  auto p = mermaid::parse_state(src);
  ASSERT_TRUE(p.result.valid);
  EXPECT_EQ(p.model.index.count("end"), 0u);
  EXPECT_EQ(p.model.index.count("ghost"), 0u);
  ASSERT_EQ(p.model.index.count("Still"), 1u);
  const auto& still = p.model.nodes[p.model.index.at("Still")];
  EXPECT_EQ(still.classes, std::vector<std::string>{"bad"});
  EXPECT_EQ(still.style, "stroke:red");

  RenderResult r = render_svg(src);
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_EQ(r.svg.find(">end</text>"), std::string::npos);
  EXPECT_EQ(r.svg.find(">ghost</text>"), std::string::npos);
}

// A state keeps the shape of its first mention: `state d <<choice>>` after a transition that
// names `d` leaves it a plain state in Mermaid (gallery fixture 07); declared first, a diamond.
TEST(BesideMermaid, LateChoiceOrForkKeepsThePlainShape) {
  auto late = mermaid::parse_state("stateDiagram-v2\n  A --> d\n  state d <<choice>>\n  d --> B\n"
                                   "  B --> f\n  state f <<fork>>\n");
  ASSERT_TRUE(late.result.valid);
  EXPECT_EQ(late.model.nodes[late.model.index.at("d")].kind, mermaid::StateKind::Normal);
  EXPECT_EQ(late.model.nodes[late.model.index.at("f")].kind, mermaid::StateKind::Normal);
  auto early = mermaid::parse_state("stateDiagram-v2\n  state d <<choice>>\n  A --> d\n  d --> B\n"
                                    "  state d <<fork>>\n");
  ASSERT_TRUE(early.result.valid);
  EXPECT_EQ(early.model.nodes[early.model.index.at("d")].kind, mermaid::StateKind::Choice);

  RenderResult r = render_svg("stateDiagram-v2\n  A --> d\n  state d <<choice>>\n  d --> B\n");
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_NE(r.svg.find("data-id=\"d\"><rect"), std::string::npos);
  EXPECT_NE(render_svg("stateDiagram-v2\n  state d <<choice>>\n  A --> d\n").svg.find("data-id=\"d\"><polygon"),
            std::string::npos);
}

// Concurrent regions (`--`) each get their own start and end states, as in Mermaid (corpus 0361).
TEST(BesideMermaid, StartStatePerConcurrentRegion) {
  const char* src =
      "stateDiagram-v2\n  [*] --> Active\n  state Active {\n    [*] --> A1\n    A1 --> [*]\n    --\n"
      "    [*] --> B1\n    B1 --> [*]\n    --\n    [*] --> C1\n  }\n";
  auto p = mermaid::parse_state(src);
  ASSERT_TRUE(p.result.valid);
  size_t starts = 0, ends = 0;
  for (const auto& n : p.model.nodes) {
    starts += n.kind == mermaid::StateKind::Start;
    ends += n.kind == mermaid::StateKind::End;
  }
  EXPECT_EQ(starts, 4u);  // the top level's and one per region
  EXPECT_EQ(ends, 2u);
  const auto& b1_start = p.model.nodes[p.model.index.at("Active----region-1_start")];
  EXPECT_EQ(b1_start.region, 1);
  RenderResult r = render_svg(src);
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_EQ(count(r.svg, "<g class=\"node start-state\""), 4u);
}

// Mermaid's addInterface makes a lollipop interface per relation, even for a name used twice
// (corpus 0053: `bar` is drawn twice).
TEST(BesideMermaid, LollipopInterfacePerRelation) {
  const char* src = "classDiagram\n  Class01 --() bar\n  Class02 --() bar\n  foo ()-- Class01\n";
  auto p = mermaid::parse_class(src);
  ASSERT_TRUE(p.result.valid);
  ASSERT_EQ(p.model.interfaces.size(), 3u);
  EXPECT_EQ(p.model.interfaces[0].label, "bar");
  EXPECT_EQ(p.model.interfaces[1].label, "bar");
  EXPECT_EQ(p.model.interfaces[2].label, "foo");
  EXPECT_EQ(p.model.relations[1].b, "interface1");
  EXPECT_EQ(p.model.relations[2].a, "interface2");
  EXPECT_EQ(p.model.classes.size(), 2u);
  RenderResult r = render_svg(src);
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_EQ(count(r.svg, ">bar</text>"), 2u);
}

}  // namespace
}  // namespace specgate::render
