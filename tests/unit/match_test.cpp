// Section matching: the title index (schema.section_index) must give exactly the matches of
// trying every spec, for every template against real specs, examples, seeds and the templates.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "model/document.h"
#include "schema/builtin_templates.h"
#include "schema/infer.h"
#include "schema/loose_match.h"
#include "schema/match.h"
#include "schema/registry.h"
#include "support/test_paths.h"

namespace specgate {
namespace {

namespace fs = std::filesystem;

std::vector<Document> documents() {
  std::vector<fs::path> dirs = {fs::path(test::source_dir()) / "examples"};
  if (test::have_shared()) {
    dirs.push_back(test::shared_dir() / "corpus" / "real");
    dirs.push_back(test::shared_dir() / "seeds");
  }
  std::vector<Document> docs;
  for (const auto& dir : dirs) {
    for (const auto& e : fs::directory_iterator(dir)) {
      ReadResult r = read_file(e.path().string(), size_t(8) << 20);
      if (r.ok) docs.push_back(build_document(SourceText(e.path().string(), r.bytes)));
    }
  }
  for (const auto& t : builtin_templates()) docs.push_back(build_document(SourceText(std::string(t.name), std::string(t.text))));
  return docs;
}

TEST(MatchSections, TheTitleIndexMatchesLikeTryingEverySpec) {
  const std::vector<Document> docs = documents();
  ASSERT_GE(docs.size(), 5u);
  size_t matched = 0;
  for (const Document& tmpl : docs) {
    const Schema indexed = infer_schema(tmpl, "t");
    ASSERT_TRUE(indexed.section_index);
    Schema plain = indexed;
    plain.section_index.reset();
    for (const Document& doc : docs) {
      const SectionMatch a = match_sections(indexed, doc);
      const SectionMatch b = match_sections(plain, doc);
      ASSERT_EQ(a.spec_of, b.spec_of) << tmpl.source.path() << " vs " << doc.source.path();
      ASSERT_EQ(a.instances, b.instances) << tmpl.source.path() << " vs " << doc.source.path();
      ASSERT_EQ(a.coverage, b.coverage);
      for (int32_t k : a.spec_of) matched += k >= 0;
    }
  }
  EXPECT_GT(matched, 1000u);  // the comparison covered real matches, not only misses
}

TEST(MatchSections, AStaleIndexIsNotUsed) {
  const Document tmpl = build_document(SourceText("t.md", "# T\n\n## Alpha\n\ntext\n\n## Beta\n\ntext\n"));
  Schema s = infer_schema(tmpl, "t");
  SectionSpec extra = s.sections.back();
  extra.title = extra.normalized_title = "gamma";
  s.sections.push_back(extra);  // the index was built for one section fewer
  const Document doc = build_document(SourceText("d.md", "# D\n\n## Gamma\n\nx\n"));
  const SectionMatch m = match_sections(s, doc);
  ASSERT_EQ(m.spec_of.size(), 2u);
  EXPECT_EQ(m.spec_of[1], static_cast<int32_t>(s.sections.size() - 1));
}

// Auto-detection hands the checker the match it computed for the chosen template, and that
// match is the one a fresh match_sections gives.
TEST(MatchSections, AutoDetectionKeepsTheWinningMatch) {
  Config config;
  TemplateRegistry registry(config);
  size_t chosen = 0;
  for (const Document& doc : documents()) {
    const TemplateChoice c = registry.choose(doc, "");
    if (!c.schema) continue;
    ++chosen;
    ASSERT_TRUE(c.match.has_value()) << doc.source.path();
    const SectionMatch fresh = match_sections(*c.schema, doc);
    EXPECT_EQ(c.match->spec_of, fresh.spec_of) << doc.source.path();
    EXPECT_EQ(c.match->coverage, fresh.coverage) << doc.source.path();
  }
  EXPECT_GT(chosen, 3u);
  // A template named outright is matched by the checker, not by choose().
  const Document d = build_document(SourceText("t.md", "# T\n"));
  EXPECT_FALSE(registry.choose(d, "task").match.has_value());
}

}  // namespace
}  // namespace specgate

// Loose matching of reworded headings (schema/loose_match.h, docs/rules/missing-section.md).
TEST(LooseMatch, TiersOfOtherWordings) {
  using specgate::loose_tier;
  EXPECT_EQ(loose_tier("Alternatives considered", "Alternative Considered"), 1);
  EXPECT_EQ(loose_tier("Detailed design", "<a name=\"design\"></a>Detailed Design"), 1);
  EXPECT_EQ(loose_tier("In scope", "In-scope (MVP)"), 1);
  EXPECT_EQ(loose_tier("16) Performance Requirements", "20) Performance Requirements"), 1);
  EXPECT_EQ(loose_tier("Source compatibility", "Source Compatibility & Effect on ABI Stability"), 2);
  EXPECT_EQ(loose_tier("ゴール", "ゴール / 非ゴール"), 2);
  EXPECT_EQ(loose_tier("Risks / Trade-offs", "Trade-offs"), 2);
  EXPECT_EQ(loose_tier("Estimated Effort", "Estimated Effort: 3 hours"), 1);
  EXPECT_EQ(loose_tier("Decisions", "Architecture Decisions"), 3);
  // Not the section: partial overlap, a negated word, too many extra words.
  EXPECT_EQ(loose_tier("ABI compatibility", "Effect on ABI stability"), 0);
  EXPECT_EQ(loose_tier("Summary of changes", "Summary"), 0);
  EXPECT_EQ(loose_tier("Goals", "Non-Goals"), 0);
  EXPECT_EQ(loose_tier("Testing", "Testing Strategy Overview Notes"), 0);
}

TEST(LooseMatch, ContentWords) {
  const std::vector<std::string> w = specgate::content_words("3) Launch & Rollout Guardrails (v2)");
  EXPECT_EQ(w, (std::vector<std::string>{"launch", "rollout", "guardrail"}));
}
