// The fix engine (src/fix) and `check --fix` / `--diff` through the binary: fixtures (spec before
// and after), idempotence, what a diff says, protected text, file modes, read-only files, and on
// whole corpora that nothing outside the fixed spans changes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <set>

#include "fix/apply.h"
#include "fix/diff.h"
#include "support/lcg.h"
#include "support/patch.h"
#include "support/run_binary.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::test::lines_of;
using specgate::test::read_all;
using specgate::test::run_specgate;
using specgate::test::TempDir;

namespace specgate {
namespace {

// --- unified_diff ---------------------------------------------------------------------------

TEST(FixDiff, EqualTextsGiveNoDiff) { EXPECT_EQ(unified_diff("a.md", "x\ny\n", "x\ny\n"), ""); }

TEST(FixDiff, OneChangedLineWithContext) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n";
  EXPECT_EQ(unified_diff("d/a.md", before, after),
            "--- a/d/a.md\n+++ b/d/a.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(FixDiff, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(unified_diff("a.md", "x\ny", "x\nz"),
            "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n");
}

// Random texts and random line edits: the diff, applied, gives the new text.
TEST(FixDiff, AppliesBackToTheNewTextOnRandomEdits) {
  test::Lcg rng(7);
  const char* words[] = {"alpha\n", "beta\n", "\n", "gamma\n", "## Head\n", "- item\n"};
  for (int round = 0; round < 300; ++round) {
    std::string before = test::join_random(rng, words, static_cast<int>(rng.below(40)));
    std::string after;
    for (size_t b = 0; b < before.size();) {
      size_t e = before.find('\n', b) + 1;
      const size_t roll = rng.below(10);
      if (roll == 0) {
        // dropped
      } else if (roll == 1) {
        after += "new " + std::to_string(round) + "\n";
      } else {
        after += before.substr(b, e - b);
        if (roll == 2) after += "added\n";
      }
      b = e;
    }
    if (rng.below(5) == 0 && !after.empty()) after.pop_back();  // no final newline
    const std::string diff = unified_diff("f.md", before, after, rng.below(4));
    if (before == after) {
      EXPECT_EQ(diff, "");
      continue;
    }
    auto patched = test::apply_patch(diff, {{"f.md", before}});
    ASSERT_EQ(patched["f.md"], after) << "round " << round << "\n" << diff;
  }
}

// --- apply_fixes ----------------------------------------------------------------------------

Diagnostic finding(std::string rule, size_t begin, size_t end, std::string text, bool safe = true) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.fixes.push_back(Fix{"t", safe, {TextEdit{begin, end, std::move(text)}}});
  return d;
}

Document doc_of(const std::string& text) { return build_document(SourceText("x.md", text)); }

TEST(FixApply, AppliesSafeFixesInPositionOrderAndSkipsOverlaps) {
  const Document doc = doc_of("# T\n\nabc def\n");
  // Reported out of order; the second overlaps the first applied.
  const AppliedFixes a = apply_fixes(doc, {finding("r", 9, 12, "DEF"), finding("r", 5, 8, "ABC"), finding("r", 6, 11, "zz"),
                                           finding("r", 0, 0, "x", false)});
  EXPECT_EQ(a.text, "# T\n\nABC DEF\n");
  EXPECT_EQ(a.applied, 2u);
  EXPECT_EQ(a.refused, 1u);
  EXPECT_EQ(apply_fixes(doc, {finding("r", 0, 0, "x", false)}, true).text, "x# T\n\nabc def\n");
}

TEST(FixApply, InsertionsAtOnePlaceKeepTheirReportOrder) {
  const Document doc = doc_of("# T\n");
  EXPECT_EQ(apply_fixes(doc, {finding("r", 4, 4, "a\n"), finding("r", 4, 4, "b\n")}).text, "# T\na\nb\n");
  // Each set apart by blank lines of its own: one blank line between them, not two.
  EXPECT_EQ(apply_fixes(doc, {finding("r", 4, 4, "\na\n\n"), finding("r", 4, 4, "\nb\n\n")}).text, "# T\n\na\n\nb\n\n");
}

TEST(FixApply, RefusesCodeFrontMatterAndSuppressedLines) {
  const std::string text =
      "---\ntitle: x\n---\n# T\n\n```\ncode\n```\n\n<!-- specgate-disable-next-line r -->\nquiet\nloud\n";
  const Document doc = doc_of(text);
  const size_t title = text.find("x\n"), code = text.find("code"), fence = text.find("```\n\n"), quiet = text.find("quiet"),
               loud = text.find("loud"), open = text.find("```\ncode");
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{title, title + 1, "y"}), "inside the front matter");
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{code, code + 4, "y"}), "inside a code block");
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{fence, fence, "y\n"}), "inside a code block");  // before the closing fence
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{open, open, "y\n"}), "");                      // before the opening fence
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{quiet, quiet + 5, "y"}), "on a suppressed line");
  EXPECT_EQ(edit_refusal(doc, "other", TextEdit{quiet, quiet + 5, "y"}), "");
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{loud, loud + 4, "y"}), "");
  EXPECT_EQ(edit_refusal(doc, "r", TextEdit{loud, text.size() + 1, "y"}), "out of the document");
  EXPECT_EQ(apply_fixes(doc, {finding("r", code, code + 4, "y")}).text, text);
}

