// Whole-output golden tests for every report format, from one RunReport built in code that
// exercises the awkward cases: all severities, tabs, wide and combining characters, a column
// far into a long line, a column past the end of a line, file-level findings, multi-line
// ranges, characters each format must escape, and an empty run.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "report/report.h"
#include "support/golden.h"

namespace specgate {
namespace {

Diagnostic diag(std::string rule, Severity sev, uint32_t line, uint32_t col, uint32_t end_line,
                uint32_t end_col, std::string message, std::string hint = "", std::string section = "") {
  return Diagnostic{std::move(rule), sev, line, col, end_line, end_col,
                    std::move(message), std::move(hint), std::move(section)};
}

std::vector<RuleInfo> rules() {
  return {
      {"missing-section", Severity::Error, "A section the template requires is absent.", true, {}},
      {"empty-section", Severity::Warning, "A section has a heading but no content.", true, {}},
      {"status-value", Severity::Warning, "The Status field holds a value the template does not list.", true, {}},
      {"heading-text", Severity::Error, "A heading's text differs from the template's.", true, {}},
      {"placeholder-text", Severity::Error, "Template placeholder text was left in.", true, {}},
      {"line-length", Severity::Note, "A line is longer than the configured limit.", false, {}},
  };
}

RunReport sample_report() {
  RunReport r;
  r.rules = rules();

  FileReport login;
  login.path = "specs/auth/login-flow.md";
  login.template_name = "feature-tech-spec";
  login.template_reason = "front matter";
  login.status = "Draft";
  const std::string long_line =
      "This paragraph keeps going for a long while, because some writers never press enter, "
      "and specgate still has to point at the exact words that matter: TODO fill in the limits "
      "before review, then carry on for a bit more so the line also runs past the right edge.";
  login.excerpt_lines = {
      {3, "## Overview"},
      {7, "-\tItem\twith tabs"},
      {9, "| Größe | 状态 | ✅ |"},
      {12, long_line},
      {14, "short"},
  };
  const auto todo_col = static_cast<uint32_t>(long_line.find("TODO") + 1);  // ASCII line
  login.diagnostics = {
      diag("missing-section", Severity::Error, 3, 1, 3, 12, "required section 'Goals' is missing",
           "add a '## Goals' section after 'Overview'", "Overview"),
      diag("empty-section", Severity::Warning, 7, 3, 7, 7, "list item 'Item' has no description", "",
           "Overview > Scope"),
      // "| Größe | " is ten characters, so 状 is column 11.
      diag("status-value", Severity::Note, 9, 11, 9, 13, "status '状态' is not one of Draft, Review, Done",
           "use one of the template's values", "Overview > Status"),
      diag("placeholder-text", Severity::Error, 12, todo_col, 12, todo_col + 29, "placeholder text left in the spec",
           "replace the TODO before review"),
      diag("line-length", Severity::Warning, 14, 40, 14, 40, "column past the end of the line"),
      diag("heading-text", Severity::Error, 3, 4, 5, 2, "a range over several lines gets one caret"),
  };
  r.files.push_back(login);

  FileReport readme;
  readme.path = "./specs/notes/README.md";
  readme.diagnostics = {
      diag("no-template", Severity::Warning, 0, 0, 0, 0,
           "could not tell which template this spec follows (best match 'epic-spec', score 0.41)",
           "add 'template: NAME' to the front matter"),
  };
  r.files.push_back(readme);

  FileReport clean;
  clean.path = "specs/tasks/TASK-12.md";
  clean.template_name = "technical-task";
  clean.template_reason = "auto-detected (score 0.92)";
  clean.status = "Done";
  r.files.push_back(clean);

  // Characters every format has to escape, in the path, the message and the excerpt.
  FileReport odd;
  odd.path = "specs/odd, name:1 100%.md";
  odd.template_name = "system-spec";
  odd.template_reason = "--template";
  odd.excerpt_lines = {{2, "# <Title & \"Q\"> \x1b[31mred\x1b[0m caf\xc3\xa9\xcc\x81 \xff end"}};
  odd.diagnostics = {
      diag("heading-text", Severity::Error, 2, 3, 2, 18, "heading '<Title & \"Q\">' should read\n'Title'",
           "rename it, 100% as the template says", "Title"),
      diag("heading-text", Severity::Note, 2, 36, 2, 37, "invalid byte \xff in a message"),
  };
  r.files.push_back(odd);
  return r;
}

std::string render(const RunReport& r, const OutputFormat& format, TextOptions options = {}) {
  std::ostringstream out;
  write_report(out, r, format, options);
  return out.str();
}

// Every row of the format table has its goldens, so a new format cannot land without them.
TEST(GoldenReport, SampleInEveryFormat) {
  for (const OutputFormat& f : output_formats()) {
    SCOPED_TRACE(std::string(f.name));
    specgate::test::expect_golden("report." + std::string(f.name) + ".txt", render(sample_report(), f));
  }
}

TEST(GoldenReport, TextQuiet) {
  specgate::test::expect_golden("report.text-quiet.txt",
                                render(sample_report(), text_format(), TextOptions{.color = false, .quiet = true}));
}

TEST(GoldenReport, TextColor) {
  specgate::test::expect_golden("report.text-color.txt",
                                render(sample_report(), text_format(), TextOptions{.color = true, .quiet = false}));
}

TEST(GoldenReport, EmptyRunInEveryFormat) {
  RunReport empty;
  empty.rules = rules();
  for (const OutputFormat& f : output_formats()) {
    SCOPED_TRACE(std::string(f.name));
    specgate::test::expect_golden("report-empty." + std::string(f.name) + ".txt", render(empty, f));
  }
}

}  // namespace
}  // namespace specgate
