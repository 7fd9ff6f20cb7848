// The bad-input catalogue: what a user, an editor or a repository can hand specgate, run through
// the real binary. Each case: no crash (no signal), no hang (ctest TIMEOUT; nothing here is
// timed), a message naming the file, exit 2 when specgate cannot do what was asked and normal
// findings (exit 0 or 1) otherwise.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/source.h"
#include "report/report.h"
#include "rules/registry.h"
#include "support/run_binary.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::test::run_specgate;
using specgate::test::RunResult;
using specgate::test::TempDir;

namespace {

constexpr const char* kSpec =
    "# Add retry budget\n"
    "\n"
    "**Status:** Draft\n"
    "\n"
    "## Summary\n"
    "\n"
    "Retries are capped per request.\n";

// Ran to completion and exited with one of specgate's documented codes.
::testing::AssertionResult finished(const RunResult& r) {
  if (r.signal != 0)
    return ::testing::AssertionFailure() << "killed by signal " << r.signal << "; stderr:\n" << r.err;
  if (r.exit_code < 0 || r.exit_code > 2)
    return ::testing::AssertionFailure() << "exit " << r.exit_code << "; stderr:\n" << r.err;
  if (r.err.find("internal error") != std::string::npos)
    return ::testing::AssertionFailure() << "internal error: " << r.err;
  return ::testing::AssertionSuccess();
}

// Findings, not a failure to run: exit 0 or 1 and nothing on stderr.
::testing::AssertionResult checked(const RunResult& r) {
  if (auto f = finished(r); !f) return f;
  if (r.exit_code == 2) return ::testing::AssertionFailure() << "exit 2; stderr:\n" << r.err;
  if (!r.err.empty()) return ::testing::AssertionFailure() << "unexpected stderr:\n" << r.err;
  return ::testing::AssertionSuccess();
}

// A string literal with embedded NULs, all of it.
template <size_t N>
std::string bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

TEST(BadInput, MissingPath) {
  TempDir t;
  const RunResult r = run_specgate({"check", (t / "nope.md").string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nope.md: No such file or directory")) << r.err;
}

TEST(BadInput, MissingPathBesideAGoodOneStillChecksTheGoodOne) {
  TempDir t;
  const auto good = t.write("good.md", kSpec);
  const RunResult r = run_specgate({"check", good.string(), (t / "nope.md").string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nope.md")) << r.err;
  EXPECT_TRUE(contains(r.out, "good.md")) << r.out;
}

TEST(BadInput, DirectoryGivenAsTemplate) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  fs::create_directory(t / "tmpl.md");
  const RunResult r = run_specgate({"check", "--template", (t / "tmpl.md").string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "tmpl.md")) << r.err;
  EXPECT_TRUE(contains(r.err, "directory")) << r.err;
}

TEST(BadInput, BinaryFile) {
  TempDir t;
  const auto f = t.write("image.md", bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"));
  const RunResult r = run_specgate({"check", f.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "image.md: looks like a binary file")) << r.err;
}

TEST(BadInput, BinaryTemplate) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto tmpl = t.write("tmpl.md", bytes("# T\n\0\0\0\x01\x02"));
  const RunResult r = run_specgate({"check", "--template", tmpl.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "tmpl.md")) << r.err;
  EXPECT_TRUE(contains(r.err, "binary")) << r.err;
}

TEST(BadInput, InvalidUtf8IsCheckedAndOutputStaysValid) {
  TempDir t;
  const auto f = t.write("latin1.md",
                         "# Caf\xe9 \xff\xfe spec\n\n**Status:** Dr\xe4" "ft\n\n## Summary\n\nBad \xc3 tail \xed\xa0\x80 and <TBD \xf5>.\n");
  const RunResult text = run_specgate({"check", f.string()});
  ASSERT_TRUE(checked(text));
  EXPECT_TRUE(contains(text.out, "latin1.md")) << text.out;
  // Machine-readable outputs must stay valid UTF-8 JSON whatever the input bytes.
  const RunResult json = run_specgate({"check", "--format", "json", f.string()});
  ASSERT_TRUE(checked(json));
  EXPECT_TRUE(nlohmann::json::accept(json.out)) << json.out;
  const RunResult sarif = run_specgate({"check", "--format", "sarif", f.string()});
  ASSERT_TRUE(checked(sarif));
  EXPECT_TRUE(nlohmann::json::accept(sarif.out));
  const RunResult model = run_specgate({"parse", "--format", "json", f.string()});
  ASSERT_TRUE(finished(model));
  EXPECT_EQ(model.exit_code, 0) << model.err;
  EXPECT_TRUE(nlohmann::json::accept(model.out));
}

TEST(BadInput, NulByteNearTheStartMeansBinary) {
  TempDir t;
  const auto f = t.write("nul.md", bytes("# Title\n\nText\0more\n"));
  const RunResult r = run_specgate({"check", f.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nul.md: looks like a binary file")) << r.err;
}

TEST(BadInput, NulByteAfterTheFirst8KiBIsText) {
  TempDir t;
  std::string body = std::string(kSpec) + "\n" + std::string(9000, 'a') + "\n";
  body += bytes("late \0 nul\n");
  const auto f = t.write("late-nul.md", body);
  ASSERT_TRUE(checked(run_specgate({"check", f.string()})));
  ASSERT_TRUE(finished(run_specgate({"parse", "--format", "json", f.string()})));
}

TEST(BadInput, EmptyFile) {
  TempDir t;
  const auto f = t.write("empty.md", "");
  const RunResult plain = run_specgate({"check", f.string()});
  ASSERT_TRUE(checked(plain));
  EXPECT_EQ(plain.exit_code, 0);
  // Against a named template an empty spec lacks every required section.
  const RunResult r = run_specgate({"check", "--template", "task", f.string()});
  ASSERT_TRUE(checked(r));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "empty.md")) << r.out;
  EXPECT_TRUE(contains(r.out, "missing-section")) << r.out;
}

TEST(BadInput, HundredThousandNestedQuotes) {
  TempDir t;
  const auto f = t.write("quotes.md", std::string(kSpec) + "\n" + std::string(100000, '>') + " deep\n\nAfter.\n");
  ASSERT_TRUE(checked(run_specgate({"check", f.string()})));
  const RunResult model = run_specgate({"parse", "--format", "json", f.string()});
  ASSERT_TRUE(finished(model));
  EXPECT_EQ(model.exit_code, 0) << model.err;
}

TEST(BadInput, ThreeThousandNestedLists) {
  TempDir t;
  std::string body = std::string(kSpec) + "\n";
  for (int i = 0; i < 3000; ++i) body += std::string(static_cast<size_t>(2 * i), ' ') + "- level " + std::to_string(i) + "\n";
  const auto f = t.write("lists.md", body);
  ASSERT_TRUE(checked(run_specgate({"check", f.string()})));
  ASSERT_TRUE(finished(run_specgate({"parse", "--format", "json", f.string()})));
}

TEST(BadInput, TenMegabyteLine) {
  TempDir t;
  std::string line;
  line.reserve(10u << 20);
  while (line.size() < (10u << 20)) line += "lorem ipsum d\xc3\xa9lor sit amet ";
  // Characters before the placeholder: the '\xc3\xa9' pairs count once each.
  const size_t chars_before = specgate::count_chars(line);
  line += "<TBD> end";
  const auto f = t.write("long-line.md", std::string(kSpec) + "\n" + line + "\n");
  const RunResult r = run_specgate({"check", "--format", "json", f.string()});
  ASSERT_TRUE(checked(r));
  const auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& d : j["files"][0]["diagnostics"]) {
    if (d["rule"] == "placeholder" && d["line"] == 9) {
      EXPECT_EQ(d["column"], chars_before + 1) << d.dump();
      found = true;
    }
  }
  EXPECT_TRUE(found) << r.out.substr(0, 2000);
  ASSERT_TRUE(checked(run_specgate({"check", f.string()})));
}

TEST(BadInput, HundredThousandFindingsOnOneLine) {
  TempDir t;
  std::string line;
  for (int i = 0; i < 100000; ++i) line += "<TBD> ";
  const auto f = t.write("many.md", std::string(kSpec) + "\n" + line + "\n");
  for (const std::string& format : specgate::output_format_names()) {
    SCOPED_TRACE(format);
    // --strict: the spec is a draft, so its placeholders are warnings (status-aware strictness).
    const RunResult r = run_specgate({"check", "--strict", "--format", format, f.string()});
    ASSERT_TRUE(finished(r));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_GE(count_of(r.out, "TBD"), 100000u);
  }
}

TEST(BadInput, FiftyMegabyteFile) {
  TempDir t;
  std::string body = kSpec;
  body.reserve(51u << 20);
  for (int i = 0; body.size() < (50u << 20); ++i) {
    body += "\n## Part " + std::to_string(i) + "\n\nSome text about part " + std::to_string(i) +
            ", with a [link](#summary) and `code`.\n\n- item one\n- item two\n";
  }
  const auto f = t.write("huge.md", body);
  const RunResult r = run_specgate({"check", f.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "huge.md: file is too large")) << r.err;
}

TEST(BadInput, HundredThousandOpenBracketsInMermaid) {
  TempDir t;
  const auto f = t.write("diagram.md", std::string(kSpec) + "\n```mermaid\nflowchart TD\n  A" +
                                           std::string(100000, '[') + "\n```\n");
  const RunResult m = run_specgate({"mermaid", f.string()});
  ASSERT_TRUE(finished(m));
  EXPECT_EQ(m.exit_code, 1) << m.err;
  EXPECT_TRUE(contains(m.out + m.err, "diagram.md:11")) << m.out << m.err;
  // The excerpt under the finding is a window around the caret, not the 100 KB line.
  EXPECT_LT(m.out.size(), 2000u) << m.out.substr(0, 2000);
  ASSERT_TRUE(checked(run_specgate({"check", f.string()})));
}

TEST(BadInput, SymlinkLoopInsideADirectoryIsWalkedOnce) {
  TempDir t;
  t.write("specs/a.md", kSpec);
  fs::create_directory_symlink(t / "specs", t / "specs/loop");
  fs::create_directory_symlink("../specs", t / "specs/up");
  const RunResult r = run_specgate({"check", "--format", "json", (t / "specs").string()});
  ASSERT_TRUE(checked(r));
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["files"].size(), 1u) << r.out;
}

TEST(BadInput, SymlinkLoopGivenAsAFile) {
  TempDir t;
  fs::create_symlink(t / "b.md", t / "a.md");
  fs::create_symlink(t / "a.md", t / "b.md");
  const RunResult r = run_specgate({"check", (t / "a.md").string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "a.md: symbolic link loop")) << r.err;
}

TEST(BadInput, BrokenSymlinkGivenAsAFile) {
  TempDir t;
  fs::create_symlink(t / "gone.md", t / "link.md");
  const RunResult r = run_specgate({"check", (t / "link.md").string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "link.md: broken symbolic link")) << r.err;
  EXPECT_TRUE(contains(r.err, "gone.md")) << r.err;
}

// A file that vanishes between discovery and reading looks, to the reader, exactly like a
// Markdown name that resolves to nothing; the deterministic form of that race is a broken
// symlink inside a walked directory. The good file is still checked.
TEST(BadInput, FileGoneBetweenDiscoveryAndRead) {
  TempDir t;
  t.write("specs/good.md", kSpec);
  fs::create_symlink(t / "specs/deleted.md", t / "specs/vanished.md");
  const RunResult r = run_specgate({"check", (t / "specs").string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "vanished.md: broken symbolic link")) << r.err;
  EXPECT_TRUE(contains(r.out, "good.md")) << r.out;
}

TEST(BadInput, SamePathTwiceIsCheckedOnce) {
  TempDir t;
  const auto f = t.write("a.md", kSpec);
  const RunResult r = run_specgate({"check", "--format", "json", f.string(), f.string(), (t / "./a.md").string()});
  ASSERT_TRUE(checked(r));
  EXPECT_EQ(nlohmann::json::parse(r.out)["files"].size(), 1u) << r.out;
}

TEST(BadInput, FifoWithoutWriterDoesNotHang) {
  TempDir t;
  ASSERT_EQ(::mkfifo((t / "pipe.md").c_str(), 0644), 0);
  const RunResult r = run_specgate({"check", (t / "pipe.md").string()});
  ASSERT_TRUE(finished(r));
  // Nothing was written: it reads as an empty spec.
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const RunResult e = run_specgate({"export", (t / "pipe.md").string(), "--format", "template-json"});
  ASSERT_TRUE(finished(e));
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_TRUE(contains(e.err, "Template Metadata")) << e.err;
}

TEST(BadInput, MalformedConfigYaml) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto cfg = t.write(".specgate.yaml", "rules:\n  placeholder: off\n  broken-link: [warning\n");
  const RunResult r = run_specgate({"check", "--config", cfg.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, ".specgate.yaml:")) << r.err;
  EXPECT_TRUE(contains(r.err, "invalid YAML")) << r.err;
}

TEST(BadInput, ConfigFoundUpwardIsNamedInTheError) {
  TempDir t;
  t.write(".git/HEAD", "ref: refs/heads/main\n");
  t.write(".specgate.yaml", "rules: {placeholder: off\n");
  t.write("docs/spec.md", kSpec);
  const RunResult r = run_specgate({"check", "docs"}, t.path());
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, ".specgate.yaml:")) << r.err;
}

