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
