#include "model/document.h"

#include <gtest/gtest.h>

#include "core/file_io.h"
#include "model/fields.h"
#include "support/test_paths.h"

using namespace specgate;

namespace {

Document doc_of(const std::string& text) { return build_document(SourceText("t.md", text)); }

Document load(const std::filesystem::path& p) {
  ReadResult r = read_file(p.string());
  EXPECT_TRUE(r.ok) << p;
  return build_document(SourceText(p.string(), std::move(r.bytes)));
}

}  // namespace

TEST(Model, SeedSectionCountsAreHeadingsOutsideFences) {
  if (!test::have_shared()) GTEST_SKIP() << "../shared not present";
  const std::pair<const char*, size_t> expected[] = {{"000", 54}, {"001", 51}, {"002", 56}, {"003", 65}, {"004", 57}};
  for (const auto& [prefix, count] : expected) {
    Document d = load(test::seed(prefix));
    EXPECT_EQ(d.sections.size(), count) << prefix;
  }
}

TEST(Model, HashLinesInsideFencesAreNotHeadings) {
  Document d = doc_of("# A\n\n```bash\n# not a heading\n```\n\n````markdown\n## nor this\n```\n# still code\n```\n````\n## B\n");
  ASSERT_EQ(d.sections.size(), 2u);
  EXPECT_EQ(d.sections[1].title, "B");
  EXPECT_EQ(d.sections[1].line, 13u);
  ASSERT_EQ(d.code_blocks.size(), 2u);
  EXPECT_EQ(d.code_blocks[1].line, 7u);
  EXPECT_EQ(d.code_blocks[1].end_line, 12u);
  EXPECT_EQ(d.code_blocks[1].language, "markdown");
  EXPECT_EQ(d.code_blocks[1].content_line, 8u);
}

TEST(Model, SectionTreeLevelsAndRanges) {
  Document d = doc_of("intro\n# T\n## A\ntext\n### A1\n## B\n#### deep\n");
  ASSERT_EQ(d.sections.size(), 5u);
  EXPECT_EQ(d.sections[0].children, (std::vector<int32_t>{1, 3}));
  EXPECT_EQ(d.sections[1].children, (std::vector<int32_t>{2}));
  EXPECT_EQ(d.sections[1].end_line, 5u);
  EXPECT_EQ(d.sections[1].body_end_line, 4u);
  EXPECT_EQ(d.sections[4].parent, 3);
  EXPECT_EQ(d.section_path(2), "T > A > A1");
  EXPECT_EQ(d.section_at(1), kPreamble);
  EXPECT_EQ(d.section_at(4), 1);
}

TEST(Model, SetextHeadingsAndClosingHashes) {
  Document d = doc_of("Title\n=====\n\nSub ##\n---\n\n## Closed ##\n");
  ASSERT_EQ(d.sections.size(), 3u);
  EXPECT_EQ(d.sections[0].title, "Title");
  EXPECT_EQ(d.sections[0].level, 1);
  EXPECT_EQ(d.sections[1].title, "Sub ##");
  EXPECT_EQ(d.sections[2].title, "Closed");
  EXPECT_EQ(d.sections[2].column, 4u);
  EXPECT_TRUE(d.blocks.size() >= 3);
}

TEST(Model, ThematicBreaksAndEmptyCodeBlocksGetLines) {
  Document d = doc_of("# T\n\ntext\n\n---\n\n```\n```\n\n***\n");
  std::vector<uint32_t> hr;
  for (const auto& b : d.blocks) {
    if (b.kind == BlockKind::ThematicBreak) hr.push_back(b.line);
  }
  EXPECT_EQ(hr, (std::vector<uint32_t>{5, 10}));
  ASSERT_EQ(d.code_blocks.size(), 1u);
  EXPECT_EQ(d.code_blocks[0].line, 7u);
  EXPECT_EQ(d.code_blocks[0].end_line, 8u);
}