TEST(BadInput, ConfigNestedTooDeep) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto cfg = t.write("deep.yaml", "exclude: " + std::string(50000, '[') + "\n");
  const RunResult r = run_specgate({"check", "--config", cfg.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "deep.yaml:1:1: invalid YAML: nested deeper than")) << r.err;
}

TEST(BadInput, UnknownRuleInConfig) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto cfg = t.write("specgate.yaml", "rules:\n  placeholder: warning\n  no-such-rule: off\n");
  const RunResult r = run_specgate({"check", "--config", cfg.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "specgate.yaml:3: unknown rule 'no-such-rule'")) << r.err;
}

TEST(BadInput, UnknownRuleOnTheCommandLine) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const RunResult r = run_specgate({"check", "--disable", "no-such-rule", spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--disable: unknown rule 'no-such-rule'")) << r.err;
}

TEST(BadInput, DeeplyNestedFrontMatter) {
  TempDir t;
  const auto f = t.write("fm.md", "---\ntags: " + std::string(100000, '[') + "\n---\n" + kSpec);
  ASSERT_TRUE(checked(run_specgate({"check", f.string()})));
  const RunResult model = run_specgate({"parse", f.string()});
  ASSERT_TRUE(finished(model));
  EXPECT_TRUE(contains(model.out, "nests deeper than")) << model.out;
}

TEST(BadInput, DeeplyNestedYamlAndJsonCodeBlocks) {
  TempDir t;
  const auto f = t.write("blocks.md", std::string(kSpec) + "\n```yaml\n" + std::string(100000, '[') + "\n```\n\n```json\n" +
                                          std::string(100000, '[') + "\n```\n");
  const RunResult r = run_specgate({"check", "--format", "json", f.string()});
  ASSERT_TRUE(checked(r));
  // The JSON block is plainly unterminated; the YAML one is too deep to judge and is skipped.
  EXPECT_EQ(count_of(r.out, "invalid JSON in code block"), 1u) << r.out;
  EXPECT_EQ(count_of(r.out, "invalid YAML in code block"), 0u) << r.out;
}

TEST(BadInput, BinaryInputToExport) {
  TempDir t;
  const auto f = t.write("bin.md", bytes("\0\x01\x02\x03"));
  const RunResult r = run_specgate({"export", f.string(), "--format", "template-json"});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 1);
}

