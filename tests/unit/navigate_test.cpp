// The language features (src/navigate) as plain functions, before any JSON-RPC: completion,
// hover, definition, references, rename and symbols over a small workspace of specs written
// from a template of our own.
#include <gtest/gtest.h>

#include "core/file_io.h"
#include "navigate/completion.h"
#include "navigate/hover.h"
#include "navigate/navigation.h"
#include "navigate/symbols.h"
#include "support/run_binary.h"
#include "support/test_paths.h"

using specgate::test::TempDir;

namespace specgate {
namespace {

constexpr const char* kTemplate = R"(# TASK-XXX: [Title]

**Status**: [To Do | In Progress | Done]
**Priority**: [P0-Critical | P1-High]
**Updated**: [YYYY-MM-DD]

## Overview

[What the task does and why]

## Risks

[What could go wrong]

### Mitigations

[How each risk is contained]

## Notes (optional)

[Anything else]
)";

constexpr const char* kTask2 = R"(# TASK-2: Retry budget

**Status**: Done
**Priority**: P1-High
**Updated**: 2026-01-05

## Overview

Depends on TASK-1, see [the parent](STORY-1-parent.md#scope) and [below](#overview).

)";

constexpr const char* kTask1 = R"(# TASK-1: First task

**Status**: Done
**Owner**: Ana

Blocks TASK-2 (café TASK-2).

```
TASK-2 in code is quoted, not a reference
```
)";

constexpr const char* kStory = R"(# STORY-1: Parent story

**Status**: In Progress

## Scope

Tasks: TASK-2, TASK-1.
)";

class Navigate : public ::testing::Test {
 protected:
  void SetUp() override {
    tpl_ = dir_.write("task-template.md", kTemplate).string();
    for (auto [name, text] : {std::pair{"TASK-2-retry.md", kTask2}, std::pair{"TASK-1-first.md", kTask1},
                              std::pair{"STORY-1-parent.md", kStory}}) {
      const std::string path = dir_.write(name, text).string();
      DocumentFacts f = analyze(path, text);
      specs_.put(summarize_spec(f.doc, f.index));
    }
  }

