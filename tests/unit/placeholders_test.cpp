#include "schema/placeholders.h"

#include <gtest/gtest.h>

#include "support/lcg.h"

using namespace specgate;

namespace {

std::vector<std::string> hits(std::string_view line) {
  std::vector<std::string> out;
  for (const auto& h : find_placeholders(line)) out.emplace_back(h.text(line));
  return out;
}

}  // namespace

TEST(Placeholders, TemplateForms) {
  EXPECT_EQ(hits("# TASK-XXX: [Technical Task Title]"), (std::vector<std::string>{"TASK-XXX", "[Technical Task Title]"}));
  EXPECT_EQ(hits("**Owner:** <name>"), (std::vector<std::string>{"<name>"}));
  EXPECT_EQ(hits("**Related PRD:** <link or \"N/A\">"), (std::vector<std::string>{"<link or \"N/A\">"}));
  EXPECT_EQ(hits("**Last Updated**: YYYY-MM-DD"), (std::vector<std::string>{"YYYY-MM-DD"}));
  EXPECT_EQ(hits("**Assignee**: TBD"), (std::vector<std::string>{"TBD"}));
  EXPECT_EQ(hits("# ARCH-SUPER-X: Name"), (std::vector<std::string>{"ARCH-SUPER-X"}));
  EXPECT_EQ(hits("### Specification Phase (X hours)"), (std::vector<std::string>{"X hours"}));
  EXPECT_EQ(hits("Title: {feature_name} rollout"), (std::vector<std::string>{"{feature_name}"}));
  EXPECT_EQ(hits("**Spec ID:** SPEC-[EPIC-XXX]"), (std::vector<std::string>{"[EPIC-XXX]"}));
}

TEST(Placeholders, NotPlaceholders) {
  for (std::string_view line : {
           "see [the plan](plan.md) and [ref][1] and [^note]",
           "- [ ] open item", "- [x] done item", "[ref]: https://example.com",
           "a citation [12] and an index arr[0] and a type string[]",
           "<br> <details> </summary> <img src=\"a.png\"> <a href=\"x\">",
           "<https://example.com> <mailto:a@b.c> <ops@example.com>",
           "latency < 200 ms and > 5 ms; a <= b; x <- y",
           "Vec<String> and Map<K, V> are types",
           "> [!NOTE]",
           "variables: [bank_connection, period] and [1, 2, 3]",
           "| PM | [AGREE] | ok |",
           "GET /users/{username} and ${HOME} and {{mustache}}",
           "the message \"signed by {SignerName}\" is shown",
           "the stub \"TODO: implement\" must go; add a TODO comment",
           "TBDX and XTBD and todo are words",
           "[[Wiki Link]]",
       }) {
    EXPECT_TRUE(hits(line).empty()) << line << " -> " << (hits(line).empty() ? "" : hits(line)[0]);
  }
}

TEST(Placeholders, EscapedOpenersOnlyWhereEscaped) {
  // A line with a backslash is scanned character by character, one without jumps between
  // openers: both must find the same forms.
  const std::vector<std::string> both{"[Name]", "<value>"};
  EXPECT_EQ(hits("see [Name] and <value>"), both);
  EXPECT_EQ(hits("see [Name] and <value> in C:\\dir"), both);
  EXPECT_EQ(hits("see \\[Name] and \\<value>"), std::vector<std::string>{});
  EXPECT_EQ(hits("see \\[Name] and <value>"), std::vector<std::string>{"<value>"});
  EXPECT_EQ(hits("[a] [Name] [[Wiki]] [Other Name] x<y <value>"),
            (std::vector<std::string>{"[Name]", "[Other Name]", "<value>"}));
}

TEST(Placeholders, FormsRightAfterOrdinaryWords) {
  // The scan steps over capitalised words whole: what follows them, at any separator, is still seen.
  EXPECT_EQ(hits("Then TBD, Owner-TASK-XXX and Later {name}"), (std::vector<std::string>{"TBD", "TASK-XXX", "{name}"}));
  EXPECT_EQ(hits("Estimate.X hours;Due:YYYY-MM-DD"), (std::vector<std::string>{"X hours", "YYYY-MM-DD"}));
  EXPECT_EQ(hits("Tbd Todo Xy days Nope Yes"), std::vector<std::string>{});
  EXPECT_EQ(hits("Ticket EPIC-XXX"), (std::vector<std::string>{"EPIC-XXX"}));
}

