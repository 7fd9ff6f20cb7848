// Unit tests for the Mermaid validator: our own oracle-labelled fixtures, exact positions and
// messages for typical mistakes, and pathological inputs that must neither crash nor hang.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "mermaid/validator.h"
#include "support/mermaid_expect.h"
#include "support/shell_cli.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::mermaid::Result;
using specgate::mermaid::validate;
using specgate::test::first;
using specgate::test::random_diagrams;
using specgate::test::slurp;

TEST(MermaidFixtures, AgreeWithOracleLabels) {
  fs::path dir = fs::path(specgate::test::source_dir()) / "tests" / "fixtures" / "mermaid";
  std::ifstream man(dir / "manifest.tsv");
  ASSERT_TRUE(man) << "missing fixture manifest";
  std::string line;
  int n = 0;
  while (std::getline(man, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("file\t", 0) == 0) continue;
    std::string file = line.substr(0, line.find('\t'));
    bool oracle_valid = line[file.size() + 1] == '1';
    Result r = validate(slurp(dir / file));
    EXPECT_EQ(r.valid, oracle_valid) << file << (r.diagnostics.empty() ? "" : ": " + first(r).message);
    ++n;
  }
  EXPECT_GE(n, 50);
}

TEST(MermaidValidator, UnquotedParenInSquareLabel) {
  Result r = validate("flowchart TD\n  A[VS Code Bridge (optional)] --> B\n");
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.type, "flowchart");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 20u);
  EXPECT_EQ(d.message, "unquoted '(' inside a [ ] node label");
  EXPECT_EQ(d.found, "'('");
  EXPECT_EQ(d.expected, "']' or a quoted label");
  EXPECT_EQ(d.hint, "quote the label: A[\"VS Code Bridge (optional)\"]");
}