TEST(BadInput, MermaidCommandOnMissingAndBinaryFiles) {
  TempDir t;
  const auto bin = t.write("bin.mmd", bytes("\0\x01graph"));
  const RunResult missing = run_specgate({"mermaid", (t / "nope.mmd").string()});
  ASSERT_TRUE(finished(missing));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(contains(missing.err, "nope.mmd")) << missing.err;
  ASSERT_TRUE(finished(run_specgate({"mermaid", bin.string()})));
}

// --- The CLI contract (issue 17): each case as the user meets it, message and exit code. ---

// A path that could not be read: never "no problems", and every format records it.
TEST(BadInput, MissingPathIsNeverReportedAsNoProblems) {
  TempDir t;
  const auto good = t.write("good.md", kSpec);
  const std::string nope = (t / "nope.md").string();
  const RunResult text = run_specgate({"check", good.string(), nope});
  ASSERT_TRUE(finished(text));
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_TRUE(contains(text.err, "nope.md: No such file or directory")) << text.err;
  EXPECT_FALSE(contains(text.out, "no problems")) << text.out;
  EXPECT_TRUE(contains(text.out, "0 errors, 0 warnings, 1 note in 1 file; 1 path could not be checked")) << text.out;

  const RunResult alone = run_specgate({"check", nope});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_TRUE(contains(alone.out, "in 0 files; 1 path could not be checked")) << alone.out;

  const RunResult json = run_specgate({"check", "--format", "json", good.string(), nope});
  EXPECT_EQ(json.exit_code, 2);
  const auto j = nlohmann::json::parse(json.out);
  ASSERT_EQ(j["errors"].size(), 1u) << json.out;
  EXPECT_EQ(j["errors"][0]["path"], nope);
  EXPECT_EQ(j["errors"][0]["message"], "No such file or directory");
  EXPECT_EQ(j["files"].size(), 1u);

  const RunResult sarif = run_specgate({"check", "--format", "sarif", good.string(), nope});
  EXPECT_EQ(sarif.exit_code, 2);
  const auto inv = nlohmann::json::parse(sarif.out)["runs"][0]["invocations"];
  ASSERT_EQ(inv.size(), 1u) << sarif.out;
  EXPECT_EQ(inv[0]["executionSuccessful"], false);
  ASSERT_EQ(inv[0]["toolExecutionNotifications"].size(), 1u) << sarif.out;
  EXPECT_EQ(inv[0]["toolExecutionNotifications"][0]["level"], "error");
  EXPECT_TRUE(contains(inv[0]["toolExecutionNotifications"][0]["message"]["text"].get<std::string>(),
                       "No such file or directory"));

  const RunResult junit = run_specgate({"check", "--format", "junit", good.string(), nope});
  EXPECT_EQ(junit.exit_code, 2);
  EXPECT_TRUE(contains(junit.out, "tests=\"2\" failures=\"0\" errors=\"1\"")) << junit.out;
  EXPECT_TRUE(contains(junit.out, "<error message=\"No such file or directory\" type=\"unreadable\"/>")) << junit.out;

  const RunResult github = run_specgate({"check", "--format", "github", good.string(), nope});
  EXPECT_EQ(github.exit_code, 2);
  EXPECT_TRUE(contains(github.out, "::error title=specgate::" + nope + ": No such file or directory")) << github.out;

  const RunResult gitlab = run_specgate({"check", "--format", "gitlab", good.string(), nope});
  EXPECT_EQ(gitlab.exit_code, 2);
  const auto issues = nlohmann::json::parse(gitlab.out);
  ASSERT_TRUE(issues.is_array()) << gitlab.out;
  bool found = false;
  for (const auto& i : issues)
    found |= i["location"]["path"] == nope && i["severity"] == "critical" &&
             contains(i["description"].get<std::string>(), "No such file or directory");
  EXPECT_TRUE(found) << gitlab.out;
}

