// requirementDiagram, quadrantChart and xychart: exact positions, messages and hints for typical
// mistakes (verdicts checked against the Mermaid 11.17.2 oracle), and pathological inputs (no
// crash, no hang, no deep recursion; hangs are caught by the ctest TIMEOUT).
#include <gtest/gtest.h>

#include <string>

#include "mermaid/validator.h"
#include "support/mermaid_expect.h"

using specgate::mermaid::Result;
using specgate::mermaid::validate;
using specgate::test::expect_error;
using specgate::test::expect_valid;
using specgate::test::hint;

TEST(MermaidRequirement, ValidForms) {
  expect_valid(
      "requirementDiagram\n  requirement r1 {\n  id: 1\n  text: \"fast, reliable\"\n  risk: High\n"
      "  verifymethod: test\n  }\n  element e {\n  type: simulation\n  docref: a/b\n  }\n"
      "  e - satisfies -> r1\n  r1 <- contains - e\n  style r1 fill:#f9f,stroke-width:4px\n"
      "  classDef hot fill:#f96\n  class r1,e hot\n  e:::hot\n");
  expect_valid("requirementDiagram");  // Mermaid appends the line break itself
  expect_valid("requirementDiagram\n  direction LR\n  accTitle: T\n  accDescr {\n  D\n  }\n");
}

TEST(MermaidRequirement, LineBreakSwallowedByBlanks) {
  expect_error("requirementDiagram  \nrequirement a {\n}\n", 2, 1,
               "spaces after 'requirementDiagram' swallow its line break");
  expect_error("requirementDiagram\nrequirement a {  \nid: 1\n}\n", 3, 1,
               "'{' must be the last thing on its line, not followed by spaces");
  EXPECT_EQ(hint("requirementDiagram\nrequirement a {  \nid: 1\n}\n"),
            "remove the spaces after '{' (they swallow the line break) and put each field on its own line");
}

TEST(MermaidRequirement, FieldMistakes) {
  expect_error("requirementDiagram\nrequirement a {\ntext: fast, reliable\n}\n", 3, 11, "',' ends the value here");
  EXPECT_EQ(hint("requirementDiagram\nrequirement a {\ntext: a, b\n}\n"),
            "quote text that contains commas: text: \"a, b\"");
  expect_error("requirementDiagram\nrequirement a {\nrisk: critical\n}\n", 3, 7, "invalid value 'critical'");
  EXPECT_EQ(hint("requirementDiagram\nrequirement a {\nrisk: critical\n}\n"), "risk is low, medium or high");
  expect_error("requirementDiagram\nrequirement a {\nid: 1 }\n", 4, 1, "the '{' on line 2 is never closed");
  expect_error("requirementDiagram\nelement e {\nid: 1\n}\n", 3, 1, "unexpected 'id'");
  EXPECT_EQ(hint("requirementDiagram\nrequirement a {\ntxt: x\n}\n"),
            "did you mean 'text'? (the fields are id, text, risk and verifyMethod, one per line; close with '}')");
}

TEST(MermaidRequirement, KeywordsAndStatements) {
  expect_error("requirementDiagram\nrequirement test login {\n}\n", 2, 13,
               "'test' is a keyword and cannot start a requirement name");
  expect_error("requirementDiagram\na - satisfy -> b\n", 2, 5, "unknown relationship 'satisfy'");
  EXPECT_EQ(hint("requirementDiagram\na - satisfy -> b\n"),
            "did you mean 'satisfies'? (relationships are contains, copies, derives, satisfies, verifies, "
            "refines and traces)");
  expect_error("requirementDiagram\ntitle Reqs\n", 2, 1, "requirement diagrams have no 'title' statement");
  expect_error("requirementDiagram\nrequirement a {\ntext: the direction lr of travel\n}\n", 3, 1,
               "this line holds 'direction lr', which Mermaid reads as a direction statement");
  expect_error("requirementDiagram\nlogin {\n}\n", 2, 7, "a definition needs a type before its name");
}