  DocumentFacts analyze(const std::string& path, const std::string& text) {
    return analyze_document(path, text, config_, registry_, tpl_);
  }
  DocumentFacts open(const std::string& name) {
    const std::string path = (dir_ / name).string();
    return analyze(path, read_file(path).bytes);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // The position of the `nth` occurrence of `needle` on the line that holds it, plus `plus` bytes.
  static TextPos at(const DocumentFacts& f, std::string_view needle, uint32_t plus = 0, int nth = 0) {
    for (uint32_t l = 1; l <= f.doc.source.line_count(); ++l) {
      const std::string_view line = f.doc.source.line(l);
      for (size_t p = line.find(needle); p != std::string_view::npos; p = line.find(needle, p + 1)) {
        if (nth-- == 0) return {l, static_cast<uint32_t>(p) + plus};
      }
    }
    ADD_FAILURE() << "no '" << needle << "'";
    return {};
  }

  TempDir dir_;
  std::string tpl_;
  Config config_;
  TemplateRegistry registry_{config_};
  SpecDirectory specs_{[](const std::string& p) -> std::optional<std::string> {
    ReadResult r = read_file(p);
    return r.ok ? std::optional<std::string>(std::move(r.bytes)) : std::nullopt;
  }};
};

std::vector<std::string> labels(const Completions& c) {
  std::vector<std::string> out;
  for (const auto& i : c.items) out.push_back(i.label);
  return out;
}

// --- facts -----------------------------------------------------------------------------------

TEST_F(Navigate, FactsUseTheTemplateAndTheSpecIndex) {
  const DocumentFacts f = open("TASK-2-retry.md");
  ASSERT_NE(f.schema, nullptr);
  ASSERT_EQ(f.field_specs.size(), f.doc.fields.size());
  ASSERT_NE(f.field_specs[0], nullptr);
  EXPECT_EQ(f.field_specs[0]->key, "Status");
  const SpecEntry* e = specs_.find(path("TASK-1-first.md"));
  ASSERT_NE(e, nullptr);
  ASSERT_NE(e->primary_id(), nullptr);
  EXPECT_EQ(*e->primary_id(), "TASK-1");
  EXPECT_EQ(e->title, "First task");
  EXPECT_EQ(e->status, "Done");
  EXPECT_EQ(e->owner, "Ana");
  // TASK-2 is mentioned outside code; the code block's mention does not count (a set anyway).
  EXPECT_EQ(e->mentions, (std::vector<std::string>{"TASK-1", "TASK-2"}));
  EXPECT_EQ(e->ids[0].range, (TextRange{{1, 2}, {1, 8}}));
}

// --- completion ------------------------------------------------------------------------------

TEST_F(Navigate, CompletesMissingSectionsWithTheTemplateSkeleton) {
  const DocumentFacts f = open("TASK-2-retry.md");
  const TextPos end{f.doc.source.line_count(), 0};
  ASSERT_TRUE(f.doc.source.line(end.line).empty());
  const Completions c = complete(f, specs_, end);
  ASSERT_EQ(labels(c), (std::vector<std::string>{"## Risks", "## Notes (optional)"}));
  const CompletionItem& risks = c.items[0];
  EXPECT_EQ(risks.kind, CompletionKind::Section);
  EXPECT_EQ(risks.insert_text, "## Risks\n\n[What could go wrong]\n\n### Mitigations\n\n[How each risk is contained]");
  EXPECT_EQ(risks.detail, "required section of template 'task-template'");
  EXPECT_LT(risks.sort_text, c.items[1].sort_text);
  EXPECT_EQ(c.items[1].detail.substr(0, 8), "optional");
  EXPECT_EQ(risks.range, (TextRange{end, end}));
}

TEST_F(Navigate, CompletesAHeadingBeingTypedOverTheWholeLine) {
  const DocumentFacts f = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "## Ri");
  const uint32_t last = f.doc.source.line_count();
  const Completions c = complete(f, specs_, {last, 5});
  ASSERT_FALSE(c.items.empty());
  EXPECT_EQ(c.items[0].range, (TextRange{{last, 0}, {last, 5}}));
  // Not in prose: a line with words before the cursor gets no sections.
  const DocumentFacts g = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "Some words");
  for (const auto& i : complete(g, specs_, {last, 10}).items) EXPECT_NE(i.kind, CompletionKind::Section);
}

TEST_F(Navigate, CompletesAllowedFieldValuesOverTheValue) {
  const DocumentFacts f = open("TASK-2-retry.md");
  const TextPos p = at(f, "Done", 2);
  const Completions c = complete(f, specs_, p);
  EXPECT_EQ(labels(c), (std::vector<std::string>{"To Do", "In Progress", "Done"}));
  EXPECT_EQ(c.items[0].range, (TextRange{{p.line, 12}, {p.line, 16}}));
  EXPECT_EQ(c.items[0].kind, CompletionKind::Value);
  // A date field offers today.
  const Completions d = complete(f, specs_, at(f, "2026-01-05"), Date{2026, 3, 4});
  EXPECT_EQ(labels(d), (std::vector<std::string>{"2026-03-04"}));
}

TEST_F(Navigate, CompletesSpecIdsWithTitleAndStatus) {
  const DocumentFacts f = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "See TA");
  const uint32_t last = f.doc.source.line_count();
  const Completions c = complete(f, specs_, {last, 6});
  EXPECT_EQ(labels(c), (std::vector<std::string>{"TASK-1", "TASK-2"}));
  EXPECT_EQ(c.items[0].detail, "First task \xE2\x80\x94 Done");
  EXPECT_EQ(c.items[0].range, (TextRange{{last, 4}, {last, 6}}));
  EXPECT_FALSE(c.incomplete);
  // Lowercase words are prose, not IDs.
  const DocumentFacts g = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "See ta");
  EXPECT_TRUE(complete(g, specs_, {last, 6}).items.empty());
}

