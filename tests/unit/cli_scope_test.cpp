// What a run lints (issue 17): `include:`, `exclude:` with --force-exclude, templates left out
// of folder runs and offered to auto-detection, `check -` with --stdin-filename, and the GitLab
// Code Quality fingerprints. Through the built binary, as a user runs it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "support/run_binary.h"
#include "support/test_paths.h"

using specgate::test::RunOptions;
using specgate::test::RunResult;
using specgate::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kBadTask =
    "<!-- specgate: template=task -->\n# TASK-7: Rotate keys\n\n**Status**: Draft\n**Assignee**: <name>\n";

RunResult run(const TempDir& d, std::vector<std::string> args, const std::string& stdin_file = "") {
  args.insert(args.begin(), specgate::test::binary());
  RunOptions o;
  o.cwd = d.path();
  o.stdin_file = stdin_file;
  return specgate::test::run_program(args, o);
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string builtin_task_template() { return specgate::test::read_all(fs::path(specgate::test::source_dir()) / "templates/task.md"); }
std::string example_task() {
  std::string t = specgate::test::read_all(fs::path(specgate::test::source_dir()) / "examples/TASK-101-add-retry-budget.md");
  // Auto-detection only: drop the example's template comment.
  const size_t c = t.find("<!-- specgate: template=");
  if (c != std::string::npos) t.erase(c, t.find("-->", c) + 3 - c);
  return t;
}

}  // namespace

TEST(CheckScope, IncludeLimitsAFolderRunToTheSpecFolders) {
  TempDir d;
  d.write(".specgate.yaml", "include: [specs/]\n");
  d.write("specs/TASK-7.md", kBadTask);
  d.write("README.md", kBadTask);
  d.write("docs/guide.md", kBadTask);
  auto r = run(d, {"check"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.out, "specs/TASK-7.md:5:15")) << r.out;
  EXPECT_FALSE(has(r.out, "README.md")) << r.out;
  EXPECT_FALSE(has(r.out, "guide.md")) << r.out;
  EXPECT_TRUE(has(r.out, "in 1 file")) << r.out;
  // A file named on the command line is still checked.
  auto named = run(d, {"check", "README.md"});
  EXPECT_TRUE(has(named.out, "README.md:5:15")) << named.out;
}

TEST(CheckScope, ForceExcludeAppliesIncludeAndExcludeToNamedFiles) {
  TempDir d;
  d.write(".specgate.yaml", "include: [specs/]\nexclude: [specs/drafts/]\n");
  d.write("specs/TASK-7.md", kBadTask);
  d.write("specs/drafts/TASK-8.md", kBadTask);
  d.write("README.md", kBadTask);
  auto plain = run(d, {"check", "specs/drafts/TASK-8.md", "README.md"});
  EXPECT_EQ(plain.exit_code, 1);
  EXPECT_TRUE(has(plain.out, "specs/drafts/TASK-8.md:5:15")) << plain.out;

  auto forced = run(d, {"check", "--force-exclude", "specs/TASK-7.md", "specs/drafts/TASK-8.md", "README.md"});
  EXPECT_EQ(forced.exit_code, 1);
  EXPECT_TRUE(has(forced.out, "specs/TASK-7.md:5:15")) << forced.out;
  EXPECT_FALSE(has(forced.out, "TASK-8.md")) << forced.out;
  EXPECT_FALSE(has(forced.out, "README.md")) << forced.out;

  // Every named file left out: a clean run, not "no Markdown files" (pre-commit staging a README).
  auto none = run(d, {"check", "--force-exclude", "README.md"});
  EXPECT_EQ(none.exit_code, 0) << none.out << none.err;
  EXPECT_EQ(none.err, "");
}

