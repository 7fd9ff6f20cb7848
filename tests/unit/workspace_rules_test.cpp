// Fixture workspaces for the cross-document rules: tests/fixtures/workspaces/NAME/ is a small
// repository of specs and NAME/expected.txt lists exactly the cross-document findings a check of
// the whole directory reports, one per line: PATH:LINE:COL: SEVERITY: RULE: MESSAGE (PATH relative
// to the workspace). SPECGATE_UPDATE_GOLDEN=1 rewrites expected.txt (review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/checker.h"
#include "core/file_io.h"
#include "rules/workspace_rule.h"
#include "support/test_paths.h"
#include "workspace/discover.h"
#include "workspace/run.h"

namespace specgate {
namespace {

namespace fs = std::filesystem;

fs::path fixtures() { return fs::path(test::source_dir()) / "tests" / "fixtures" / "workspaces"; }

// Runs the check over `dir` (as `specgate check DIR` would) and renders the cross-document findings.
std::string workspace_findings(const fs::path& dir, unsigned jobs, const std::vector<std::string>& args = {}) {
  Config config;
  TemplateRegistry registry(config);
  CheckOptions opts;
  opts.today = *parse_iso_date("2026-11-22");
  Checker checker(config, registry, opts);
  Discovery found = discover(args.empty() ? std::vector<std::string>{dir.string()} : args, {});
  RunOptions ro;
  ro.jobs = jobs;
  ro.complete = found.covers_workspace;
  WorkspaceRun run = run_workspace(found.files, checker, config, ro);
  std::string out;
  for (const auto& f : run.files) {
    for (const auto& d : f.report.diagnostics) {
      if (!find_workspace_rule(d.rule)) continue;
      std::string message = d.message;
      const std::string prefix = dir.string() + "/";
      for (size_t p = message.find(prefix); p != std::string::npos; p = message.find(prefix)) message.erase(p, prefix.size());
      out += fs::path(f.report.path).lexically_relative(dir).generic_string() + ":" + std::to_string(d.line) + ":" +
             std::to_string(d.column) + ": " + std::string(severity_name(d.severity)) + ": " + d.rule + ": " +
             message + "\n";
    }
  }
  return out;
}

class WorkspaceFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(WorkspaceFixture, ReportsExactlyTheExpectedFindings) {
  const fs::path dir = fixtures() / GetParam();
  const fs::path expected_file = dir / "expected.txt";
  const std::string got = workspace_findings(dir, 2);
  if (const char* u = std::getenv("SPECGATE_UPDATE_GOLDEN"); u && *u) {
    std::ofstream(expected_file) << got;
    GTEST_SKIP() << "updated " << expected_file;
  }
  ReadResult expected = read_file(expected_file.string());
  ASSERT_TRUE(expected.ok) << expected_file;
  EXPECT_EQ(got, expected.bytes);
  // Same findings whatever the number of workers.
  EXPECT_EQ(workspace_findings(dir, 1), got);
  EXPECT_EQ(workspace_findings(dir, 7), got);
}

INSTANTIATE_TEST_SUITE_P(Rules, WorkspaceFixture,
                         ::testing::Values("duplicate-id", "dangling-reference", "dependency-cycle"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

TEST(WorkspaceRules, EveryRuleHasDocsAndAFixtureWorkspace) {
  for (const auto& r : all_workspace_rules()) {
    const std::string name(r->name());
    EXPECT_TRUE(fs::exists(fs::path(test::source_dir()) / "docs" / "rules" / (name + ".md"))) << name;
    EXPECT_TRUE(fs::exists(fixtures() / name / "expected.txt")) << name;
  }
}

TEST(WorkspaceRules, DanglingReferenceNeedsAWholeDirectory) {
  // The same two files named one by one: nobody can know what else exists, so no warning.
  const fs::path dir = fixtures() / "dangling-reference" / "stories";
  const std::string got = workspace_findings(
      dir, 1, {(dir / "STORY_001_signup.md").string(), (dir / "STORY_002_reset.md").string()});
  EXPECT_EQ(got.find("dangling-reference"), std::string::npos) << got;
  // A glob covers a set, like a directory does.
  const std::string globbed = workspace_findings(dir, 1, {(dir / "STORY_*.md").string()});
  EXPECT_NE(globbed.find("'STORY-404'"), std::string::npos) << globbed;
}

TEST(WorkspaceRules, SelfCycleEvenInASingleFileRun) {
  // A single-file run still reports a cycle a spec closes on itself.
  const fs::path dir = fixtures() / "dependency-cycle";
  const std::string got = workspace_findings(dir, 1, {(dir / "TASK-5-release.md").string()});
  EXPECT_EQ(got, "TASK-5-release.md:4:17: error: dependency-cycle: dependency cycle: TASK-5 -> TASK-5 (it waits for itself)\n");
}

}  // namespace
}  // namespace specgate