TEST(BadInput, CleanRunRecordsNoErrors) {
  TempDir t;
  const auto good = t.write("good.md", kSpec);
  const auto j = nlohmann::json::parse(run_specgate({"check", "--format", "json", good.string()}).out);
  EXPECT_TRUE(j["errors"].is_array() && j["errors"].empty()) << j.dump();
  const auto sarif = nlohmann::json::parse(run_specgate({"check", "--format", "sarif", good.string()}).out);
  EXPECT_EQ(sarif["runs"][0]["invocations"][0]["executionSuccessful"], true) << sarif.dump();
  EXPECT_FALSE(sarif["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
}

// A file that cannot be read is an error of its own; so is a folder (ripgrep's wording). root
// reads everything, so the run drops to nobody when the tests run as root.
TEST(BadInput, UnreadableDirectoryIsReportedNotSkipped) {
  TempDir t;
  fs::permissions(t.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  t.write("specs/good.md", kSpec);
  t.write("specs/locked/hidden.md", kSpec);
  fs::permissions(t / "specs/locked", fs::perms::none);
  std::vector<std::string> argv{specgate::test::binary(), "check", (t / "specs").string()};
  if (::geteuid() == 0) {
    if (::access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "running as root and /usr/bin/setpriv is missing";
    argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"});
  }
  const RunResult r = specgate::test::run_program(argv, {});
  fs::permissions(t / "specs/locked", fs::perms::owner_all);  // so that TempDir can remove it
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "locked: Permission denied")) << r.err;
  EXPECT_TRUE(contains(r.out, "1 path could not be checked")) << r.out;
}

TEST(BadInput, ConfigNamesAMissingTemplateFile) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto cfg = t.write(".specgate.yaml", "templates:\n  rfc: templates/rfc.md\n");
  const RunResult r = run_specgate({"check", "--config", cfg.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, ".specgate.yaml:2:8: template 'rfc': file 'templates/rfc.md' does not exist")) << r.err;
}

TEST(BadInput, ConfigNamesAMissingTemplateDir) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  t.write("templates/task.md", "# Task\n\n## Summary\n");
  const auto cfg = t.write(".specgate.yaml", "template_dirs:\n  - templates\n  - tmpl\n");
  const RunResult r = run_specgate({"check", "--config", cfg.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, ".specgate.yaml:3:5: template_dirs: 'tmpl' does not exist")) << r.err;
}