// --- check --fix / --diff through the binary -------------------------------------------------

fs::path fixes_dir() { return fs::path(test::source_dir()) / "tests/fixtures/fixes"; }

std::vector<std::string> fix_args(const std::string& mode, const fs::path& file) {
  return {"check", mode, "--template", (fixes_dir() / "template.md").string(), "--today", "2026-11-22", file.string()};
}

// Every tests/fixtures/fixes/CASE.md becomes CASE.fixed.md under --fix; a second --fix changes
// nothing, and --diff on the result is empty.
TEST(FixCli, FixturesBecomeTheirFixedForm) {
  size_t cases = 0;
  for (const auto& e : fs::directory_iterator(fixes_dir())) {
    const std::string name = e.path().filename().string();
    if (name == "template.md" || name.find(".fixed.") != std::string::npos || e.path().extension() != ".md") continue;
    ++cases;
    TempDir dir;
    const fs::path spec = dir.write(name, read_all(e.path()));
    const std::string expected = read_all(fixes_dir() / (e.path().stem().string() + ".fixed.md"));
    auto first = run_specgate(fix_args("--fix", spec), dir.path());
    EXPECT_NE(first.exit_code, 2) << name << first.err;
    EXPECT_EQ(read_all(spec), expected) << name;
    auto second = run_specgate(fix_args("--fix", spec), dir.path());
    EXPECT_EQ(read_all(spec), expected) << name << ": a second --fix changed it";
    EXPECT_NE(second.err.find("fixed 0 findings in 0 files"), std::string::npos) << name << second.err;
    EXPECT_EQ(second.exit_code, first.exit_code) << name;
    auto diff = run_specgate(fix_args("--diff", spec), dir.path());
    EXPECT_EQ(diff.out, "") << name;
  }
  EXPECT_GE(cases, 5u);
}

TEST(FixCli, DiffWritesNothingAndItsExitStatusIsAfterFixing) {
  TempDir dir;
  const std::string text = read_all(fixes_dir() / "missing-middle.md");
  std::string typo = text;
  typo.replace(typo.find("In Review"), 9, "In Reveiw");
  typo.replace(typo.find("## Rollout"), 0, "## Risks\n\nNone known.\n\n");
  const fs::path spec = dir.write("rfc.md", typo);
  auto check = run_specgate({"check", "--template", (fixes_dir() / "template.md").string(), spec.string()}, dir.path());
  EXPECT_EQ(check.exit_code, 1) << check.out;
  auto diff = run_specgate(fix_args("--diff", spec), dir.path());
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;  // nothing is left once fixed
  EXPECT_NE(diff.out.find("-**Status**: In Reveiw\n+**Status**: In Review\n"), std::string::npos) << diff.out;
  EXPECT_EQ(diff.out.find("error"), std::string::npos) << "--diff prints the diff alone: " << diff.out;
  EXPECT_NE(diff.err.find("would fix 1 finding in 1 file"), std::string::npos) << diff.err;
  EXPECT_EQ(read_all(spec), typo);
  auto patched = test::apply_patch(diff.out, {{spec.string().substr(1), typo}});
  EXPECT_EQ(patched.size(), 1u);
}

TEST(FixCli, KeepsTheFileModeAndRefusesReadOnlyFiles) {
  TempDir dir;
  const std::string text = read_all(fixes_dir() / "values.md");
  const fs::path spec = dir.write("rfc.md", text);
  ::chmod(spec.c_str(), 0640);
  auto fixed = run_specgate(fix_args("--fix", spec), dir.path());
  EXPECT_NE(read_all(spec), text);
  struct stat st {};
  ASSERT_EQ(::stat(spec.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);

  const fs::path locked = dir.write("locked.md", text);
  ::chmod(locked.c_str(), 0444);
  auto refused = run_specgate(fix_args("--fix", locked), dir.path());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("locked.md: the file is read-only"), std::string::npos) << refused.err;
  EXPECT_EQ(read_all(locked), text);
  // The report is of the file as it is: its findings are all still there.
  EXPECT_NE(refused.out.find("'Aproved'"), std::string::npos) << refused.out;
  for (const auto& e : fs::directory_iterator(dir.path()))
    EXPECT_EQ(e.path().filename().string().find(".specgate-"), std::string::npos) << "temporary file left behind";
}

