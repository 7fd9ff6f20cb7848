// SectionSpec::evidence_line: which template sections close a block with their own Evidence:
// line (docs/rules/missing-evidence.md, "What a \"paragraph\" is": where the template asks).
// Templates written here.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "schema/infer.h"
#include "schema/schema_io.h"

namespace specgate {
namespace {

Schema infer(const std::string& text) { return infer_schema(build_document(SourceText("t.md", text)), "t"); }

const SectionSpec& section(const Schema& s, const std::string& title) {
  for (const auto& sec : s.sections) {
    if (sec.title == title) return sec;
  }
  ADD_FAILURE() << "no section '" << title << "'";
  static const SectionSpec none;
  return none;
}

const char* kTemplate =
    "# Spec: <name>\n\n"
    "> Evidence rule: every paragraph ends with an `Evidence:` line or an `Evidence gap:` line.\n\n"
    "## Summary\n- **One-liner:** <what>\n\nEvidence: <path or URL>\n\n"
    "## Context\n<Today's behaviour.>\n**Evidence gap:** <what is unproven>\n\n"
    "## Scope\n- <item>\n\n"
    "## Decisions\n- **Decision:** <choice>\n  - Evidence: <path>\n\n"
    "## Notes\n> Evidence: quoted guidance is no slot.\n";

TEST(EvidenceSchema, SectionsWhoseOwnBodyEndsABlockWithEvidence) {
  const Schema s = infer(kTemplate);
  ASSERT_TRUE(s.rules.evidence);
  EXPECT_TRUE(section(s, "Summary").evidence_line);   // a paragraph after the list
  EXPECT_TRUE(section(s, "Context").evidence_line);   // the paragraph's closing line, in bold
  EXPECT_FALSE(section(s, "Scope").evidence_line);    // a list alone
  EXPECT_FALSE(section(s, "Decisions").evidence_line);  // inside a list item: that item's own
  EXPECT_FALSE(section(s, "Notes").evidence_line);    // a quote is guidance
}

TEST(EvidenceSchema, OnlyWithTheEvidenceRule) {
  const Schema s = infer("# Spec\n\n## Summary\nText.\nEvidence: <path>\n");
  ASSERT_FALSE(s.rules.evidence);
  EXPECT_FALSE(section(s, "Summary").evidence_line);
}

TEST(EvidenceSchema, SurvivesASchemaFile) {
  const Schema s = infer(kTemplate);
  const nlohmann::json j = nlohmann::json::parse(schema_to_json(s).dump());
  std::string error;
  const auto back = schema_from_json(j, error);
  ASSERT_TRUE(back) << error;
  EXPECT_TRUE(section(*back, "Summary").evidence_line);
  EXPECT_FALSE(section(*back, "Scope").evidence_line);
}

}  // namespace
}  // namespace specgate
