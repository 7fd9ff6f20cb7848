// Behaviour of each format on small reports; the golden tests cover whole outputs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "report/report.h"
#include "support/report_builders.h"

using namespace specgate;

namespace {

using test::diagnostic;
using test::file_report;

std::string text(const RunReport& r, TextOptions o = {}) {
  std::ostringstream out;
  write_text(out, r, o);
  return out.str();
}

template <typename Fn>
std::string render(Fn fn, const RunReport& r) {
  std::ostringstream out;
  fn(out, r);
  return out.str();
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST(ReportSummary, CountsBySeverity) {
  RunReport r;
  r.files.push_back(file_report("a.md", {diagnostic(Severity::Error, 1, 1), diagnostic(Severity::Error, 2, 1), diagnostic(Severity::Note, 3, 1)}));
  r.files.push_back(file_report("b.md", {diagnostic(Severity::Warning, 1, 1)}));
  r.files.push_back(file_report("c.md", {}));
  const Summary s = summarize(r);
  EXPECT_EQ(s.files, 3u);
  EXPECT_EQ(s.errors, 2u);
  EXPECT_EQ(s.warnings, 1u);
  EXPECT_EQ(s.notes, 1u);
}

TEST(ReportSummary, FindOutputFormat) {
  ASSERT_FALSE(output_formats().empty());
  EXPECT_EQ(&text_format(), &output_formats().front());  // the default --format
  for (const OutputFormat& f : output_formats()) EXPECT_EQ(find_output_format(f.name), &f) << f.name;
  EXPECT_EQ(find_output_format("xml"), nullptr);
  EXPECT_EQ(find_output_format(""), nullptr);
  EXPECT_EQ(find_output_format("JSON"), nullptr);
  EXPECT_EQ(output_format_list(" or "), "text, json, sarif, github, junit or gitlab");
  EXPECT_EQ(output_format_names().size(), output_formats().size());
}

TEST(ReportText, SummaryUsesSingularForms) {
  RunReport r;
  r.files.push_back(file_report("a.md", {diagnostic(Severity::Error, 1, 1), diagnostic(Severity::Warning, 2, 1), diagnostic(Severity::Note, 3, 1)}));
  const std::string out = text(r);
  EXPECT_NE(out.find("\n1 error, 1 warning, 1 note in 1 file\n"), std::string::npos) << out;
}

TEST(ReportText, CleanRunSaysSo) {
  RunReport r;
  r.files.push_back(file_report("a.md", {}, "task"));
  r.files.push_back(file_report("b.md", {}, "task"));
  // Clean files stay quiet, even about their template.
  EXPECT_EQ(text(r), "no problems in 2 files\n");
  r.files.pop_back();
  EXPECT_EQ(text(r), "no problems in 1 file\n");
}

TEST(ReportText, TemplateNoteOpensAFileWithFindings) {
  RunReport r;
  r.files.push_back(file_report("a.md", {diagnostic(Severity::Warning, 2, 1), diagnostic(Severity::Warning, 4, 1)}, "epic"));
  const std::string out = text(r);
  EXPECT_EQ(out.rfind("a.md: note: checked against template 'epic' (front matter)\na.md:2:1: warning: ", 0), 0u) << out;
  EXPECT_EQ(count(out, "checked against template"), 1u);
}

TEST(ReportText, QuietShowsOnlyErrors) {
  RunReport r;
  r.files.push_back(file_report("a.md", {diagnostic(Severity::Warning, 1, 1), diagnostic(Severity::Error, 2, 1), diagnostic(Severity::Note, 3, 1)}, "epic"));
  r.files.push_back(file_report("b.md", {diagnostic(Severity::Warning, 1, 1)}));
  const std::string out = text(r, TextOptions{.color = false, .quiet = true});
  EXPECT_EQ(out, "a.md:2:1: error: something is wrong [missing-section]\n");
  RunReport clean;
  clean.files.push_back(file_report("a.md", {}));
  EXPECT_EQ(text(clean, TextOptions{.color = false, .quiet = true}), "");
}

TEST(ReportText, ColourOnlyWhenAsked) {
  RunReport r;
  FileReport f = file_report("a.md", {diagnostic(Severity::Error, 1, 1), diagnostic(Severity::Warning, 1, 1), diagnostic(Severity::Note, 1, 1)});
  f.excerpt_lines[1] = "# Title";
  r.files.push_back(f);
  EXPECT_EQ(text(r).find('\x1b'), std::string::npos);
  const std::string colored = text(r, TextOptions{.color = true, .quiet = false});
  EXPECT_NE(colored.find("\x1b[1ma.md:1:1:\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;31merror:"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;33mwarning:"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;36mnote:"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;32m^~\x1b[0m"), std::string::npos);
}

TEST(ReportText, FileLevelFindingHasNoPositionOrExcerpt) {
  RunReport r;
  FileReport f = file_report("a.md", {diagnostic(Severity::Error, 0, 0, "no-template", "no template matches")});
  f.excerpt_lines[0] = "never shown";
  r.files.push_back(f);
  const std::string out = text(r);
  EXPECT_EQ(out.rfind("a.md: error: no template matches [no-template]\n\n", 0), 0u) << out;
  EXPECT_EQ(out.find("never shown"), std::string::npos);
}

TEST(ReportText, MissingExcerptLineMeansNoExcerpt) {
  RunReport r;
  Diagnostic d = diagnostic(Severity::Error, 5, 2);
  d.hint = "do the thing";
  r.files.push_back(file_report("a.md", {d}));
  EXPECT_EQ(text(r),
            "a.md:5:2: error: something is wrong [missing-section]\n"
            "  = hint: do the thing\n\n"
            "1 error, 0 warnings, 0 notes in 1 file\n");
}

TEST(ReportText, MessagesCannotInjectTerminalEscapes) {
  RunReport r;
  r.files.push_back(file_report("a\x1b]0;x\x07.md", {diagnostic(Severity::Error, 1, 1, "r", "bad \x1b[2J\nsecond line")}));
  const std::string out = text(r);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
  EXPECT_EQ(out.find('\x07'), std::string::npos);
  EXPECT_NE(out.find("second line [r]\n"), std::string::npos);  // still one line
}

TEST(ReportJson, ContractShapeAndKeyOrder) {
  RunReport r;
  FileReport f = file_report("a.md", {diagnostic(Severity::Warning, 3, 4)}, "epic");
  f.status = "Draft";
  f.diagnostics[0].hint = "h";
  f.diagnostics[0].section = "A > B";
  r.files.push_back(f);
  r.files.push_back(file_report("b.md", {}));
  const std::string out = render(write_json, r);
  ASSERT_EQ(out.back(), '\n');
  const auto j = nlohmann::ordered_json::parse(out);
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["tool"]["name"], "specgate");
  EXPECT_EQ(j["tool"]["version"], SPECGATE_VERSION);
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"version", "tool", "files", "summary", "errors"}));
  const auto& d = j["files"][0]["diagnostics"][0];
  keys.clear();
  for (auto& [k, v] : d.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"rule", "severity", "line", "column", "end_line", "end_column",
                                            "message", "hint", "section"}));
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["end_column"], 6);
  EXPECT_EQ(d["section"], "A > B");
  EXPECT_EQ(j["files"][0]["template"], "epic");
  EXPECT_EQ(j["files"][0]["status"], "Draft");
  EXPECT_TRUE(j["files"][1]["template"].is_null());
  EXPECT_TRUE(j["files"][1]["status"].is_null());
  EXPECT_TRUE(j["files"][1]["diagnostics"].is_array());
  EXPECT_EQ(j["summary"], nlohmann::ordered_json::parse(R"({"files":2,"errors":0,"warnings":1,"notes":0})"));
}

