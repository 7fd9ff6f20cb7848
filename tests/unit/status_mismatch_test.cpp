// status-mismatch through the binary where a fixture cannot show it: a spec whose gates live in
// the `tasks.md` beside it (spec-kit, Kiro, OpenSpec folders).
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_binary.h"
#include "support/shell_cli.h"

namespace fs = std::filesystem;
using specgate::test::run_specgate;
using specgate::test::ScratchDir;
using specgate::test::spit;

namespace {

std::string findings(const fs::path& cwd) {
  auto r = run_specgate(cwd, "check --format github --today 2026-11-22 spec.md tasks.md");
  return specgate::test::lines_mentioning(r.out, "status-mismatch");
}

const char* kSpec = "# Feature: Export\n\n**Status**: Draft\n\n## Requirements\n\n- Exports hold every column\n";

TEST(StatusMismatch, SiblingTasksAllChecked) {
  ScratchDir d;
  spit(d.path / "spec.md", kSpec);
  spit(d.path / "tasks.md", "# Tasks\n\n**Status**: To Do\n\n- [x] T001 Write the exporter\n- [X] T002 Test it\n");
  const std::string out = findings(d.path);
  EXPECT_NE(out.find("spec.md,line=3"), std::string::npos) << out;
  EXPECT_NE(out.find("status is 'Draft' while all 2 tasks in the tasks.md beside it are checked"), std::string::npos)
      << out;
  EXPECT_EQ(out.find("tasks.md,line"), std::string::npos) << out;  // a task list is not judged by itself
}

TEST(StatusMismatch, SiblingTasksWithAnOpenOne) {
  ScratchDir d;
  spit(d.path / "spec.md", kSpec);
  spit(d.path / "tasks.md", "# Tasks\n\n- [x] T001 Write the exporter\n- [ ] T002 Test it\n");
  EXPECT_EQ(findings(d.path), "");
}

TEST(StatusMismatch, OwnGatesDecideBeforeSiblingTasks) {
  ScratchDir d;
  spit(d.path / "spec.md", std::string(kSpec) + "\n## Acceptance Criteria\n\n- [ ] Exports stream\n- [x] Exports hold every column\n");
  spit(d.path / "tasks.md", "# Tasks\n\n- [x] T001 Write the exporter\n- [x] T002 Test it\n");
  EXPECT_EQ(findings(d.path), "");
}

}  // namespace
