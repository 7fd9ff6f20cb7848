// A short flag means one thing in every command: -f is --format wherever a command has one, and
// --force (new, export) has no short form. Before, `new` and `export` took -f for --force, and
// `export` and `mermaid` had --format without -f.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_cli.h"
#include "support/test_paths.h"

namespace {

using specgate::test::run_cli;

std::string help(const std::vector<std::string>& command) {
  std::vector<std::string> args = command;
  args.push_back("--help");
  return run_cli(args).out;
}

TEST(CliOptions, DashFIsFormatInEveryCommandThatHasOne) {
  const std::vector<std::vector<std::string>> commands = {
      {"check"}, {"export"}, {"mermaid"}, {"parse"}, {"rules"}, {"status"}, {"templates", "list"}, {"templates", "schema"}};
  for (const auto& c : commands) {
    const std::string h = help(c);
    SCOPED_TRACE(c.front() + (c.size() > 1 ? " " + c[1] : ""));
    EXPECT_NE(h.find("-f,--format"), std::string::npos) << h;
    EXPECT_EQ(h.find("-f,--force"), std::string::npos) << h;
  }
}

TEST(CliOptions, ForceIsLongOnly) {
  for (const char* c : {"new", "export"}) {
    const std::string h = help({c});
    SCOPED_TRACE(c);
    EXPECT_NE(h.find("--force"), std::string::npos) << h;
    EXPECT_EQ(h.find("-f,--force"), std::string::npos) << h;
  }
  // `new -f` is no longer --force: new has no --format, so the flag is refused.
  const auto r = run_cli({"new", "task", "Title", "-o", "-", "-f"});
  EXPECT_NE(r.exit_code, 0) << r.out;
}

TEST(CliOptions, ExportAndMermaidTakeDashF) {
  const std::string spec = std::string(specgate::test::source_dir()) + "/examples/TASK-101-add-retry-budget.md";
  const auto e = run_cli({"export", spec, "-f", "json", "--today", "2026-11-22"});
  EXPECT_NE(e.exit_code, 2) << e.err;
  EXPECT_EQ(e.out.rfind("{", 0), 0u) << e.out.substr(0, 200);
  const auto m = run_cli({"mermaid", spec, "-f", "json"});
  EXPECT_EQ(m.out.rfind("{", 0), 0u) << m.out.substr(0, 200) << m.err;
}

}  // namespace