TEST(ReportJson, InvalidUtf8DoesNotThrow) {
  RunReport r;
  r.files.push_back(file_report("bad\xFF.md", {diagnostic(Severity::Error, 1, 1, "r", "quote \xC0\xAF")}));
  std::string out;
  ASSERT_NO_THROW(out = render(write_json, r));
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["files"][0]["path"], "bad\xEF\xBF\xBD.md");
}

TEST(ReportSarif, RulesResultsAndRegions) {
  RunReport r;
  r.rules = {{"missing-section", Severity::Error, "A required section is absent.", true, {}},
             {"line-length", Severity::Note, "Long line.", false, {}}};
  Diagnostic multi = diagnostic(Severity::Warning, 2, 5, "line-length");
  multi.end_line = 4;
  multi.end_column = 1;
  Diagnostic backwards = diagnostic(Severity::Error, 7, 5);
  backwards.end_line = 3;
  Diagnostic whole_file = diagnostic(Severity::Note, 0, 0, "no-template");
  r.files.push_back(file_report("docs/my spec.md", {diagnostic(Severity::Error, 1, 3), multi, backwards, whole_file}));
  const auto j = nlohmann::json::parse(render(write_sarif, r));
  EXPECT_EQ(j["version"], "2.1.0");
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);  // the unknown rule is appended
  EXPECT_EQ(rules[2]["id"], "no-template");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["enabled"], false);
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[0]["properties"]["documentation"], "docs/rules/missing-section.md");
  const auto& res = run["results"];
  ASSERT_EQ(res.size(), 4u);
  for (const auto& x : res) EXPECT_EQ(rules[x["ruleIndex"].get<size_t>()]["id"], x["ruleId"]);
  EXPECT_EQ(res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "docs/my%20spec.md");
  EXPECT_EQ(res[0]["locations"][0]["physicalLocation"]["region"],
            nlohmann::json::parse(R"({"startLine":1,"startColumn":3,"endLine":1,"endColumn":5})"));
  EXPECT_EQ(res[1]["level"], "warning");
  EXPECT_EQ(res[1]["locations"][0]["physicalLocation"]["region"]["endLine"], 4);
  EXPECT_EQ(res[1]["locations"][0]["physicalLocation"]["region"]["endColumn"], 1);
  EXPECT_FALSE(res[2]["locations"][0]["physicalLocation"]["region"].contains("endLine"));
  EXPECT_FALSE(res[3]["locations"][0]["physicalLocation"].contains("region"));
  EXPECT_EQ(run["artifacts"].size(), 1u);
}

