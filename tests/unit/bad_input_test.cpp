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

#include "core/source.h"
#include "report/report.h"
#include "support/run_binary.h"

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
