// Parsing and validating the "Template Metadata" section. Parsing follows the reference exporter
// (scripts/spec-export.py); these cases pin its rules, quirks included.
#include "template_metadata/template_metadata.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "export/template_json.h"

using namespace specgate::exporter;

namespace {

TemplateMetadata parse_ok(std::string_view md) {
  ParseOutcome r = parse_template_metadata(md);
  EXPECT_TRUE(r.metadata.has_value()) << r.error;
  return r.metadata ? *r.metadata : TemplateMetadata{};
}

std::vector<std::string> texts(const std::vector<MetadataItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.text);
  return out;
}

std::vector<std::string> messages(const std::vector<MetadataProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.message);
  return out;
}

using Strings = std::vector<std::string>;

constexpr std::string_view kFilled =
    "# Spec\n"
    "\n"
    "## 0.1) Template Metadata\n"
    "- **name:** bug-fix\n"
    "- **description:** Fix a reported bug\n"
    "- **title_template:** Fix {component}: {summary}\n"
    "- **acceptance_criteria:**\n"
    "  - Regression test added\n"
    "  - Root cause documented\n"
    "- **priority:** high\n"
    "- **variables:** [component, summary]\n"
    "- **metadata:** {\"author\": \"Ana\", \"version\": \"1.0\"}\n"
    "\n"
    "## 1) Overview\n"
    "- **name:** not-this-one\n";

}  // namespace

TEST(TemplateMetadataParse, FieldsValuesAndPositions) {
  TemplateMetadata m = parse_ok(kFilled);
  EXPECT_EQ(m.heading.line, 3u);
  EXPECT_EQ(m.heading_title, "0.1) Template Metadata");
  EXPECT_EQ(m.name.raw, "bug-fix");  // the later "## 1)" section is not read
  EXPECT_EQ(m.name.label.line, 4u);
  EXPECT_EQ(m.name.label.column, 1u);
  EXPECT_EQ(m.name.value_at.line, 4u);
  EXPECT_EQ(m.name.value_at.column, 13u);
  EXPECT_EQ(m.title_template.raw, "Fix {component}: {summary}");
  EXPECT_EQ(texts(m.criteria), (Strings{"Regression test added", "Root cause documented"}));
  EXPECT_EQ(m.criteria[1].at.line, 9u);
  EXPECT_EQ(m.criteria[1].at.column, 5u);
  EXPECT_EQ(m.priority_value, "high");
  EXPECT_EQ(texts(m.variable_items), (Strings{"component", "summary"}));
  EXPECT_EQ(m.variable_items[1].at.column, 30u);
  ASSERT_EQ(m.metadata_value.members.size(), 2u);
  EXPECT_EQ(m.metadata_value.find("author")->text, "Ana");
  EXPECT_TRUE(m.metadata_error.empty());
  EXPECT_TRUE(validate(m).empty());
}

TEST(TemplateMetadataParse, LabelsIgnoreCaseAndSpacing) {
  TemplateMetadata m = parse_ok(
      "## TEMPLATE metadata\n"
      "- **NAME:** a\n"
      "-   ** Description :**   b   \n"
      "\t- **Title_Template:**c {x}\n"
      "* **priority:** starred bullets are not fields\n");
  EXPECT_EQ(m.name.raw, "a");
  EXPECT_EQ(m.description.raw, "b");
  EXPECT_EQ(m.title_template.raw, "c {x}");
  EXPECT_FALSE(m.priority.present);
  EXPECT_EQ(m.priority_value, "medium");
}

TEST(TemplateMetadataParse, CriteriaTakeEveryLineUntilTheNextField) {
  TemplateMetadata m = parse_ok(
      "# Template Metadata\n"
      "- **acceptance_criteria:** this text is ignored\n"
      "  - dash\n"
      "  * star\n"
      "  + plus keeps its marker\n"
      "\n"
      "    a plain line counts too\n"
      "---\n"
      "- **export (required):** unknown labels end the list\n"
      "  - not a criterion\n");
  EXPECT_EQ(texts(m.criteria),
            (Strings{"dash", "star", "+ plus keeps its marker", "a plain line counts too", "--"}));
}

