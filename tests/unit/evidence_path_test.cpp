// evidence-path through the binary: where a cited path is looked for (the repository root found
// at `.git`, else the config's folder, and the spec's folder), and silence without a root.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_binary.h"
#include "support/shell_cli.h"

namespace fs = std::filesystem;
using specgate::test::run_specgate;
using specgate::test::ScratchDir;
using specgate::test::spit;

namespace {

const char* kSpec =
    "# Retry budget\n\n"
    "Retries stop at three. Evidence: docs/limits.md; notes/run.txt; docs/missing.md\n";

std::string findings(const fs::path& cwd, const std::string& spec) {
  auto r = run_specgate(cwd, "check --format github --today 2026-11-22 --enable evidence-path " + spec);
  return specgate::test::lines_mentioning(r.out, "evidence-path");
}

TEST(EvidencePath, ResolvedFromTheGitRootAndTheSpecsFolder) {
  ScratchDir d;
  fs::create_directories(d.path / ".git");
  fs::create_directories(d.path / "docs");
  fs::create_directories(d.path / "specs/notes");
  spit(d.path / "docs/limits.md", "# Limits\n");
  spit(d.path / "specs/notes/run.txt", "run\n");
  spit(d.path / "specs/spec.md", kSpec);
  const std::string out = findings(d.path / "specs", "spec.md");
  EXPECT_NE(out.find("evidence 'docs/missing.md' does not exist"), std::string::npos) << out;
  EXPECT_EQ(out.find("docs/limits.md"), std::string::npos) << out;  // from the root
  EXPECT_EQ(out.find("notes/run.txt"), std::string::npos) << out;   // from the spec's folder
}

TEST(EvidencePath, ConfigFolderIsTheRootWithoutGit) {
  ScratchDir d;
  fs::create_directories(d.path / "docs");
  fs::create_directories(d.path / "specs/notes");
  spit(d.path / ".specgate.yaml", "rules:\n  section-order: off\n");
  spit(d.path / "docs/limits.md", "# Limits\n");
  spit(d.path / "specs/notes/run.txt", "run\n");
  spit(d.path / "specs/spec.md", kSpec);
  const std::string out = findings(d.path, "specs/spec.md");
  EXPECT_NE(out.find("docs/missing.md"), std::string::npos) << out;
  EXPECT_EQ(out.find("docs/limits.md"), std::string::npos) << out;
  EXPECT_EQ(out.find("notes/run.txt"), std::string::npos) << out;
}

TEST(EvidencePath, SilentWithoutARoot) {
  ScratchDir d;
  spit(d.path / "spec.md", kSpec);
  EXPECT_EQ(findings(d.path, "spec.md"), "");
}

}  // namespace
