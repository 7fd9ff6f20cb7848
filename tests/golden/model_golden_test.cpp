// Whole-model snapshots (`specgate parse --format json`) of the seeds and of real specs that
// cover front matter, emoji and numbered headings, bold headings, task-list spellings, ragged
// tables, nested fences and CRLF. Regenerate with `make golden` and review the diff.
#include <gtest/gtest.h>

#include "core/file_io.h"
#include "model/document.h"
#include "model/model_json.h"
#include "support/golden.h"
#include "support/test_paths.h"

using namespace specgate;

namespace {

std::string model_of(const std::filesystem::path& p, const std::string& shown_path) {
  ReadResult r = read_file(p.string());
  EXPECT_TRUE(r.ok) << p;
  return document_to_json(build_document(SourceText(shown_path, std::move(r.bytes)))).dump(1) + "\n";
}

}  // namespace

TEST(Golden, SeedModels) {
  if (!test::have_shared()) GTEST_SKIP();
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    const auto p = test::seed(prefix);
    test::expect_golden(std::string("model/seed-") + prefix + ".json", model_of(p, p.filename().string()));
  }
}

TEST(Golden, RealSpecModels) {
  if (!test::have_shared()) GTEST_SKIP();
  const char* files[] = {
      "OGHeyDude__Dev-Agency__Project_Management__Specs__AGENT-029_spec.md",    // bold title, **[ ]** boxes
      "OGHeyDude__Dev-Agency__Project_Management__Specs__STAD-001_spec.md",
      "Jakeintech__congress-disclosures-standardized__docs__agile__stories__STORY_001_disable_eventbridge.md",
      "Jakeintech__congress-disclosures-standardized__docs__agile__stories__active__STORY_040_cloudwatch_alarms.md",
      "johnhkchen__my-little-soda__specs__000-index.md",                       // index table
      "johnhkchen__my-little-soda__specs__issue-125-state-machine-statig-agent-lifecycle.md",
      "jscraik__jscraik__.spec__tech-spec-2026-01-20-github-profile-readme-automation.md",  // numbered headings
      "jscraik__sTools__.spec__spec-2026-01-14-trustworthy-skills-inspector-prd.md",
      "EthanMacDonald__Rigour_Vibe__examples__simple-feature-example__README.md",
  };
  for (const char* f : files) {
    const auto p = test::shared_dir() / "corpus/real" / f;
    test::expect_golden(std::string("model/real-") + f + ".json", model_of(p, f));
  }
}

TEST(Golden, SyntheticEdgeCaseModel) {
  // Front matter, emoji heading, nested fences with headings inside, ragged table, CRLF.
  std::string text =
      "---\r\ntitle: Edge cases\r\nstatus: Draft\r\n---\r\n"
      "# 🚀 1) Launch **Plan**\r\n\r\n**Owner:** Ana | **Priority:** P1\r\n\r\n"
      "````markdown\r\n# not a heading\r\n```\r\n## nor this\r\n```\r\n````\r\n\r\n"
      "| A | B |\r\n|---|---|\r\n| 1 |\r\n| 2 | 3 | 4 |\r\n\r\n"
      "* **[x]** done item\r\n- [ ] **Gate**: open\r\n";
  test::expect_golden("model/synthetic-edge-cases.json",
                      document_to_json(build_document(SourceText("edge.md", text))).dump(1) + "\n");
}
