// `specgate export --format json`: the document model plus the template and findings, with the
// same objects as `parse --format json` and `check --format json`; file handling of --out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "check/checker.h"
#include "config/config.h"
#include "export/document_export.h"
#include "model/model_json.h"
#include "support/shell_cli.h"
#include "support/test_paths.h"

using namespace specgate;
using test::run_specgate;
using test::shell_quote;
using test::slurp;
using test::spit;
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

constexpr const char* kSpec =
    "<!-- specgate: template=task -->\n"
    "# TASK-7: Retry budget\n\n"
    "**Status**: In Progress\n"
    "**Assignee**: [Name]\n\n"
    "## Task Description\n\nRetries are capped per tenant.\n";

std::vector<std::string> keys(const json& j) {
  std::vector<std::string> out;
  for (auto it = j.begin(); it != j.end(); ++it) out.push_back(it.key());
  return out;
}

}  // namespace

TEST(ExportJson, ShapeFromTheLibrary) {
  Config config;
  TemplateRegistry registry(config);
  CheckOptions opts;
  opts.today = Date{2026, 3, 1};
  Checker checker(config, registry, opts);
  const Document doc = build_document(SourceText("specs/TASK-7.md", kSpec));
  CheckResult r = checker.check(doc);
  ASSERT_TRUE(r.fatal.empty());
  ASSERT_FALSE(r.report.diagnostics.empty());

  json j = exporter::document_export_json(doc, r.report);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"version", "path", "template", "document", "diagnostics"}));
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["path"], "specs/TASK-7.md");
  EXPECT_EQ(j["template"], "task");
  EXPECT_EQ(j["document"], document_to_json(doc));
  ASSERT_EQ(j["diagnostics"].size(), r.report.diagnostics.size());
  const json& d0 = j["diagnostics"][0];
  EXPECT_EQ(keys(d0), (std::vector<std::string>{"rule", "severity", "line", "column", "end_line", "end_column",
                                                "message", "hint", "section"}));
  EXPECT_EQ(d0["rule"], r.report.diagnostics[0].rule);
  EXPECT_EQ(d0["line"], r.report.diagnostics[0].line);

  // No template: null, and the no-template note is among the diagnostics.
  const Document plain = build_document(SourceText("notes.md", "# Notes\n\nJust text.\n"));
  CheckResult none = checker.check(plain);
  json k = exporter::document_export_json(plain, none.report);
  EXPECT_TRUE(k["template"].is_null());
  ASSERT_EQ(k["diagnostics"].size(), 1u);
  EXPECT_EQ(k["diagnostics"][0]["rule"], "no-template");
}

TEST(ExportJson, RecognizesPreviousExports) {
  EXPECT_TRUE(exporter::is_document_export(R"({"version": 1, "path": "a", "template": null, "document": {}, "diagnostics": []})"));
  EXPECT_FALSE(exporter::is_document_export(R"({"version": 2, "document": {}, "diagnostics": []})"));
  EXPECT_FALSE(exporter::is_document_export(R"({"version": 1, "files": []})"));
  EXPECT_FALSE(exporter::is_document_export("{\"version\": 1, \"document\": {"));
  EXPECT_FALSE(exporter::is_document_export("# not json\n"));
  EXPECT_FALSE(exporter::is_document_export(""));
}

TEST(ExportJsonCli, DefaultFormatMatchesParseAndCheck) {
  test::ScratchDir dir;
  spit(dir.path / "TASK-7.md", kSpec);
  auto e = run_specgate(dir.path, "export TASK-7.md --today 2026-03-01");
  ASSERT_EQ(e.code, 0) << e.err;
  EXPECT_EQ(e.out.back(), '\n');
  json j = json::parse(e.out);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"version", "path", "template", "document", "diagnostics"}));
  EXPECT_EQ(j["path"], "TASK-7.md");
  EXPECT_EQ(j["template"], "task");

  auto p = run_specgate(dir.path, "parse TASK-7.md --format json");
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(j["document"], json::parse(p.out));

  auto c = run_specgate(dir.path, "check TASK-7.md --format json --today 2026-03-01");
  ASSERT_EQ(c.code, 1) << c.err;  // placeholders and missing sections are errors
  json report = json::parse(c.out);
  EXPECT_EQ(j["diagnostics"], report["files"][0]["diagnostics"]);
  EXPECT_GE(j["diagnostics"].size(), 2u);
  // Explicit --format json is the same.
  EXPECT_EQ(run_specgate(dir.path, "export TASK-7.md --format json --today 2026-03-01").out, e.out);
}