TEST(BadInput, UnknownConfigKeyGetsADidYouMean) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto cfg = t.write(".specgate.yaml", "rules:\n  placeholder: off\nexlude:\n  - drafts/**\n");
  const RunResult r = run_specgate({"check", "--config", cfg.string(), spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, ".specgate.yaml:3:1: unknown key 'exlude'; did you mean 'exclude'?")) << r.err;
}

TEST(BadInput, MisspelledRuleNameGetsADidYouMean) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto cfg = t.write(".specgate.yaml", "rules:\n  placeholders: off\n");
  const RunResult c = run_specgate({"check", "--config", cfg.string(), spec.string()});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_TRUE(contains(c.err, ".specgate.yaml:2: unknown rule 'placeholders'; did you mean 'placeholder'?")) << c.err;
  const RunResult cli = run_specgate({"check", "--disable", "secton-order", spec.string()});
  EXPECT_EQ(cli.exit_code, 2);
  EXPECT_TRUE(contains(cli.err, "--disable: unknown rule 'secton-order'; did you mean 'section-order'?")) << cli.err;
}

TEST(BadInput, MistypedCommandGetsADidYouMean) {
  const RunResult r = run_specgate({"chek", "specs/"});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "specgate: unknown command 'chek'; did you mean 'check'?\n");
  const RunResult far = run_specgate({"lint"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err, "specgate: unknown command 'lint'; see 'specgate --help' for the commands\n");
}

TEST(BadInput, ConflictingCheckFlagsAreUsageErrors) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto schema = t.write("s.yaml", "name: s\n");
  const RunResult both = run_specgate({"check", "--template", "task", "--schema", schema.string(), spec.string()});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_TRUE(contains(both.err, "--template excludes --schema")) << both.err;

  const RunResult on_off = run_specgate({"check", "--enable", "section-order", "--disable", "section-order", spec.string()});
  EXPECT_EQ(on_off.exit_code, 2);
  EXPECT_TRUE(contains(on_off.err, "rule 'section-order' is given to both --enable and --disable")) << on_off.err;

  const RunResult base = run_specgate({"check", "--base", "main", spec.string()});
  EXPECT_EQ(base.exit_code, 2);
  EXPECT_TRUE(contains(base.err, "--base requires --changed")) << base.err;

  const RunResult zero = run_specgate({"check", "--exit-zero", "--strict", spec.string()});
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_TRUE(contains(zero.err, "--strict excludes --exit-zero")) << zero.err;
}

