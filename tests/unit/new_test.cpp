// `specgate new`: slugs, file name patterns, IDs, every replacement rule of the template fill,
// and the command end to end (naming, --id auto, overwriting, --out -, atomic writes, and a
// clean `check` of fresh scaffolds from every built-in template and every seed).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "config/config.h"
#include "model/document.h"
#include "scaffold/fill.h"
#include "scaffold/ids.h"
#include "config/naming.h"
#include "scaffold/slug.h"
#include "support/shell_cli.h"
#include "support/test_paths.h"

using namespace specgate;
using test::run_specgate;
using test::shell_quote;
using test::slurp;
using test::spit;
namespace fs = std::filesystem;

namespace {

constexpr Date kToday{2026, 3, 1};

std::string fill(std::string_view tmpl, FillOptions o = {}) {
  if (o.today.year == 0) o.today = kToday;
  Document d = build_document(SourceText("tmpl.md", std::string(tmpl)));
  return fill_template(d, o).text;
}

std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() || e.is_symlink()) out.push_back(fs::relative(e.path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Rule -> count of a `check --format json` run on one file.
std::map<std::string, int> rule_counts(const nlohmann::json& report) {
  std::map<std::string, int> counts;
  for (const auto& d : report["files"][0]["diagnostics"]) ++counts[d["rule"].get<std::string>()];
  return counts;
}

}  // namespace

// ---------------------------------------------------------------------------------- slugs

TEST(FileSlug, LowercaseAsciiHyphenated) {
  EXPECT_EQ(slugify("Ledger Sync Retries"), "ledger-sync-retries");
  EXPECT_EQ(slugify("  API v2 -- Rate_limits!!  "), "api-v2-rate-limits");
  EXPECT_EQ(slugify("Fix: crash (on start) / macOS, 3.2"), "fix-crash-on-start-macos-3-2");
  EXPECT_EQ(slugify("Don't retry; won’t block"), "dont-retry-wont-block");
}

TEST(FileSlug, TransliteratesLatinAccents) {
  EXPECT_EQ(slugify("Café Crème Brûlée"), "cafe-creme-brulee");
  EXPECT_EQ(slugify("Straße Œuvre Æsir Øre Łódź"), "strasse-oeuvre-aesir-ore-lodz");
  EXPECT_EQ(slugify("ÀÉÎÕÜ Ñandú Þorn"), "aeiou-nandu-thorn");
  // Decomposed accents (e + U+0301) stay inside their word.
  EXPECT_EQ(slugify("Cafe\xCC\x81 au lait"), "cafe-au-lait");
}

TEST(FileSlug, DropsEmojiAndOtherScripts) {
  EXPECT_EQ(slugify("🚀 Launch 🚀 plan"), "launch-plan");
  EXPECT_EQ(slugify("API→Gateway"), "api-gateway");
  EXPECT_EQ(slugify("日本語 Spec"), "spec");
  EXPECT_EQ(slugify("2×3 ÷ matrix"), "2-3-matrix");
  EXPECT_EQ(slugify("🚀🚀"), "");
  EXPECT_EQ(slugify(""), "");
  EXPECT_EQ(slugify("bad \xFF\xFE bytes"), "bad-bytes");
}

TEST(FileSlug, CutsAtAWordBoundary) {
  const std::string s = slugify("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu");
  EXPECT_LE(s.size(), 60u);
  EXPECT_EQ(s, "alpha-beta-gamma-delta-epsilon-zeta-eta-theta-iota-kappa");
  EXPECT_EQ(slugify("abcdefghij", 4), "abcd");
  EXPECT_EQ(slugify("ab cd ef", 6), "ab-cd");
}

// ---------------------------------------------------------------------------------- naming

TEST(Naming, BuiltinConventions) {
  EXPECT_EQ(builtin_naming("task"), "{id}-{slug}.md");
  EXPECT_EQ(builtin_naming("super-task"), "{id}-{slug}.md");
  EXPECT_EQ(builtin_naming("feature-spec"), "directives/spec/{date}_spec_{slug}.md");
  EXPECT_EQ(builtin_naming("system-spec"), "tech-spec-{date}-{slug}.md");
  EXPECT_EQ(builtin_naming("epic-spec"), "{id}-{slug}.md");
  EXPECT_EQ(builtin_naming("rfc"), "");
  for (const char* t : {"task", "super-task", "feature-spec", "system-spec", "epic-spec"})
    EXPECT_EQ(validate_naming(builtin_naming(t)), "") << t;
}

TEST(Naming, Validation) {
  EXPECT_EQ(validate_naming("TASK-{n}-{slug}.md"), "");
  EXPECT_EQ(validate_naming("docs/{template}/{date}-{id}.md"), "");
  EXPECT_NE(validate_naming(""), "");
  EXPECT_NE(validate_naming("/etc/{slug}.md"), "");
  EXPECT_NE(validate_naming("../{slug}.md"), "");
  EXPECT_NE(validate_naming("a/../{slug}.md"), "");
  EXPECT_NE(validate_naming("a//{slug}.md"), "");
  EXPECT_NE(validate_naming("specs/"), "");
  EXPECT_NE(validate_naming("C:{slug}.md"), "");
  EXPECT_NE(validate_naming("a\\{slug}.md"), "");
  EXPECT_NE(validate_naming("{title}.md"), "");
  EXPECT_NE(validate_naming("{slug.md"), "");
  EXPECT_NE(validate_naming("slug}.md"), "");
}

TEST(Naming, ExpandAndFamily) {
  NameParts p{"TASK-12", "12", "ledger-sync", "2026-03-01", "task"};
  EXPECT_EQ(expand_naming("TASK-{n}-{slug}.md", p), "TASK-12-ledger-sync.md");
  EXPECT_EQ(expand_naming("{template}/{date}_{id}.md", p), "task/2026-03-01_TASK-12.md");
  EXPECT_TRUE(naming_needs_id("{id}.md"));
  EXPECT_TRUE(naming_needs_id("RFC-{n}.md"));
  EXPECT_FALSE(naming_needs_id("{date}-{slug}.md"));
  EXPECT_EQ(naming_family("RFC-{n}-{slug}.md"), "RFC");
  EXPECT_EQ(naming_family("docs/ARCH-SUPER-{n}.md"), "ARCH-SUPER");
  EXPECT_EQ(naming_family("{id}-{slug}.md"), "");
  EXPECT_EQ(naming_family("{n}.md"), "");
}

TEST(Naming, ConfigKeyIsValidated) {
  test::ScratchDir dir;
  const fs::path cfg = dir.path / ".specgate.yaml";
  spit(cfg, "naming:\n  task: \"tasks/TASK-{n}-{slug}.md\"\n  rfc: \"{date}-{slug}.md\"\n");
  ConfigError err;
  auto c = load_config(cfg.string(), err);
  ASSERT_TRUE(c) << err.message;
  EXPECT_EQ(c->naming.at("task"), "tasks/TASK-{n}-{slug}.md");
  EXPECT_EQ(c->naming.at("rfc"), "{date}-{slug}.md");

  spit(cfg, "naming:\n  task: \"../{slug}.md\"\n");
  EXPECT_FALSE(load_config(cfg.string(), err));
  EXPECT_NE(err.message.find(":2:"), std::string::npos) << err.message;
  EXPECT_NE(err.message.find("'..'"), std::string::npos) << err.message;
  spit(cfg, "naming:\n  task: \"{title}.md\"\n");
  EXPECT_FALSE(load_config(cfg.string(), err));
  EXPECT_NE(err.message.find("unknown token {title}"), std::string::npos) << err.message;
  spit(cfg, "naming: [a, b]\n");
  EXPECT_FALSE(load_config(cfg.string(), err));
  spit(cfg, "naming:\n  task: [a]\n");
  EXPECT_FALSE(load_config(cfg.string(), err));
}

// ---------------------------------------------------------------------------------- IDs

TEST(Ids, FindFamilyId) {
  auto id = find_family_id("# TASK-12: thing", "TASK");
  ASSERT_TRUE(id);
  EXPECT_EQ(id->number, 12u);
  EXPECT_TRUE(find_family_id("task-7-slug", "TASK"));
  EXPECT_FALSE(find_family_id("SUBTASK-3", "TASK"));
  EXPECT_FALSE(find_family_id("TASK-3a", "TASK"));
  EXPECT_FALSE(find_family_id("TASK-XXX", "TASK"));
  EXPECT_FALSE(find_family_id("SPEC-EPIC-4", "SPEC"));  // another family
  EXPECT_EQ(find_family_id("SPEC-EPIC-4", "SPEC-EPIC")->number, 4u);
  EXPECT_EQ(find_family_id("ARCH-SUPER-007", "ARCH-SUPER")->digits, 3u);
  EXPECT_FALSE(find_family_id("TASK-1234567890123456789", "TASK"));
}

TEST(Ids, ComposeId) {
  EXPECT_EQ(compose_id("TASK", "12"), "TASK-12");
  EXPECT_EQ(compose_id("TASK", "task-12"), "TASK-12");
  EXPECT_EQ(compose_id("TASK", "007"), "TASK-007");
  EXPECT_EQ(compose_id("SPEC-EPIC", "7"), "SPEC-EPIC-7");
  EXPECT_EQ(compose_id("SPEC-EPIC", "EPIC-7"), "SPEC-EPIC-7");
  EXPECT_EQ(compose_id("TASK", "PAY-3"), "PAY-3");  // a team's own scheme is kept
  EXPECT_EQ(compose_id("", "42"), "42");
  EXPECT_EQ(id_number("TASK-12"), "12");
  EXPECT_EQ(id_number("SPEC-EPIC-007"), "007");
  EXPECT_EQ(id_number("draft"), "draft");
}

TEST(Ids, ScanFindsDeclaredIdsOnly) {
  test::ScratchDir dir;
  fs::create_directories(dir.path / "sub" / "deeper");
  fs::create_directories(dir.path / ".hidden");
  fs::create_directories(dir.path / "node_modules");
  spit(dir.path / "TASK-3-alpha.md", "# Alpha\n");                                  // file name
  spit(dir.path / "sub" / "beta.md", "# TASK-9: Beta\n\nBlocked by TASK-40.\n");     // title; a reference
  spit(dir.path / "sub" / "deeper" / "gamma.md", "# Gamma\n\n**Task ID:** TASK-11\n");  // ID field
  spit(dir.path / "sub" / "notes.txt", "TASK-99");                                   // not Markdown
  spit(dir.path / ".hidden" / "TASK-50.md", "# TASK-50\n");
  spit(dir.path / "node_modules" / "TASK-60.md", "# TASK-60\n");
  spit(dir.path / "delta.md", "# Delta\n\n```\n# TASK-70: in code\n```\nSee TASK-80.\n");
  IdScan s = scan_declared_ids(dir.path.string(), "TASK");
  EXPECT_EQ(s.max, 11u);
  EXPECT_EQ(s.found, 3u);
  EXPECT_EQ(next_id("TASK", s), "TASK-12");
  EXPECT_EQ(scan_declared_ids(dir.path.string(), "STORY").max, 0u);
  EXPECT_EQ(next_id("STORY", scan_declared_ids(dir.path.string(), "STORY")), "STORY-1");
}

TEST(Ids, NextKeepsZeroPadding) {
  test::ScratchDir dir;
  spit(dir.path / "ARCH-SUPER-007-x.md", "# ARCH-SUPER-007: x\n");
  spit(dir.path / "ARCH-SUPER-002-y.md", "# y\n");
  EXPECT_EQ(next_id("ARCH-SUPER", scan_declared_ids(dir.path.string(), "ARCH-SUPER")), "ARCH-SUPER-008");
}

// ---------------------------------------------------------------------------------- fill

TEST(Fill, TitleReplacesTheTitlePlaceholder) {
  FillOptions o;
  o.title = "Ledger sync";
  EXPECT_EQ(fill("# Technical Specification: [Feature/Problem Name]\n\n## A\n[Name]\n", o),
            "# Technical Specification: Ledger sync\n\n## A\n[Name]\n");
  EXPECT_EQ(fill("# Spec: <System / Feature Name>\n", o), "# Spec: Ledger sync\n");
  // A title field, when the heading has no placeholder.
  EXPECT_EQ(fill("# Technical Specification Template\n\n**Title:** [Feature/Component Name]  \n", o),
            "# Technical Specification Template\n\n**Title:** Ledger sync  \n");
  // Without a title the placeholder stays; newlines in a title cannot break the heading.
  EXPECT_EQ(fill("# Spec: [Name]\n"), "# Spec: [Name]\n");
  o.title = "two\nlines";
  EXPECT_EQ(fill("# Spec: [Name]\n", o), "# Spec: two lines\n");
}

TEST(Fill, DatesInCreatedAndUpdatedFields) {
  const std::string t =
      "# T\n\n"
      "**Created:** [Date]\n"
      "**Created**: [YYYY-MM-DD]\n"
      "**Created:** [Run: date +\"%Y-%m-%d\"]  \n"
      "**Last Updated**: YYYY-MM-DD  \n"
      "**Last updated:** YYYY-MM-DD\n"
      "**Updated**: [YYYY-MM-DD]\n"
      "**Date:** <date>\n"
      "**Next Review**: YYYY-MM-DD\n"
      "**Next Review:** [Date]\n";
  EXPECT_EQ(fill(t),
            "# T\n\n"
            "**Created:** 2026-03-01\n"
            "**Created**: 2026-03-01\n"
            "**Created:** 2026-03-01  \n"
            "**Last Updated**: 2026-03-01  \n"
            "**Last updated:** 2026-03-01\n"
            "**Updated**: 2026-03-01\n"
            "**Date:** 2026-03-01\n"
            "**Next Review**: 2026-05-30\n"
            "**Next Review:** 2026-05-30\n");
  FillOptions o;
  o.review_interval_days = 14;
  EXPECT_EQ(fill("**Next Review**: YYYY-MM-DD\n", o), "**Next Review**: 2026-03-15\n");
}

TEST(Fill, OtherDatesAndOtherPlaceholdersInDateFieldsStay) {
  const std::string t =
      "## Debt\n"
      "- **Created**: [Shortcuts taken]\n"
      "- [ ] Decide - **Decision by:** [Date]\n"
      "* Q1: <question> (Owner: <name>, Due: YYYY-MM-DD)\n"
      "| YYYY-MM-DD | <feature> |\n"
      "|---|---|\n"
      "- [ ] **Developer**: done - [Name] - [Date]\n";
  EXPECT_EQ(fill(t), t);
}

TEST(Fill, DocumentStatusTakesTheFirstChoice) {
  EXPECT_EQ(fill("# T\n**Status:** Draft | In Review | Approved  \n"), "# T\n**Status:** Draft  \n");
  EXPECT_EQ(fill("# T\n**Status**: [To Do | In Progress | Done]\n"), "# T\n**Status**: To Do\n");
  EXPECT_EQ(fill("# T\n**Status:** Draft/Approved  \n"), "# T\n**Status:** Draft  \n");
  EXPECT_EQ(fill("# T\n## End\n**Specification Status**: Draft | Under Review | Approved\n"),
            "# T\n## End\n**Specification Status**: Draft\n");
  EXPECT_EQ(fill("## End\n**Document Status:** [Draft | Review | Approved]\n"), "## End\n**Document Status:** Draft\n");
  // A component's own status is the author's call; a single value or prose is not a list.
  const std::string keep =
      "# T\n## Components\n### Component: <name>\n**Status:** planned | current | future\n"
      "## Other\n**Specification Status**: Approved\n";
  EXPECT_EQ(fill(keep), keep);
  EXPECT_EQ(fill("# T\n**Status:** In Review/Approved\n"), "# T\n**Status:** In Review/Approved\n");
  EXPECT_EQ(fill("# T\n**Status:** [Choose] | Done\n"), "# T\n**Status:** [Choose] | Done\n");
}

TEST(Fill, OwnIdPlaceholders) {
  FillOptions o;
  o.id = "TASK-12";
  o.title = "Retry budget";
  EXPECT_EQ(fill("# TASK-XXX: [Technical Task Title]\n\n## Deps\n- [ ] TASK-XXX: [What] must be completed first\n"
                 "- **Parent Story**: [STORY-XXX]\n",
                 o),
            "# TASK-12: Retry budget\n\n## Deps\n- [ ] TASK-XXX: [What] must be completed first\n"
            "- **Parent Story**: [STORY-XXX]\n");
  o.id = "ARCH-SUPER-3";
  EXPECT_EQ(fill("# ARCH-SUPER-X: [Task Name]\n", o), "# ARCH-SUPER-3: Retry budget\n");
  o.id = "SPEC-EPIC-7";
  EXPECT_EQ(fill("# Technical Specification Template\n\n**Spec ID:** SPEC-[EPIC-XXX]  \n**Epic:** [EPIC-XXX]\n", o),
            "# Technical Specification Template\n\n**Spec ID:** SPEC-EPIC-7  \n**Epic:** [EPIC-XXX]\n");
  // Without an ID the placeholders stay.
  EXPECT_EQ(fill("# TASK-XXX: T\n"), "# TASK-XXX: T\n");
}

TEST(Fill, IdFamilyOfTheTemplate) {
  auto family = [](std::string_view t) { return template_id_family(build_document(SourceText("t", std::string(t)))); };
  EXPECT_EQ(family("# TASK-XXX: [Title]\n"), "TASK");
  EXPECT_EQ(family("# ARCH-SUPER-X: [Task Name]\n"), "ARCH-SUPER");
  EXPECT_EQ(family("# Spec\n\n**Spec ID:** SPEC-[EPIC-XXX]\n**Epic:** [EPIC-XXX]\n"), "SPEC-EPIC");
  EXPECT_EQ(family("# Spec\n\n**ID:** [RFC-XXX]\n"), "RFC");
  EXPECT_EQ(family("# Spec: [Name]\n\n**Epic:** [EPIC-XXX]\n- [ ] TASK-XXX\n"), "");
}

TEST(Fill, VarsMatchPlaceholdersCaseAndSeparatorInsensitively) {
  FillOptions o;
  o.vars = {{"name", "Ana"}, {"feature_name", "ledger"}, {"Component", "sync"}, {"unused", "x"}};
  FillResult r = fill_template(build_document(SourceText("t", std::string(
                                   "# T\n**Owner:** <name>\n**Author:** [Name]\n"
                                   "- Core: `src/core/[feature-name]/`\n"
                                   "Title: Fix {component}\n"
                                   "[Feature Name] and <other> {featureName}\n"))),
                               o);
  EXPECT_EQ(r.text,
            "# T\n**Owner:** Ana\n**Author:** Ana\n"
            "- Core: `src/core/ledger/`\n"
            "Title: Fix sync\n"
            "ledger and <other> ledger\n");
  EXPECT_EQ(r.unused_vars, std::vector<std::string>{"unused"});
}

TEST(Fill, LastVarOfAKeyWins) {
  FillOptions o;
  o.vars = {{"name", "A"}, {"NAME", "B"}};
  FillResult r = fill_template(build_document(SourceText("t", std::string("x [Name]\n"))), o);
  EXPECT_EQ(r.text, "x B\n");
  EXPECT_TRUE(r.unused_vars.empty());
}

TEST(Fill, CodeBlocksAndHtmlAreNeverTouched) {
  FillOptions o;
  o.vars = {{"name", "Ana"}};
  o.id = "TASK-1";
  const std::string t =
      "# TASK-XXX: T\n\n```text\n# TASK-XXX: [Name]\n**Created:** YYYY-MM-DD\n**Status:** A | B\n```\n"
      "<div>[Name]</div>\n\n    indented [Name]\n";
  EXPECT_EQ(fill(t, o), "# TASK-1: T\n\n```text\n# TASK-XXX: [Name]\n**Created:** YYYY-MM-DD\n**Status:** A | B\n```\n"
                        "<div>[Name]</div>\n\n    indented [Name]\n");
}

TEST(Fill, TemplateCommentBecomesTheSpecsTemplateReference) {
  FillOptions o;
  o.template_ref = "task";
  EXPECT_EQ(fill("<!-- specgate-template: task — A task. -->\n# T\n", o), "<!-- specgate: template=task -->\n# T\n");
  // Added when the template has none: first, or after front matter.
  EXPECT_EQ(fill("# T\n", o), "<!-- specgate: template=task -->\n# T\n");
  EXPECT_EQ(fill("---\ntitle: x\n---\n# T\n", o), "---\ntitle: x\n---\n<!-- specgate: template=task -->\n# T\n");
  EXPECT_EQ(fill("", o), "<!-- specgate: template=task -->\n");
  // None requested: the text is left as it was.
  EXPECT_EQ(fill("<!-- specgate-template: task -->\n# T\n"), "<!-- specgate-template: task -->\n# T\n");
}

TEST(Fill, KeepsLineEndingsAndBom) {
  FillOptions o;
  o.template_ref = "t";
  o.title = "X";
  EXPECT_EQ(fill("\xEF\xBB\xBF# A: [Name]\r\n**Created:** [Date]\r\n", o),
            "\xEF\xBB\xBF<!-- specgate: template=t -->\r\n# A: X\r\n**Created:** 2026-03-01\r\n");
}

TEST(Fill, FoldVarKey) {
  EXPECT_EQ(fold_var_key("Feature/Problem Name"), fold_var_key("feature/problem_name"));
  EXPECT_EQ(fold_var_key(" a-B_c d "), "abcd");
}

// ---------------------------------------------------------------------------------- CLI

TEST(NewCli, EveryBuiltinScaffoldsACleanSpec) {
  test::ScratchDir dir;
  const std::pair<const char*, const char*> cases[] = {
      {"super-task", "ARCH-SUPER-1-ledger-sync.md"},
      {"feature-spec", "directives/spec/2026-03-01_spec_ledger-sync.md"},
      {"epic-spec", "SPEC-EPIC-1-ledger-sync.md"},
      {"system-spec", "tech-spec-2026-03-01-ledger-sync.md"},
      {"task", "TASK-1-ledger-sync.md"},
  };
  for (const auto& [name, file] : cases) {
    auto r = run_specgate(dir.path, std::string("new ") + name + " 'Ledger sync' --today 2026-03-01");
    ASSERT_EQ(r.code, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, std::string(file) + "\n");
    const std::string text = slurp(dir.path / file);
    EXPECT_EQ(text.rfind(std::string("<!-- specgate: template=") + name + " -->\n", 0), 0u) << name;
    EXPECT_NE(text.find("Ledger sync"), std::string::npos) << name;
    EXPECT_NE(text.find("2026-03-01"), std::string::npos) << name;
    // `check` picks the template from the comment, finds every section, reports the placeholders.
    auto c = run_specgate(dir.path, std::string("check --format json --today 2026-03-01 ") + shell_quote(file));
    ASSERT_FALSE(c.out.empty()) << c.err;
    auto report = nlohmann::json::parse(c.out);
    EXPECT_EQ(report["files"][0]["template"], name);
    auto counts = rule_counts(report);
    EXPECT_EQ(counts["missing-section"], 0) << name;
    EXPECT_GT(counts["placeholder"], 10) << name;
    EXPECT_EQ(report["files"][0]["status"], std::string(name) == "task" ? "To Do" : "Draft") << name;
  }
}

TEST(NewCli, EverySeedAsATemplateFileScaffoldsACleanSpec) {
  if (!test::have_shared()) GTEST_SKIP() << "../shared is not available";
  test::ScratchDir dir;
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    const fs::path seed = test::seed(prefix);
    const fs::path out = dir.path / prefix;
    fs::create_directories(out);
    auto r = run_specgate(dir.path, "new " + shell_quote(seed.string()) + " 'Ledger sync' --id 5 --today 2026-03-01 --dir " +
                                        shell_quote(prefix));
    ASSERT_EQ(r.code, 0) << prefix << ": " << r.err;
    const fs::path created = dir.path / std::string(r.out.substr(0, r.out.size() - 1));
    ASSERT_TRUE(fs::is_regular_file(created)) << r.out;
    // Checked with the comment's reference (relative to the spec) and with --template.
    for (const std::string& extra : {std::string(), "--template " + shell_quote(seed.string())}) {
      auto c = run_specgate(dir.path, "check --format json --today 2026-03-01 " + extra + " " + shell_quote(created.string()));
      ASSERT_FALSE(c.out.empty()) << c.err;
      auto report = nlohmann::json::parse(c.out);
      EXPECT_EQ(report["files"][0]["template"], seed.stem().string()) << prefix << " " << extra;
      auto counts = rule_counts(report);
      EXPECT_EQ(counts["missing-section"], 0) << prefix;
      EXPECT_GT(counts["placeholder"], 0) << prefix;
    }
  }
  // The seeds' own IDs: TASK-XXX, ARCH-SUPER-X and SPEC-[EPIC-XXX] were filled.
  EXPECT_NE(slurp(dir.path / "004" / "TASK-5-ledger-sync.md").find("# TASK-5: Ledger sync\n"), std::string::npos);
  EXPECT_NE(slurp(dir.path / "000" / "ARCH-SUPER-5-ledger-sync.md").find("# ARCH-SUPER-5: Ledger sync\n"), std::string::npos);
  EXPECT_NE(slurp(dir.path / "002" / "SPEC-EPIC-5-ledger-sync.md").find("**Spec ID:** SPEC-EPIC-5"), std::string::npos);
}