TEST_F(Navigate, CompletesLinkTargetsAndAnchors) {
  const DocumentFacts f = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "[x](");
  const uint32_t last = f.doc.source.line_count();
  const Completions files = complete(f, specs_, {last, 4});
  EXPECT_EQ(labels(files), (std::vector<std::string>{"STORY-1-parent.md", "TASK-1-first.md"}));
  EXPECT_EQ(files.items[0].kind, CompletionKind::File);
  EXPECT_EQ(files.items[0].detail, "STORY-1: Parent story");

  // What was typed narrows the files.
  const DocumentFacts typed = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "[x](task");
  EXPECT_EQ(labels(complete(typed, specs_, {last, 8})), (std::vector<std::string>{"TASK-1-first.md"}));

  const DocumentFacts g = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "[x](STORY-1-parent.md#)");
  const Completions anchors = complete(g, specs_, {last, 22});
  EXPECT_EQ(labels(anchors), (std::vector<std::string>{"story-1-parent-story", "scope"}));
  EXPECT_EQ(anchors.items[1].range, (TextRange{{last, 22}, {last, 22}}));

  const DocumentFacts h = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "[x](#ov");
  EXPECT_EQ(labels(complete(h, specs_, {last, 7})), (std::vector<std::string>{"task-2-retry-budget", "overview"}));
}

TEST_F(Navigate, NoCompletionInsideCode) {
  const DocumentFacts f = open("TASK-1-first.md");
  EXPECT_TRUE(complete(f, specs_, at(f, "TASK-2 in code", 2)).items.empty());
}

// --- hover -----------------------------------------------------------------------------------

TEST_F(Navigate, HoverOnAnIdShowsTheDeclaringSpec) {
  const DocumentFacts f = open("TASK-2-retry.md");
  const TextPos p = at(f, "TASK-1", 3);
  const auto h = hover(f, specs_, p);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->markdown, "**TASK-1**: First task\n\nStatus: Done \xC2\xB7 Owner: Ana\n\n`" + path("TASK-1-first.md") + "`");
  EXPECT_EQ(h->range, (TextRange{{p.line, p.byte - 3}, {p.line, p.byte + 3}}));
  const DocumentFacts g = analyze(path("TASK-2-retry.md"), std::string(kTask2) + "TASK-99\n");
  const auto unknown = hover(g, specs_, at(g, "TASK-99"));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->markdown, "**TASK-99**: no spec in the workspace declares this ID");
}

TEST_F(Navigate, HoverOnAFieldSaysWhatTheTemplateAllows) {
  const DocumentFacts f = open("TASK-2-retry.md");
  const auto h = hover(f, specs_, at(f, "Priority"));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->markdown, "**Priority**: one of `P0-Critical`, `P1-High`\n\nTemplate 'task-template'");
  const auto d = hover(f, specs_, at(f, "Updated"));
  ASSERT_TRUE(d);
  EXPECT_NE(d->markdown.find("a date, YYYY-MM-DD"), std::string::npos);
  EXPECT_FALSE(hover(f, specs_, at(f, "Depends on")));
}

TEST_F(Navigate, HoverOnAFindingShowsItsRuleDoc) {
  const DocumentFacts f = open("TASK-2-retry.md");
  Diagnostic d;
  d.rule = "field-value";
  d.line = 3;
  d.column = 13;
  d.end_line = 3;
  d.end_column = 17;
  const auto h = hover(f, specs_, {3, 14}, {d});
  ASSERT_TRUE(h);
  EXPECT_NE(h->markdown.find("# field-value"), std::string::npos);
  EXPECT_NE(h->markdown.find("## What it checks"), std::string::npos);
  EXPECT_EQ(h->markdown.find("## Example"), std::string::npos);
  EXPECT_FALSE(hover(f, specs_, {9, 0}, {d}));
  EXPECT_EQ(rule_hover_text("no-such-rule"), "");
}

// --- definition, references, rename ----------------------------------------------------------

TEST_F(Navigate, DefinitionOfAnIdIsItsDeclaration) {
  const DocumentFacts f = open("TASK-2-retry.md");
  EXPECT_EQ(definition(f, specs_, at(f, "TASK-1")),
            (std::vector<FileRange>{{path("TASK-1-first.md"), {{1, 2}, {1, 8}}}}));
  EXPECT_TRUE(definition(f, specs_, at(f, "Overview")).empty());
}

