// Status-aware strictness through the built binary: a draft status lowers completeness findings
// to warnings (exit 0), a non-draft status keeps them errors, and draft_statuses configures it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run_cli.h"

using specgate::test::run_cli;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("specgate-strict-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// An unfinished spec: a placeholder (completeness) and a broken link (not completeness).
std::string spec(const std::string& status) {
  return "# Rotate keys\n\n**Status:** " + status +
         "\n\n## Summary\n\nRotate the signing keys every 90 days, see [plan](missing-plan.md).\n\n"
         "## Rollout\n\n[TODO: rollout steps]\n";
}

const std::vector<std::string> kArgs{"check", "--color", "never", "--disable", "no-template", "spec.md"};

}  // namespace

TEST(CliStrictness, DraftStatusLowersCompletenessRulesOnly) {
  auto d = temp_dir("draft");
  write(d / "spec.md", spec("Draft"));
  auto r = run_cli(kArgs, d.string());
  EXPECT_NE(r.out.find("warning: placeholder '[TODO: rollout steps]'"), std::string::npos) << r.out;
  // A broken link is wrong in a draft too.
  EXPECT_NE(r.out.find("error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[broken-link]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("note: 1 finding of completeness rules in 1 spec with a draft status lowered from error"),
            std::string::npos)
      << r.out;
}

TEST(CliStrictness, DraftSpecWithOnlyCompletenessFindingsPasses) {
  auto d = temp_dir("pass");
  write(d / "spec.md", "# Rotate keys\n\n**Status:** 🚧 WIP (v0.2)\n\n## Summary\n\n[TODO: summary]\n");
  auto r = run_cli(kArgs, d.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("warning: placeholder"), std::string::npos) << r.out;
  // Quiet shows errors only: the draft's warnings and the note are gone.
  auto q = run_cli({"check", "--quiet", "--disable", "no-template", "spec.md"}, d.string());
  EXPECT_EQ(q.exit_code, 0);
  EXPECT_EQ(q.out, "");
}

TEST(CliStrictness, NonDraftStatusKeepsErrorsAndSaysNothing) {
  auto d = temp_dir("approved");
  for (const char* status : {"Approved", "In Review", "Draft | Approved"}) {
    write(d / "spec.md", spec(status));
    auto r = run_cli(kArgs, d.string());
    EXPECT_EQ(r.exit_code, 1) << status;
    EXPECT_NE(r.out.find("error: placeholder '[TODO: rollout steps]'"), std::string::npos) << status << r.out;
    EXPECT_EQ(r.out.find("draft status"), std::string::npos) << status << r.out;
  }
}

TEST(CliStrictness, ConfiguredDraftStatuses) {
  auto d = temp_dir("config");
  write(d / "spec.md", spec("Exploring"));
  auto strict = run_cli(kArgs, d.string());
  EXPECT_NE(strict.out.find("error: placeholder"), std::string::npos) << "not a default draft status";

  write(d / ".specgate.yaml", "draft_statuses:\n  Exploring: note\n");
  auto note = run_cli(kArgs, d.string());
  EXPECT_NE(note.out.find("note: placeholder '[TODO: rollout steps]'"), std::string::npos) << note.out << note.err;

  write(d / ".specgate.yaml", "draft_statuses: [exploring]\n");
  auto warning = run_cli(kArgs, d.string());
  EXPECT_NE(warning.out.find("warning: placeholder"), std::string::npos) << warning.out << warning.err;

  // The list replaces the defaults; off turns the lowering off.
  write(d / "spec.md", spec("Draft"));
  auto replaced = run_cli(kArgs, d.string());
  EXPECT_NE(replaced.out.find("error: placeholder"), std::string::npos) << replaced.out;
  write(d / ".specgate.yaml", "draft_statuses: off\n");
  auto off = run_cli(kArgs, d.string());
  EXPECT_NE(off.out.find("error: placeholder"), std::string::npos) << off.out;

  // A rule set to note stays a note: the lowering never raises.
  write(d / ".specgate.yaml", "rules:\n  placeholder: note\n");
  auto lower = run_cli(kArgs, d.string());
  EXPECT_NE(lower.out.find("note: placeholder"), std::string::npos) << lower.out;
  EXPECT_EQ(lower.out.find("draft status"), std::string::npos) << "nothing was lowered";
}

TEST(CliStrictness, BadDraftStatusesNameTheLineAndColumn) {
  auto d = temp_dir("bad");
  write(d / "spec.md", spec("Draft"));
  write(d / ".specgate.yaml", "draft_statuses:\n  Draft: error\n");
  auto r = run_cli(kArgs, d.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(".specgate.yaml:2:10: 'draft_statuses': the severity for 'Draft' must be warning or note"),
            std::string::npos)
      << r.err;

  write(d / ".specgate.yaml", "draft_statuses: sometimes\n");
  auto scalar = run_cli(kArgs, d.string());
  EXPECT_EQ(scalar.exit_code, 2);
  EXPECT_NE(scalar.err.find(".specgate.yaml:1:17: 'draft_statuses' must be a list"), std::string::npos) << scalar.err;

  write(d / ".specgate.yaml", "draft_statuses:\n  - [Draft]\n");
  auto nested = run_cli(kArgs, d.string());
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_NE(nested.err.find(".specgate.yaml:2:5:"), std::string::npos) << nested.err;
}