TEST(NewCli, IdAutoTakesTheNextFreeNumber) {
  test::ScratchDir dir;
  fs::create_directories(dir.path / "specs" / "done");
  spit(dir.path / "specs" / "TASK-4-old.md", "# TASK-4: old\n");
  spit(dir.path / "specs" / "done" / "anything.md", "<!-- x -->\n# TASK-17: older\n");
  spit(dir.path / "specs" / "refs.md", "# Refs\n\nSee TASK-90.\n");
  auto r = run_specgate(dir.path, "new task 'Next one' --dir specs --today 2026-03-01");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "specs/TASK-18-next-one.md\n");
  EXPECT_NE(slurp(dir.path / "specs" / "TASK-18-next-one.md").find("# TASK-18: Next one\n"), std::string::npos);
  // The file just created counts for the next run.
  r = run_specgate(dir.path, "new task 'Another' --dir specs --id auto");
  EXPECT_EQ(r.out, "specs/TASK-19-another.md\n") << r.err;
  // An explicit number and a full ID.
  r = run_specgate(dir.path, "new task 'Given' --dir specs --id 40");
  EXPECT_EQ(r.out, "specs/TASK-40-given.md\n") << r.err;
  r = run_specgate(dir.path, "new task 'Full' --dir specs --id task-41");
  EXPECT_EQ(r.out, "specs/TASK-41-full.md\n") << r.err;
  // A template without an ID placeholder cannot be numbered automatically.
  r = run_specgate(dir.path, "new feature-spec 'X' --id auto --out -");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no ID placeholder"), std::string::npos) << r.err;
  r = run_specgate(dir.path, "new task 'X' --id '../../etc/passwd'");
  EXPECT_EQ(r.code, 2);
}

