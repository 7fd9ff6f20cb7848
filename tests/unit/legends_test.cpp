// Legends (rules/legends.h): which lines explain the spec's own notation, and the one copy a
// check shares between the rules that read them.
#include <gtest/gtest.h>

#include "config/config.h"
#include "model/document.h"
#include "rules/legends.h"

namespace {

using namespace specgate;

std::vector<bool> legend_lines(const std::string& text) {
  return find_legends(build_document(SourceText("spec.md", text))).line;
}

// `MARK = meaning` with a mark of at most 12 bytes and 5 characters, no space in it.
TEST(Legends, MarkLineByTheMarksLength) {
  EXPECT_TRUE(legend_lines("(R) = required\n")[0]);
  EXPECT_TRUE(legend_lines("\xE2\x9C\x85\xE2\x9C\x85\xE2\x9C\x85\xE2\x9C\x85 = done\n")[0]);  // 12 bytes, 4 characters
  EXPECT_FALSE(legend_lines("\xE2\x9C\x85\xE2\x9C\x85\xE2\x9C\x85\xE2\x9C\x85x = done\n")[0]);  // 13 bytes
  EXPECT_FALSE(legend_lines("abcdef = six characters\n")[0]);
  EXPECT_FALSE(legend_lines(" = no mark\n")[0]);
  // Only the first " = " counts: a later one does not make a line with a long first part a legend.
  EXPECT_FALSE(legend_lines("a b = c and (R) = required\n")[0]);
  EXPECT_FALSE(legend_lines("The total is x = y + z\n")[0]);
  EXPECT_TRUE(legend_lines("(R) = required, (O) = optional\n")[0]);
}

TEST(Legends, MadeOncePerCheck) {
  const Document doc = build_document(SourceText("spec.md", "- **[P]**: Can run in parallel\n- other note\n\nText.\n"));
  Config config;
  const RuleContext ctx{doc, nullptr, nullptr, config, Date{2026, 11, 22}};
  const Legends& first = legends_of(ctx);
  EXPECT_EQ(&first, &legends_of(ctx));
  const Legends direct = find_legends(doc);
  EXPECT_EQ(first.line, direct.line);
  EXPECT_EQ(first.defined_brackets, direct.defined_brackets);
  EXPECT_TRUE(first.on(1) && first.on(2) && !first.on(4));
  EXPECT_EQ(first.defined_brackets.count("P"), 1u);
}

}  // namespace