TEST_F(Navigate, DefinitionOfALinkIsItsFileOrHeading) {
  const DocumentFacts f = open("TASK-2-retry.md");
  EXPECT_EQ(definition(f, specs_, at(f, "STORY-1-parent.md", 3)),
            (std::vector<FileRange>{{path("STORY-1-parent.md"), {{5, 3}, {5, 8}}}}));
  EXPECT_EQ(definition(f, specs_, at(f, "#overview", 1)),
            (std::vector<FileRange>{{path("TASK-2-retry.md"), {{7, 3}, {7, 11}}}}));
}

TEST_F(Navigate, ReferencesAreEveryMentionOutsideCode) {
  const DocumentFacts f = open("TASK-1-first.md");
  const TextPos p = at(f, "TASK-2");
  const std::vector<FileRange> without = references(f, specs_, p, false);
  const std::vector<FileRange> with = references(f, specs_, p, true);
  // Path order: STORY-1-parent.md, TASK-1-first.md (two on one line, the second after "café"),
  // TASK-2-retry.md (its declaration only).
  EXPECT_EQ(without, (std::vector<FileRange>{{path("STORY-1-parent.md"), {{7, 7}, {7, 13}}},
                                             {path("TASK-1-first.md"), {{6, 7}, {6, 13}}},
                                             {path("TASK-1-first.md"), {{6, 21}, {6, 27}}}}));
  ASSERT_EQ(with.size(), 4u);
  EXPECT_EQ(with[3], (FileRange{path("TASK-2-retry.md"), {{1, 2}, {1, 8}}}));
}

TEST_F(Navigate, ReferencesOfALinkOrHeadingAreTheLinksToIt) {
  const DocumentFacts f = open("TASK-2-retry.md");
  const TextPos scope = at(f, "STORY-1-parent.md#scope");
  const TextRange link{scope, {scope.line, scope.byte + 23}};
  EXPECT_EQ(references(f, specs_, at(f, "#scope", 2), false), (std::vector<FileRange>{{path("TASK-2-retry.md"), link}}));
  EXPECT_EQ(references(f, specs_, at(f, "#scope", 2), true),
            (std::vector<FileRange>{{path("STORY-1-parent.md"), {{5, 3}, {5, 8}}}, {path("TASK-2-retry.md"), link}}));
  // From the heading the anchor names, in the other file.
  const DocumentFacts story = open("STORY-1-parent.md");
  EXPECT_EQ(references(story, specs_, at(story, "Scope", 1), false),
            (std::vector<FileRange>{{path("TASK-2-retry.md"), link}}));
  // A link to this file's own heading.
  const TextPos below = at(f, "#overview");
  EXPECT_EQ(references(f, specs_, at(f, "Overview", 2), false),
            (std::vector<FileRange>{{path("TASK-2-retry.md"), {below, {below.line, below.byte + 9}}}}));
}

TEST_F(Navigate, RenameEditsEveryMentionAndTheDeclaration) {
  const DocumentFacts f = open("TASK-2-retry.md");
  const TextPos p = at(f, "TASK-2", 1);
  ASSERT_TRUE(prepare_rename(f, p));
  EXPECT_EQ(prepare_rename(f, p)->range, (TextRange{{1, 2}, {1, 8}}));
  const RenameResult r = rename_id(f, specs_, p, "TASK-20");
  EXPECT_EQ(r.error, "");
  ASSERT_EQ(r.edits.size(), 3u);
  EXPECT_EQ(r.edits.at(path("TASK-1-first.md")).size(), 2u);
  EXPECT_EQ(r.edits.at(path("TASK-2-retry.md")).size(), 1u);
  EXPECT_EQ(r.edits.at(path("STORY-1-parent.md"))[0].text, "TASK-20");

  EXPECT_EQ(rename_id(f, specs_, p, "TASK-1").error, "TASK-1 is already declared by " + path("TASK-1-first.md"));
  EXPECT_NE(rename_id(f, specs_, p, "task 3").error, "");
  EXPECT_NE(rename_id(f, specs_, at(f, "Overview"), "TASK-3").error, "");
}

