// Fixture workspaces for the cross-document rules: tests/fixtures/workspaces/NAME/ is a small
// repository of specs and NAME/expected.txt lists exactly the cross-document findings a check of
// the whole directory reports, one per line: PATH:LINE:COL: SEVERITY: RULE: MESSAGE (PATH relative
// to the workspace). SPECGATE_UPDATE_GOLDEN=1 rewrites expected.txt (review the diff).
#include <gtest/gtest.h>

#include <cstdio>
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
#include "spec/ids.h"

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
                         ::testing::Values("duplicate-id", "dangling-reference", "dependency-cycle", "dependency-direction"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

// The same run with RunOptions::on_file: outcomes arrive one by one in path order, and the
// cross-document findings come separately in WorkspaceRun::cross.
TEST_P(WorkspaceFixture, StreamedRunHandsFilesOverInOrderWithTheSameFindings) {
  const fs::path dir = fixtures() / GetParam();
  const std::string merged = workspace_findings(dir, 1);
  for (unsigned jobs : {1u, 2u, 7u}) {
    SCOPED_TRACE("jobs " + std::to_string(jobs));
    Config config;
    TemplateRegistry registry(config);
    CheckOptions opts;
    opts.today = *parse_iso_date("2026-11-22");
    Checker checker(config, registry, opts);
    Discovery found = discover({dir.string()}, {});
    RunOptions ro;
    ro.jobs = jobs;
    ro.complete = found.covers_workspace;
    std::vector<size_t> order;
    std::vector<std::string> paths;
    ro.on_file = [&](size_t i, FileOutcome&& out) {
      order.push_back(i);
      paths.push_back(out.report.path);
      for (const auto& d : out.report.diagnostics) EXPECT_FALSE(find_workspace_rule(d.rule)) << d.rule;
    };
    WorkspaceRun run = run_workspace(found.files, checker, config, ro);
    EXPECT_TRUE(run.files.empty());
    ASSERT_EQ(order.size(), found.files.size());
    for (size_t i = 0; i < order.size(); ++i) {
      EXPECT_EQ(order[i], i);
      EXPECT_EQ(paths[i], found.files[i]);
    }
    std::string got;
    std::string last_path;
    for (const FileReport& r : run.cross) {
      EXPECT_LT(last_path, r.path) << "cross-document findings out of path order";
      last_path = r.path;
      for (const auto& d : r.diagnostics) {
        EXPECT_TRUE(r.excerpt_lines.count(d.line)) << r.path << ":" << d.line;
        std::string message = d.message;
        const std::string prefix = dir.string() + "/";
        for (size_t p = message.find(prefix); p != std::string::npos; p = message.find(prefix)) message.erase(p, prefix.size());
        got += fs::path(r.path).lexically_relative(dir).generic_string() + ":" + std::to_string(d.line) + ":" +
               std::to_string(d.column) + ": " + std::string(severity_name(d.severity)) + ": " + d.rule + ": " +
               message + "\n";
      }
    }
    EXPECT_EQ(got, merged);
  }
}

TEST(WorkspaceRules, StreamedRunOverManyFilesKeepsOrder) {
  // More files than the hand-off window, with workers racing: order must still be exact.
  const fs::path dir = fs::path(::testing::TempDir()) / "specgate-stream-order";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::vector<std::string> files;
  for (int i = 0; i < 300; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "TASK-%03d.md", i);
    std::string body = "# TASK-" + std::to_string(i) + ": Item\n\n";
    // Uneven sizes so workers finish out of order.
    for (int k = 0; k < (i % 7) * 200; ++k) body += "Line of text that refers to TASK-" + std::to_string((i + 1) % 300) + ".\n";
    std::ofstream(dir / name) << body;
  }
  Config config;
  TemplateRegistry registry(config);
  CheckOptions opts;
  Checker checker(config, registry, opts);
  Discovery found = discover({dir.string()}, {});
  ASSERT_EQ(found.files.size(), 300u);
  RunOptions ro;
  ro.jobs = 3;
  size_t next = 0;
  ro.on_file = [&](size_t i, FileOutcome&& out) {
    EXPECT_EQ(i, next);
    EXPECT_EQ(out.report.path, found.files[i]);
    ++next;
  };
  run_workspace(found.files, checker, config, ro);
  EXPECT_EQ(next, 300u);
  fs::remove_all(dir);
}

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

namespace specgate {
namespace {

TEST(SpecIndex, DeclarationsAndReferences) {
  Config config;
  Document doc = build_document(SourceText(
      "dir/STORY_040_alarms.md",
      "---\nid: STORY-40\n---\n# STORY-040: Alarms\n\n**Ticket ID:** `STORY-041`\n**Epic**: EPIC-1 | **Blocked By**: "
      "TASK-2, TASK-3\n\n## Blocking Tasks\n- [ ] TASK-9: first\n  TASK-10 on a continuation line is not an item\n"
      "See [b](other.md#part-two) and [web](https://x.io/TASK-77).\n\n```\n**Blocked By**: TASK-99\n```\n"));
  SpecIndex idx = build_spec_index(doc, config);
  ASSERT_EQ(idx.ids.size(), 3u);
  EXPECT_EQ(idx.ids[0].id, "STORY-40");  // front matter first
  EXPECT_EQ(idx.ids[1].id, "STORY-041");
  EXPECT_EQ(idx.ids[2].id, "STORY-040");  // title and file name agree: one declaration
  EXPECT_EQ(idx.ids[2].source, IdSource::Title);
  std::vector<std::string> refs;
  for (const auto& r : idx.refs) refs.push_back(r.id + "@" + std::to_string(r.line) + ":" + std::to_string(r.column));
  EXPECT_EQ(refs, (std::vector<std::string>{"EPIC-1@7:11", "TASK-2@7:36", "TASK-3@7:44", "TASK-9@10:7"}));
  EXPECT_EQ(idx.refs[0].kind, RefKind::Parent);
  EXPECT_EQ(idx.refs[1].kind, RefKind::DependsOn);
}

TEST(SpecIds, Shapes) {
  auto ids = [](std::string_view s) {
    std::vector<std::string> out;
    for (const auto& t : find_ids(s)) out.push_back(id_text(s, t));
    return out;
  };
  EXPECT_EQ(ids("ARCH-SUPER-7, SPEC-EPIC-12 and TASK-101-foo"),
            (std::vector<std::string>{"ARCH-SUPER-7", "SPEC-EPIC-12", "TASK-101"}));
  EXPECT_TRUE(ids("TASK-XXX SPEC-[EPIC-XXX] task-1 TASK-12a xTASK-1 TASK_1").empty());
  EXPECT_EQ(id_at("STORY_040_x", 0, true).length, 9u);
  EXPECT_EQ(id_family("ARCH-SUPER-7", {"ARCH", "ARCH-SUPER"}), "ARCH-SUPER");
  EXPECT_EQ(id_family("SPEC-EPIC-12", {"EPIC", "SPEC"}), "SPEC");
  EXPECT_EQ(id_family("RFC-1", {"EPIC", "SPEC"}), "");
  EXPECT_TRUE(id_less("TASK-2", "TASK-10"));
  EXPECT_FALSE(id_less("TASK-10", "TASK-2"));
  EXPECT_EQ(title_id("TASK-1 — Do it").rest, "Do it");
  EXPECT_EQ(title_id("ISO-8601 dates").id, "");  // not used as a label
}

}  // namespace
}  // namespace specgate
