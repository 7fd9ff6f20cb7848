// `specgate export --format template-json`: byte-for-byte parity with the reference exporter's
// expected outputs (../shared/corpus/real/expected), variants, and the CLI's file handling.
#include "export/template_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/file_io.h"
#include "support/shell_cli.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using namespace specgate::exporter;
using specgate::test::CliRun;
using specgate::test::run_specgate;
using specgate::test::ScratchDir;
using specgate::test::shell_quote;
using specgate::test::slurp;
using specgate::test::spit;

namespace {

const fs::path kShared = fs::path(specgate::test::source_dir()) / ".." / "shared";

std::string render(std::string_view md) {
  ParseOutcome r = parse_template_metadata(md);
  EXPECT_TRUE(r.metadata) << r.error;
  return r.metadata ? render_template_json(*r.metadata) : std::string();
}

struct Expected {
  const char* spec;      // relative to ../shared
  const char* expected;  // relative to ../shared/corpus/real/expected
};

const Expected kExpected[] = {
    {"corpus/real/jscraik__jscraik__.spec__spec-2026-01-20-github-profile-readme-automation.md",
     "jscraik__jscraik__.spec__spec-2026-01-20-github-profile-readme-automation.template.json"},
    {"corpus/real/jscraik__jscraik__.spec__tech-spec-2026-01-20-github-profile-readme-automation.md",
     "jscraik__jscraik__.spec__tech-spec-2026-01-20-github-profile-readme-automation.template.json"},
    {"seeds/003_612d6a519170c59f.txt", "seed-003.template.json"},
};

}  // namespace

TEST(TemplateJsonReference, LibraryMatchesExpectedBytes) {
  if (!fs::exists(kShared / "corpus/real/expected")) GTEST_SKIP() << "../shared is not available";
  for (const auto& e : kExpected) {
    const std::string want = slurp(kShared / "corpus/real/expected" / e.expected);
    ASSERT_FALSE(want.empty()) << e.expected;
    EXPECT_EQ(render(slurp(kShared / e.spec)), want) << e.spec;
  }
}

TEST(TemplateJsonReference, CliStdoutAndOutFileMatchExpectedBytes) {
  if (!fs::exists(kShared / "corpus/real/expected")) GTEST_SKIP() << "../shared is not available";
  ScratchDir dir;
  for (const auto& e : kExpected) {
    const std::string want = slurp(kShared / "corpus/real/expected" / e.expected);
    const std::string spec = (kShared / e.spec).string();
    CliRun r = run_specgate(dir.path, "export " + shell_quote(spec) + " --format template-json");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, want) << e.spec;
    const fs::path out = dir.path / e.expected;
    r = run_specgate(dir.path,
                     "export " + shell_quote(spec) + " --format template-json --out " + shell_quote(out.string()));
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(slurp(out), want) << e.spec;
  }
}

TEST(TemplateJsonReference, CrlfAndBomDoNotChangeTheOutput) {
  if (!fs::exists(kShared / "corpus/real/expected")) GTEST_SKIP() << "../shared is not available";
  const auto& e = kExpected[0];
  std::string md = slurp(kShared / e.spec);
  std::string crlf;
  for (char c : md) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(render(crlf), slurp(kShared / "corpus/real/expected" / e.expected));
}

TEST(TemplateJson, VariantsRenderAsPythonWould) {
  const std::string md =
      "# Spec\n"
      "## Template Metadata\n"
      "- **Name:** caf\xC3\xA9 \xE2\x98\x95 \xF0\x9F\x98\x80\n"
      "- **DESCRIPTION:** a\xFF" "b \"q\" \\ /\n"
      "- **title_template:** Fix {component}: {summary}\n"
      "- **acceptance_criteria:**\n"
      "  - dash\n"
      "  * star\n"
      "  + plus\n"
      "- **priority:**\n"
      "- **variables:** component, \"summary\"\n"
      "- **metadata:** {\"owner\": {\"team\": \"core\", \"size\": 3, \"ratio\": 1.0, \"tags\": "
      "[\"a\", \"b\"]}, \"n\": 12345678901234567890, \"big\": 1e400, \"e\": 1e-7}\n";
  EXPECT_EQ(render(md),
            "{\n"
            "  \"acceptance_criteria\": [\n"
            "    \"dash\",\n"
            "    \"star\",\n"
            "    \"+ plus\"\n"
            "  ],\n"
            "  \"description\": \"a\\ufffdb \\\"q\\\" \\\\ /\",\n"
            "  \"metadata\": {\n"
            "    \"big\": Infinity,\n"
            "    \"e\": 1e-07,\n"
            "    \"n\": 12345678901234567890,\n"
            "    \"owner\": {\n"
            "      \"ratio\": 1.0,\n"
            "      \"size\": 3,\n"
            "      \"tags\": [\n"
            "        \"a\",\n"
            "        \"b\"\n"
            "      ],\n"
            "      \"team\": \"core\"\n"
            "    }\n"
            "  },\n"
            "  \"name\": \"caf\\u00e9 \\u2615 \\ud83d\\ude00\",\n"
            "  \"priority\": \"medium\",\n"
            "  \"title_template\": \"Fix {component}: {summary}\",\n"
            "  \"variables\": [\n"
            "    \"component\",\n"
            "    \"summary\"\n"
            "  ]\n"
            "}\n");
}