TEST(MermaidRequirement, StylesAndQuotes) {
  expect_error("requirementDiagram\nstyle a stroke-width:1.5px\n", 2, 23, "unexpected character '.' in a style");
  expect_error("requirementDiagram\nstyle a width:50%\n", 2, 17, "'%' is not allowed in a style");
  expect_error("requirementDiagram\nrequirement \"a {\n}\n", 2, 13, "unclosed '\"'");
}

TEST(MermaidQuadrant, ValidForms) {
  expect_valid(
      "quadrantChart\n  title Campaigns\n  x-axis Low Reach --> High Reach\n  y-axis Low --> High\n"
      "  quadrant-1 Expand\n  classDef c1 color: #109060, radius : 10\n  A:::c1: [0.3, 0.6]\n"
      "  B: [1, 0] radius: 12, stroke-color: #f30, stroke-width: 5px\n  \"Q: x\": [0.1, 0.2]\n  Café: [0.5, 0.5]\n");
  expect_valid("quadrantChart; A: [0,5, 0.5]\n");  // "0,5" is one coordinate to Mermaid's lexer
  expect_valid("quadrantChart\n  x-axis Urgent -->\n");
}

TEST(MermaidQuadrant, Coordinates) {
  expect_error("quadrantChart\nA: [1.0, 0.5]\n", 2, 6, "unexpected '.' after the x coordinate");
  expect_error("quadrantChart\nA: [.5, 0.5]\n", 2, 5, "invalid coordinate '.'");
  expect_error("quadrantChart\nA: [0.5, 1.5]\n", 2, 11, "invalid coordinate '.'");
  expect_error("quadrantChart\nCampaign A\n", 2, 1, "'Campaign A' is neither a keyword nor a point");
  expect_error("quadrantChart\nA:::: [0.1, 0.2]\n", 2, 5, "':::' needs a class name");
}

TEST(MermaidQuadrant, StylesCheckedLikeTheDatabase) {
  expect_error("quadrantChart\nA: [0.1, 0.2] fill: #ff0000\n", 2, 15, "style named fill is not supported");
  expect_error("quadrantChart\nA: [0.1, 0.2] Radius: 10\n", 2, 15, "style named Radius is not supported");
  EXPECT_EQ(hint("quadrantChart\nA: [0.1, 0.2] Radius: 10\n"),
            "did you mean 'radius'? (point styles are radius, color, stroke-color and stroke-width (lower case))");
  expect_error("quadrantChart\nA: [0.1, 0.2] color: red\n", 2, 15,
               "value for color red is invalid, please use a valid hex code");
  expect_error("quadrantChart\nclassDef c stroke-width: 5\n", 2, 12,
               "value for stroke-width 5 is invalid, please use a valid number of pixels (eg. 10px)");
  expect_error("quadrantChart\nA: [0.1, 0.2] radius\n", 2, 15,
               "value for radius undefined is invalid, please use a valid number");
  expect_error("quadrantChart\nA: [0.1, 0.2] stroke-width: 1.5px\n", 2, 30, "unexpected '.'");
  expect_error("quadrantChart\nclassDef  c radius: 10\n", 2, 10, "only one space may follow 'classDef'");
}

TEST(MermaidQuadrant, TextMistakes) {
  expect_error("quadrantChart\nx-axis Low (cheap) --> High\n", 2, 12, "unexpected character '('");
  expect_error("quadrantChart\nx-axis \"Low --> High\n", 2, 8, "unclosed '\"'");
  expect_error("quadrantChart\ntitel Campaigns\n", 2, 1, "unknown keyword 'titel'");
  expect_error("quadrantChart\nMy x-axis point: [0.1, 0.2]\n", 2, 4, "unexpected 'x-axis'");
}

