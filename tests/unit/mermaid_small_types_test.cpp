// Exact positions, messages and hints for typical mistakes in Mermaid's smaller diagram types,
// and pathological inputs for their validators (no crash, no hang, no deep recursion).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "mermaid/validator.h"
#include "support/mermaid_expect.h"

using specgate::mermaid::Result;
using specgate::mermaid::validate;
using specgate::test::expect_error;
using specgate::test::expect_valid;
using specgate::test::first;
using specgate::test::random_diagrams;

TEST(MermaidGantt, MisspelledKeywordSuggestsTheKeyword) {
  expect_error("gantt\n  title T\n  sectoin Build\n  Task : a1, 2024-01-01, 3d\n", 3, 3,
               "unknown keyword 'sectoin'");
  Result r = validate("gantt\n  sectoin Build\n");
  EXPECT_EQ(first(r).hint, "did you mean 'section'? (otherwise a task needs ': data' after its name)");
}

TEST(MermaidGantt, TaskWithoutDataAndTopAxis) {
  expect_error("gantt\nDesign the API\n", 2, 1, "'Design the API' is neither a keyword nor a task");
  expect_error("gantt\nTask :\n", 2, 6, "a task's data after ':' is empty or starts with '#' or ';'");
  expect_error("gantt\ndateFormat YYYY-MM-DD\ntopAxis\n", 3, 1,
               "'topAxis' fails in Mermaid 11.17.2 (\"yy.TopAxis is not a function\")");
}

TEST(MermaidGantt, DatesAndLowercaseKeywordsAreNotChecked) {
  expect_valid("gantt\ndateformat YYYY-MM-DD\nsection S\nTask : a1, 2024-13-45, banana\n");
  expect_valid("gantt\nclick a1 call cb(1, 2) href \"https://example.com\"\n");
  expect_error("gantt\naccDescr {\n  never closed\n", 4, 1, "unexpected end of diagram");
}

TEST(MermaidJourney, TaskNeedsAColon) {
  expect_error("journey\ntitle Day\nsection Morning\n  Make tea 5 Me\n", 4, 3,
               "'Make tea 5 Me' is neither a keyword nor a task");
  expect_error("journey\nsecton Morning\n", 2, 1, "unknown keyword 'secton'");
  expect_valid("journey\nsection S\n  Make tea: five: Me\n  Make tea 5: Me\n  # a comment line\n");
}

TEST(MermaidPie, UnquotedLabelAndNegativeValue) {
  expect_error("pie title Pets\n  Dogs : 386\n", 2, 3, "pie slice labels must be quoted");
  expect_error("pie\n  \"Dogs\" : -3\n", 2, 12, "\"Dogs\" has a negative value; pie slice values must be >= 0");
  expect_error("pie showdata\n\"a\": 1\n", 1, 5, "'showData' is case-sensitive");
  expect_valid("pie showData\n  title Pets\n  \"Dogs\" : 0\n  \"Cats\" : 5.5 %% comment\n");
}

TEST(MermaidSmallTypes, PathologicalInputsStayFast) {
  const std::string big(10 * 1024 * 1024, 'x');
  std::string percents;
  for (int i = 0; i < 100000; ++i) percents += "%\n";
  std::string indents;  // 100k lines, each indented one deeper (mindmap nesting)
  for (int i = 0; i < 100000; ++i) indents += std::string(static_cast<size_t>(i % 100), ' ') + "n\n";
  const char* headers[] = {"gantt\n", "journey\n", "pie\n", "timeline\n", "mindmap\n",
                           "sankey-beta\n", "gitGraph\n"};
  for (const char* h : headers) {
    const std::string head(h);
    // A long word is a time period in a timeline and a node in a mindmap; elsewhere an error.
    bool plain_ok = head == "timeline\n" || head == "mindmap\n";
    EXPECT_EQ(validate(head + big + "\n").valid, plain_ok) << h;
    (void)validate(head + big + ": x\n");
    (void)validate(head + "\"" + big + "\n");
    (void)validate(head + "a[" + big + "\n");
    (void)validate(head + percents);
    (void)validate(head + indents);
    (void)validate(head + std::string(100000, '{') + "\n" + std::string(100000, '}') + "\n");
    (void)validate(head + std::string(100000, '(') + "\n");
  }
  // No timing assertion: hangs fail through the ctest TIMEOUT, speed lives in bench/.
}

