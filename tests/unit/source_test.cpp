#include "core/source.h"

#include <gtest/gtest.h>

#include "support/lcg.h"

using specgate::SourceText;

TEST(SourceText, LinesAndColumnsLF) {
  SourceText s("a.md", "ab\ncd\n\nef");
  EXPECT_EQ(s.line_count(), 4u);
  EXPECT_EQ(s.line(2), "cd");
  EXPECT_EQ(s.line(3), "");
  EXPECT_EQ(s.line(4), "ef");
  EXPECT_EQ(s.location_of(4).line, 2u);
  EXPECT_EQ(s.location_of(4).column, 2u);
}

TEST(SourceText, CRLFGivesSameLinesAsLF) {
  SourceText lf("a.md", "x\ny z\n");
  SourceText crlf("a.md", "x\r\ny z\r\n");
  ASSERT_EQ(lf.line_count(), crlf.line_count());
  EXPECT_EQ(crlf.line(2), "y z");
  EXPECT_EQ(crlf.location_of(crlf.text().find('z')).column, 3u);
}

TEST(SourceText, BomIsNotAColumn) {
  SourceText s("a.md", "\xEF\xBB\xBF# T\n");
  EXPECT_EQ(s.line(1), "# T");
  EXPECT_EQ(s.location_of(s.text().find('T')).column, 3u);
}

TEST(SourceText, ColumnsCountCharactersAndInvalidBytesOnce) {
  // "é" is two bytes, one character; 0xFF is an invalid byte, one character.
  SourceText s("a.md", "\xC3\xA9x \xFFy");
  EXPECT_EQ(s.location_of(2).column, 2u);  // x
  EXPECT_EQ(s.location_of(5).column, 5u);  // y
  EXPECT_EQ(specgate::count_chars("\xE2\x9C\x85 ok"), 4u);
}

// count_chars skips eight ASCII bytes at a time: it must count exactly like a walk over
// utf8_seq_len, wherever the multi-byte and invalid sequences fall relative to those words.
TEST(SourceText, CountCharsMatchesSequenceWalk) {
  const std::string pieces[] = {"a", "bcdefgh", "\xC3\xA9", "\xE2\x9C\x85", "\xF0\x9F\x93\x9A", "\xFF", "\xC3", "\xE2\x9C", " "};
  specgate::test::Lcg rng(12345);
  for (int iter = 0; iter < 3000; ++iter) {
    const std::string s = specgate::test::join_random(rng, pieces, iter % 40);
    size_t walk = 0;
    for (size_t i = 0; i < s.size(); ++walk) i += specgate::utf8_seq_len(s, i);
    ASSERT_EQ(specgate::count_chars(s), walk) << s;
  }
}

// The sixteen-byte ASCII skip in front: one multi-byte or invalid sequence at every position of
// a 48-byte line, so it falls in, across and after each block.
TEST(SourceText, CountCharsWithOneNonAsciiSequenceAnywhere) {
  for (const std::string seq : {"\xC3\xA9", "\xE2\x9C\x85", "\xF0\x9F\x93\x9A", "\xFF", "\xE2\x9C"}) {
    for (size_t at = 0; at <= 48; ++at) {
      std::string s(48, 'x');
      s.insert(at, seq);
      size_t walk = 0;
      for (size_t i = 0; i < s.size(); ++walk) i += specgate::utf8_seq_len(s, i);
      ASSERT_EQ(specgate::count_chars(s), walk) << at;
      ASSERT_EQ(specgate::count_chars(std::string_view(s).substr(0, at)), at);
    }
  }
}

TEST(SourceText, LineOfWithAHintAgreesWithTheSearch) {
  // 70 lines of lengths 0 to 6: far hints exercise every galloping step forward.
  std::string long_text;
  for (int l = 0; l < 70; ++l) long_text += std::string(static_cast<size_t>(l * 5 % 7), 'x') + "\n";
  for (std::string text : {std::string(""), std::string("\n"), std::string("a"), std::string("ab\ncd\n\nef"),
                           std::string("x\r\ny\rz\n\n\n"), std::string("\xEF\xBB\xBFone\ntwo\n"), long_text}) {
    SourceText s("a.md", text);
    for (size_t off = 0; off <= text.size() + 2; ++off) {
      for (uint32_t hint = 0; hint <= s.line_count() + 2; ++hint) {
        ASSERT_EQ(s.line_of(off, hint), s.line_of(off)) << "offset " << off << " hint " << hint;
      }
    }
  }
}
