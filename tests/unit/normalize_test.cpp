#include "model/normalize.h"

#include <gtest/gtest.h>

#include "core/file_io.h"
#include "model/document.h"
#include "model/fields.h"
#include "support/golden.h"
#include "support/lcg.h"
#include "support/test_paths.h"

using namespace specgate;

TEST(Normalize, Cases) {
  const std::pair<const char*, const char*> cases[] = {
      {"0) Summary", "summary"},
      {"16b) SLOs and Error Budget (Required or N/A with reason)", "slos and error budget"},
      {"0.1) Template Metadata (required for template-driven deliverables)", "template metadata"},
      {"1. Overview", "overview"},
      {"2.3 Data Flow", "data flow"},
      {"Step 1: Preparation", "preparation"},
      {"Phase 2: Feature Flag Implementation", "feature flag implementation"},
      {"📋 Executive Summary", "executive summary"},
      {"🏗️ System Architecture", "system architecture"},
      {"**Bold Title**", "bold title"},
      {"`POST /api/v1/resource`", "post /api/v1/resource"},
      {"ER diagram (Mermaid) (Recommended if relational)", "er diagram"},
      {"Scaling notes (if relevant)", "scaling notes"},
      {"Component: <name>", "component: {}"},
      {"Component A: [Name]", "component a: {}"},
      {"Step 1: [Preparation/Setup]", "step {}"},
      {"A. Glossary", "glossary"},
      {"  Spaced   Out  Title ", "spaced out title"},
      {"2025 Roadmap", "2025 roadmap"},
      {"See [the docs](x.md)", "see the docs"},
      {"(only annotation)", "(only annotation)"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(normalize_title(in).text, want) << in;
  EXPECT_TRUE(normalize_title("Entity: [Name]").has_placeholder);
  EXPECT_FALSE(normalize_title("Entities").has_placeholder);
}

TEST(Fields, ExtractFromOneLine) {
  auto f = extract_fields("**Epic**: EPIC-001 | **Sprint**: Sprint 4");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, "EPIC-001");
  EXPECT_EQ(f[1].key, "Sprint");
  EXPECT_EQ(extract_fields("- **GIVEN** the rule exists").size(), 0u);
  EXPECT_EQ(extract_fields("plain text **Note:** mid-sentence").size(), 0u);
  auto g = extract_fields("- **Gap:** a — **Impact:** b — **Owner:** c");
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].value, "a");
  EXPECT_EQ(g[2].value, "c");
}

// Every heading and every field line of the five seeds, with the normalized title or the
// extracted fields: a reviewed listing (tests/golden/expected/seed-headings-fields.txt).
TEST(Golden, SeedHeadingsAndFields) {
  if (!test::have_shared()) GTEST_SKIP();
  std::string out;
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    const auto path = test::seed(prefix);
    ReadResult r = read_file(path.string());
    ASSERT_TRUE(r.ok);
    Document d = build_document(SourceText(path.filename().string(), std::move(r.bytes)));
    out += "== seed " + std::string(prefix) + "\n";
    for (const auto& s : d.sections) {
      out += std::to_string(s.line) + " H" + std::to_string(s.level) + " " + s.title + " => " + s.normalized_title +
             (s.title_has_placeholder ? " [pattern]" : "") + "\n";
    }
    for (const auto& f : d.fields) {
      out += std::to_string(f.line) + ":" + std::to_string(f.column) + " field '" + f.key + "' = '" + f.value + "' @" +
             std::to_string(f.value_column) + "\n";
    }
  }
  test::expect_golden("seed-headings-fields.txt", out);
}

TEST(Normalize, FoldedEqualAgreesWithFoldText) {
  const std::vector<std::string> texts = {"", " ", "a", "A", " a", "a ", "a  b", "A\tB", "a b", "ab", "Status",
                                          "  STATUS  ", "Last\n Updated", "last updated", "last  updated ", "x\r\ny",
                                          "\xC3\x89tat", "\xC3\xA9tat", "a\vb", "a\fb"};
  for (const auto& a : texts) {
    for (const auto& b : texts) {
      EXPECT_EQ(specgate::folded_equal(a, b), specgate::fold_text(a) == specgate::fold_text(b)) << "'" << a << "' vs '" << b << "'";
    }
  }
  std::string buf = "stale";
  specgate::fold_text_into("  Two   Words ", buf);
  EXPECT_EQ(buf, "two words");
}

TEST(Normalize, FoldedPrefixIsTheFoldsFirstEightBytes) {
  // Every string of up to 6 characters over an alphabet of spaces, case and bytes around them;
  // then the shorter ones inside longer text, so the eight-byte cut falls everywhere.
  const std::string alphabet = std::string(" \t\nAaZ~\xC3", 9);
  std::vector<std::string> texts{""};
  for (size_t i = 0; i < texts.size(); ++i) {
    if (texts[i].size() < 6) {
      for (char c : alphabet) texts.push_back(texts[i] + c);
    }
  }
  const size_t shorter = 1 + 9 + 81 + 729;  // strings of up to 3 characters come first
  for (size_t i = 0; i < shorter; ++i) {
    for (const char* around : {"Ab  c", " Every  Paragraph must END "}) {
      texts.push_back(around + texts[i] + around);
      texts.push_back(texts[i] + around + texts[i]);
    }
  }
  for (const std::string& t : texts) {
    const std::string f = specgate::fold_text(t);
    uint64_t want = 0;
    for (size_t k = 0; k < f.size() && k < 8; ++k) want = want << 8 | static_cast<unsigned char>(f[k]);
    ASSERT_EQ(specgate::folded_prefix(t), want) << "'" << t << "'";
  }
}

// fold_text lowercases sixteen bytes at a time where nothing else happens: it must equal the
// plain byte walk wherever spaces, runs of spaces, tabs, line breaks and upper case fall.
TEST(Normalize, FoldTextMatchesTheByteWalk) {
  auto reference = [](std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  };
  const std::string pieces[] = {"a", "Bq", " ", "  ", "\t", "\n", "\xC3\x89", "Z", "@[`{", "xyzXYZ12", "\r\n", "\x7F\x80"};
  specgate::test::Lcg rng(99);
  for (int iter = 0; iter < 20000; ++iter) {
    const std::string s = specgate::test::join_random(rng, pieces, iter % 60);
    ASSERT_EQ(specgate::fold_text(s), reference(s)) << s;
  }
  // One space, two spaces or a tab at every position of a 40-byte upper-case line.
  for (const std::string gap : {" ", "  ", "\t"}) {
    for (size_t at = 0; at <= 40; ++at) {
      std::string s(40, 'Q');
      s.insert(at, gap);
      ASSERT_EQ(specgate::fold_text(s), reference(s)) << at;
    }
  }
}

namespace specgate {
namespace {

// One test for the Template Metadata heading, shared by schema inference, the template-metadata
// and missing-evidence rules. Deliberate change for inference and missing-evidence, which matched
// the words anywhere ("template metadatas" counted): now whole words, as the rule already did.
TEST(TemplateMetadataTitle, WholeWordsOfTheNormalizedTitle) {
  for (const char* yes : {"template metadata", "template metadata (machine-read)", "the template metadata",
                          "template metadata: v2"})
    EXPECT_TRUE(is_template_metadata_title(yes)) << yes;
  for (const char* no : {"template", "metadata", "template metadatas", "xtemplate metadata", "template-metadata", ""})
    EXPECT_FALSE(is_template_metadata_title(no)) << no;
  EXPECT_TRUE(is_template_metadata_title(normalize_title("0.1 Template Metadata").text));
}

}  // namespace
}  // namespace specgate