TEST(Model, FrontMatterKeysAndLines) {
  Document d = doc_of("---\ntitle: Hello\nstatus: Draft\ntags: [a, b]\n---\n# H\n**Owner:** me\n");
  ASSERT_TRUE(d.front_matter.present);
  EXPECT_EQ(d.front_matter.end_line, 5u);
  ASSERT_EQ(d.front_matter.entries.size(), 3u);
  EXPECT_EQ(d.front_matter.entries[1].key, "status");
  EXPECT_EQ(d.front_matter.entries[1].value, "Draft");
  EXPECT_EQ(d.front_matter.entries[1].line, 3u);
  EXPECT_EQ(d.front_matter.entries[1].column, 9u);
  EXPECT_EQ(d.front_matter.entries[2].value, "a, b");
  ASSERT_EQ(d.sections.size(), 1u);
  EXPECT_EQ(d.sections[0].line, 6u);
  const Field* status = d.find_field({"Status"});
  ASSERT_NE(status, nullptr);
  EXPECT_TRUE(status->front_matter);
  const Field* owner = d.find_field({"owner"});
  ASSERT_NE(owner, nullptr);
  EXPECT_EQ(owner->line, 7u);
}

TEST(Model, BrokenFrontMatterIsReportedNotFatal) {
  Document d = doc_of("---\ntitle: [unclosed\n---\n# H\n");
  ASSERT_TRUE(d.front_matter.present);
  EXPECT_FALSE(d.front_matter.error.empty());
  EXPECT_GE(d.front_matter.error_line, 2u);
  EXPECT_EQ(d.sections.size(), 1u);
}

TEST(Model, FieldSpellings) {
  Document d = doc_of(
      "# T\n"
      "**Status:** Draft\n"
      "**Owner**: Ana\n"
      "- **Priority:** High\n"
      "**Epic**: EPIC-001 | **Sprint**: Sprint 4 | **Points**: 3\n"
      "**Ticket ID:** `AGENT-029` **Status:** `DONE` **Last Updated:** 2025-08-10\n"
      "- **GIVEN** a rule exists\n"
      "**Empty:**\n");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : d.fields) got.emplace_back(f.key, f.value);
  std::vector<std::pair<std::string, std::string>> want = {
      {"Status", "Draft"},          {"Owner", "Ana"},        {"Priority", "High"},
      {"Epic", "EPIC-001"},         {"Sprint", "Sprint 4"},  {"Points", "3"},
      {"Ticket ID", "`AGENT-029`"}, {"Status", "`DONE`"},    {"Last Updated", "2025-08-10"},
      {"Empty", ""}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(d.fields[1].value_column, 12u);
  EXPECT_EQ(d.fields[2].column, 3u);
  EXPECT_EQ(d.fields[4].column, 22u);
  EXPECT_EQ(d.fields[4].value_column, 34u);
}

TEST(Model, ChecklistSpellings) {
  Document d = doc_of(
      "# T\n"
      "- [ ] one\n"
      "* [x] two\n"
      "- [X] **Label**: three\n"
      "* **[ ]** four\n"
      "* **[x] Five:** done\n"
      "1. [ ] six\n"
      "- not [ ] a box\n");
  ASSERT_EQ(d.checklist.size(), 6u);
  EXPECT_FALSE(d.checklist[0].checked);
  EXPECT_EQ(d.checklist[0].text, "one");
  EXPECT_EQ(d.checklist[0].column, 3u);
  EXPECT_TRUE(d.checklist[1].checked);
  EXPECT_TRUE(d.checklist[2].checked);
  EXPECT_EQ(d.checklist[2].text, "**Label**: three");
  EXPECT_FALSE(d.checklist[3].checked);
  EXPECT_EQ(d.checklist[3].text, "four");
  EXPECT_EQ(d.checklist[3].column, 5u);
  EXPECT_TRUE(d.checklist[4].checked);
  EXPECT_EQ(d.checklist[5].line, 7u);
  EXPECT_EQ(d.checklist[5].column, 4u);
  // A checklist line is not also a field.
  for (const auto& f : d.fields) EXPECT_NE(f.line, 4u);
}

