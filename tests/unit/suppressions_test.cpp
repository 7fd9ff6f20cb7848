// Suppression comments: read once into Document::suppressions (the checker and the spec index
// share that copy), and unknown rule names in them reported by unknown-rule with a hint.
#include <gtest/gtest.h>

#include "check/checker.h"
#include "model/document.h"
#include "spec/index.h"

namespace {

using namespace specgate;

const char kSpec[] =
    "# Spec\n"
    "\n"
    "<!-- specgate-disable-next-line placeholders, date -->\n"
    "Owner: <name> on 2026-02-30\n"
    "<!-- specgate-disable-next-line sectionorder -->\n"
    "<!-- specgate-disable-next-line zzzz-qqqq-wwww -->\n"
    "Text.\n";

std::vector<Diagnostic> check(const std::string& text, Config config = {}) {
  TemplateRegistry registry(config);
  CheckOptions opts;
  opts.today = Date{2026, 11, 22};
  Checker checker(config, registry, opts);
  const Document doc = build_document(SourceText("spec.md", text));
  CheckResult r = checker.check(doc);
  EXPECT_TRUE(r.fatal.empty()) << r.fatal;
  return r.report.diagnostics;
}

TEST(Suppressions, ReadOnceWithTheDocumentAndSharedWithTheIndex) {
  const Document doc = build_document(SourceText("spec.md", kSpec));
  const auto& named = doc.suppressions.named_rules();
  ASSERT_EQ(named.size(), 4u);
  EXPECT_EQ(named[0].rule, "placeholders");
  EXPECT_EQ(named[0].line, 3u);
  EXPECT_EQ(named[0].column, 33u);
  EXPECT_EQ(named[0].length, 12u);
  EXPECT_EQ(named[1].rule, "date");
  EXPECT_EQ(named[1].column, 47u);
  EXPECT_TRUE(doc.suppressions.suppressed("date", 4));
  EXPECT_FALSE(doc.suppressions.suppressed("date", 3));
  const SpecIndex index = build_spec_index(doc, Config{});
  EXPECT_TRUE(index.suppressions.suppressed("date", 4));
  EXPECT_FALSE(index.suppressions.suppressed("placeholder", 4));
}

TEST(Suppressions, UnknownRuleNamesAreWarningsWithANearName) {
  std::vector<std::string> found;
  for (const Diagnostic& d : check(kSpec)) {
    if (d.rule != "unknown-rule") continue;
    EXPECT_EQ(d.severity, Severity::Warning);
    found.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + "-" + std::to_string(d.end_column) +
                    " " + d.hint);
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "3:33-45 did you mean 'placeholder'?",
                       "5:33-45 did you mean 'section-order'?",
                       "6:33-47 see 'specgate rules' for the rule names",
                   }));
}

TEST(Suppressions, UnknownRuleCanBeTurnedOffOrSuppressed) {
  Config off;
  off.rules["unknown-rule"].enabled = false;
  for (const Diagnostic& d : check(kSpec, off)) EXPECT_NE(d.rule, "unknown-rule");
  // Every name `specgate rules` lists is known, the cross-document rules and no-template too.
  const std::string known =
      "# Spec\n\n<!-- specgate-disable dangling-reference, no-template, unknown-rule placeholder -->\n"
      "<!-- specgate-disable-next-line no-such-rule -->\nText.\n<!-- specgate-enable -->\n";
  for (const Diagnostic& d : check(known)) EXPECT_NE(d.rule, "unknown-rule") << d.message;
}

}  // namespace