TEST(TemplateMetadataParse, RepeatedLabelStartsOver) {
  TemplateMetadata m = parse_ok(
      "# Template Metadata\n"
      "- **acceptance_criteria:**\n  - one\n"
      "- **name:** first\n"
      "- **acceptance_criteria:**\n  - two\n"
      "- **name:** second\n");
  EXPECT_EQ(texts(m.criteria), (Strings{"two"}));
  EXPECT_EQ(m.name.raw, "second");
  EXPECT_EQ(m.name.label.line, 7u);
}

TEST(TemplateMetadataParse, EmptyPriorityDefaultsToMedium) {
  EXPECT_EQ(parse_ok("# Template Metadata\n- **priority:**\n").priority_value, "medium");
  EXPECT_EQ(parse_ok("# Template Metadata\n- **priority:**   \n").priority_value, "medium");
  EXPECT_EQ(parse_ok("# Template Metadata\n- **priority:** P1\n").priority_value, "P1");
}

TEST(TemplateMetadataParse, EveryVariablesForm) {
  auto vars = [](std::string_view value) {
    return texts(parse_ok("# Template Metadata\n- **variables:** " + std::string(value) + "\n")
                     .variable_items);
  };
  EXPECT_EQ(vars("[a, b]"), (Strings{"a", "b"}));
  EXPECT_EQ(vars("[]"), Strings{});
  EXPECT_EQ(vars("[   ]"), Strings{});
  EXPECT_EQ(vars("a, b"), (Strings{"a", "b"}));
  EXPECT_EQ(vars("single"), (Strings{"single"}));
  EXPECT_EQ(vars("'quoted'"), (Strings{"quoted"}));
  EXPECT_EQ(vars("[ \"x\" , 'y' ,, ]"), (Strings{"x", "y"}));
  EXPECT_EQ(vars("[\"\", a]"), (Strings{"", "a"}));     // quotes stripped after the emptiness test
  EXPECT_EQ(vars("[\" a \"]"), (Strings{" a "}));       // inner spaces survive
  EXPECT_EQ(vars("a, [b]"), (Strings{"a", "[b]"}));     // brackets only count around the whole list
  EXPECT_EQ(parse_ok("# Template Metadata\n- **variables:**\n").variable_items.size(), 0u);
}

