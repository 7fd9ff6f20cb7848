// Schema inference from other processes' templates: optional markers, conditional instructions,
// sample content, alternative slots, and instruction lines that are neither sections nor fields
// (docs/templates.md, "Conventions of other processes' templates"). Templates written here in
// the shapes those processes use.
#include <gtest/gtest.h>

#include <string>

#include "model/document.h"
#include "schema/conventions.h"
#include "schema/infer.h"

namespace specgate {
namespace {

Schema infer(const std::string& text) { return infer_schema(build_document(SourceText("t.md", text)), "t"); }

const SectionSpec* section(const Schema& s, const std::string& title) {
  for (const auto& sec : s.sections) {
    if (sec.title == title) return &sec;
  }
  return nullptr;
}

// Whether the section titled `title` exists and is required.
::testing::AssertionResult required(const Schema& s, const std::string& title) {
  const SectionSpec* sec = section(s, title);
  if (!sec) return ::testing::AssertionFailure() << "no section '" << title << "'";
  if (sec->optional) return ::testing::AssertionFailure() << "'" << title << "' is optional";
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult optional(const Schema& s, const std::string& title) {
  const SectionSpec* sec = section(s, title);
  if (!sec) return ::testing::AssertionFailure() << "no section '" << title << "'";
  if (!sec->optional) return ::testing::AssertionFailure() << "'" << title << "' is required";
  return ::testing::AssertionSuccess();
}

const FieldSpec* field(const Schema& s, const std::string& key) {
  for (const FieldSpec* f : s.all_fields()) {
    if (f->key == key) return f;
  }
  return nullptr;
}

TEST(TemplateConventions, AMarkerCommentOnTheHeadingIsOptionalAndNoPartOfTheName) {
  const Schema s = infer("# T\n\n## Context\n\ntext\n\n## Research <!-- optional -->\n\n* sources\n");
  EXPECT_TRUE(required(s, "Context"));
  ASSERT_TRUE(optional(s, "Research"));
  EXPECT_FALSE(section(s, "Research")->repeatable);
  EXPECT_EQ(section(s, "Research")->normalized_title, "research");
}

TEST(TemplateConventions, ACommentThatIsTheHeadingsSlotStays) {
  const Schema s = infer("# T\n\n## Requirements\n\n### Requirement: <!-- requirement name -->\n\ntext\n");
  const SectionSpec* r = section(s, "Requirement: <!-- requirement name -->");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(r->repeatable);
  EXPECT_EQ(r->pattern, "requirement");
}

TEST(TemplateConventions, AnOptionalCommentRightAboveTheHeading) {
  const Schema s = infer(
      "# T\n\n## Context\n\ntext\n\n<!-- This is an optional element. Feel free to remove. -->\n## Drivers\n\n"
      "* driver\n\n## Options\n\n* one\n\n<!-- This is an optional element. -->\n\n## Outcome\n\ntext\n");
  EXPECT_TRUE(optional(s, "Drivers"));
  EXPECT_TRUE(required(s, "Options"));
  // A blank line between: the comment closes the section above, it does not mark the heading.
  EXPECT_TRUE(required(s, "Outcome"));
}

TEST(TemplateConventions, OptionalWordsInHeadingsAndTheirChildren) {
  const Schema s = infer(
      "# T\n\n## Scope (Optional)\n\ntext\n\n## Notes（任意）\n\ntext\n\n## Data *(include if the feature stores data)*\n\n"
      "text\n\n## Extras (include when relevant)\n\n### Security\n\ntext\n\n## Tests\n\n"
      "### Default sections (adapt names to fit the domain)\n\n- Unit\n\n## Summary *(mandatory)*\n\ntext\n");
  EXPECT_TRUE(optional(s, "Scope (Optional)"));
  EXPECT_TRUE(optional(s, "Notes（任意）"));
  EXPECT_EQ(section(s, "Notes（任意）")->normalized_title, "notes");  // a spec writes "## Notes"
  EXPECT_TRUE(optional(s, "Data *(include if the feature stores data)*"));
  EXPECT_TRUE(optional(s, "Extras (include when relevant)"));
  EXPECT_TRUE(optional(s, "Security"));  // under an optional section
  EXPECT_TRUE(required(s, "Tests"));
  EXPECT_TRUE(optional(s, "Default sections (adapt names to fit the domain)"));
  EXPECT_TRUE(required(s, "Summary *(mandatory)*"));
}

TEST(TemplateConventions, TheFirstInstructionOfTheBodyMakesTheSectionConditional) {
  const Schema s = infer(
      "# T\n\n"
      "## Tracking\n\n> **Fill ONLY if the checks above failed**\n\n| a | b |\n|---|---|\n\n"
      "## Storage\n**When to include**: when the design needs storage decisions\n\n"
      "## Smoke\n\n<!--\n  Optional section. Include when there is a runnable artifact.\n-->\n\ntext\n\n"
      "## Type Changes\n\nWhen changing a field's type, verify:\n\n- [ ] checks updated\n\n"
      "## Criteria\n\n1. When [event], the [system] shall [respond]\n\n"
      "## Diagram\n> Keep the source here; export images only when someone outside needs one.\n\ntext\n");
  EXPECT_TRUE(optional(s, "Tracking"));
  EXPECT_TRUE(optional(s, "Storage"));
  EXPECT_TRUE(optional(s, "Smoke"));
  EXPECT_TRUE(optional(s, "Type Changes"));
  // Content, not an instruction: a list item; a condition later in the sentence is not the
  // section's.
  EXPECT_TRUE(required(s, "Criteria"));
  EXPECT_TRUE(required(s, "Diagram"));
}

TEST(TemplateConventions, ALineNamingThisSectionAsConditional) {
  const Schema s = infer(
      "# T\n\n## Flows\n\nProvide the diagrams needed.\n\nSkip this section entirely for simple changes.\n\n"
      "## Purpose\n<!-- New capabilities only. Delete this section for an existing capability. -->\n\n"
      "## Design\n\nDescribe the design.\n\n### Sub\n\nSkip this section when there is none.\n");
  EXPECT_TRUE(optional(s, "Flows"));
  EXPECT_TRUE(optional(s, "Purpose"));
  // The subsection's line is about the subsection.
  EXPECT_TRUE(required(s, "Design"));
  EXPECT_TRUE(optional(s, "Sub"));
}

TEST(TemplateConventions, SectionsAfterASampleCommentAreNotRequired) {
  const Schema s = infer(
      "# Tasks\n\n## Format\n\n- rules\n\n<!--\n  The tasks below are SAMPLE TASKS for illustration purposes only.\n-->\n\n"
      "## Phase 1: Setup\n\n**Purpose**: Project initialization\n\n- [ ] T001 create\n\n"
      "### Implementation for User Story 1\n\n- [ ] T002 build\n\n## Notes\n\n- keep\n\n# Appendix\n\ntext\n");
  EXPECT_TRUE(required(s, "Format"));
  EXPECT_TRUE(optional(s, "Phase 1: Setup"));
  EXPECT_TRUE(optional(s, "Implementation for User Story 1"));
  EXPECT_TRUE(optional(s, "Notes"));
  EXPECT_FALSE(field(s, "Purpose")->required);
  // Past the end of the section that held the sample.
  EXPECT_TRUE(required(s, "Appendix"));
}

TEST(TemplateConventions, SubsectionsOfferedAsAChoice) {
  const Schema s = infer(
      "# Plan\n\n## Task Format\n\nUse whichever pattern fits the work:\n\n### Major task only\n\n- [ ] {{N}}. {{TASK}}\n\n"
      "### Major + Sub-task\n\n- [ ] {{N}}.{{M}} {{TASK}}\n\n## Tasks\n\n- [ ] one\n");
  EXPECT_TRUE(optional(s, "Task Format"));
  EXPECT_TRUE(optional(s, "Major task only"));
  EXPECT_TRUE(optional(s, "Major + Sub-task"));
  EXPECT_TRUE(required(s, "Tasks"));
}

TEST(TemplateConventions, DeltaHeadingsAreOneKindOfChange) {
  const Schema s = infer("## Purpose\n\ntext\n\n## ADDED Requirements\n\n### Requirement: <!-- name -->\n\ntext\n");
  EXPECT_TRUE(required(s, "Purpose"));
  EXPECT_TRUE(optional(s, "ADDED Requirements"));
}

TEST(TemplateConventions, ABoldInstructionLineUnderlinedIsNoSection) {
  const Schema s = infer(
      "# Design\n\n---\n**Purpose**: Give enough detail that implementers agree on what to build.\n\n"
      "**Warning**: Approaching 1000 lines means the feature should be split.\n---\n\n> Sections may be reordered.\n\n"
      "## Overview\n\ntext\n");
  for (const auto& sec : s.sections) EXPECT_EQ(sec.title.find("Warning"), std::string::npos) << sec.title;
  ASSERT_TRUE(required(s, "Overview"));
  EXPECT_EQ(section(s, "Overview")->parent, 0);
  EXPECT_EQ(section(s, "Overview")->level, 2);
}

TEST(TemplateConventions, AHeadingInsideACommentIsAnInstruction) {
  const Schema s = infer(
      "# T\n\n## Summary\n\n<!--\n  Write it like this:\n\n  ## Example heading\n\n  text\n-->\n\n## Design\n\ntext\n");
  EXPECT_EQ(section(s, "Example heading"), nullptr);
  EXPECT_TRUE(required(s, "Summary"));
  EXPECT_TRUE(required(s, "Design"));
}

TEST(TemplateConventions, BareSlotSiblingsAreOneUnorderedSlot) {
  const Schema s = infer(
      "# {title}\n\n## Pros and Cons\n\n### {title of option 1}\n\n* Good, because {a}\n\n"
      "### {title of other option}\n\n* Bad, because {b}\n");
  int slots = 0;
  for (const auto& sec : s.sections) slots += sec.level == 3;
  EXPECT_EQ(slots, 1);
}

TEST(TemplateConventions, GuidanceValuesAreNotRequiredFields) {
  const Schema s = infer(
      "# Plan: [FEATURE]\n\n**Branch**: `[###-feature-name]` | **Date**: [DATE]\n"
      "**Note**: This template is filled in by the plan command. See the docs for the workflow.\n\n"
      "**Organization**: Tasks are grouped by user story to enable independent testing.\n\n"
      "**Status**: Draft | In Review | Approved | Implemented | Superseded | Withdrawn | Archived\n\n"
      "**Type**: Technical Task\n\n**推奨**: 採用するアーキテクチャパターンとシステム境界を示す図を含める\n");
  ASSERT_NE(field(s, "Note"), nullptr);
  EXPECT_FALSE(field(s, "Note")->required);
  EXPECT_FALSE(field(s, "Organization")->required);
  EXPECT_FALSE(field(s, "推奨")->required);
  EXPECT_TRUE(field(s, "Branch")->required);
  EXPECT_TRUE(field(s, "Status")->required);  // an option list, however long
  EXPECT_TRUE(field(s, "Type")->required);    // short
}

TEST(TemplateConventions, AnEmptyLabelOverGuidanceIsNoRequiredField) {
  const Schema s = infer(
      "# Design\n\n**Approach**:\n- Include the sections that inform implementation decisions\n"
      "- Omit optional sections unless they prevent mistakes\n\n## Component\n\n**Inputs**:\n\n* <HTTP, queue, event>\n\n"
      "**Files:**\n- Core logic: `src/core/[feature]/`\n");
  EXPECT_FALSE(field(s, "Approach")->required);
  ASSERT_NE(field(s, "Inputs"), nullptr);
  EXPECT_TRUE(field(s, "Inputs")->required);
  ASSERT_NE(field(s, "Files"), nullptr);
  EXPECT_TRUE(field(s, "Files")->required);
}

TEST(TemplateConventions, AnExampleLinkValueIsAnOptionalField) {
  const Schema s = infer(
      "# Title\n\n* **Status:** [proposed | accepted]\n* **Builds on:** [Short Title](2021-05-15-short-title.md)\n"
      "* **Objective:** [description or link to the issue]\n");
  EXPECT_FALSE(field(s, "Builds on")->required);
  EXPECT_TRUE(field(s, "Status")->required);
  EXPECT_TRUE(field(s, "Objective")->required);
  EXPECT_FALSE(is_example_link("[a](b) and [c](d)"));
  EXPECT_FALSE(is_example_link("[link]"));
}

TEST(TemplateConventions, TheTemplatePagesOwnFrontMatterIsNotRequired) {
  const Schema s = infer(
      "---\nparent: Decisions\nnav_order: 100\ntitle: ADR Template\nstatus: \"[Draft | Accepted]\"\n"
      "date: YYYY-MM-DD\nowner: <name>\n---\n# {title}\n\n## Context\n\ntext\n");
  EXPECT_FALSE(field(s, "title")->required);
  EXPECT_FALSE(field(s, "nav_order")->required);
  EXPECT_TRUE(field(s, "status")->required);
  EXPECT_TRUE(field(s, "date")->required);
  EXPECT_TRUE(field(s, "owner")->required);
}

TEST(TemplateConventions, TextTests) {
  EXPECT_TRUE(is_bold_key_line("**Warning**: Approaching 1000 lines"));
  EXPECT_TRUE(is_bold_key_line("**注意**：分割を検討する"));
  EXPECT_FALSE(is_bold_key_line("**Warning**:"));
  EXPECT_FALSE(is_bold_key_line("**Bold** title"));
  EXPECT_FALSE(is_bold_key_line("Summary"));
  EXPECT_TRUE(is_change_kind_heading("MODIFIED Requirements"));
  EXPECT_FALSE(is_change_kind_heading("Modified files"));
  // A condition on something else than the section.
  EXPECT_FALSE(instruction_makes_optional("**推奨**: 図を含める（複雑な機能では必須、単純な追加では任意）", false));
  EXPECT_FALSE(instruction_makes_optional("If we implement this proposal, how will developers adopt it?", false));
  EXPECT_FALSE(instruction_makes_optional("If the component is stateful, include a state diagram.", false));
  EXPECT_FALSE(instruction_makes_optional("When to roll back:", false));
  EXPECT_TRUE(instruction_makes_optional("When changing a field's type, verify:", false));
  EXPECT_TRUE(instruction_makes_optional("単純な CRUD 変更ならこのセクションごと省略する。", false));
  std::string comments;
  EXPECT_EQ(strip_comments("Research <!-- optional --> ", comments), "Research");
  EXPECT_EQ(comments, " optional  ");
  EXPECT_TRUE(is_instruction_value("Tasks are grouped by user story to enable independent testing."));
  EXPECT_FALSE(is_instruction_value("[Brief description of what this story delivers and why it matters]"));
  EXPECT_FALSE(is_instruction_value("Project initialization and basic structure"));
}

}  // namespace
}  // namespace specgate