TEST(NewCli, NeverOverwritesWithoutForce) {
  test::ScratchDir dir;
  auto r = run_specgate(dir.path, "new system-spec 'Ledger' --today 2026-03-01");
  ASSERT_EQ(r.code, 0) << r.err;
  const fs::path file = dir.path / "tech-spec-2026-03-01-ledger.md";
  spit(file, "my edits\n");
  r = run_specgate(dir.path, "new system-spec 'Ledger' --today 2026-03-01");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(file), "my edits\n");
  r = run_specgate(dir.path, "new system-spec 'Ledger' --today 2026-03-01 --force");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(slurp(file).find("# Technical Specification: Ledger"), std::string::npos);
  // --out too; and no temporary files are left behind by any of it.
  spit(dir.path / "mine.md", "keep\n");
  r = run_specgate(dir.path, "new task 'T' --out mine.md");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(dir.path / "mine.md"), "keep\n");
  EXPECT_EQ(files_under(dir.path), (std::vector<std::string>{"mine.md", "tech-spec-2026-03-01-ledger.md"}));
}

TEST(NewCli, RefusesSymlinks) {
  test::ScratchDir dir, outside;
  fs::create_directories(dir.path / "work");
  // A folder of the naming pattern that leads out of --dir.
  fs::create_directory_symlink(outside.path, dir.path / "work" / "directives");
  auto r = run_specgate(dir.path, "new feature-spec 'Escape' --dir work --today 2026-03-01");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(outside.path));
  // The target itself a symbolic link: not written through, even with --force.
  spit(outside.path / "victim.md", "safe\n");
  fs::create_symlink(outside.path / "victim.md", dir.path / "work" / "TASK-1-t.md");
  r = run_specgate(dir.path, "new task 'T' --dir work --id 1 --force");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(slurp(outside.path / "victim.md"), "safe\n");
}