TEST(Placeholders, CodeSpansAreMarked) {
  auto h = find_placeholders("use `<name>` here and <real>");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_TRUE(h[0].in_code);
  EXPECT_FALSE(h[1].in_code);
  PlaceholderOptions no_code;
  no_code.code_spans = false;
  EXPECT_EQ(find_placeholders("use `<name>` here", no_code).size(), 0u);
}

TEST(Placeholders, HostileInputIsBounded) {
  std::string brackets(100000, '[');
  std::string angles(100000, '<');
  EXPECT_TRUE(find_placeholders(brackets).empty());
  EXPECT_TRUE(find_placeholders(angles).empty());
  std::string ticks(50000, '`');
  EXPECT_TRUE(code_span_ranges(ticks).empty());
}

TEST(Placeholders, NextFormStartMatchesAByteByByteScan) {
  // The word scan skips eight bytes at a time; it must stop exactly where a plain loop would,
  // whatever the bytes (high bytes, neighbours of 'A'..'Z' and '{', word boundaries).
  auto naive = [](std::string_view s, size_t from) {
    for (size_t i = from; i < s.size(); ++i) {
      if ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '{') return i;
    }
    return s.size();
  };
  const std::string alphabet = std::string("@AZ[`az{|z\x7F\x80\xC1\xDA\xFB\xFF \t0-") + '\0';
  specgate::test::Lcg rng(12345);
  for (int round = 0; round < 2000; ++round) {
    const size_t len = rng.below(40);
    std::string s;
    for (size_t k = 0; k < len; ++k) {
      // Mostly lowercase prose, with the interesting bytes sprinkled in.
      const size_t r = rng.below(100);
      s += r < 80 ? static_cast<char>('a' + r % 26) : alphabet[r % alphabet.size()];
    }
    for (size_t from = 0; from <= s.size(); ++from) ASSERT_EQ(next_form_start(s, from), naive(s, from)) << round;
  }
  for (int b = 0; b < 256; ++b) {
    const std::string s = std::string(9, 'x') + static_cast<char>(b) + std::string(7, 'x');
    ASSERT_EQ(next_form_start(s, 0), naive(s, 0)) << b;
  }
  // Two bytes in one word, every pair of values, either order and distance: the scan stops at the
  // first flagged byte of a word, which must be the first real one. A 17-byte line is read 16
  // bytes at a time where the machine can, a 9-byte line 8 bytes at a time.
  for (size_t len : {17u, 9u}) {
    const size_t base = len - 9;
    for (size_t p : {1u, 4u}) {
      for (size_t q : {p + 1, size_t{7}}) {
        for (int b1 = 0; b1 < 256; ++b1) {
          for (int b2 = 0; b2 < 256; ++b2) {
            std::string s(len, 'x');
            s[base + p] = static_cast<char>(b1);
            s[base + q] = static_cast<char>(b2);
            ASSERT_EQ(next_form_start(s, 0), naive(s, 0)) << b1 << " " << b2 << " " << p << " " << q << " " << len;
          }
        }
      }
    }
  }
}

TEST(Placeholders, Notation) {
  // Lowercase comma lists, file-name pattern variables and the marker named as a thing.
  EXPECT_TRUE(hits("a state vector: [spot price, variance].").empty());
  EXPECT_TRUE(hits("one page per class, {Class}.spec.md, beside the index").empty());
  EXPECT_TRUE(hits("write the TBD placeholder Purpose, then a TODO marker").empty());
  // Slots that only look alike.
  EXPECT_EQ(hits("| [e.g., 4th project] |"), (std::vector<std::string>{"[e.g., 4th project]"}));
  EXPECT_EQ(hits("[First Name, Last Name]"), (std::vector<std::string>{"[First Name, Last Name]"}));
  EXPECT_EQ(hits("Title: {feature_name} rollout"), (std::vector<std::string>{"{feature_name}"}));
}

TEST(Placeholders, QuotedHitsAreMarked) {
  const std::string line = "[Owner] prints \"Command '<name>' failed\" and \xE2\x80\x9C[slot]\xE2\x80\x9D";
  const auto found = find_placeholders(line);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_FALSE(found[0].in_quotes);
  EXPECT_TRUE(found[1].in_quotes);
  EXPECT_TRUE(found[2].in_quotes);
}