TEST(TemplateJson, EmptySectionAndInvalidMetadataGiveDefaults) {
  const std::string defaults =
      "{\n  \"acceptance_criteria\": [],\n  \"description\": \"\",\n  \"metadata\": {},\n"
      "  \"name\": \"\",\n  \"priority\": \"medium\",\n  \"title_template\": \"\",\n"
      "  \"variables\": []\n}\n";
  EXPECT_EQ(render("# Template Metadata\n"), defaults);
  EXPECT_EQ(render("# Template Metadata\n- **metadata:** {\"a\": }\n- **variables:** []\n"), defaults);
  EXPECT_EQ(render("# Template Metadata\n- **metadata:** not json\n"), defaults);
}

TEST(TemplateJsonCli, MissingSectionExitsOneWithReferenceMessage) {
  ScratchDir dir;
  spit(dir.path / "a.md", "# Spec\n\nNo metadata here.\n");
  CliRun r = run_specgate(dir.path, "export " + shell_quote((dir.path / "a.md").string()) + " --format template-json");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "error: Missing 'Template Metadata' section.\n");
}

TEST(TemplateJsonCli, UnreadableInputExitsTwo) {
  ScratchDir dir;
  const std::string missing = (dir.path / "nope.md").string();
  CliRun r = run_specgate(dir.path, "export " + shell_quote(missing) + " --format template-json");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("specgate: cannot read " + missing + ": ", 0), 0u) << r.err;
  r = run_specgate(dir.path, "export " + shell_quote(dir.path.string()) + " --format template-json");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
}

TEST(TemplateJsonCli, DefaultFormatIsTheDocumentModelAndUnknownFormatsFail) {
  ScratchDir dir;
  spit(dir.path / "a.md", "# Template Metadata\n");
  CliRun r = run_specgate(dir.path, "export " + shell_quote((dir.path / "a.md").string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"document\""), std::string::npos);  // not the template-json shape
  r = run_specgate(dir.path, "export " + shell_quote((dir.path / "a.md").string()) + " --format yaml");
  EXPECT_EQ(r.code, 2);
}

TEST(TemplateJsonCli, StdinInputAndStdoutDash) {
  ScratchDir dir;
  spit(dir.path / "a.md", "# Template Metadata\n- **name:** x\n");
  CliRun r = run_specgate(dir.path, "export - --format template-json --out -", (dir.path / "a.md").string());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, render("# Template Metadata\n- **name:** x\n"));
}

TEST(TemplateJsonCli, OutWritesTrailingNewlineAndRefusesToClobber) {
  ScratchDir dir;
  const fs::path md = dir.path / "spec.md";
  spit(md, "# Template Metadata\n- **name:** x\n");
  const std::string want = render("# Template Metadata\n- **name:** x\n");
  ASSERT_EQ(want.back(), '\n');
  ASSERT_NE(want[want.size() - 2], '\n');

  // A previous export (*.template.json) is replaced: re-exporting is the normal workflow.
  const fs::path exported = dir.path / "spec.template.json";
  spit(exported, "old");
  CliRun r = run_specgate(dir.path, "export " + shell_quote(md.string()) + " --format template-json --out " +
                                 shell_quote(exported.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(exported), want);

  // Any other existing file is kept unless --force.
  const fs::path other = dir.path / "notes.json";
  spit(other, "keep me");
  r = run_specgate(dir.path, "export " + shell_quote(md.string()) + " --format template-json --out " +
                                 shell_quote(other.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(other), "keep me");
  r = run_specgate(dir.path, "export " + shell_quote(md.string()) + " --format template-json --force --out " +
                       shell_quote(other.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(other), want);

  // A new file in a new directory is fine; the input itself is never overwritten.
  const fs::path fresh = dir.path / "sub" / "new.json";
  r = run_specgate(dir.path, "export " + shell_quote(md.string()) + " --format template-json -o " +
                                 shell_quote(fresh.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(fresh), want);
  r = run_specgate(dir.path, "export " + shell_quote(md.string()) + " --format template-json --force --out " +
                                 shell_quote(md.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(md), "# Template Metadata\n- **name:** x\n");
}

TEST(TemplateJsonCli, ValidateGatesTheExport) {
  ScratchDir dir;
  const fs::path md = dir.path / "blank.md";
  spit(md,
       "# Template Metadata\n"
       "- **name:** <name>\n"
       "- **title_template:** Title without variables\n"
       "- **metadata:** {oops}\n");
  const fs::path out = dir.path / "blank.template.json";
  CliRun r = run_specgate(dir.path, "export " + shell_quote(md.string()) + " --format template-json --validate --out " +
                                 shell_quote(out.string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_FALSE(fs::exists(out));
  const std::string f = md.string();
  EXPECT_EQ(r.err,
            "error: Template Metadata: 'description' is required.\n"
            "error: Template Metadata: 'title_template' must include {variable} placeholders.\n"
            "error: Template Metadata: 'acceptance_criteria' must include at least one item.\n" +
                f + ":2:13: error: Template Metadata: 'name' still holds the template placeholder <name>.\n" +
                f + ":4:18: error: Template Metadata: 'metadata' is not valid JSON (Expecting property "
                    "name enclosed in double quotes); it is exported as {}.\n");

  const fs::path good = dir.path / "good.md";
  spit(good,
       "# Template Metadata\n- **name:** n\n- **description:** d\n- **title_template:** T {x}\n"
       "- **acceptance_criteria:**\n  - ok\n- **variables:** [x]\n");
  r = run_specgate(dir.path, "export " + shell_quote(good.string()) + " --format template-json --validate");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, render(slurp(good)));
}