TEST(NewCli, OutDashPrintsAndWritesNothing) {
  test::ScratchDir dir;
  auto r = run_specgate(dir.path, "new task 'Printed' --id 3 --today 2026-03-01 --out - --var name=Ana");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<!-- specgate: template=task -->\n# TASK-3: Printed\n", 0), 0u);
  EXPECT_NE(r.out.find("**Assignee**: Ana\n"), std::string::npos);
  EXPECT_NE(r.out.find("**Created**: 2026-03-01\n"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir.path));
  // Options before the title: the title is not swallowed by a repeatable --var.
  r = run_specgate(dir.path, "new task --var name=Ana --var x=y 'After vars' --id 4 --out -");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("# TASK-4: After vars\n"), std::string::npos);
  EXPECT_NE(r.out.find("**Assignee**: Ana\n"), std::string::npos);
}

TEST(NewCli, ConfigNamingAndReviewInterval) {
  test::ScratchDir dir;
  spit(dir.path / ".specgate.yaml",
       "naming:\n  super-task: \"arch/ARCH-SUPER-{n}_{slug}.md\"\n  rfc: \"rfcs/RFC-{n}-{slug}.md\"\n"
       "templates:\n  rfc: rfc-template.md\nreview_interval_days: 30\n");
  spit(dir.path / "rfc-template.md", "# RFC: [Title]\n\n**Created:** [Date]\n\n## Motivation\n[Why]\n");
  auto r = run_specgate(dir.path, "new super-task 'Big Change' --today 2026-03-01");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "arch/ARCH-SUPER-1_big-change.md\n");
  EXPECT_NE(slurp(dir.path / "arch" / "ARCH-SUPER-1_big-change.md").find("**Next Review**: 2026-03-31"), std::string::npos);
  // A configured template without an ID placeholder takes its family from the pattern.
  spit(dir.path / "rfcs-seed.md", "");
  fs::create_directories(dir.path / "rfcs");
  spit(dir.path / "rfcs" / "RFC-2-old.md", "# RFC 2\n");
  r = run_specgate(dir.path, "new rfc 'Event Bus' --today 2026-03-01");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "rfcs/RFC-3-event-bus.md\n");
  EXPECT_EQ(slurp(dir.path / "rfcs" / "RFC-3-event-bus.md"),
            "<!-- specgate: template=rfc -->\n# RFC: Event Bus\n\n**Created:** 2026-03-01\n\n## Motivation\n[Why]\n");
}