TEST(TemplateMetadataParse, MetadataJsonOrEmptyObject) {
  TemplateMetadata nested = parse_ok(
      "# Template Metadata\n- **metadata:** {\"owner\": {\"team\": \"core\", \"size\": 3, "
      "\"ratio\": 1.0, \"tags\": [\"a\", \"b\"]}, \"n\": 12345678901234567890}\n");
  EXPECT_TRUE(nested.metadata_error.empty());
  EXPECT_EQ(nested.metadata_value.find("n")->text, "12345678901234567890");

  TemplateMetadata bad = parse_ok("# Template Metadata\n- **metadata:** { author: me }\n");
  EXPECT_TRUE(bad.metadata_value.members.empty());
  EXPECT_NE(bad.metadata_error.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(bad.metadata_error_at.line, 2u);
  EXPECT_EQ(bad.metadata_error_at.column, 19u);  // the 'a' of author

  TemplateMetadata prose = parse_ok("# Template Metadata\n- **metadata:** author is Ana\n");
  EXPECT_TRUE(prose.metadata_value.members.empty());
  EXPECT_EQ(prose.metadata_error, "is not a JSON object");

  TemplateMetadata empty = parse_ok("# Template Metadata\n- **metadata:**\n");
  EXPECT_TRUE(empty.metadata_error.empty());
}

TEST(TemplateMetadataParse, SectionLookup) {
  EXPECT_FALSE(parse_template_metadata("# Spec\n- **name:** x\n").metadata);
  EXPECT_EQ(parse_template_metadata("# Spec\n").error, "Missing 'Template Metadata' section.");
  // Whole words only; any case; punctuation around is fine.
  EXPECT_FALSE(parse_template_metadata("# Templates Metadata\n").metadata);
  EXPECT_FALSE(parse_template_metadata("# Template Metadatax\n").metadata);
  EXPECT_FALSE(parse_template_metadata("# Template-Metadata\n").metadata);
  EXPECT_FALSE(parse_template_metadata("#Template Metadata\n").metadata);
  EXPECT_FALSE(parse_template_metadata("####### Template Metadata\n").metadata);
  EXPECT_FALSE(parse_template_metadata("  # Template Metadata\n").metadata);
  EXPECT_TRUE(parse_template_metadata("### (v2) template METADATA: x\n").metadata);
  EXPECT_TRUE(parse_template_metadata("\xEF\xBB\xBF\n# Template Metadata\n").metadata);
  // The first matching heading wins.
  TemplateMetadata m = parse_ok("# Template Metadata\n- **name:** a\n# Template Metadata\n- **name:** b\n");
  EXPECT_EQ(m.name.raw, "a");
}

TEST(TemplateMetadataParse, SectionEndsAtSameOrHigherLevelHeading) {
  TemplateMetadata m = parse_ok(
      "## Template Metadata\n- **name:** a\n### Details\n- **description:** inside\n"
      "## Next\n- **priority:** outside\n");
  EXPECT_EQ(m.description.raw, "inside");
  EXPECT_FALSE(m.priority.present);
}

TEST(TemplateMetadataParse, HeadingsInsideCodeFencesCountLikeTheReference) {
  // The reference scans raw lines for '#', so a fenced "# comment" ends the section.
  TemplateMetadata m = parse_ok(
      "# Template Metadata\n- **name:** a\n```sh\n# comment\n```\n- **description:** lost\n");
  EXPECT_EQ(m.name.raw, "a");
  EXPECT_TRUE(m.description.raw.empty());
}

TEST(TemplateMetadataParse, LineEndingsAndEncoding) {
  TemplateMetadata crlf = parse_ok("# Template Metadata\r\n- **name:** a\r\n- **description:** b\r\n");
  EXPECT_EQ(crlf.name.raw, "a");
  EXPECT_EQ(crlf.description.raw, "b");
  EXPECT_EQ(crlf.description.value_at.line, 3u);
  // A lone CR ends a line too (Python reads with universal newlines).
  TemplateMetadata cr = parse_ok("# Template Metadata\r- **name:** a\r- **description:** b\r");
  EXPECT_EQ(cr.name.raw, "a");
  EXPECT_EQ(cr.description.raw, "b");
  // Invalid UTF-8 becomes U+FFFD, as Python's errors="replace".
  TemplateMetadata bad = parse_ok("# Template Metadata\n- **name:** a\xFF" "b\n");
  EXPECT_EQ(bad.name.raw, "a\xEF\xBF\xBD" "b");
  // Columns count characters, not bytes.
  TemplateMetadata wide = parse_ok("# Template Metadata\n- **variables:** [\xC3\xA9t\xC3\xA9, x]\n");
  EXPECT_EQ(wide.variable_items[1].at.column, 24u);
}

TEST(TemplateMetadataParse, NeverCrashesOnOddInput) {
  for (std::string_view s : {std::string_view(""), std::string_view("#"), std::string_view("# "),
                             std::string_view("#\n# Template Metadata"),
                             std::string_view("# Template Metadata\n- **:**\n- **:** x\n-\n- **"),
                             std::string_view("# Template Metadata\n- **metadata:** {\n"),
                             std::string_view("# Template Metadata\n- **metadata:** }{\n"),
                             std::string_view("# Template Metadata\n- **variables:** [\n")}) {
    ParseOutcome r = parse_template_metadata(s);
    if (r.metadata) {
      validate(*r.metadata);
      render_template_json(*r.metadata);
    }
  }
  SUCCEED();
}

TEST(TemplateMetadataValidate, ReferenceMessagesInReferenceOrder) {
  TemplateMetadata m = parse_ok("# Template Metadata\n");
  auto problems = validate(m);
  EXPECT_EQ(messages(problems),
            (Strings{"Template Metadata: 'name' is required.",
                     "Template Metadata: 'description' is required.",
                     "Template Metadata: 'title_template' is required.",
                     "Template Metadata: 'acceptance_criteria' must include at least one item."}));
  for (const auto& p : problems) {
    EXPECT_TRUE(p.reference);
    EXPECT_EQ(p.line, 1u);  // no field: reported at the heading
  }

  TemplateMetadata flat = parse_ok(
      "# Template Metadata\n- **name:** n\n- **description:** d\n- **title_template:** Plain title\n"
      "- **acceptance_criteria:**\n  - works\n");
  auto p2 = validate(flat);
  ASSERT_EQ(p2.size(), 1u);
  EXPECT_EQ(p2[0].message, "Template Metadata: 'title_template' must include {variable} placeholders.");
  EXPECT_EQ(p2[0].kind, ProblemKind::NoPlaceholders);
  EXPECT_EQ(p2[0].line, 4u);
  EXPECT_EQ(p2[0].column, 23u);
}

TEST(TemplateMetadataValidate, BlankTemplateHasUnfilledPlaceholders) {
  TemplateMetadata m = parse_ok(
      "## 0.1) Template Metadata\n"
      "- **name:** <unique template identifier>\n"
      "- **description:** [Describe it]\n"
      "- **title_template:** Release {version} on YYYY-MM-DD\n"
      "- **acceptance_criteria:**\n"
      "  - TBD\n"
      "- **variables:** [version]\n"
      "- **metadata:** { \"author\": \"<name>\", \"notes\": \"\\u00e9 <x>\" }\n");
  auto problems = validate(m);
  for (const auto& p : problems) {
    EXPECT_EQ(p.kind, ProblemKind::UnfilledPlaceholder) << p.message;
    EXPECT_FALSE(p.reference);
  }
  EXPECT_EQ(messages(problems),
            (Strings{"Template Metadata: 'name' still holds the template placeholder <unique template identifier>.",
                     "Template Metadata: 'description' still holds the template placeholder [Describe it].",
                     "Template Metadata: 'title_template' still holds the template placeholder YYYY-MM-DD.",
                     "Template Metadata: 'acceptance_criteria' still holds the template placeholder TBD.",
                     "Template Metadata: 'metadata' still holds the template placeholder <name>.",
                     "Template Metadata: 'metadata' still holds the template placeholder <x>."}));
  EXPECT_EQ(problems[2].line, 4u);
  EXPECT_EQ(problems[2].column, 44u);  // exact column inside the title
  EXPECT_EQ(problems[4].column, 30u);  // inside a string written without escapes
  EXPECT_EQ(problems[5].column, 49u);  // escaped string: its first character
}

TEST(TemplateMetadataValidate, UndeclaredTitleVariables) {
  TemplateMetadata m = parse_ok(
      "# Template Metadata\n- **name:** n\n- **description:** d\n"
      "- **title_template:** {{owner}}/{repo}: { issue } {not a var}\n"
      "- **acceptance_criteria:**\n  - works\n- **variables:** owner\n");
  auto problems = validate(m);
  EXPECT_EQ(messages(problems),
            (Strings{"Template Metadata: 'title_template' uses {repo}, which is not listed in 'variables'.",
                     "Template Metadata: 'title_template' uses {issue}, which is not listed in 'variables'."}));
  EXPECT_EQ(problems[0].kind, ProblemKind::UndeclaredVariable);
  EXPECT_EQ(problems[0].column, 34u);
}

TEST(TemplateMetadataValidate, InvalidMetadataIsReported) {
  TemplateMetadata m = parse_ok(
      "# Template Metadata\n- **name:** n\n- **description:** d\n- **title_template:** {x}\n"
      "- **acceptance_criteria:**\n  - works\n- **variables:** x\n- **metadata:** {\"a\": 1,}\n");
  auto problems = validate(m);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].kind, ProblemKind::InvalidMetadata);
  EXPECT_EQ(problems[0].message,
            "Template Metadata: 'metadata' is not valid JSON (Expecting property name enclosed in "
            "double quotes); it is exported as {}.");
  EXPECT_EQ(problems[0].line, 8u);
  EXPECT_EQ(problems[0].column, 25u);
}

TEST(Placeholders, WhatCountsAndWhatDoesNot) {
  auto found = [](std::string_view t) {
    Strings out;
    for (const auto& p : find_placeholders(t)) out.emplace_back(t.substr(p.offset, p.length));
    return out;
  };
  EXPECT_EQ(found("<name> and [Owner] by yyyy-mm-dd, tbd"),
            (Strings{"<name>", "[Owner]", "yyyy-mm-dd", "tbd"}));
  EXPECT_EQ(found("see [docs](https://x.y) or [ref][1] or ![img](a.png)"), Strings{});
  EXPECT_EQ(found("<br> <b>bold</b> <a href=\"x\"> <https://x.y> <me@x.y>"), Strings{});
  EXPECT_EQ(found("Vec<String> a < b > c array[0] list[int] x<-y"), Strings{});
  EXPECT_EQ(found("[x] done [ ] open [1] [^note]"), Strings{});
  EXPECT_EQ(found("`<code>` and ``[x] `y` `` TBDs STBD"), Strings{});
  EXPECT_EQ(found("\\<escaped> <TBD>"), (Strings{"<TBD>"}));
}
