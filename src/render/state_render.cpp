// stateDiagram / stateDiagram-v2: the state model turned into a flowchart model (states as
// rounded boxes, composite states and their concurrent regions as subgraphs, [*] as start and
// end circles, fork/join bars, choice diamonds, notes joined by dotted lines), then drawn by
// the flowchart's layout and drawing, as Mermaid's own state renderer shares dagre with it.
#include <algorithm>

#include "mermaid/state_model.h"
#include "render/flow_draw.h"
#include "render/renderers.h"

namespace specgate::render {
namespace {

using mermaid::FlowShape;
using mermaid::StateKind;

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    if (!out.empty()) out += "<br>";
    out += l;
  }
  return out;
}

// `below` gets, per flowchart node, the descriptions drawn under a divider.
mermaid::FlowchartModel to_flow(const mermaid::StateModel& s, std::vector<std::vector<std::string>>& below) {
  mermaid::FlowchartModel f;
  f.direction = s.direction.empty() ? "TB" : s.direction;
  f.class_defs = s.class_defs;
  // Subgraphs: one per composite, and one per concurrent region when a composite has several.
  std::vector<int> comp_sg(s.nodes.size(), -1);
  std::vector<std::vector<int>> region_sg(s.nodes.size());
  std::vector<int> regions(s.nodes.size(), 0);
  for (const auto& v : s.nodes)
    if (v.parent >= 0) regions[static_cast<size_t>(v.parent)] = std::max(regions[static_cast<size_t>(v.parent)], v.region + 1);
  // Parents first, so a child's parent subgraph index is known (composites are declared before
  // their members, so node order is parent order).
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    const auto& v = s.nodes[i];
    if (v.kind != StateKind::Composite) continue;
    mermaid::FlowSubgraph sg;
    sg.id = v.id;
    sg.title = v.descriptions.empty() ? v.id : join_lines(v.descriptions);
    sg.direction = v.direction;
    sg.classes = v.classes;
    sg.style = v.style;
    int parent = -1;
    if (v.parent >= 0) {
      size_t p = static_cast<size_t>(v.parent);
      parent = regions[p] > 1 ? region_sg[p][static_cast<size_t>(v.region)] : comp_sg[p];
    }
    sg.parent = parent;
    comp_sg[i] = static_cast<int>(f.subgraphs.size());
    f.subgraphs.push_back(sg);
    if (parent >= 0) f.subgraphs[static_cast<size_t>(parent)].subgraphs.push_back(static_cast<size_t>(comp_sg[i]));
    if (regions[i] > 1) {
      for (int r = 0; r < regions[i]; ++r) {
        mermaid::FlowSubgraph rg;
        rg.id = v.id + "----region-" + std::to_string(r);
        rg.parent = comp_sg[i];
        rg.classes.push_back("region");
        region_sg[i].push_back(static_cast<int>(f.subgraphs.size()));
        f.subgraphs[static_cast<size_t>(comp_sg[i])].subgraphs.push_back(f.subgraphs.size());
        f.subgraphs.push_back(rg);
      }
    }
  }
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    const auto& v = s.nodes[i];
    size_t n = f.node(v.id);
    auto& fn = f.nodes[n];
    fn.classes = v.classes;
    fn.style = v.style;
    if (v.kind == StateKind::Composite) continue;  // the subgraph of the same id
    int sg = -1;
    if (v.parent >= 0) {
      size_t p = static_cast<size_t>(v.parent);
      sg = regions[p] > 1 ? region_sg[p][static_cast<size_t>(v.region)] : comp_sg[p];
    }
    fn.subgraph = sg;
    if (sg >= 0) f.subgraphs[static_cast<size_t>(sg)].nodes.push_back(n);
    fn.shape = FlowShape::Named;
    switch (v.kind) {
      case StateKind::Start: fn.shape_name = "stateStart"; break;
      case StateKind::End: fn.shape_name = "stateEnd"; break;
      case StateKind::Fork:
      case StateKind::Join: fn.shape_name = "fork"; break;
      case StateKind::Choice: fn.shape_name = "choice"; break;
      case StateKind::Note: fn.shape_name = "note"; break;
      default: fn.shape_name = "rounded"; break;
    }
    if (v.kind == StateKind::Normal && v.descriptions.size() >= 2) {
      // Mermaid's state with a description (`state "name" as s1` and `s1 : text`, or two
      // `s1 : ...` lines): the first as the title, a divider, then the others.
      fn.label = v.descriptions.front();
      below.resize(f.nodes.size());
      below[n].assign(v.descriptions.begin() + 1, v.descriptions.end());
    } else {
      fn.label = v.descriptions.empty() ? v.id : join_lines(v.descriptions);
    }
  }
  for (const auto& e : s.edges) {
    mermaid::FlowEdge fe;
    fe.from = f.node(s.nodes[e.from].id);
    fe.to = f.node(s.nodes[e.to].id);
    fe.label = e.label;
    if (e.note_link) {
      fe.stroke = mermaid::FlowStroke::Dotted;
      fe.end = mermaid::FlowArrow::None;
    }
    f.edges.push_back(std::move(fe));
  }
  return f;
}

}  // namespace

bool draw_state(std::string_view source, DrawContext& ctx) {
  mermaid::StateParse parsed = mermaid::parse_state(source);
  ctx.result = parsed.result;
  if (!parsed.result.valid) return false;
  std::vector<std::vector<std::string>> below;
  const mermaid::FlowchartModel flow = to_flow(parsed.model, below);
  return draw_flow_model(flow, ctx, "state", &below);
}

}  // namespace specgate::render
