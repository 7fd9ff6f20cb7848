// The flowchart renderer through the library API: what the model records, what the Scene holds
// and what the SVG says.
#include <gtest/gtest.h>

#include "mermaid/flowchart_model.h"
#include "render/render.h"

namespace specgate::render {
namespace {

TEST(FlowchartModel, RecordsNodesEdgesAndShapes) {
  auto p = mermaid::parse_flowchart("flowchart LR\n  A[Start] --> B{Ok?}\n  B -- yes --> C((Done))\n  B -.->|no| A\n");
  ASSERT_TRUE(p.result.valid);
  const auto& m = p.model;
  EXPECT_EQ(m.direction, "LR");
  ASSERT_EQ(m.nodes.size(), 3u);
  EXPECT_EQ(m.nodes[0].label, "Start");
  EXPECT_EQ(m.nodes[1].shape, mermaid::FlowShape::Diamond);
  EXPECT_EQ(m.nodes[2].shape, mermaid::FlowShape::Circle);
  ASSERT_EQ(m.edges.size(), 3u);
  EXPECT_EQ(m.edges[1].label, "yes");
  EXPECT_EQ(m.edges[2].label, "no");
  EXPECT_EQ(m.edges[2].stroke, mermaid::FlowStroke::Dotted);
}

TEST(RenderSvg, DrawsASmallFlowchart) {
  RenderResult r = render_svg("graph TD\n  A[Hello] --> B(World)\n");
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_EQ(r.scene.shapes.size(), 2u);
  EXPECT_EQ(r.scene.paths.size(), 1u);
  EXPECT_NE(r.svg.find(">Hello</text>"), std::string::npos);
}

// Mermaid's entity codes are text: `#lt;img#gt;` shows "<img>" (escaped in the SVG), never
// markup and never dropped as a tag; numeric codes are decimal; HTML names work too.
TEST(RenderSvg, EntityCodesAreShownAsTheirCharacters) {
  RenderResult r = render_svg(
      "flowchart LR\n  A[\"#lt;img#gt; tag\"] --> B[\"#9829; #hearts; #35; #quot;q#quot; #lt;br#gt;x\"]\n"
      "  B -- \"#lt;script#gt;\" --> C[\"&lt;b&gt; &amp; <b>bold</b>\"]\n");
  ASSERT_TRUE(r.drawn()) << r.note;
  EXPECT_NE(r.svg.find(">&lt;img&gt; tag</text>"), std::string::npos);
  // One line: an encoded <br> is text, not a break.
  EXPECT_NE(r.svg.find(">\xE2\x99\xA5 \xE2\x99\xA5 # &quot;q&quot; &lt;br&gt;x</text>"), std::string::npos);
  EXPECT_NE(r.svg.find(">&lt;script&gt;</text>"), std::string::npos);
  // HTML entities are text too; a real tag is still dropped with its text kept.
  EXPECT_NE(r.svg.find(">&lt;b&gt; &amp; bold</text>"), std::string::npos);
  EXPECT_EQ(r.svg.find("<img"), std::string::npos);
  EXPECT_EQ(r.svg.find("<script"), std::string::npos);
  EXPECT_EQ(r.svg.find("<b>"), std::string::npos);
  // The same in the other drawn types' labels.
  RenderResult s = render_svg("sequenceDiagram\n  A->>B: I #9829; you #infin; #lt;3\n");
  ASSERT_TRUE(s.drawn());
  EXPECT_NE(s.svg.find(">I \xE2\x99\xA5 you \xE2\x88\x9E &lt;3</text>"), std::string::npos);
  RenderResult c = render_svg("classDiagram\n  A <|-- B : #lt;uses#gt;\n");
  ASSERT_TRUE(c.drawn());
  EXPECT_NE(c.svg.find(">&lt;uses&gt;</text>"), std::string::npos);
}

TEST(RenderSvg, TypeNotDrawnIsANote) {
  RenderResult r = render_svg("pie\n  \"a\" : 1\n");
  EXPECT_FALSE(r.drawn());
  EXPECT_TRUE(r.valid);
  EXPECT_FALSE(r.note.empty());
}

TEST(RenderSvg, InvalidDiagramGivesTheSyntaxError) {
  RenderResult r = render_svg("flowchart TD\n  A[x(y)] --> B\n");
  EXPECT_FALSE(r.drawn());
  EXPECT_FALSE(r.valid);
  ASSERT_FALSE(r.diagnostics.empty());
}

}  // namespace
}  // namespace specgate::render