TEST(Model, RaggedTablesKeepCellsAndColumns) {
  Document d = doc_of("# T\n\n| A | B | C |\n|---|---|---|\n| 1 | 2 |\n| x | | z | extra |\n|  |  |  |\n\nafter\n");
  ASSERT_EQ(d.tables.size(), 1u);
  const Table& t = d.tables[0];
  EXPECT_EQ(t.line, 3u);
  EXPECT_EQ(t.end_line, 7u);
  ASSERT_EQ(t.header.size(), 3u);
  EXPECT_EQ(t.header[1].text, "B");
  EXPECT_EQ(t.header[1].column, 7u);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].size(), 2u);
  EXPECT_EQ(t.rows[1].size(), 4u);
  EXPECT_EQ(t.rows[1][1].text, "");
  EXPECT_EQ(t.rows[1][3].text, "extra");
  EXPECT_EQ(t.rows[1][3].line, 6u);
  EXPECT_EQ(t.rows[2].size(), 3u);
  EXPECT_EQ(t.section, 0);
}

TEST(Model, EscapedPipesStayInTheCell) {
  Document d = doc_of("| A | B |\n|---|---|\n| a \\| b | `c` |\n");
  ASSERT_EQ(d.tables.size(), 1u);
  ASSERT_EQ(d.tables[0].rows[0].size(), 2u);
  EXPECT_EQ(d.tables[0].rows[0][0].text, "a \\| b");
}

TEST(Model, LinksHavePositions) {
  Document d = doc_of("# T\nsee [the plan](plan.md#goals) and <https://x.org> and ![img](a.png)\n");
  ASSERT_EQ(d.links.size(), 3u);
  EXPECT_EQ(d.links[0].target, "plan.md#goals");
  EXPECT_EQ(d.links[0].line, 2u);
  EXPECT_EQ(d.links[0].column, 5u);
  EXPECT_EQ(d.links[1].target, "https://x.org");
  EXPECT_EQ(d.links[1].column, 35u);
  EXPECT_TRUE(d.links[2].image);
  EXPECT_EQ(d.links[2].column, 55u);
}

TEST(Model, CrlfAndBomGiveTheSameModel) {
  const std::string lf = "# T\n\n**Status:** Draft\n\n- [ ] a\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n```json\n{}\n```\n";
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Document a = doc_of(lf);
  Document b = doc_of("\xEF\xBB\xBF" + crlf);
  ASSERT_EQ(a.sections.size(), b.sections.size());
  EXPECT_EQ(b.sections[0].column, 3u);
  ASSERT_EQ(a.fields.size(), b.fields.size());
  EXPECT_EQ(a.fields[0].value, b.fields[0].value);
  EXPECT_EQ(a.fields[0].value_column, b.fields[0].value_column);
  ASSERT_EQ(a.checklist.size(), b.checklist.size());
  EXPECT_EQ(a.checklist[0].line, b.checklist[0].line);
  EXPECT_EQ(a.checklist[0].column, b.checklist[0].column);
  EXPECT_EQ(a.tables[0].rows[0][1].column, b.tables[0].rows[0][1].column);
  EXPECT_EQ(a.code_blocks[0].line, b.code_blocks[0].line);
  EXPECT_EQ(a.code_blocks[0].end_line, b.code_blocks[0].end_line);
}

TEST(Model, InvalidUtf8NeverShiftsPositions) {
  Document d = doc_of("# T\xFF\xFE\n**Key:** \xC3 value\n");
  ASSERT_EQ(d.sections.size(), 1u);
  ASSERT_EQ(d.fields.size(), 1u);
  EXPECT_EQ(d.fields[0].value_column, 10u);
}

TEST(Model, TabsCountAsOneColumn) {
  Document d = doc_of("#\tTab title\n");
  ASSERT_EQ(d.sections.size(), 1u);
  EXPECT_EQ(d.sections[0].title, "Tab title");
  EXPECT_EQ(d.sections[0].column, 3u);
}

TEST(Model, EmptyAndWeirdInputs) {
  EXPECT_TRUE(doc_of("").sections.empty());
  EXPECT_TRUE(doc_of("\n\n\n").sections.empty());
  EXPECT_EQ(doc_of("#\n").sections.size(), 1u);
  EXPECT_EQ(doc_of("---\n").sections.size(), 0u);
  std::string nested(100000, '>');
  EXPECT_NO_FATAL_FAILURE(doc_of(nested + " x\n"));
}

