// The Mermaid rules and `specgate mermaid` share one path from a document's ```mermaid blocks to
// file positions: indented fences, list items and block quotes map to the right columns, and the
// command and the check report the same places.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "model/document.h"
#include "rules/mermaid_blocks.h"
#include "support/run_cli.h"
#include "support/test_paths.h"

using specgate::test::run_cli;
namespace fs = std::filesystem;

namespace {

specgate::Document doc_of(const std::string& text) {
  return specgate::build_document(specgate::SourceText("t.md", text));
}

std::vector<std::pair<uint32_t, uint32_t>> positions(const specgate::Document& doc) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const auto& cb : doc.code_blocks) {
    if (!specgate::is_mermaid_block(cb)) continue;
    auto cd = specgate::check_mermaid_block(doc, cb);
    for (const auto& f : cd.findings) out.emplace_back(f.line, f.column);
  }
  return out;
}

}  // namespace

TEST(MermaidBlocks, PositionsFollowContainers) {
  // The '-' of "Order-Placed" at column 8 of the diagram line, wherever the block sits.
  const std::string diagram = "stateDiagram-v2\n  Order-Placed --> Paid\n";
  auto plain = doc_of("# A\n\n```mermaid\n" + diagram + "```\n");
  EXPECT_EQ(positions(plain), (std::vector<std::pair<uint32_t, uint32_t>>{{5, 8}}));
  auto indented = doc_of("# A\n\n   ```mermaid\n   stateDiagram-v2\n     Order-Placed --> Paid\n   ```\n");
  EXPECT_EQ(positions(indented), (std::vector<std::pair<uint32_t, uint32_t>>{{5, 11}}));
  auto listed = doc_of("# A\n\n- item\n\n  ```mermaid\n  stateDiagram-v2\n    Order-Placed --> Paid\n  ```\n");
  EXPECT_EQ(positions(listed), (std::vector<std::pair<uint32_t, uint32_t>>{{7, 10}}));
  auto quoted = doc_of("# A\n\n> ```mermaid\n> stateDiagram-v2\n>   Order-Placed --> Paid\n> ```\n");
  EXPECT_EQ(positions(quoted), (std::vector<std::pair<uint32_t, uint32_t>>{{5, 10}}));
  auto wide = doc_of("# A\n\n```mermaid\nstateDiagram-v2\n  Größe-Zähler --> Paid\n```\n");
  EXPECT_EQ(positions(wide), (std::vector<std::pair<uint32_t, uint32_t>>{{5, 8}}));
}

TEST(MermaidBlocks, EmptyAndUnknownBlocks) {
  auto doc = doc_of("# A\n\n```mermaid\n```\n\n```Mermaid\nFlowchart TD\n```\n\n```mermaid\npacket-beta\n  anything\n```\n");
  EXPECT_EQ(positions(doc), (std::vector<std::pair<uint32_t, uint32_t>>{{3, 1}, {7, 1}}));
}

TEST(MermaidBlocks, Families) {
  EXPECT_EQ(specgate::diagram_family("stateDiagram-v2"), "stateDiagram");
  EXPECT_EQ(specgate::diagram_family("stateDiagram"), "stateDiagram");
  EXPECT_EQ(specgate::diagram_family("graph"), "flowchart");
  EXPECT_EQ(specgate::diagram_family("flowchart-elk"), "flowchart");
  EXPECT_EQ(specgate::diagram_family("classDiagram-v2"), "classDiagram");
  EXPECT_EQ(specgate::diagram_family("sequenceDiagram"), "sequenceDiagram");
}

TEST(MermaidBlocks, CommandAndCheckAgree) {
  const fs::path fixture = fs::path("tests") / "fixtures" / "rules" / "mermaid-syntax" / "invalid.md";
  auto cmd = run_cli({"mermaid", "--format", "json", fixture.string()}, specgate::test::source_dir());
  ASSERT_EQ(cmd.exit_code, 1) << cmd.err;
  std::set<std::pair<int, int>> from_cmd;
  auto j = nlohmann::json::parse(cmd.out);
  for (const auto& d : j["files"][0]["diagrams"])
    for (const auto& x : d["diagnostics"]) from_cmd.emplace(x["line"].get<int>(), x["column"].get<int>());
  auto chk = run_cli({"check", "--format", "json", "--enable", "mermaid-syntax", fixture.string()},
                     specgate::test::source_dir());
  std::set<std::pair<int, int>> from_check;
  auto k = nlohmann::json::parse(chk.out);
  for (const auto& f : k["files"])
    for (const auto& x : f["diagnostics"])
      if (x["rule"] == "mermaid-syntax") from_check.emplace(x["line"].get<int>(), x["column"].get<int>());
  EXPECT_EQ(from_cmd.size(), 7u);
  EXPECT_EQ(from_cmd, from_check);
}