TEST(ReportSarif, HintJoinsTheMessage) {
  RunReport r;
  Diagnostic d = diagnostic(Severity::Error, 1, 1);
  d.hint = "add it";
  r.files.push_back(file_report("a.md", {d}));
  const auto j = nlohmann::json::parse(render(write_sarif, r));
  EXPECT_EQ(j["runs"][0]["results"][0]["message"]["text"], "something is wrong\nhint: add it");
}

TEST(ReportGithub, CommandsPerSeverity) {
  RunReport r;
  Diagnostic multi = diagnostic(Severity::Note, 2, 5, "r3", "n");
  multi.end_line = 3;
  r.files.push_back(file_report("./a.md", {diagnostic(Severity::Error, 1, 2, "r1", "e"), diagnostic(Severity::Warning, 0, 0, "r2", "w"), multi}));
  EXPECT_EQ(render(write_github, r),
            "::error file=a.md,line=1,col=2,endLine=1,endColumn=4,title=r1::e\n"
            "::warning file=a.md,title=r2::w\n"
            "::notice file=a.md,line=2,col=5,endLine=3,title=r3::n\n");
}

TEST(ReportGithub, EscapesPropertiesAndData) {
  RunReport r;
  Diagnostic d = diagnostic(Severity::Error, 1, 1, "a,b", "50%\ndone");
  d.hint = "fix: now";
  r.files.push_back(file_report("x:y,z.md", {d}));
  EXPECT_EQ(render(write_github, r),
            "::error file=x%3Ay%2Cz.md,line=1,col=1,endLine=1,endColumn=3,title=a%2Cb::50%25%0Adone%0Ahint: fix: now\n");
}

