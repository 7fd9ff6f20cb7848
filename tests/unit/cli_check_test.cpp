// End-to-end behaviour of `specgate check` through the built binary: exit codes, messages,
// option parsing and the machine formats' contracts.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "support/run_cli.h"
#include "support/test_paths.h"

using specgate::test::run_cli;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("specgate-cli-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

const std::string kTask =
    "<!-- specgate: template=task -->\n# TASK-7: Rotate keys\n\n**Status**: Draft | In Progress | Done\n"
    "**Assignee**: <name>\n";

}  // namespace

TEST(CliCheck, ExamplesAreClean) {
  auto r = run_cli({"check", "--today", "2026-11-22", "examples/"}, specgate::test::source_dir());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no problems in 5 files"), std::string::npos) << r.out;
}

TEST(CliCheck, ErrorsExitOneWithLocationsAndRuleNames) {
  auto d = temp_dir("errors");
  write(d / "TASK-7.md", kTask);
  auto r = run_cli({"check", "--color", "never", "TASK-7.md"}, d.string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("TASK-7.md:5:15: error: placeholder '<name>' left in the spec [placeholder]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("checked against template 'task'"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when not asked";
}

TEST(CliCheck, DisableTakesOneValueAndLeavesPaths) {
  auto d = temp_dir("disable");
  write(d / "a.md", kTask);
  auto r = run_cli({"check", "--disable", "placeholder", "--disable", "missing-section,field-missing", "a.md"}, d.string());
  EXPECT_NE(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out.find("[placeholder]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("[missing-section]"), std::string::npos) << r.out;
}

TEST(CliCheck, CannotRunIsExitTwoWithAClearMessage) {
  auto d = temp_dir("cannot");
  write(d / "a.md", "# A\n\ntext\n");
  auto missing = run_cli({"check", "nope.md"}, d.string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.md: No such file or directory"), std::string::npos) << missing.err;

  auto unknown_template = run_cli({"check", "--template", "no-such-template", "a.md"}, d.string());
  EXPECT_EQ(unknown_template.exit_code, 2);
  EXPECT_NE(unknown_template.err.find("unknown template 'no-such-template'"), std::string::npos) << unknown_template.err;

  auto unknown_rule = run_cli({"check", "--disable", "no-such-rule", "a.md"}, d.string());
  EXPECT_EQ(unknown_rule.exit_code, 2);
  EXPECT_NE(unknown_rule.err.find("unknown rule 'no-such-rule'"), std::string::npos);

  write(d / ".specgate.yaml", "rules:\n  placeholder: sometimes\n");
  auto bad_config = run_cli({"check", "a.md"}, d.string());
  EXPECT_EQ(bad_config.exit_code, 2);
  EXPECT_NE(bad_config.err.find(".specgate.yaml:2:16"), std::string::npos) << bad_config.err;

  write(d / ".specgate.yaml", "rules:\n  not-a-rule: off\n");
  auto config_rule = run_cli({"check", "a.md"}, d.string());
  EXPECT_EQ(config_rule.exit_code, 2);
  EXPECT_NE(config_rule.err.find(".specgate.yaml:2: unknown rule 'not-a-rule'"), std::string::npos) << config_rule.err;

  auto usage = run_cli({"check", "--format", "xml", "a.md"}, d.string());
  EXPECT_EQ(usage.exit_code, 2);
}

TEST(CliCheck, ConfigSeverityAndSuppression) {
  auto d = temp_dir("config");
  write(d / ".specgate.yaml", "rules:\n  placeholder: warning\n  missing-section: off\n  field-missing: off\n");
  write(d / "a.md", kTask);
  auto r = run_cli({"check", "a.md"}, d.string());
  EXPECT_EQ(r.exit_code, 0) << r.out;  // warnings only
  EXPECT_NE(r.out.find("warning: placeholder '<name>'"), std::string::npos) << r.out;
  auto strict = run_cli({"check", "--strict", "a.md"}, d.string());
  EXPECT_EQ(strict.exit_code, 1);

  write(d / "b.md", "<!-- specgate: template=task -->\n# TASK-8: X\n\n<!-- specgate-disable-next-line placeholder -->\n"
                     "**Assignee**: <name>\n**Owner**: <other>\n");
  auto sup = run_cli({"check", "b.md"}, d.string());
  EXPECT_EQ(sup.out.find("'<name>'"), std::string::npos) << sup.out;
  EXPECT_NE(sup.out.find("'<other>'"), std::string::npos) << sup.out;
}

TEST(CliCheck, ConfiguredPlaceholderPatterns) {
  auto d = temp_dir("patterns");
  write(d / ".specgate.yaml", "placeholders:\n  - '\\?\\?\\?'\n  - 'FILL[ _]ME'\n  - 'x*'\n");
  write(d / "a.md", "# Notes\n\nOwner: ??? and FILL_ME, café ??? FILL ME\n\n```\n??? in code\n```\n");
  auto r = run_cli({"check", "--color", "never", "a.md"}, d.string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("a.md:3:8: error: placeholder '?\?\?' left in the spec (configured pattern) [placeholder]"),
            std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a.md:3:16: error: placeholder 'FILL_ME'"), std::string::npos) << r.out;
  // Columns count characters: 'é' is one.
  EXPECT_NE(r.out.find("a.md:3:30: error: placeholder '?\?\?'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a.md:3:34: error: placeholder 'FILL ME'"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("a.md:6:"), std::string::npos) << "code blocks are not searched\n" << r.out;
  EXPECT_EQ(r.out.find("placeholder 'x'"), std::string::npos) << r.out;  // 'x*' matches nothing here but empty

  // A pattern that backtracks badly in std::regex, on a long line: RE2 runs it in linear time.
  write(d / ".specgate.yaml", "placeholders: ['(a|b|ab)*c']\n");
  std::string line;
  for (int i = 0; i < 200000; ++i) line += "ab";
  write(d / "b.md", "# Notes\n\n" + line + "\n");
  auto big = run_cli({"check", "b.md"}, d.string());
  EXPECT_EQ(big.exit_code, 0) << big.err;
}

TEST(CliCheck, InvalidPlaceholderPatternIsExitTwoNamingTheLine) {
  auto d = temp_dir("bad-pattern");
  write(d / "a.md", "# Notes\n");
  // Patterns that made std::regex overflow an integer (found by fuzzing) are plain RE2 patterns now.
  for (const std::string pattern : {"'a{7777000000000000000000}'", "'\\6666666666666666666666'"}) {
    SCOPED_TRACE(pattern);
    write(d / ".specgate.yaml", "placeholders:\n  - " + pattern + "\n");
    EXPECT_EQ(run_cli({"check", "a.md"}, d.string()).exit_code, 0);
  }
  for (const std::string pattern : {"'(unclosed'", "'a{1001}'"}) {
    SCOPED_TRACE(pattern);
    write(d / ".specgate.yaml", "rules:\n  placeholder: on\nplaceholders:\n  - ok\n  - " + pattern + "\n");
    auto r = run_cli({"check", "a.md"}, d.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(".specgate.yaml:5:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("invalid placeholder pattern"), std::string::npos) << r.err;
  }
}

TEST(CliCheck, JsonContract) {
  auto d = temp_dir("json");
  write(d / "a.md", kTask);
  auto r = run_cli({"check", "--format", "json", "a.md"}, d.string());
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["tool"]["name"], "specgate");
  ASSERT_EQ(j["files"].size(), 1u);
  EXPECT_EQ(j["files"][0]["template"], "task");
  const auto& diag = j["files"][0]["diagnostics"][0];
  for (const char* key : {"rule", "severity", "line", "column", "end_line", "end_column", "message", "section"})
    EXPECT_TRUE(diag.contains(key)) << key;
  EXPECT_EQ(j["summary"]["files"], 1);
  EXPECT_GT(j["summary"]["errors"].get<int>(), 0);
}

// --quiet keeps only errors, including those of the cross-document rules, which reach the report
// after every file's own findings (text) or merged into each file's entry (json).
TEST(CliCheck, QuietAppliesToCrossDocumentFindings) {
  const fs::path ws = fs::path(specgate::test::source_dir()) / "tests" / "fixtures" / "workspaces";
  const std::string stories = (ws / "dangling-reference" / "fires" / "stories").string();
  const std::string cycles = (ws / "dependency-cycle" / "fires").string();
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
    return n;
  };
  for (const char* format : {"text", "json"}) {
    SCOPED_TRACE(format);
    auto loud = run_cli({"check", "--color", "never", "--format", format, stories}, ".");
    EXPECT_EQ(count(loud.out, "'STORY-404'"), 1u) << loud.out;
    auto quiet = run_cli({"check", "--quiet", "--color", "never", "--format", format, stories}, ".");
    EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.out.find("STORY-404"), std::string::npos) << quiet.out;

    auto errors = run_cli({"check", "--quiet", "--color", "never", "--format", format, cycles}, ".");
    EXPECT_EQ(errors.exit_code, 1);
    EXPECT_EQ(count(errors.out, "dependency cycle: "), 3u) << errors.out;
    const std::string note = std::string(format) == "json" ? "\"severity\": \"note\"" : ": note: ";
    EXPECT_EQ(errors.out.find(note), std::string::npos) << errors.out;
    auto all = run_cli({"check", "--color", "never", "--format", format, cycles}, ".");
    EXPECT_NE(all.out.find(note), std::string::npos) << all.out;
  }
}