TEST(MermaidSmallTypes, RandomBytesNeverCrash) {
  for (const std::string& s :
       random_diagrams(777, {"gantt\n", "journey\n", "pie\n", "timeline\n", "mindmap\n", "sankey-beta\n", "gitGraph\n"},
                       "[](){}<>|-=.~:;,\"'`@&#%*/\\ \n\toxAbv1\xC3\xA9", 3500, 60)) {
    Result r = validate(s);
    EXPECT_TRUE(r.validated);
    if (!r.valid) {
      ASSERT_FALSE(r.diagnostics.empty());
      EXPECT_GE(r.diagnostics[0].line, 1u);
      EXPECT_GE(r.diagnostics[0].column, 1u);
    }
  }
}

TEST(MermaidTimeline, EventNeedsAPeriodAndASpace) {
  expect_error("timeline\n  title History\n  : 2002 launch\n", 3, 3, "an event before any time period");
  expect_error("timeline\n  2002 :LinkedIn\n", 2, 8, "':' must be followed by a space and the event text");
  expect_valid("timeline\n  2002 : LinkedIn : Facebook\n       : Google\n  section Later\n  2010 : x # c\n");
}

TEST(MermaidMindmap, OneRootAndClosedShapes) {
  expect_error("mindmap\n  root\n    child\n  sibling\n", 4, 3,
               "There can be only one root: this node is not indented deeper than the root");
  expect_error("mindmap\n  root\n    a{b}\n", 3, 6, "unexpected '{'");
  expect_error("mindmap\n\n  root\n", 2, 1, "blank line right after the 'mindmap' line");
  expect_error("mindmap\n::icon(fa fa-book)\n", 2, 1, "::icon() before any node");
  expect_valid("mindmap\n  root((Root))\n    a[\"text (x)\"]\n    ::icon(fa fa-book)\n\n    b)bang(\n");
}

TEST(MermaidSankey, CsvLinesOfPrintableAscii) {
  expect_error("sankey-beta\nSolar,Grid,10\nÉnergie,Grid,5\n", 3, 1, "non-ASCII character 'É' in a sankey line");
  expect_error("sankey-beta\nSolar,Grid\n", 2, 11, "a sankey line needs three fields; only two found");
  expect_error("sankey-beta\nA,B,1\n   \nC,D,2\n", 3, 4, "a sankey line needs three fields; only one found");
  expect_valid("sankey-beta\n\n\"Solar, roof\",Grid,10\n\"a \"\"b\"\"\",Grid,abc\n\n");
}

TEST(MermaidGitGraph, BranchesAndCommitsFollowTheDatabase) {
  expect_error("gitGraph\n  commit\n  checkout develop\n", 3, 3,
               "checkout of branch 'develop', which does not exist yet");
  expect_error("gitGraph\n  commit\n  branch dev\n  merge main\n", 4, 3, "cannot merge branch 'main' into itself");
  expect_error("gitGraph\n  commit id: abc\n", 2, 14, "unexpected 'abc'");
  expect_error("gitGraph\n  Commit\n", 2, 3, "unknown statement 'Commit'");
  expect_error("gitGraph\n  branch LR\n", 2, 10, "unexpected 'LR'");
  Result r = validate("gitGraph\n  branch LR\n");
  EXPECT_EQ(first(r).hint, "'LR' is a gitGraph keyword; quote it to use it as a name: \"LR\"");
  expect_valid(
      "---\nconfig:\n  gitGraph:\n    mainBranchName: trunk\n---\ngitGraph LR:\n  commit id: \"a\" tag: \"v1\"\n"
      "  branch \"my feature\" order: 2\n  commit type: HIGHLIGHT\n  checkout trunk\n  commit\n"
      "  merge \"my feature\"\n  branch hotfix\n  cherry-pick id: \"a\"\n");
}