// Documented behaviour with a warning: in a machine format --quiet keeps only the errors.
TEST(BadInput, QuietWithAMachineFormatWarns) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const RunResult r = run_specgate({"check", "--quiet", "--format", "json", spec.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "specgate: warning: --quiet with --format json keeps only the errors in the report\n");
  EXPECT_TRUE(nlohmann::json::accept(r.out));
  EXPECT_TRUE(run_specgate({"check", "--quiet", spec.string()}).err.empty());
}

TEST(BadInput, ExportOptionsForTheOtherFormatAreUsageErrors) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const RunResult validate = run_specgate({"export", spec.string(), "--format", "json", "--validate"});
  EXPECT_EQ(validate.exit_code, 2);
  EXPECT_TRUE(contains(validate.err, "specgate: export: --validate applies to --format template-json only")) << validate.err;
  const RunResult tmpl = run_specgate({"export", spec.string(), "--format", "template-json", "--template", "task"});
  EXPECT_EQ(tmpl.exit_code, 2);
  EXPECT_TRUE(contains(tmpl.err, "specgate: export: --template applies to --format json only")) << tmpl.err;
  EXPECT_TRUE(tmpl.out.empty());
}

// -f is --format in every command that has it, and nothing else anywhere (`new --force` and
// `export --force` are long only).
TEST(BadInput, ShortFIsFormatEverywhere) {
  for (const std::vector<std::string>& cmd :
       std::vector<std::vector<std::string>>{{"check"}, {"status"}, {"templates", "list"}, {"templates", "schema"},
                                             {"new"}, {"parse"}, {"export"}, {"mermaid"}, {"rules"}}) {
    std::vector<std::string> args = cmd;
    args.push_back("--help");
    const RunResult r = run_specgate(args);
    SCOPED_TRACE(r.out);
    ASSERT_EQ(r.exit_code, 0);
    if (contains(r.out, "-f,")) {
      EXPECT_TRUE(contains(r.out, "-f,--format")) << cmd[0];
    }
    EXPECT_FALSE(contains(r.out, "-f,--force"));
  }
  TempDir t;
  const RunResult n = run_specgate({"new", "task", "Ledger sync", "-f"}, t.path());
  EXPECT_EQ(n.exit_code, 2) << n.err;
}

TEST(BadInput, ColourIsForcedByFORCE_COLORAndCLICOLOR_FORCE) {
  TempDir t;
  const auto spec = t.write("spec.md", std::string(kSpec) + "\n<TBD>\n");
  auto run_with = [&](std::vector<std::string> env) {
    specgate::test::RunOptions o;
    o.no_color = false;
    env.push_back("TERM=xterm");
    o.env = env;
    return specgate::test::run_program({specgate::test::binary(), "check", spec.string()}, o);
  };
  const std::string esc = "\x1b[";
  EXPECT_FALSE(contains(run_with({"NO_COLOR=", "FORCE_COLOR=", "CLICOLOR_FORCE="}).out, esc));  // not a terminal
  EXPECT_TRUE(contains(run_with({"NO_COLOR=", "FORCE_COLOR=1", "CLICOLOR_FORCE="}).out, esc));
  EXPECT_TRUE(contains(run_with({"NO_COLOR=", "FORCE_COLOR=", "CLICOLOR_FORCE=1"}).out, esc));
  EXPECT_FALSE(contains(run_with({"NO_COLOR=", "FORCE_COLOR=0", "CLICOLOR_FORCE="}).out, esc));
  EXPECT_FALSE(contains(run_with({"NO_COLOR=1", "FORCE_COLOR=1", "CLICOLOR_FORCE=1"}).out, esc));  // NO_COLOR wins
}

TEST(BadInput, ExitZeroReportsWithoutFailing) {
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const RunResult found = run_specgate({"check", "--exit-zero", "--template", "task", spec.string()});
  ASSERT_TRUE(finished(found));
  EXPECT_EQ(found.exit_code, 0);
  EXPECT_TRUE(contains(found.out, "missing-section")) << found.out;
  // Failing to run is still exit 2.
  EXPECT_EQ(run_specgate({"check", "--exit-zero", (t / "nope.md").string()}).exit_code, 2);
}

TEST(BadInput, FrontMatterErrorsAreReportedWhereTheYamlBreaks) {
  TempDir t;
  const auto open_flow = t.write("flow.md", "---\ntemplate: task\nowners: [Dana, Lee\n---\n# T\n\nText.\n");
  const RunResult r = run_specgate({"check", open_flow.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "flow.md:3:19: error: front matter is not valid YAML")) << r.out;
  const auto unclosed = t.write("unclosed.md", "---\ntemplate: task\nstatus: Draft\n\n# T\n\nText.\n");
  const RunResult u = run_specgate({"check", unclosed.string()});
  EXPECT_EQ(u.exit_code, 1);
  EXPECT_TRUE(contains(u.out, "unclosed.md:1:1: error: front matter is never closed")) << u.out;
}