TEST(MermaidValidator, ReservedWordAsNodeId) {
  Result r = validate("graph LR\n  A --> end\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 9u);
  EXPECT_EQ(d.message, "'end' is a reserved word and cannot be used as a node id");
}

TEST(MermaidValidator, TrailingCommentInFlowchart) {
  Result r = validate("flowchart TD\n  A --> B %% note\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 11u);
  EXPECT_EQ(d.message, "a '%%' comment must be on its own line in a flowchart");
}

TEST(MermaidValidator, PositionsCountFrontMatterCommentsAndCharacters) {
  // Lines are the caller's: front matter and %% lines are counted; columns are characters.
  Result r = validate("---\ntitle: x\n---\n%% c\nflowchart TD\n  Ä[grün (x)]\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 6u);
  EXPECT_EQ(d.column, 10u);
}

TEST(MermaidValidator, CrlfAndBom) {
  Result r = validate("\xEF\xBB\xBF" "flowchart TD\r\n  A[a (b)]\r\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 7u);
}

TEST(MermaidValidator, BadDirection) {
  Result r = validate("flowchart XY\n  A --> B\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 1u);
  EXPECT_EQ(d.column, 11u);
  EXPECT_EQ(d.message, "invalid direction 'XY'");
}

TEST(MermaidValidator, SequenceKeywordAsActor) {
  Result r = validate("sequenceDiagram\n  CLI->>Loop: go\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 9u);
  EXPECT_EQ(d.message, "'Loop' is a keyword (in any case) and cannot be a participant name");
}

TEST(MermaidValidator, SequenceMissingColon) {
  Result r = validate("sequenceDiagram\n  A->>B hi\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 11u);
  EXPECT_EQ(d.message, "unexpected end of line");
  EXPECT_EQ(d.expected, "':' and the message text");
}

TEST(MermaidValidator, SequenceDeactivateInactive) {
  Result r = validate("sequenceDiagram\n  A->>B: x\n  deactivate B\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 3u);
  EXPECT_EQ(d.column, 3u);
  EXPECT_EQ(d.message, "Trying to inactivate an inactive participant (B)");
}

TEST(MermaidValidator, SequenceUnclosedAlt) {
  Result r = validate("sequenceDiagram\n  alt ok\n  A->>B: x\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 3u);
  EXPECT_EQ(d.message, "'alt' block is not closed");
}

TEST(MermaidValidator, ErKeysNeedComma) {
  Result r = validate("erDiagram\n  C {\n    string id PK FK\n  }\n");
  const auto& d = first(r);
  EXPECT_EQ(d.line, 3u);
  EXPECT_EQ(d.column, 18u);
}

TEST(MermaidValidator, HeaderDetection) {
  EXPECT_EQ(first(validate("Flowchart TD\n")).message, "No diagram type detected");
  Result g = validate("packet-beta\n  title x\n");
  EXPECT_TRUE(g.valid);
  EXPECT_FALSE(g.validated);
  EXPECT_EQ(g.type, "packet-beta");
  Result e = validate("flowchart TD\n");
  EXPECT_TRUE(e.valid);
  EXPECT_TRUE(e.validated);
  EXPECT_FALSE(validate("---\ntitle: [x\n---\nflowchart TD\n").valid);
}

// Pathological inputs: each must return without crashing. Hangs are caught by the ctest
// TIMEOUT; speed is measured in bench/, not asserted here.
class MermaidStress : public ::testing::Test {
 protected:
  template <class F>
  void fast(F f) {
    f();
  }
};

TEST_F(MermaidStress, NestedBrackets) {
  fast([] {
    std::string s = "flowchart TD\n  A" + std::string(100000, '[') + "x" + std::string(100000, ']') + "\n";
    EXPECT_FALSE(validate(s).valid);
    std::string p = "flowchart TD\n  A" + std::string(100000, '(') + "\n";
    EXPECT_FALSE(validate(p).valid);
    std::string q = "sequenceDiagram\n" + std::string(100000, '{') + "\n";
    (void)validate(q);
    std::string e = "erDiagram\n  A " + std::string(100000, '{') + "\n";
    EXPECT_FALSE(validate(e).valid);
  });
}

TEST_F(MermaidStress, ManySubgraphsAndBlocks) {
  fast([] {
    std::string s = "flowchart TD\n";
    for (int i = 0; i < 100000; ++i) s += "subgraph S\n";
    Result r = validate(s);
    EXPECT_FALSE(r.valid);
    for (int i = 0; i < 100000; ++i) s += "end\n";
    EXPECT_TRUE(validate(s).valid);
    std::string q = "sequenceDiagram\n";
    for (int i = 0; i < 100000; ++i) q += "loop x\n";
    EXPECT_FALSE(validate(q).valid);
  });
}

TEST_F(MermaidStress, TenMegabyteLines) {
  fast([] {
    std::string big(10 * 1024 * 1024, 'a');
    EXPECT_TRUE(validate("flowchart TD\n  " + big + " --> B\n").valid);
    EXPECT_FALSE(validate("flowchart TD\n  A[" + big + "\n").valid);
    std::string colons;
    colons.reserve(10 * 1024 * 1024);
    while (colons.size() < 10 * 1024 * 1024) colons += "a:";
    (void)validate("flowchart TD\n  " + colons + "\n");
    std::string ats(10 * 1024 * 1024, '@');
    (void)validate("flowchart TD\n  " + ats + "\n");
    (void)validate("sequenceDiagram\n  " + big + "->>B: x\n");
    (void)validate("sequenceDiagram\n  A->>B: " + big + "\n");
    (void)validate("erDiagram\n  A {\n  " + big + " x\n  }\n");
    (void)validate("%%{init: " + big + "\nflowchart TD\n");
  });
}

TEST_F(MermaidStress, RandomBytesNeverCrash) {
  fast([] {
    for (const std::string& s :
         random_diagrams(12345, {"flowchart TD\n", "sequenceDiagram\n", "erDiagram\n", "graph LR\n"},
                         "[](){}<>|-=.~:;,\"`@&#%*/\\ \n\toxAbv1", 3000, 80)) {
      Result r = validate(s);
      for (const auto& d : r.diagnostics) {
        EXPECT_GE(d.line, 1u);
        EXPECT_GE(d.column, 1u);
      }
    }
  });
}
