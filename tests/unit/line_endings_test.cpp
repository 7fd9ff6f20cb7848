// A CRLF copy of a spec (or a template) yields the same findings at the same lines and columns
// as the LF original, through the whole check pipeline: model, template choice, every rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "check/checker.h"
#include "model/document.h"
#include "schema/infer.h"
#include "schema/registry.h"
#include "support/run_binary.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using namespace specgate;

namespace {

std::string to_crlf(const std::string& lf) {
  std::string out;
  out.reserve(lf.size() + lf.size() / 20);
  for (size_t i = 0; i < lf.size(); ++i) {
    if (lf[i] == '\n' && (i == 0 || lf[i - 1] != '\r')) out += '\r';
    out += lf[i];
  }
  return out;
}

// Everything a user sees of a report, one finding per line.
std::string render(const CheckResult& r) {
  std::ostringstream o;
  o << "template=" << r.report.template_name << " (" << r.report.template_reason << ") status=" << r.report.status
    << " fatal=" << r.fatal << "\n";
  for (const Diagnostic& d : r.report.diagnostics) {
    o << d.line << ":" << d.column << "-" << d.end_line << ":" << d.end_column << " " << severity_name(d.severity)
      << " " << d.rule << " [" << d.section << "] " << d.message << " | " << d.hint << "\n";
  }
  for (const auto& [line, text] : r.report.excerpt_lines) o << "excerpt " << line << ": " << text << "\n";
  return o.str();
}

CheckOptions fixed_options() {
  CheckOptions o;
  o.today = Date{2026, 11, 22};
  return o;
}

// Same path for both copies, so that only the line endings differ.
CheckResult check_text(const std::string& path, const std::string& bytes, const Schema* tmpl) {
  static const Config config;
  TemplateRegistry registry(config);
  if (tmpl) registry.set_override_schema(*tmpl);
  Checker checker(config, registry, fixed_options());
  return checker.check(build_document(SourceText(path, bytes)));
}

std::vector<fs::path> specs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / "examples")) {
    if (e.path().extension() == ".md") out.push_back(e.path());
  }
  if (test::have_shared()) {
    for (const auto& e : fs::directory_iterator(test::shared_dir() / "seeds")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LineEndings, CrlfSpecsGiveTheSameFindings) {
  const auto files = specs();
  ASSERT_GE(files.size(), 5u);
  size_t findings = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const std::string lf = test::read_all(f);
    ASSERT_EQ(lf.find('\r'), std::string::npos) << "fixture already has CR bytes";
    const CheckResult a = check_text(f.string(), lf, nullptr);
    const CheckResult b = check_text(f.string(), to_crlf(lf), nullptr);
    EXPECT_EQ(render(a), render(b));
    findings += a.report.diagnostics.size();
  }
  // The comparison means something only if the specs produce findings at all.
  EXPECT_GT(findings, 0u);
}

TEST(LineEndings, CrlfTemplatesInferTheSameSchema) {
  if (!test::have_shared()) GTEST_SKIP() << "../shared absent";
  const auto files = specs();
  for (const auto& seed : fs::directory_iterator(test::shared_dir() / "seeds")) {
    SCOPED_TRACE(seed.path().string());
    const std::string lf = test::read_all(seed.path());
    const Schema s_lf = infer_schema(build_document(SourceText("t.md", lf)), "t");
    const Schema s_crlf = infer_schema(build_document(SourceText("t.md", to_crlf(lf))), "t");
    for (const auto& f : files) {
      SCOPED_TRACE(f.string());
      const std::string spec = test::read_all(f);
      EXPECT_EQ(render(check_text(f.string(), spec, &s_lf)), render(check_text(f.string(), spec, &s_crlf)));
      EXPECT_EQ(render(check_text(f.string(), spec, &s_lf)), render(check_text(f.string(), to_crlf(spec), &s_crlf)));
    }
  }
}

// The same through the binary, for the text and JSON reports.
TEST(LineEndings, CrlfThroughTheCli) {
  test::TempDir t;
  for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / "examples")) {
    if (e.path().extension() != ".md") continue;
    const std::string lf = test::read_all(e.path());
    t.write("lf/" + e.path().filename().string(), lf);
    t.write("crlf/" + e.path().filename().string(), to_crlf(lf));
  }
  for (const std::string format : {"text", "json"}) {
    SCOPED_TRACE(format);
    auto a = test::run_specgate({"check", "--today", "2026-11-22", "--format", format, "lf"}, t.path());
    auto b = test::run_specgate({"check", "--today", "2026-11-22", "--format", format, "crlf"}, t.path());
    ASSERT_EQ(a.signal, 0);
    ASSERT_EQ(b.signal, 0);
    EXPECT_EQ(a.exit_code, b.exit_code);
    std::string out_b = b.out;
    for (size_t p = out_b.find("crlf/"); p != std::string::npos; p = out_b.find("crlf/", p)) out_b.replace(p, 5, "lf/");
    EXPECT_EQ(a.out, out_b);
  }
}

}  // namespace