TEST(BadInput, TemplatesTakesTheConfigAfterItsSubcommand) {
  TempDir t;
  t.write("tmpl/rfc.md", "# RFC: [Title]\n\n## Motivation\n\n[Why.]\n");
  const auto cfg = t.write("conf.yaml", "templates:\n  rfc: tmpl/rfc.md\n");
  const RunResult r = run_specgate({"templates", "show", "rfc", "-c", cfg.string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "## Motivation")) << r.out;
  EXPECT_EQ(run_specgate({"templates", "-c", cfg.string(), "show", "rfc"}).exit_code, 0);
}

TEST(BadInput, MermaidTakesFoldersAndSaysHowItReadsOtherFiles) {
  TempDir t;
  t.write("d/ok.mmd", "graph TD\n  A-->B\n");
  t.write("d/sub/spec.md", "# S\n\n```mermaid\ngraph TD\n  A-->\n```\n");
  t.write("d/.hidden/skip.mmd", "not a diagram\n");
  const RunResult r = run_specgate({"mermaid", (t / "d").string()});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "spec.md:5:")) << r.out;
  EXPECT_FALSE(contains(r.out + r.err, "skip.mmd")) << r.out;
  const auto txt = t.write("notes.txt", "graph TD\n  A-->B\n");
  const RunResult n = run_specgate({"mermaid", txt.string()});
  EXPECT_EQ(n.exit_code, 0);
  EXPECT_TRUE(contains(n.err, "notes.txt is not a .mmd or Markdown file; it is checked as one Mermaid diagram")) << n.err;
}

TEST(BadInput, NewWithAMissingDir) {
  TempDir t;
  const RunResult r = run_specgate({"new", "task", "Ledger sync", "--dir", "nowhere"}, t.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "specgate: --dir nowhere: no such directory (create it first)\n");
}

TEST(BadInput, NewNamingIsRelativeToTheConfig) {
  TempDir t;
  t.write(".git/HEAD", "ref: refs/heads/main\n");
  t.write(".specgate.yaml", "naming:\n  task: \"specs/tasks/TASK-{n}-{slug}.md\"\n");
  fs::create_directories(t / "specs");
  const RunResult r = run_specgate({"new", "task", "Ledger sync"}, t / "specs");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(t / "specs/tasks/TASK-1-ledger-sync.md")) << r.out;
  EXPECT_FALSE(fs::exists(t / "specs/specs")) << r.out;
}

TEST(BadInput, NewRefusesAnIdThatIsTaken) {
  TempDir t;
  ASSERT_EQ(run_specgate({"new", "task", "First", "--id", "1"}, t.path()).exit_code, 0);
  const RunResult r = run_specgate({"new", "task", "Second", "--id", "1"}, t.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "TASK-1 already exists under .; not creating a second one")) << r.err;
  EXPECT_FALSE(fs::exists(t / "TASK-1-second.md"));
  EXPECT_EQ(run_specgate({"new", "task", "Second", "--id", "1", "--force"}, t.path()).exit_code, 0);
  EXPECT_TRUE(fs::exists(t / "TASK-1-second.md"));
}

TEST(BadInput, NewRefusesANonNumericId) {
  TempDir t;
  const RunResult r = run_specgate({"new", "task", "First", "--id", "abc"}, t.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "specgate: --id 'abc': TASK IDs are numbered; give a number (--id 12), TASK-12 or auto\n");
  EXPECT_EQ(run_specgate({"new", "task", "Other scheme", "--id", "PAY-3"}, t.path()).exit_code, 0);
}