TEST(RenameFiles, FileNameKeepsItsCaseAndNeedsTheWholeId) {
  EXPECT_EQ(renamed_file_name("ABC-12.md", "ABC-12", "ABC-13"), "ABC-13.md");
  EXPECT_EQ(renamed_file_name("abc-12-retry-budget.md", "ABC-12", "XY-3"), "xy-3-retry-budget.md");
  EXPECT_EQ(renamed_file_name("ABC-12_notes.md", "ABC-12", "ABC-9"), "ABC-9_notes.md");
  EXPECT_EQ(renamed_file_name("Abc-12 plan.md", "ABC-12", "ABC-13"), "ABC-13 plan.md");
  EXPECT_EQ(renamed_file_name("ABC-12", "ABC-12", "ABC-13"), "ABC-13");
  EXPECT_EQ(renamed_file_name("ABC-123.md", "ABC-12", "ABC-13"), "");  // another ID
  EXPECT_EQ(renamed_file_name("ABC-12a.md", "ABC-12", "ABC-13"), "");
  EXPECT_EQ(renamed_file_name("notes-ABC-12.md", "ABC-12", "ABC-13"), "");
  EXPECT_EQ(renamed_file_name("ABC.md", "ABC-12", "ABC-13"), "");
}

TEST_F(Navigate, RenameMovesTheFileNamedAfterTheIdAndItsLinksFollow) {
  const DocumentFacts story = open("STORY-1-parent.md");
  const TextPos p = at(story, "STORY-1", 1);
  // Without file renames, the ID inside TASK-2's link target is part of a path: left alone.
  RenameResult r = rename_id(story, specs_, p, "STORY-2");
  EXPECT_TRUE(r.files.empty());
  EXPECT_EQ(r.edits.count(path("TASK-2-retry.md")), 0u);
  ASSERT_EQ(r.edits.at(path("STORY-1-parent.md")).size(), 1u);

  r = rename_id(story, specs_, p, "STORY-2", /*rename_files=*/true);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.files, (std::vector<FileMove>{{path("STORY-1-parent.md"), path("STORY-2-parent.md")}}));
  // The link's file name, not its anchor: "[the parent](STORY-1-parent.md#scope)".
  const DocumentFacts task2 = open("TASK-2-retry.md");
  const TextPos link = at(task2, "STORY-1-parent.md");
  ASSERT_EQ(r.edits.at(path("TASK-2-retry.md")).size(), 1u);
  EXPECT_EQ(r.edits.at(path("TASK-2-retry.md"))[0].range, (TextRange{link, {link.line, link.byte + 17}}));
  EXPECT_EQ(r.edits.at(path("TASK-2-retry.md"))[0].text, "STORY-2-parent.md");

  // A target that exists already is not overwritten: the text is renamed, the file is not.
  dir_.write("STORY-3-parent.md", "no ID declared here\n");
  r = rename_id(story, specs_, p, "STORY-3", /*rename_files=*/true);
  EXPECT_EQ(r.error, "");
  EXPECT_TRUE(r.files.empty());
  EXPECT_EQ(r.edits.count(path("TASK-2-retry.md")), 0u);
}

// --- symbols ---------------------------------------------------------------------------------

TEST_F(Navigate, DocumentSymbolsAreTheSectionTree) {
  const DocumentFacts f = open("STORY-1-parent.md");
  const std::vector<DocumentSymbol> s = document_symbols(f);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].name, "STORY-1: Parent story");
  EXPECT_EQ(s[0].selection, (TextRange{{1, 2}, {1, 23}}));
  EXPECT_EQ(s[0].range.start, (TextPos{1, 0}));
  ASSERT_EQ(s[0].children.size(), 1u);
  EXPECT_EQ(s[0].children[0].name, "Scope");
  EXPECT_EQ(s[0].children[0].range, (TextRange{{5, 0}, {7, 22}}));
}

