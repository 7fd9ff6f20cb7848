// overdue finds an item's due word wherever it sits on the line: the look for due / deadline /
// ETA jumps 16 bytes at a time, so each word is tried at every offset across those blocks.
#include <gtest/gtest.h>

#include "config/config.h"
#include "model/document.h"
#include "rules/registry.h"
#include "rules/rule.h"

namespace {

using namespace specgate;

size_t findings(const std::string& text) {
  const Document doc = build_document(SourceText("spec.md", text));
  Config config;
  const RuleContext ctx{doc, nullptr, nullptr, config, Date{2026, 11, 22}};
  std::vector<Diagnostic> out;
  Reporter reporter(doc, "overdue", out);
  find_rule("overdue")->check(ctx, reporter);
  return out.size();
}

TEST(OverdueDueWords, FoundAtEveryOffset) {
  for (const char* word : {"due:", "DUE:", "Due by", "Deadline:", "deadLINE:", "ETA:", "eta:"}) {
    for (size_t pad = 0; pad <= 40; ++pad) {
      const std::string item = "- [ ] " + std::string(pad, 'x') + " " + word + " 2025-01-01\n";
      EXPECT_EQ(findings(item), 1u) << item;
      // The same item with its box ticked is done.
      EXPECT_EQ(findings("- [x] " + item.substr(6)), 0u) << item;
    }
  }
}

TEST(OverdueDueWords, NoDueWordNoFinding) {
  for (size_t pad = 0; pad <= 40; ++pad) {
    EXPECT_EQ(findings("- [ ] " + std::string(pad, 'e') + " d-u-e: 2025-01-01\n"), 0u);
    EXPECT_EQ(findings("- [ ] " + std::string(pad, 'E') + " shipped 2025-01-01\n"), 0u);
  }
}

}  // namespace
