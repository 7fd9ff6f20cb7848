// GitHub heading slugs (github-slugger rules) and document anchors.
#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/document.h"
#include "model/slug.h"
#include "support/lcg.h"

using specgate::github_slug;
using specgate::heading_plain_text;

namespace {

std::string slug_of_title(std::string_view title) { return github_slug(heading_plain_text(title)); }

}  // namespace

TEST(Slug, LowercasesAndJoinsWithDashes) {
  EXPECT_EQ(github_slug("Success Metrics"), "success-metrics");
  EXPECT_EQ(github_slug("API Design"), "api-design");
}

TEST(Slug, DropsPunctuationButKeepsDashAndUnderscore) {
  EXPECT_EQ(github_slug("0) Summary"), "0-summary");
  EXPECT_EQ(github_slug("16b) SLOs and Error Budget (Required or N/A with reason)"),
            "16b-slos-and-error-budget-required-or-na-with-reason");
  EXPECT_EQ(github_slug("snake_case and kebab-case"), "snake_case-and-kebab-case");
  EXPECT_EQ(github_slug("What's new? v1.2!"), "whats-new-v12");
  EXPECT_EQ(github_slug("Data Lifecycle & Retention"), "data-lifecycle--retention");
}

TEST(Slug, EachSpaceBecomesADash) {
  // The em dash goes, the spaces around it stay: GitHub's "a--b".
  EXPECT_EQ(github_slug("Launch \xE2\x80\x94 Rollback"), "launch--rollback");
  EXPECT_EQ(github_slug("a  b"), "a--b");
}

TEST(Slug, RemovesEmojiKeepsLetters) {
  EXPECT_EQ(github_slug("\xF0\x9F\x9A\x80 Launch plan"), "-launch-plan");
  EXPECT_EQ(github_slug("\xE2\x9C\x85 Done"), "-done");
  EXPECT_EQ(github_slug("Caf\xC3\xA9 \xC3\x9C" "ber"), "caf\xC3\xA9-\xC3\xBC" "ber");
  EXPECT_EQ(github_slug("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"), "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST(Slug, HeadingMarkupIsRenderedFirst) {
  EXPECT_EQ(slug_of_title("**Bold** and `code_span`"), "bold-and-code_span");
  EXPECT_EQ(slug_of_title("See [the docs](https://example.com/x_y)"), "see-the-docs");
  EXPECT_EQ(slug_of_title("_Italic_ words"), "italic-words");
  EXPECT_EQ(slug_of_title("keep snake_case_name"), "keep-snake_case_name");
  EXPECT_EQ(slug_of_title("Escaped \\_underscore\\_"), "escaped-_underscore_");
  EXPECT_EQ(slug_of_title("Tag <br/> gone"), "tag--gone");
}

TEST(Slug, PlainHeadingTextIsTheTitleTrimmed) {
  // Titles without markup take a shortcut; with one markup character anywhere, the full walk.
  EXPECT_EQ(specgate::heading_plain_text(" \tRollout plan: phase 2 (EU) \t"), "Rollout plan: phase 2 (EU)");
  EXPECT_EQ(specgate::heading_plain_text(" \tRollout plan: phase 2 (EU) *\t"), "Rollout plan: phase 2 (EU)");
  EXPECT_EQ(specgate::heading_plain_text("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"), "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC");
  EXPECT_EQ(specgate::heading_plain_text("   "), "");
}

TEST(Slug, DuplicatesAreNumbered) {
  specgate::SlugCounter c;
  EXPECT_EQ(c.next("Notes"), "notes");
  EXPECT_EQ(c.next("Notes"), "notes-1");
  EXPECT_EQ(c.next("Notes"), "notes-2");
  EXPECT_EQ(c.next("Notes 1"), "notes-1-1");  // "notes-1" is taken
}

TEST(Slug, DocumentAnchorsIncludeHtmlIds) {
  const std::string md =
      "# Title\n\n## Component: recon-api\n\ntext <a name=\"custom-anchor\"></a>\n\n## Title\n\n"
      "<div id='box'>x</div>\n\n```\n<a name=\"in-code\"></a>\n```\n";
  const auto doc = specgate::build_document(specgate::SourceText("t.md", md));
  const auto anchors = specgate::document_anchors(doc);
  EXPECT_TRUE(anchors.count("title"));
  EXPECT_TRUE(anchors.count("title-1"));
  EXPECT_TRUE(anchors.count("component-recon-api"));
  EXPECT_TRUE(anchors.count("custom-anchor"));
  EXPECT_TRUE(anchors.count("box"));
  EXPECT_FALSE(anchors.count("in-code"));
}

TEST(Slug, DocumentAnchorsNumberRepeatedHeadingsAsGitHubDoes) {
  // SlugCounter keeps only the counts of repeated slugs; the reference is github-slugger's plain
  // bookkeeping, a count for every slug seen. Titles whose slugs collide with numbered ones
  // ("A 1" is "a-1") are the interesting part.
  const std::vector<std::string> titles = {"A", "A 1", "A-1", "A 2", "a", "B", "A 1 1"};
  specgate::test::Lcg rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string md;
    std::unordered_map<std::string, int> occurrences;
    std::unordered_set<std::string> expected;
    const int n = 1 + round % 9;
    for (int i = 0; i < n; ++i) {
      const std::string& t = titles[rng.below(titles.size())];
      md += "## " + t + "\n\n";
      const std::string original = specgate::github_slug(t);
      std::string slug = original;
      while (occurrences.count(slug)) slug = original + "-" + std::to_string(++occurrences[original]);
      occurrences[slug] = 0;
      expected.insert(slug);
    }
    const auto doc = specgate::build_document(specgate::SourceText("t.md", md));
    EXPECT_EQ(specgate::document_anchors(doc), expected) << md;
  }
}