TEST(MermaidXychart, ValidForms) {
  expect_valid(
      "xychart-beta\n  title \"Sales Revenue\"\n  x-axis [jan, feb, \"mar 1\"]\n  y-axis \"Revenue (in $)\" 4000 --> 11000\n"
      "  bar [5000, 6000, 7500]\n  line \"Trend\" [1.5, -2, +3, .5]\n");
  expect_valid("xychart horizontal\n  line [540 \"PaLM\", 65]\n");
  expect_valid("xychart\n  x-axis a y-axis b line [1]\n");  // statements need no separator
  expect_valid("xychart\n  accDescr {\n  never closed\n");   // accepted by 11.17.2
}

TEST(MermaidXychart, TypicalMistakes) {
  expect_error("xychart\n  title Revenue (in $)\n", 2, 17, "unexpected character '('");
  expect_error("xychart\n  title \"`bold`\n", 2, 9, "unclosed '\"'");
  expect_error("xychart\n  title `bold`\n", 2, 9, "unexpected character '`'");
  EXPECT_EQ(hint("xychart\n  title `bold`\n"),
            "markdown strings (\"`...`\") do not work in xychart in Mermaid 11.17.2; use \"...\"");
  expect_error("xychart\n  title vertical bars\n", 2, 9, "unexpected 'vertical'");
  expect_error("xychart\n  x-axis Q1 2024\n", 2, 13, "unexpected '2024'");
  expect_error("xychart\n  line [1 2]\n", 2, 11, "unexpected '2'");
  expect_error("xychart\n  bar []\n", 2, 8, "unexpected ']'");
  expect_error("xychart\n  lines [1, 2]\n", 2, 3, "unknown keyword 'lines'");
  expect_error("xychart\n  title Sales: 2024\n", 2, 14, "unexpected ':'");
  expect_error("xychart\n  x-axis\n  bar [1]\n", 2, 9, "unexpected end of line");
}

TEST(MermaidXychart, TrailingBlanksKeepTheAxisCondition) {
  expect_valid("xychart\n  x-axis Month\n  title 2024 sales\n");
  expect_error("xychart\n  x-axis Month  \n  title 2024 sales\n", 3, 9, "unexpected '2024'");
  EXPECT_EQ(hint("xychart\n  x-axis Month  \n  title 2024 sales\n"),
            "blanks at the end of the x-axis/y-axis line swallow its line break, so this number is read "
            "as an axis number; remove the trailing blanks");
}

// Long lines and many lines stay linear; nothing recurses per token.
TEST(MermaidChartTypesStress, LongLinesAndManyStatements) {
  const std::string big(10u << 20, ' ');
  for (const char* head : {"requirementDiagram\n", "quadrantChart\n", "xychart\n"}) {
    Result r = validate(std::string(head) + "a" + big + "b\n");
    EXPECT_TRUE(r.validated) << head;
    validate(std::string(head) + std::string(10u << 20, '-') + "\n");
    validate(std::string(head) + std::string(100000, '[') + "\n");
    validate(std::string(head) + std::string(100000, '"') + "\n");
    validate(std::string(head) + std::string(100000, '{') + "\n");
  }
  std::string dirs = "requirementDiagram\n";
  for (int i = 0; i < 200000; ++i) dirs += "direction tb ";
  validate(dirs + "\n");
  std::string req = "requirementDiagram\n";
  for (int i = 0; i < 100000; ++i) req += "a - satisfies -> b\n";
  expect_valid(req);
  std::string quad = "quadrantChart\n";
  for (int i = 0; i < 100000; ++i) quad += "P: [0.5, 0.5] radius: 3\n";
  expect_valid(quad);
  std::string xy = "xychart\nline [";
  for (int i = 0; i < 100000; ++i) xy += "1, ";
  expect_valid(xy + "2]\n");
  validate("quadrantChart\nA" + big + ": [0.1, 0.2]\n");
  validate("quadrantChart\nx-axis a" + std::string(5u << 20, '-') + ">b\n");
}
