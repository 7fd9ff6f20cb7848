// Metadata in house styles the model reads: keys written as code inside the bold, and
// checklist items written as code.
#include <gtest/gtest.h>

#include "model/document.h"
#include "spec/fields.h"

using namespace specgate;

namespace {

Document doc_of(const std::string& text) { return build_document(SourceText("t.md", text)); }

}  // namespace

TEST(ModelHouseStyle, BacktickedKeysOnOneLine) {
  Document d = doc_of("# PERF-1: Cache warmup\n\n**`Ticket ID:`** `PERF-1` **Status:** `DONE` **`Owner`**: core\n");
  ASSERT_EQ(d.fields.size(), 3u);
  EXPECT_EQ(d.fields[0].key, "Ticket ID");
  EXPECT_EQ(d.fields[0].value, "`PERF-1`");
  EXPECT_EQ(d.fields[0].column, 1u);
  EXPECT_EQ(d.fields[1].key, "Status");
  EXPECT_EQ(d.fields[1].value, "`DONE`");
  EXPECT_EQ(d.fields[2].key, "Owner");
  const Field* st = d.status_field();
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(clean_value(st->value), "done");
  EXPECT_EQ(d.line_info(3).first_field, 0);
}

TEST(ModelHouseStyle, CodeInsideAKeyIsNotUnwrappedHalfway) {
  // Two code spans in the bold are a label, not one key in code.
  Document d = doc_of("**`a` and `b`:** x\n");
  ASSERT_EQ(d.fields.size(), 1u);
  EXPECT_EQ(d.fields[0].key, "`a` and `b`");
}

TEST(ModelHouseStyle, ChecklistItemsWrittenAsCode) {
  Document d = doc_of("# T\n\n## Acceptance\n\n* `[ ] p95 under 200 ms`\n- `[x] dashboards exist` (done)\n"
                      "- `[y] not a box`\n- `[ ] unclosed\n- `[ ]` box alone in code\n");
  ASSERT_EQ(d.checklist.size(), 3u);
  EXPECT_FALSE(d.checklist[0].checked);
  EXPECT_EQ(d.checklist[0].text, "p95 under 200 ms");
  EXPECT_EQ(d.checklist[0].line, 5u);
  EXPECT_EQ(d.checklist[0].column, 4u);  // of '['
  EXPECT_TRUE(d.checklist[1].checked);
  EXPECT_EQ(d.checklist[1].text, "dashboards exist (done)");
  EXPECT_EQ(d.checklist[2].line, 9u);
  EXPECT_EQ(d.checklist[2].text, "box alone in code");
  EXPECT_TRUE(d.line_info(5).checkbox);
  EXPECT_FALSE(d.line_info(7).checkbox);
}
