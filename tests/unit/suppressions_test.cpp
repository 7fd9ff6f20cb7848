// Suppression comments: read once into Document::suppressions (the checker and the spec index
// share that copy), and unknown rule names in them reported by unknown-rule with a hint.
#include <gtest/gtest.h>

#include "model/document.h"
#include "spec/index.h"
#include "support/shell_cli.h"

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

// `specgate check` on `text` as spec.md (with `config` as .specgate.yaml when given), as the user
// sees it: the text report.
std::string check(const std::string& text, const std::string& config = "") {
  test::ScratchDir dir;
  test::spit(dir.path / "spec.md", text);
  if (!config.empty()) test::spit(dir.path / ".specgate.yaml", config);
  return test::run_specgate(dir.path, "check spec.md --today 2026-11-22 --color never").out;
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
  const std::string out = check(kSpec);
  EXPECT_NE(out.find("spec.md:3:33: warning: unknown rule 'placeholders' in a suppression comment: it suppresses "
                     "nothing [unknown-rule]"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("  = hint: did you mean 'placeholder'?"), std::string::npos) << out;
  EXPECT_NE(out.find("spec.md:5:33: warning: unknown rule 'sectionorder'"), std::string::npos) << out;
  EXPECT_NE(out.find("  = hint: did you mean 'section-order'?"), std::string::npos) << out;
  EXPECT_NE(out.find("spec.md:6:33: warning: unknown rule 'zzzz-qqqq-wwww'"), std::string::npos) << out;
  EXPECT_NE(out.find("  = hint: see 'specgate rules' for the rule names"), std::string::npos) << out;
  // The known name still suppresses: no date finding for line 4.
  EXPECT_EQ(out.find("[date]"), std::string::npos) << out;
}

TEST(Suppressions, UnknownRuleCanBeTurnedOffOrSuppressed) {
  const std::string off = check(kSpec, "rules:\n  unknown-rule: off\n");
  EXPECT_NE(off.find("in 1 file"), std::string::npos) << off;  // it ran
  EXPECT_EQ(off.find("[unknown-rule]"), std::string::npos) << off;
  // Every name `specgate rules` lists is known, the cross-document rules and no-template too;
  // unknown-rule's own findings can be suppressed like any other.
  const std::string known =
      "# Spec\n\n<!-- specgate-disable dangling-reference, no-template, unknown-rule placeholder -->\n"
      "<!-- specgate-disable-next-line no-such-rule -->\nText.\n<!-- specgate-enable -->\n";
  const std::string out = check(known);
  EXPECT_NE(out.find("in 1 file"), std::string::npos) << out;
  EXPECT_EQ(out.find("[unknown-rule]"), std::string::npos) << out;
}

}  // namespace
