// ReportWriter: files written one at a time, and cross-document findings given after every file.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <stdexcept>
#include <string>

#include "report/report.h"
#include "support/report_builders.h"

namespace specgate {
namespace {

// The tests here name the rule first; the finding spans three characters.
Diagnostic make(std::string rule, Severity sev, uint32_t line, uint32_t col, std::string message) {
  return test::diagnostic(sev, line, col, std::move(rule), std::move(message), 3);
}

std::vector<RuleInfo> rules() {
  return {{"missing-section", Severity::Error, "A required section is absent.", true, {}},
          {"dangling-reference", Severity::Warning, "An ID no spec declares.", true, {}}};
}

FileReport spec_a() {
  FileReport f;
  f.path = "specs/a.md";
  f.template_name = "technical-task";
  f.template_reason = "front matter";
  f.diagnostics = {make("missing-section", Severity::Error, 9, 1, "section 'Goals' is missing")};
  f.excerpt_lines = {{9, "## Scope"}};
  return f;
}

FileReport spec_b() {
  FileReport f;
  f.path = "specs/b.md";
  f.template_name = "technical-task";
  f.diagnostics = {make("missing-section", Severity::Error, 2, 1, "section 'Risks' is missing")};
  f.excerpt_lines = {{2, "# B"}};
  return f;
}

// A cross-document finding for a.md, on a line before its own finding.
FileReport cross_a() {
  FileReport f;
  f.path = "specs/a.md";
  f.diagnostics = {make("dangling-reference", Severity::Warning, 4, 12, "'TASK-9' is not declared by any spec")};
  f.excerpt_lines = {{4, "Depends on: TASK-9"}};
  return f;
}

const OutputFormat& format(std::string_view name) {
  const OutputFormat* f = find_output_format(name);
  if (f == nullptr) throw std::invalid_argument(std::string(name));
  return *f;
}

std::string streamed(const OutputFormat& format, bool with_cross, Summary* summary = nullptr) {
  std::ostringstream out;
  auto w = make_report_writer(out, format, rules());
  w->file(spec_a());
  w->file(spec_b());
  if (with_cross) w->more_findings(cross_a());
  w->finish();
  if (summary) *summary = w->summary();
  return out.str();
}

RunReport whole(bool with_cross) {
  RunReport r;
  r.rules = rules();
  r.files = {spec_a(), spec_b()};
  if (with_cross) {
    FileReport& a = r.files[0];
    a.diagnostics.insert(a.diagnostics.begin(), cross_a().diagnostics.front());
    a.excerpt_lines.emplace(4, "Depends on: TASK-9");
  }
  return r;
}

std::string written(const RunReport& r, const OutputFormat& format) {
  std::ostringstream out;
  write_report(out, r, format);
  return out.str();
}

TEST(ReportWriter, FileByFileEqualsTheWholeRunInEveryFormat) {
  for (const OutputFormat& f : output_formats()) {
    SCOPED_TRACE(std::string(f.name));
    EXPECT_EQ(streamed(f, false), written(whole(false), f));
  }
}

TEST(ReportWriter, JsonAndJunitMergeCrossDocumentFindingsIntoTheFilesEntry) {
  for (const char* name : {"json", "junit"}) {
    SCOPED_TRACE(name);
    const OutputFormat& f = format(name);
    EXPECT_EQ(streamed(f, true), written(whole(true), f));
  }
  const auto j = nlohmann::json::parse(streamed(format("json"), true));
  ASSERT_EQ(j["files"].size(), 2u);
  EXPECT_EQ(j["files"][0]["diagnostics"][0]["rule"], "dangling-reference");  // sorted by line
  EXPECT_EQ(j["summary"]["files"], 2);
  EXPECT_EQ(j["summary"]["warnings"], 1);
}

TEST(ReportWriter, TextListsCrossDocumentFindingsAfterEveryFile) {
  Summary s;
  const std::string out = streamed(format("text"), true, &s);
  const size_t own_a = out.find("specs/a.md:9:1: error");
  const size_t own_b = out.find("specs/b.md:2:1: error");
  const size_t cross = out.find("specs/a.md:4:12: warning: 'TASK-9' is not declared by any spec [dangling-reference]");
  ASSERT_NE(own_a, std::string::npos) << out;
  ASSERT_NE(own_b, std::string::npos) << out;
  ASSERT_NE(cross, std::string::npos) << out;
  EXPECT_LT(own_a, own_b);
  EXPECT_LT(own_b, cross);
  EXPECT_NE(out.find("   4 | Depends on: TASK-9\n"), std::string::npos) << out;  // excerpt kept
  // The template note opens a file's own block only.
  size_t notes = 0;
  for (size_t p = out.find("checked against template"); p != std::string::npos; p = out.find("checked against template", p + 1)) ++notes;
  EXPECT_EQ(notes, 2u);
  EXPECT_EQ(s.files, 2u);
  EXPECT_EQ(s.errors, 2u);
  EXPECT_EQ(s.warnings, 1u);
  EXPECT_NE(out.find("2 errors, 1 warning, 0 notes in 2 files\n"), std::string::npos) << out;
}

TEST(ReportWriter, SarifStreamsResultsAndKeepsArtifactIndexes) {
  std::ostringstream out;
  auto w = make_report_writer(out, format("sarif"), rules());
  w->file(spec_a());
  FileReport b = spec_b();
  b.diagnostics.push_back(make("no-such-rule", Severity::Note, 3, 1, "from a rule outside the table"));
  w->file(b);
  w->more_findings(cross_a());
  w->finish();
  const auto j = nlohmann::json::parse(out.str());
  const auto& run = j["runs"][0];
  ASSERT_EQ(run["artifacts"].size(), 2u);
  EXPECT_EQ(run["artifacts"][0]["location"]["uri"], "specs/a.md");
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  const auto& table = run["tool"]["driver"]["rules"];
  for (const auto& r : results) {
    const auto& loc = r["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(run["artifacts"][loc["index"].get<size_t>()]["location"]["uri"], loc["uri"]);
    if (r["ruleId"] == "no-such-rule") {
      EXPECT_FALSE(r.contains("ruleIndex"));  // the table was written before this result came
    } else {
      EXPECT_EQ(table[r["ruleIndex"].get<size_t>()]["id"], r["ruleId"]);
    }
  }
  EXPECT_EQ(results[3]["ruleId"], "dangling-reference");
  EXPECT_EQ(results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["index"], 0);
}

TEST(ReportWriter, GithubAppendsCrossDocumentAnnotations) {
  const std::string out = streamed(format("github"), true);
  const std::string last = "::warning file=specs/a.md,line=4,col=12,endLine=4,endColumn=15,title=dangling-reference::"
                           "'TASK-9' is not declared by any spec\n";
  ASSERT_GE(out.size(), last.size());
  EXPECT_EQ(out.substr(out.size() - last.size()), last);
}

}  // namespace

TEST(ReportNeeds, WhatAFormatDoesNotNeedChangesNothingInIt) {
  // A check leaves out the section paths and excerpt lines the format table says a format does
  // not read: the format's output must be the same with and without them. Where a format does
  // read them, leaving them out must show.
  RunReport full;
  FileReport f = spec_a();
  f.diagnostics.push_back(make("dangling-reference", Severity::Warning, 12, 4, "no spec declares TASK-9"));
  for (Diagnostic& d : f.diagnostics) d.section = "Spec A > Scope";
  f.excerpt_lines[12] = "Blocked by TASK-9";
  full.files.push_back(f);
  full.rules = rules();
  for (const OutputFormat& format : output_formats()) {
    const ReportNeeds needs = format.needs;
    RunReport no_sections = full, no_excerpts = full;
    for (Diagnostic& d : no_sections.files[0].diagnostics) d.section.clear();
    no_excerpts.files[0].excerpt_lines.clear();
    std::ostringstream a, b, c;
    write_report(a, full, format);
    write_report(b, no_sections, format);
    write_report(c, no_excerpts, format);
    const std::string name(format.name);
    EXPECT_EQ(a.str() == b.str(), !needs.section_paths) << name;
    EXPECT_EQ(a.str() == c.str(), !needs.excerpts) << name;
  }
}

}  // namespace specgate
