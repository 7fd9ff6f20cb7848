// `specgate status`: what is read off specs (real corpus and crafted cases), the four formats,
// sorting, and the needs-attention list.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/process.h"
#include "model/document.h"
#include "status/spec_summary.h"
#include "status/status_report.h"
#include "support/test_paths.h"

namespace specgate {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

ProcessResult cli(std::vector<std::string> args) {
  args.insert(args.begin(), test::binary());
  return run_process(args);
}

SpecSummary summary_of(const std::string& text, const std::string& path = "spec.md") {
  Config config;
  Document doc = build_document(SourceText(path, text));
  SpecSummary s = read_spec_summary(doc, config);
  finish_summary(s, config, *parse_iso_date("2026-11-22"));
  return s;
}

const Json* spec_named(const Json& j, const std::string& suffix) {
  for (const auto& s : j["specs"]) {
    const std::string p = s["path"];
    if (p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) return &s;
  }
  return nullptr;
}

// What a person reads off the clambake and congress specs (read by hand, see each comment).
TEST(StatusRealCorpus, ClambakeAndCongress) {
  if (!test::have_shared()) GTEST_SKIP() << "../shared not present";
  const fs::path real = test::shared_dir() / "corpus" / "real";
  ProcessResult r = cli({"status", "--format", "json", "--today", "2026-11-22", (real / "johnhkchen__*.md").string(),
                         (real / "Jakeintech__*.md").string()});
  ASSERT_TRUE(r.started) << r.error;
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json j = Json::parse(r.out);
  ASSERT_EQ(j["specs"].size(), 8u);

  struct Want {
    const char* file;
    Json id, status, owner, priority, points, created, updated;
    const char* title;
  };
  const Json null;
  const std::vector<Want> wants = {
      // The index page tracks nine super tasks' statuses, but has no ID or status of its own.
      {"johnhkchen__my-little-soda__specs__000-index.md", null, null, null, null, null, null, "2025-08-21",
       "Clambake Architectural Refactor - Super Task Index"},
      // The super-task specs carry no metadata block: no ID, status or owner is written in them.
      {"johnhkchen__my-little-soda__specs__cutover.md", null, null, null, null, null, null, null,
       "Cutover & Feature Flags Specification"},
      {"johnhkchen__my-little-soda__specs__issue-125-state-machine-statig-agent-lifecycle.md", null, null, null, null,
       null, null, null, "Issue #125: Implement State Machine with statig & Fix Agent Lifecycle"},
      {"johnhkchen__my-little-soda__specs__issue-126-github-actions-agent-integration.md", null, null, null, null,
       null, null, null, "Issue #126: Migrate Bundling to GitHub Actions & Implement Real Agent Integration"},
      {"johnhkchen__my-little-soda__specs__issue-131-functional-bundling-system.md", null, null, null, null, null,
       null, null, "Issue #131: Implement Functional Branch Bundling System"},
      // "# STORY-001: ...", **Status**: To Do, **Assignee**: TBD, **Story Points**: 1.
      {"STORY_001_disable_eventbridge.md", "STORY-001", "To Do", "TBD", "P0 (Critical - Cost Blocker)", 1,
       "2025-12-14", "2025-12-14", "Disable EventBridge Hourly Trigger"},
      // One pipe-separated line: **Epic**: EPIC-001 | **Sprint**: 4 | **Points**: 3 | **Priority**: P0 | **Status**: To Do
      {"STORY_040_cloudwatch_alarms.md", "STORY-040", "To Do", null, "P0", 3, null, null,
       "Configure CloudWatch Alarms"},
      {"STORY_021_build_fact_transactions.md", "STORY-021", "Done", "TBD", "P0 (Critical - Core Gold Table)", 8,
       "2025-12-14", "2025-12-14", "Create build_fact_transactions Lambda Wrapper"},
  };
  for (const auto& w : wants) {
    const Json* s = spec_named(j, w.file);
    ASSERT_NE(s, nullptr) << w.file;
    EXPECT_EQ((*s)["id"], w.id) << w.file;
    EXPECT_EQ((*s)["status"], w.status) << w.file;
    EXPECT_EQ((*s)["owner"], w.owner) << w.file;
    EXPECT_EQ((*s)["priority"], w.priority) << w.file;
    EXPECT_EQ((*s)["points"], w.points) << w.file;
    EXPECT_EQ((*s)["created"], w.created) << w.file;
    EXPECT_EQ((*s)["last_updated"], w.updated) << w.file;
    EXPECT_EQ((*s)["title"], w.title) << w.file;
    EXPECT_EQ((*s)["next_review"], null) << w.file;
    EXPECT_EQ((*s)["overdue"], false) << w.file;
  }
  EXPECT_EQ(j["totals"]["by_status"]["To Do"], 2);
  EXPECT_EQ(j["totals"]["by_status"]["Done"], 1);
  EXPECT_EQ(j["totals"]["by_status"]["(none)"], 5);
  // STORY-001's acceptance sign-off is still open; it is not done, so that is not a concern.
  const Json* s001 = spec_named(j, "STORY_001_disable_eventbridge.md");
  bool signoff = false;
  for (const auto& g : (*s001)["gates"]) {
    if (g["section"] == "Acceptance Sign-Off") {
      signoff = true;
      EXPECT_EQ(g["done"], 0);
      EXPECT_EQ(g["total"], 5);
    }
  }
  EXPECT_TRUE(signoff);
}

TEST(StatusCli, ExamplesJsonShapeAndOverdueReviews) {
  const std::string examples = test::source_dir() + "/examples";
  ProcessResult r = cli({"status", examples, "--format", "json", "--today", "2031-01-01", "--jobs", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  ASSERT_EQ(j["specs"].size(), 5u);
  const std::vector<std::string> keys = {"path",    "id",           "title",       "template", "status",
                                         "owner",   "priority",     "points",      "created",  "last_updated",
                                         "next_review", "overdue",  "gates",       "errors",   "warnings"};
  for (const auto& s : j["specs"]) {
    EXPECT_EQ(s.size(), keys.size());
    for (const auto& k : keys) EXPECT_TRUE(s.contains(k)) << k;
  }
  const Json* arch = spec_named(j, "ARCH-SUPER-7-event-driven-ledger-sync.md");
  ASSERT_NE(arch, nullptr);
  // The super-task's metadata is a footer after the last '---' (as in the template).
  EXPECT_EQ((*arch)["status"], "Under Review");
  EXPECT_EQ((*arch)["owner"], "Ledger Platform team (Priya Raman)");
  EXPECT_EQ((*arch)["next_review"], "2030-05-14");
  EXPECT_EQ((*arch)["overdue"], true);
  EXPECT_EQ((*arch)["template"], "super-task");
  const Json* epic = spec_named(j, "SPEC-EPIC-12-sync-retry-policies.md");
  EXPECT_EQ((*epic)["id"], "SPEC-EPIC-12");
  EXPECT_EQ((*epic)["title"], "Bank Sync Retry Policies");  // the Title field, not the template's H1
  EXPECT_EQ((*epic)["owner"], "Dana Whitfield");  // no owner field: its Author owns it (issue 17)
  ASSERT_EQ(j["attention"].size(), 2u);
  EXPECT_EQ(j["attention"][0]["reasons"][0], "review overdue since 2030-05-12");
  // Before the reviews are due nothing needs attention, and the totals add up.
  r = cli({"status", examples, "--format", "json", "--today", "2026-11-22"});
  j = Json::parse(r.out);
  EXPECT_TRUE(j["attention"].empty());
  size_t total = 0;
  for (const auto& [k, v] : j["totals"]["by_template"].items()) total += v.get<size_t>();
  EXPECT_EQ(total, 5u);
}

TEST(StatusCli, UsageErrors) {
  EXPECT_EQ(cli({"status", "--sort", "colour", test::source_dir() + "/examples"}).exit_code, 2);
  EXPECT_EQ(cli({"status", "--today", "2026-13-01", test::source_dir() + "/examples"}).exit_code, 2);
  EXPECT_EQ(cli({"status", "/no/such/dir"}).exit_code, 2);
}

TEST(StatusRead, HeaderFooterFrontMatterAndPlaceholders) {
  SpecSummary s = summary_of(
      "---\nstatus: Approved\nowner: Sam\n---\n# TASK-9: Do it\n\n**Priority**: P2\n**Story Points**: [1, 2, 3, 5]\n"
      "**Created**: YYYY-MM-DD\n**Next Review**: 2026-01-02\n\n## Definition of Done\n- [x] a\n### Docs\n- [ ] b\n"
      "## Steps\n- [ ] not a gate\n## Component\n**Status:** planned\n");
  EXPECT_EQ(s.status, "Approved");  // front matter, not the component's Status
  EXPECT_EQ(s.owner, "Sam");
  EXPECT_EQ(s.title, "Do it");
  EXPECT_EQ(s.priority, "P2");
  EXPECT_FALSE(s.points.has_value());   // an unpicked option list
  EXPECT_FALSE(s.created.has_value());  // a date mask
  ASSERT_EQ(s.gates.size(), 1u);
  EXPECT_EQ(s.gates[0].section, "Definition of Done");
  EXPECT_EQ(s.gates[0].done, 1u);
  EXPECT_EQ(s.gates[0].total, 2u);
  EXPECT_TRUE(s.overdue);
  EXPECT_EQ(s.attention, (std::vector<std::string>{"review overdue since 2026-01-02",
                                                   "'Approved' with 1 unchecked gate item"}));

  // A Status only inside a component section is not the spec's status.
  SpecSummary c = summary_of("# Spec\n\n## Component A\n**Status:** planned\n");
  EXPECT_FALSE(c.status.has_value());
  // The header's plain `Status:` line, as every rule reads it (Swift Evolution's list item).
  EXPECT_EQ(summary_of("# Proposal\n\n* Author: A\n* Status: **Implemented (5.9)**\n\n## Intro\nx\n").status,
            "Implemented (5.9)");
  // Emoji and markup around a value are not part of it; an option list is a placeholder.
  EXPECT_EQ(summary_of("# X\n**Status:** 🚧 `In Progress`\n").status, "In Progress");
  EXPECT_FALSE(summary_of("# X\n**Status:** Draft | In Review | Approved\n").status.has_value());
  EXPECT_EQ(summary_of("# X\n**Story Points**: 0.5 (spike)\n").points, 0.5);
  EXPECT_FALSE(summary_of("# X\n**Story Points**: 3-5\n").points.has_value());
  // Numbered, emoji and "(Required)" gate titles are shown clean.
  SpecSummary g = summary_of("# X\n## 37) Tech Spec Quality Gate (Required)\n- [x] a\n## 🎯 Success Criteria\n- [ ] b\n");
  ASSERT_EQ(g.gates.size(), 2u);
  EXPECT_EQ(g.gates[0].section, "Tech Spec Quality Gate");
  EXPECT_EQ(g.gates[1].section, "Success Criteria");
}

StatusReport sample() {
  StatusReport r;
  r.today = *parse_iso_date("2026-11-22");
  SpecSummary a;
  a.path = "specs/a, \"quoted\".md";
  a.id = "TASK-10";
  a.title = "Pipes | and, commas";
  a.status = "Done";
  a.points = 2;
  a.gates = {{"Definition of Done", 1, 2}};
  a.errors = 1;
  a.attention = {"1 error"};
  SpecSummary b;
  b.path = "specs/b.md";
  b.id = "TASK-9";
  SpecSummary c;
  c.path = "specs/c.md";
  r.specs = {a, b, c};
  compute_totals(r);
  return r;
}

TEST(StatusWrite, CsvQuotesAndNulls) {
  std::ostringstream out;
  write_status(out, sample(), StatusFormat::Csv);
  const std::string s = out.str();
  EXPECT_NE(s.find("\"specs/a, \"\"quoted\"\".md\",TASK-10,\"Pipes | and, commas\",,Done,,,2,,,,false,"
                   "Definition of Done 1/2,1,0\r\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("specs/c.md,,,,,,,,,,,false,,0,0\r\n"), std::string::npos) << s;
}

TEST(StatusWrite, MarkdownEscapesPipesAndListsAttention) {
  std::ostringstream out;
  write_status(out, sample(), StatusFormat::Markdown);
  const std::string s = out.str();
  EXPECT_NE(s.find("Pipes \\| and, commas"), std::string::npos);
  EXPECT_NE(s.find("## Needs attention\n\n- [TASK-10](specs/a,%20\"quoted\".md): 1 error\n"), std::string::npos) << s;
  EXPECT_NE(s.find("| (none) | 2 |"), std::string::npos);
}

TEST(StatusWrite, TableIsAligned) {
  std::ostringstream out;
  write_status(out, sample(), StatusFormat::Table);
  std::istringstream in(out.str());
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  // Every column starts at the same place in the header and the rows.
  EXPECT_EQ(header.find("STATUS"), row.find("Done"));
  EXPECT_NE(out.str().find("Needs attention (1):"), std::string::npos);
}

TEST(StatusSort, NaturalOrderAndNullsLast) {
  StatusReport r = sample();
  ASSERT_TRUE(sort_specs(r.specs, "id"));
  EXPECT_EQ(r.specs[0].id, "TASK-9");
  EXPECT_EQ(r.specs[1].id, "TASK-10");
  EXPECT_FALSE(r.specs[2].id.has_value());
  ASSERT_TRUE(sort_specs(r.specs, "errors"));
  EXPECT_EQ(r.specs[0].errors, 1u);
  EXPECT_FALSE(sort_specs(r.specs, "colour"));
}

}  // namespace
}  // namespace specgate