// The --help example fills the epic's Author, not every [Name] heading with a person's name.
TEST(BadInput, NewHelpExampleFillsTheAuthorOnly) {
  const RunResult help = run_specgate({"new", "--help"});
  ASSERT_TRUE(contains(help.out, "--var author=\"Ana Silva\"")) << help.out;
  const RunResult r = run_specgate({"new", "epic-spec", "Payouts", "--id", "7", "--var", "author=Ana Silva", "--out", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "**Author:** Ana Silva")) << r.out;
  EXPECT_EQ(count_of(r.out, "Ana Silva"), 1u) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(BadInput, StatusTakesTheAuthorAsOwnerAndFitsTheTerminal) {
  TempDir t;
  const RunResult made = run_specgate({"new", "epic-spec", "Payouts with a long title that goes on and on", "--id", "7",
                                       "--var", "author=Ana Silva", "--today", "2026-01-05"},
                                      t.path());
  ASSERT_EQ(made.exit_code, 0) << made.err;
  specgate::test::RunOptions o;
  o.cwd = t.path();
  const RunResult wide = specgate::test::run_program({specgate::test::binary(), "status", "--today", "2026-01-05", "."}, o);
  ASSERT_TRUE(finished(wide));
  EXPECT_TRUE(contains(wide.out, "Ana Silva")) << wide.out;
  EXPECT_TRUE(contains(wide.out, "long title that goes on and on")) << wide.out;
  o.env = {"COLUMNS=120"};
  const RunResult narrow = specgate::test::run_program({specgate::test::binary(), "status", "--today", "2026-01-05", "."}, o);
  ASSERT_TRUE(finished(narrow));
  EXPECT_FALSE(contains(narrow.out, "goes on and on")) << narrow.out;
  EXPECT_TRUE(contains(narrow.out, "\xE2\x80\xA6")) << narrow.out;  // the cut title
  // The title gave way (the path, last, is never cut, so a row may still be wider than 120).
  auto second_line = [](const std::string& s) {
    const size_t b = s.find('\n') + 1;
    return s.substr(b, s.find('\n', b) - b);
  };
  EXPECT_LT(specgate::count_chars(second_line(narrow.out)), specgate::count_chars(second_line(wide.out))) << narrow.out;
}

TEST(BadInput, RulesNamePrintsTheRulesPage) {
  const RunResult r = run_specgate({"rules", "placeholder"});
  ASSERT_TRUE(finished(r));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, specgate::test::read_all(fs::path(specgate::test::source_dir()) / "docs/rules/placeholder.md"));
  const RunResult typo = run_specgate({"rules", "placeholders"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err, "specgate: unknown rule 'placeholders'; did you mean 'placeholder'?\n");
}

// Every rule's page is in the binary exactly as in docs/rules, and SARIF carries it as help.
TEST(BadInput, EmbeddedRulePagesEqualTheFiles) {
  const auto& rules = specgate::known_rules();
  ASSERT_FALSE(rules.empty());
  for (const specgate::RuleInfo& r : rules) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(std::string(r.documentation),
              specgate::test::read_all(fs::path(specgate::test::source_dir()) / "docs/rules" / (r.name + ".md")));
  }
  TempDir t;
  const auto spec = t.write("spec.md", kSpec);
  const auto sarif = nlohmann::json::parse(run_specgate({"check", "--format", "sarif", spec.string()}).out);
  const auto& table = sarif["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(table.size(), rules.size());
  for (size_t i = 0; i < rules.size(); ++i)
    EXPECT_EQ(table[i]["help"]["markdown"], std::string(rules[i].documentation)) << rules[i].name;
}

}  // namespace

// One document with a hundred thousand sections, each copy filled in from a small template: every
// stage (model, section matching, rules, report) must be linear or n log n in the number of
// sections, or this runs for hours (ctest's TIMEOUT turns that into a failure; nothing is timed).
// Documents over kMaxMarkdownBytes (32 MB) are refused before any of that, so the largest one
// check reads is the one built here, just under the limit; a 100 MB one is refused (exit 2).
TEST(BadInput, ThirtyMegabytesOfSections) {
  TempDir t;
  const auto tmpl = t.write("service.tmpl.md",
                            "# Service: [Name]\n\n**Owner:** [team]\n**Status:** Draft\n\n"
                            "## Summary\n[One paragraph.]\n\n## Design\n**Approach:** [how]\n\n"
                            "### API\n[Endpoints.]\n\n### Alternatives\n[What else.]\n\n"
                            "## Rollout\n- [ ] [step]\n");
  const std::string prose(600, 'x');
  std::string body;
  body.reserve(32u << 20);
  for (int i = 0; body.size() < (31u << 20); ++i) {
    const std::string n = std::to_string(i);
    body += "# Service: Sync " + n + "\n\n**Owner:** Team " + n + "\n**Status:** Draft\n\n## Summary\nBatches " +
            n + ": " + prose + "\n\n## Design\n**Approach:** batch rows\n\n### API\nPOST /v1/batches/" + n +
            "\n\n### API\nA second copy, under the same parent.\n\n## Rollout\n- [x] flag on " + n + "\n- [ ] " +
            prose + "\n\n";
  }
  const auto f = t.write("sections.md", body);
  const RunResult r = run_specgate({"check", "--quiet", "--template", tmpl.string(), f.string()});
  EXPECT_TRUE(checked(r));

  const RunResult parsed = run_specgate({"parse", "--format", "json", f.string()});
  EXPECT_TRUE(checked(parsed));
  EXPECT_EQ(parsed.exit_code, 0);

  body.reserve(101u << 20);
  while (body.size() < (100u << 20)) body.append(body, 0, std::min(body.size(), (100u << 20) - body.size()));
  const auto big = t.write("sections-100mb.md", body);
  const RunResult refused = run_specgate({"check", "--quiet", "--template", tmpl.string(), big.string()});
  ASSERT_TRUE(finished(refused));
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_TRUE(contains(refused.err, "sections-100mb.md: file is too large")) << refused.err;
}