TEST_F(Navigate, WorkspaceSymbolsAreIdsAndTitles) {
  std::vector<std::string> names;
  for (const auto& s : workspace_symbols(specs_, "")) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"STORY-1: Parent story", "TASK-1: First task", "TASK-2: Retry budget"}));
  const auto q = workspace_symbols(specs_, "retry");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].location, (FileRange{path("TASK-2-retry.md"), {{1, 2}, {1, 8}}}));
  EXPECT_EQ(workspace_symbols(specs_, "", 2).size(), 2u);
}

// --- positions -------------------------------------------------------------------------------

TEST(NavigatePosition, ByteOfColumnCountsCodePoints) {
  EXPECT_EQ(byte_of_column("caf\xC3\xA9 X", 1), 0u);
  EXPECT_EQ(byte_of_column("caf\xC3\xA9 X", 5), 5u);
  EXPECT_EQ(byte_of_column("caf\xC3\xA9 X", 6), 6u);
  EXPECT_EQ(byte_of_column("ab", 9), 2u);
}

// Every feature at the start, middle and end (and past the end) of every line of the real specs,
// and references and rename on their IDs: answers stay inside the documents and nothing throws.
TEST(NavigateRobustness, RealSpecsAtEveryLine) {
  if (!test::have_shared()) GTEST_SKIP() << "no ../shared";
  Config config;
  TemplateRegistry registry(config);
  SpecDirectory specs([](const std::string& p) -> std::optional<std::string> {
    ReadResult r = read_file(p);
    return r.ok ? std::optional<std::string>(std::move(r.bytes)) : std::nullopt;
  });
  std::vector<DocumentFacts> docs;
  for (const char* corpus : {"real", "real2"}) {
    for (const auto& e : std::filesystem::directory_iterator(test::shared_dir() / "corpus" / corpus)) {
      if (e.path().extension() != ".md") continue;
      docs.push_back(analyze_document(e.path().string(), read_file(e.path().string()).bytes, config, registry));
      specs.put(summarize_spec(docs.back().doc, docs.back().index));
    }
  }
  ASSERT_GT(docs.size(), 10u);
  const auto inside = [](const Document& doc, const TextRange& r) {
    return r.start <= r.end && r.end.line <= std::max<uint32_t>(doc.source.line_count(), 1) &&
           r.end.byte <= doc.source.line(r.end.line).size();
  };
  size_t answers = 0;
  for (const DocumentFacts& f : docs) {
    const uint32_t lines = std::min<uint32_t>(f.doc.source.line_count(), 1500);
    for (uint32_t l = 1; l <= lines; ++l) {
      const auto size = static_cast<uint32_t>(f.doc.source.line(l).size());
      for (uint32_t b : {0u, size / 2, size, size + 3}) {
        const TextPos p{l, b};
        for (const CompletionItem& i : complete(f, specs, p).items) {
          EXPECT_TRUE(inside(f.doc, i.range)) << f.doc.source.path() << ":" << l;
          ++answers;
        }
        if (auto h = hover(f, specs, p)) {
          EXPECT_TRUE(inside(f.doc, h->range)) << f.doc.source.path() << ":" << l;
          ++answers;
        }
        answers += definition(f, specs, p).size();
      }
    }
    std::vector<IdMention> ids = id_mentions(f.doc);
    if (ids.size() > 5) ids.resize(5);
    for (const IdMention& m : ids) {
      const std::vector<FileRange> refs = references(f, specs, m.range.start, true);
      EXPECT_FALSE(refs.empty()) << m.id;  // the mention itself at least
      const RenameResult r = rename_id(f, specs, m.range.start, "ZZZ-RENAMED-1");
      EXPECT_EQ(r.error, "");
      size_t edits = 0;
      for (const auto& [path, e] : r.edits) edits += e.size();
      // Mentions inside link targets are parts of paths, not renamed (navigation.h).
      EXPECT_LE(edits, refs.size()) << m.id;
    }
    document_symbols(f);
  }
  EXPECT_GT(answers, 100u);
  EXPECT_FALSE(workspace_symbols(specs, "").empty());
}

}  // namespace
}  // namespace specgate