TEST(ReportJunit, FailureOnlyForErrors) {
  RunReport r;
  r.files.push_back(file_report("a.md", {diagnostic(Severity::Error, 1, 1, "r1", "first"), diagnostic(Severity::Error, 2, 1, "r2", "second"),
                                  diagnostic(Severity::Warning, 3, 1, "r3", "warn")}));
  r.files.push_back(file_report("b.md", {diagnostic(Severity::Note, 1, 1, "r4", "fyi")}));
  r.files.push_back(file_report("c.md", {}));
  const std::string out = render(write_junit, r);
  EXPECT_EQ(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"specgate\" tests=\"3\" failures=\"1\"", 0), 0u) << out;
  EXPECT_EQ(count(out, "<failure "), 1u);
  EXPECT_NE(out.find("<failure message=\"first (and 1 more error)\" type=\"r1\">a.md:1:1: error: first [r1]\n"
                     "a.md:2:1: error: second [r2]\n</failure>"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<system-out>a.md:3:1: warning: warn [r3]\n</system-out>"), std::string::npos);
  EXPECT_NE(out.find("<testcase classname=\"specgate\" name=\"b.md\">\n    <system-out>b.md:1:1: note: fyi [r4]"),
            std::string::npos);
  EXPECT_NE(out.find("<testcase classname=\"specgate\" name=\"c.md\"/>"), std::string::npos);
}

TEST(ReportJunit, EscapesEverything) {
  RunReport r;
  r.files.push_back(file_report("a&<b>\".md", {diagnostic(Severity::Error, 1, 1, "r\"", "x < y \x01\x1b ok")}));
  const std::string out = render(write_junit, r);
  EXPECT_NE(out.find("name=\"a&amp;&lt;b&gt;&quot;.md\""), std::string::npos) << out;
  EXPECT_NE(out.find("message=\"x &lt; y  ok\" type=\"r&quot;\""), std::string::npos) << out;
  EXPECT_EQ(out.find('\x01'), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

// Arbitrary bytes and positions (as a buggy rule or a hostile spec might produce) never crash a
// formatter, and the machine formats stay parseable.
TEST(ReportRobustness, ArbitraryInputInEveryFormat) {
  uint64_t state = 0x9E3779B97F4A7C15u;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  auto bytes = [&](size_t max_len) {
    std::string s(next() % (max_len + 1), '\0');
    for (char& c : s) c = static_cast<char>(next() & 0xFF);
    return s;
  };
  auto position = [&]() -> uint32_t {
    switch (next() % 4) {
      case 0: return 0;
      case 1: return 0xFFFFFFFFu;
      default: return static_cast<uint32_t>(next() % 300);
    }
  };
  for (int round = 0; round < 200; ++round) {
    RunReport r;
    for (int fi = 0, nf = static_cast<int>(next() % 4); fi < nf; ++fi) {
      FileReport f;
      f.path = bytes(20);
      f.template_name = bytes(8);
      f.template_reason = bytes(8);
      f.status = bytes(5);
      for (int di = 0, nd = static_cast<int>(next() % 5); di < nd; ++di) {
        Diagnostic d;
        d.rule = bytes(10);
        d.severity = static_cast<Severity>(next() % 3);
        d.line = position();
        d.column = position();
        d.end_line = position();
        d.end_column = position();
        d.message = bytes(40);
        d.hint = bytes(20);
        d.section = bytes(10);
        f.excerpt_lines[d.line] = bytes(400);
        f.diagnostics.push_back(d);
      }
      r.files.push_back(f);
    }
    for (bool color : {false, true}) {
      for (bool quiet : {false, true}) ASSERT_NO_THROW(text(r, TextOptions{.color = color, .quiet = quiet}));
    }
    ASSERT_TRUE(nlohmann::json::accept(render(write_json, r))) << "round " << round;
    ASSERT_TRUE(nlohmann::json::accept(render(write_sarif, r))) << "round " << round;
    const std::string gh = render(write_github, r);
    // One command per finding: no raw line break can split an annotation.
    EXPECT_EQ(count(gh, "\n"), summarize(r).errors + summarize(r).warnings + summarize(r).notes);
    const std::string junit = render(write_junit, r);
    for (char c : junit) ASSERT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') << "round " << round;
  }
}