// Inserted lines end the way the file's lines do, and a file without a final newline still has
// none after several sections are added at its end.
TEST(FixCli, InsertedLinesFollowTheFilesLineEndings) {
  TempDir dir;
  std::string crlf;
  for (char c : read_all(fixes_dir() / "missing-middle.md")) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const fs::path spec = dir.write("crlf.md", crlf);
  run_specgate(fix_args("--fix", spec), dir.path());
  std::string expected;
  for (char c : read_all(fixes_dir() / "missing-middle.fixed.md")) {
    if (c == '\n') expected += '\r';
    expected += c;
  }
  EXPECT_EQ(read_all(spec), expected);

  std::string open_end = read_all(fixes_dir() / "missing-sections.md");
  open_end.pop_back();
  const fs::path last = dir.write("open.md", open_end);
  run_specgate(fix_args("--fix", last), dir.path());
  std::string expected_open = read_all(fixes_dir() / "missing-sections.fixed.md");
  expected_open.pop_back();
  EXPECT_EQ(read_all(last), expected_open);
}

TEST(FixCli, StandardInputTakesDiffNotFix) {
  auto r = run_specgate({"check", "--fix", "-"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("with standard input use --diff"), std::string::npos) << r.err;
  auto both = run_specgate({"check", "--fix", "--diff", "x.md"});
  EXPECT_EQ(both.exit_code, 2) << both.err;
}

// --- corpora: nothing outside the fixed spans changes -------------------------------------------

// Lines (1-based) where `json` (check --format json) reports a finding of a rule whose fixes
// replace text in place (field-value, date), per file.
std::map<std::string, std::set<uint32_t>> replaced_lines(const std::string& json) {
  std::map<std::string, std::set<uint32_t>> out;
  const nlohmann::json report = nlohmann::json::parse(json);
  for (const auto& f : report["files"])
    for (const auto& d : f["diagnostics"])
      if (d["rule"] == "field-value" || d["rule"] == "date") out[f["path"]].insert(d["line"].get<uint32_t>());
  return out;
}

// Copies the Markdown files of `from` to a temp dir, runs --diff then --fix there, and checks:
// the diff applied gives what --fix wrote; every line of the original is in the fixed file, in
// order, except the lines of field-value and date findings; a second --fix changes nothing.
void fix_corpus(const fs::path& from, size_t& files_fixed) {
  TempDir dir;
  std::map<std::string, std::string> before;
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    const std::string rel = fs::relative(e.path(), from).string();
    before["c/" + rel] = read_all(e.path());
    dir.write("c/" + rel, before["c/" + rel]);
  }
  for (const char* cfg : {".specgate.yaml"})
    if (fs::exists(from / cfg)) dir.write(std::string("c/") + cfg, read_all(from / cfg));
  const std::vector<std::string> common = {"--today", "2026-11-22", "--no-ignore", "c"};
  auto with = [&](std::vector<std::string> head) {
    head.insert(head.end(), common.begin(), common.end());
    return head;
  };
  auto json = run_specgate(with({"check", "--format", "json", "--exit-zero"}), dir.path());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto replaced = replaced_lines(json.out);
  auto diff = run_specgate(with({"check", "--diff"}), dir.path());
  ASSERT_NE(diff.exit_code, 2) << diff.err;
  auto fix = run_specgate(with({"check", "--fix"}), dir.path());
  ASSERT_NE(fix.exit_code, 2) << fix.err;
  EXPECT_EQ(diff.exit_code, fix.exit_code);
  const auto patched = test::apply_patch(diff.out, before);
  for (const auto& [path, text] : before) {
    const std::string after = read_all(dir / path);
    if (after == text) {
      EXPECT_EQ(patched.count(path), 0u) << path << ": in the diff but not changed";
      continue;
    }
    ++files_fixed;
    ASSERT_EQ(patched.count(path), 1u) << path << ": changed but not in the diff";
    EXPECT_EQ(patched.at(path), after) << path << ": the diff does not say what --fix did";
    const std::vector<std::string> a = lines_of(text), b = lines_of(after);
    const auto it = replaced.find(path);
    size_t j = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      if (it != replaced.end() && it->second.count(static_cast<uint32_t>(i + 1))) continue;
      while (j < b.size() && b[j] != a[i] && !(i + 1 == a.size() && b[j] == a[i] + "\n")) ++j;
      ASSERT_LT(j, b.size()) << path << ": line " << i + 1 << " was lost: " << a[i] << " (replaced lines known: "
                             << (it == replaced.end() ? 0 : it->second.size()) << ")";
      ++j;
    }
  }
  auto again = run_specgate(with({"check", "--diff"}), dir.path());
  EXPECT_EQ(again.out, "") << "a second pass would change more";
}

TEST(FixCorpus, ExamplesLoseNothing) {
  size_t fixed = 0;
  fix_corpus(fs::path(test::source_dir()) / "examples", fixed);
}

TEST(FixCorpus, RealSpecsLoseNothing) {
  if (!fs::is_directory(test::shared_dir() / "corpus")) GTEST_SKIP() << "../shared/corpus is absent";
  size_t fixed = 0;
  for (const char* part : {"real", "real2"})
    if (fs::is_directory(test::shared_dir() / "corpus" / part)) fix_corpus(test::shared_dir() / "corpus" / part, fixed);
  EXPECT_GT(fixed, 0u) << "the corpora hold fixable findings";
}

}  // namespace
}  // namespace specgate