TEST(Model, AllRealSpecsParse) {
  if (!test::have_shared()) GTEST_SKIP();
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::shared_dir() / "corpus/real")) {
    if (e.path().extension() != ".md") continue;
    Document d = load(e.path());
    EXPECT_FALSE(d.sections.empty()) << e.path();
    for (const auto& s : d.sections) {
      EXPECT_GE(s.end_line, s.line);
      EXPECT_LE(s.end_line, d.source.line_count());
    }
    for (const auto& b : d.blocks) {
      EXPECT_GT(b.line, 0u) << e.path();
      EXPECT_GE(b.end_line, b.line) << e.path();
    }
    ++files;
  }
  EXPECT_EQ(files, 19u);
}

// Per-line facts the rules share instead of re-deriving them (LineInfo).
TEST(ModelLineFacts, ContentFieldsBoxesCommentsAndPlainKeys) {
  const Document d = doc_of(
      "# T\n"                                    // 1
      "\n"                                       // 2
      "**Owner:** Ana | **Status:** Draft\n"     // 3
      "- [ ] ship it\n"                          // 4
      "> - quoted item\n"                        // 5
      "Status: Draft\n"                          // 6
      "Five words before the colon: x\n"         // 7
      "text <!-- a comment -->\n"                // 8
      "1. numbered\n"                            // 9
      "```\n"                                    // 10
      "- in code\n"                              // 11
      "```\n");                                  // 12
  EXPECT_EQ(d.line_info(3).first_field, 0);
  EXPECT_EQ(d.field_count(3), 2u);
  EXPECT_EQ(d.fields[1].value_offset, std::string_view("**Owner:** Ana | **Status:** ").size());
  EXPECT_EQ(d.line_info(4).first_field, -1);
  EXPECT_TRUE(d.line_info(4).checkbox);
  EXPECT_FALSE(d.line_info(3).checkbox);
  EXPECT_EQ(d.content(4), "[ ] ship it");
  EXPECT_EQ(d.content(5), "quoted item");
  EXPECT_TRUE(d.line_info(6).plain_field);
  EXPECT_FALSE(d.line_info(7).plain_field);  // more than four words before the colon
  EXPECT_TRUE(d.line_info(8).comment);
  EXPECT_FALSE(d.line_info(7).comment);
  EXPECT_EQ(d.content(9), "numbered");
  EXPECT_EQ(d.line_info(11).content, 0u);  // code is not read as text
  EXPECT_FALSE(d.line_info(11).checkbox);
  EXPECT_EQ(d.field_count(7), 0u);
  EXPECT_EQ(d.field_count(99), 0u);  // a line the document does not have
}

// A list item whose text is an HTML block still has its content past the marker.
TEST(ModelLineFacts, ListItemContentWhateverTheItemHolds) {
  const Document d = doc_of("- <bullet>\n- plain\n");
  EXPECT_EQ(d.content(1), "<bullet>");
  EXPECT_EQ(d.content(2), "plain");
}

// The facts agree with the functions they replace on every line of every document we have.
TEST(ModelLineFacts, AgreeWithContentStartAndExtractFieldsOnRealDocuments) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(test::source_dir()) / "examples"))
    files.push_back(e.path());
  if (test::have_shared()) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(test::shared_dir() / "corpus" / "real"))
      if (e.path().extension() == ".md") files.push_back(e.path());
  }
  size_t checked = 0;
  for (const auto& p : files) {
    const Document d = load(p);
    for (uint32_t l = 1; l <= d.source.line_count(); ++l) {
      const LineInfo& info = d.line_info(l);
      if (info.kind != LineKind::Paragraph) continue;
      const std::string_view raw = d.source.line(l);
      ASSERT_EQ(info.content, content_start(raw)) << p << ":" << l;
      if (!info.checkbox) {
        ASSERT_EQ(d.field_count(l), extract_fields(raw).size()) << p << ":" << l;
      }
      ASSERT_EQ(info.comment, raw.find("<!--") != std::string_view::npos) << p << ":" << l;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}