TEST(CheckScope, TemplatesAreNotLintedByAFolderRun) {
  TempDir d;
  d.write(".specgate.yaml", "templates:\n  rfc: specs/rfc-form.md\n");
  d.write("specs/rfc-form.md", "# RFC: [Title]\n\n## Summary\n\n[One paragraph]\n");        // registered
  d.write("specs/task-template.md", "# TASK-XXX: [Title]\n\n**Assignee**: <name>\n");     // by name
  d.write("specs/adr-form.md", "# ADR-XXX: [Decision]\n\n## Context\n\n[Why]\n");          // named by a spec
  d.write("specs/ADR-1.md", "---\ntemplate: adr-form.md\n---\n# ADR-1: Use Postgres\n\n## Context\n\nWe need SQL.\n");
  d.write("specs/TASK-7.md", kBadTask);
  auto r = run(d, {"check", "specs/"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(has(r.out, "specs/TASK-7.md:5:15")) << r.out;
  EXPECT_FALSE(has(r.out, "rfc-form.md")) << r.out;
  EXPECT_FALSE(has(r.out, "task-template.md")) << r.out;
  EXPECT_FALSE(has(r.out, "specs/adr-form.md")) << r.out;
  EXPECT_TRUE(has(r.out, "in 2 files")) << r.out;
  // The spec that names its template is checked against it (and is clean).
  auto json = nlohmann::json::parse(run(d, {"check", "--format", "json", "specs/"}).out);
  std::map<std::string, std::string> templates;
  for (const auto& f : json["files"]) templates[f["path"]] = f["template"].is_string() ? f["template"].get<std::string>() : "";
  EXPECT_EQ(templates.size(), 2u);
  EXPECT_EQ(templates["specs/ADR-1.md"], "adr-form");

  // Named explicitly, a template is still linted; with --force-exclude it is not.
  auto named = run(d, {"check", "specs/task-template.md"});
  EXPECT_EQ(named.exit_code, 1);
  EXPECT_TRUE(has(named.out, "specs/task-template.md:3:15")) << named.out;
  // With --force-exclude only the specs of the run are seen naming a template: pre-commit
  // staging a spec with its template leaves the template out.
  auto forced = run(d, {"check", "--force-exclude", "specs/task-template.md", "specs/rfc-form.md", "specs/adr-form.md",
                        "specs/ADR-1.md"});
  EXPECT_EQ(forced.exit_code, 0) << forced.out;
  EXPECT_FALSE(has(forced.out, "template.md")) << forced.out;
  EXPECT_FALSE(has(forced.out, "-form.md")) << forced.out;
}

TEST(CheckScope, RepositoryTemplateWinsATieWithABuiltIn) {
  TempDir d;
  d.write("specs/team-task-template.md", builtin_task_template());  // the team's copy of `task`
  d.write("specs/TASK-101.md", example_task());
  auto r = run(d, {"check", "--today", "2026-11-22", "specs/"});
  EXPECT_TRUE(has(r.out,
                  "specs/TASK-101.md: note: checked against template 'team-task-template' (auto-detected: 100% of its "
                  "required sections present; the repository's own template wins the tie with built-in 'task' (100%))"))
      << r.out;
  EXPECT_FALSE(has(r.out, "no template matched")) << r.out;
  // Without the team's template the built-in is chosen as before.
  fs::remove(d / "specs/team-task-template.md");
  auto alone = run(d, {"check", "--today", "2026-11-22", "specs/"});
  EXPECT_TRUE(has(alone.out, "checked against template 'task' (auto-detected: 100%")) << alone.out;
}

TEST(CheckStdin, ReadsTheSpecFromStandardInputUnderItsFileName) {
  TempDir d;
  // The config next to the named file applies (config lookup from --stdin-filename's folder).
  d.write("specs/.specgate.yaml", "rules:\n  field-missing: off\n");
  d.write("specs/other.md", "# Other\n\ntext\n");
  const fs::path spec = d.write("specs/TASK-7.md", kBadTask + "\nSee [the other spec](other.md) and [gone](gone.md).\n");
  auto from_file = run(d, {"check", "--today", "2026-11-22", "specs/TASK-7.md"});
  auto from_stdin = run(d, {"check", "--today", "2026-11-22", "-", "--stdin-filename", "specs/TASK-7.md"}, spec.string());
  EXPECT_EQ(from_stdin.exit_code, from_file.exit_code);
  EXPECT_EQ(from_stdin.out, from_file.out);
  EXPECT_TRUE(has(from_stdin.out, "specs/TASK-7.md:5:15: warning: placeholder '<name>'")) << from_stdin.out;
  EXPECT_TRUE(has(from_stdin.out, "'gone.md' does not exist")) << from_stdin.out;   // relative links
  EXPECT_FALSE(has(from_stdin.out, "'other.md' does not exist")) << from_stdin.out;
  EXPECT_FALSE(has(from_stdin.out, "[field-missing]")) << from_stdin.out;             // its config

  // The buffer, not the file on disk, is what is checked.
  const fs::path buffer = d.write("buffer.md", "<!-- specgate: template=task -->\n# TASK-7: Rotate keys\n\n**Assignee**: Ana\n");
  auto edited = run(d, {"check", "-", "--stdin-filename", "specs/TASK-7.md"}, buffer.string());
  EXPECT_FALSE(has(edited.out, "<name>")) << edited.out;

  auto unnamed = run(d, {"check", "-"}, spec.string());
  EXPECT_TRUE(has(unnamed.out, "<stdin>:5:15: warning: placeholder '<name>'")) << unnamed.out;
}

TEST(CheckStdin, MisusedIsAUsageError) {
  TempDir d;
  d.write("a.md", "# A\n");
  auto mixed = run(d, {"check", "-", "a.md"});
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_TRUE(has(mixed.err, "'-' (standard input) must be the only path")) << mixed.err;
  auto orphan = run(d, {"check", "--stdin-filename", "x.md", "a.md"});
  EXPECT_EQ(orphan.exit_code, 2);
  EXPECT_TRUE(has(orphan.err, "--stdin-filename")) << orphan.err;
}

TEST(CheckGitlab, FingerprintsIgnoreLinesAndTellRepeatsApart) {
  TempDir d;
  const std::string body = "# TASK-7: Rotate keys\n\n**Assignee**: <name>\n\nOwner <name> and <name>\n";
  d.write("TASK-7.md", "<!-- specgate: template=task -->\n" + body);
  auto before = run(d, {"check", "--format", "gitlab", "./TASK-7.md"});
  d.write("TASK-7.md", "<!-- specgate: template=task -->\n\n\n" + body);  // every line moves down by two
  auto after = run(d, {"check", "--format", "gitlab", "./TASK-7.md"});
  ASSERT_EQ(before.exit_code, 1) << before.err;
  const auto a = nlohmann::json::parse(before.out), b = nlohmann::json::parse(after.out);
  ASSERT_EQ(a.size(), b.size());
  std::set<std::string> prints;
  size_t placeholders = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["fingerprint"], b[i]["fingerprint"]) << a[i] << b[i];  // lines moved, same findings
    EXPECT_EQ(a[i]["location"]["path"], "TASK-7.md");
    EXPECT_GE(a[i]["location"]["lines"]["begin"].get<int>(), 1);
    if (a[i]["check_name"] == "placeholder") {
      ++placeholders;
      EXPECT_EQ(a[i]["severity"], "major");
    }
    prints.insert(a[i]["fingerprint"].get<std::string>());
  }
  EXPECT_GE(placeholders, 3u);
  EXPECT_EQ(prints.size(), a.size()) << "the same placeholder twice must not share a fingerprint";
}