TEST(ExportJsonCli, TemplateOptionConfigAndStdin) {
  test::ScratchDir dir;
  spit(dir.path / "spec.md", "# Notes\n\n## Executive Summary\nText.\n");
  json auto_j = json::parse(run_specgate(dir.path, "export spec.md").out);
  EXPECT_TRUE(auto_j["template"].is_null());
  auto r = run_specgate(dir.path, "export spec.md --template feature-spec");
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["template"], "feature-spec");
  bool missing = false;
  for (const auto& d : j["diagnostics"]) missing = missing || d["rule"] == "missing-section";
  EXPECT_TRUE(missing);
  // A config that turns a rule off is honoured, as in check.
  spit(dir.path / ".specgate.yaml", "rules:\n  missing-section: off\n");
  j = json::parse(run_specgate(dir.path, "export spec.md --template feature-spec").out);
  for (const auto& d : j["diagnostics"]) EXPECT_NE(d["rule"], "missing-section");
  // stdin
  r = run_specgate(dir.path, "export - --template feature-spec", (dir.path / "spec.md").string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["path"], "<stdin>");
}

TEST(ExportJsonCli, Errors) {
  test::ScratchDir dir;
  spit(dir.path / "spec.md", "# A\n");
  auto r = run_specgate(dir.path, "export spec.md --template nope");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown template 'nope'"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  r = run_specgate(dir.path, "export missing.md");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read missing.md"), std::string::npos) << r.err;
  spit(dir.path / "bin.md", std::string("a\0b", 3));
  r = run_specgate(dir.path, "export bin.md");
  EXPECT_EQ(r.code, 2);
  r = run_specgate(dir.path, "export spec.md --today tomorrow");
  EXPECT_EQ(r.code, 2);
  spit(dir.path / ".specgate.yaml", "rules:\n  no-such-rule: off\n");
  r = run_specgate(dir.path, "export spec.md");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown rule 'no-such-rule'"), std::string::npos) << r.err;
}

TEST(ExportJsonCli, OutReplacesOnlyPreviousExports) {
  test::ScratchDir dir;
  spit(dir.path / "spec.md", kSpec);
  auto r = run_specgate(dir.path, "export spec.md --out spec.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  const std::string first = slurp(dir.path / "spec.json");
  EXPECT_EQ(json::parse(first)["template"], "task");
  // Re-export over the previous export: fine without --force.
  spit(dir.path / "spec.md", std::string(kSpec) + "\n## Technical Requirements\n\nMore.\n");
  r = run_specgate(dir.path, "export spec.md --out spec.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(slurp(dir.path / "spec.json"), first);
  // Any other file needs --force; the input never is replaced.
  spit(dir.path / "other.json", "{\"mine\": true}\n");
  r = run_specgate(dir.path, "export spec.md --out other.json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(dir.path / "other.json"), "{\"mine\": true}\n");
  r = run_specgate(dir.path, "export spec.md --out other.json --force");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(exporter::is_document_export(slurp(dir.path / "other.json")));
  r = run_specgate(dir.path, "export spec.md --out spec.md --force");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(dir.path / "spec.md").rfind(kSpec, 0), 0u);
  // Nothing but the files written on purpose.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"other.json", "spec.json", "spec.md"}));
}

TEST(ExportJsonCli, InvalidUtf8IsReplacedNotFatal) {
  test::ScratchDir dir;
  spit(dir.path / "bad.md", "# T\xFF\xFE\n\n## [Name \xC3]\n");
  auto r = run_specgate(dir.path, "export bad.md");
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);  // valid JSON
  EXPECT_EQ(j["document"]["sections"][0]["title"], "T\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(ExportJsonCli, EveryExampleExportsItsTemplate) {
  test::ScratchDir dir;
  const fs::path examples = fs::path(test::source_dir()) / "examples";
  for (const auto& e : fs::directory_iterator(examples)) {
    if (e.path().extension() != ".md") continue;
    auto r = run_specgate(dir.path, "export " + shell_quote(e.path().string()));
    ASSERT_EQ(r.code, 0) << e.path() << r.err;
    json j = json::parse(r.out);
    EXPECT_FALSE(j["template"].is_null()) << e.path();
    EXPECT_FALSE(j["document"]["sections"].empty()) << e.path();
  }
}