TEST(NewCli, BadInput) {
  test::ScratchDir dir;
  auto r = run_specgate(dir.path, "new no-such-template 'X'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown template 'no-such-template'"), std::string::npos) << r.err;
  r = run_specgate(dir.path, "new task 'X' --var novalue");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("KEY=VALUE"), std::string::npos);
  r = run_specgate(dir.path, "new task 'X' --today 2026-02-30");
  EXPECT_EQ(r.code, 2);
  r = run_specgate(dir.path, "new task 'X' --dir missing");
  EXPECT_EQ(r.code, 2);
  r = run_specgate(dir.path, "new task 'X' --var nothing=here --out -");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.err.find("warning: --var nothing matched no placeholder"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(dir.path));
}

TEST(NewCli, UntitledAndUnicodeTitles) {
  test::ScratchDir dir;
  auto r = run_specgate(dir.path, "new system-spec --today 2026-03-01");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "tech-spec-2026-03-01-untitled.md\n");
  EXPECT_NE(slurp(dir.path / "tech-spec-2026-03-01-untitled.md").find("# Technical Specification: <System / Feature Name>"),
            std::string::npos);
  r = run_specgate(dir.path, "new system-spec 'Crème brûlée: ☕ Ünïcode!' --today 2026-03-01");
  EXPECT_EQ(r.out, "tech-spec-2026-03-01-creme-brulee-unicode.md\n") << r.err;
}
