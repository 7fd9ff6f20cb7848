#include "report/excerpt.h"

#include <gtest/gtest.h>

#include <string>

#include "report/escape.h"

using namespace specgate::report;

namespace {

// Display width of rendered text, the way a terminal lays it out.
size_t cells(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0, len = 0; i < s.size(); i += len) w += static_cast<size_t>(char_cells(decode_utf8(s, i, len)));
  return w;
}

size_t caret_cell(const Excerpt& ex) { return ex.marker.find('^'); }

// The text shown from the caret's cell on: what the caret points at.
std::string text_at_caret(const Excerpt& ex) {
  const size_t target = caret_cell(ex);
  size_t w = 0, i = 0, len = 0;
  while (i < ex.text.size() && w < target) {
    w += static_cast<size_t>(char_cells(decode_utf8(ex.text, i, len)));
    i += len;
  }
  // Zero-width characters belong to the character before them.
  while (i < ex.text.size() && char_cells(decode_utf8(ex.text, i, len)) == 0) i += len;
  return ex.text.substr(i);
}

}  // namespace

TEST(ReportExcerpt, AsciiRange) {
  const Excerpt ex = render_excerpt("hello world", 7, 12);
  EXPECT_EQ(ex.text, "hello world");
  EXPECT_EQ(ex.marker, "      ^~~~~");
}

TEST(ReportExcerpt, SingleCaretWithoutRange) {
  EXPECT_EQ(render_excerpt("abc", 2, 0).marker, " ^");
  EXPECT_EQ(render_excerpt("abc", 2, 2).marker, " ^");  // empty range
  EXPECT_EQ(render_excerpt("abc", 3, 1).marker, "  ^");  // backwards range
}

TEST(ReportExcerpt, TabsExpandToStopsOfFour) {
  EXPECT_EQ(render_excerpt("\tx", 2, 0).text, "    x");
  EXPECT_EQ(render_excerpt("\tx", 2, 0).marker, "    ^");
  const Excerpt mid = render_excerpt("ab\tc\td", 5, 6);
  EXPECT_EQ(mid.text, "ab  c   d");
  EXPECT_EQ(mid.marker, "     ^~~");  // the tab after c is three cells wide
}

TEST(ReportExcerpt, WideAndCombiningCharacters) {
  // 状态 are two cells each; the caret under 'o' skips four cells.
  const Excerpt wide = render_excerpt("\xE7\x8A\xB6\xE6\x80\x81ok", 3, 0);
  EXPECT_EQ(wide.marker, "    ^");
  EXPECT_EQ(render_excerpt("\xE7\x8A\xB6\xE6\x80\x81ok", 1, 3).marker, "^~~~");
  // e + COMBINING ACUTE is one cell, two characters.
  const Excerpt comb = render_excerpt("e\xCC\x81x", 3, 0);
  EXPECT_EQ(comb.marker, " ^");
  EXPECT_EQ(text_at_caret(comb), "x");
  // An emoji is two cells.
  EXPECT_EQ(render_excerpt("\xE2\x9C\x85 done", 3, 7).marker, "   ^~~~");
}

TEST(ReportExcerpt, ControlCharactersAndBadBytesTakeOneCell) {
  const Excerpt ex = render_excerpt("a\x1b[1mb\xFFz", 8, 0);
  EXPECT_EQ(ex.text.find('\x1b'), std::string::npos);
  EXPECT_EQ(ex.marker, "       ^");
  EXPECT_EQ(text_at_caret(ex), "z");
}

TEST(ReportExcerpt, ColumnPastTheEnd) {
  EXPECT_EQ(render_excerpt("abc", 4, 0).marker, "   ^");
  EXPECT_EQ(render_excerpt("abc", 40, 45).marker, "   ^");
  EXPECT_EQ(render_excerpt("", 5, 0).marker, "^");
  EXPECT_EQ(render_excerpt("abc", 0, 0).marker, "^");  // no column: the line start
}

TEST(ReportExcerpt, LongLineIsCutAroundTheCaret) {
  std::string line(300, 'a');
  line[149] = 'X';
  const Excerpt ex = render_excerpt(line, 150, 151, 100);
  EXPECT_LE(cells(ex.text), 100u);
  EXPECT_EQ(ex.text.substr(0, 3), "...");
  EXPECT_EQ(ex.text.substr(ex.text.size() - 3), "...");
  EXPECT_EQ(text_at_caret(ex).substr(0, 1), "X");
  EXPECT_EQ(ex.marker.substr(caret_cell(ex)), "^");
}

TEST(ReportExcerpt, LongLineNearItsEndShowsTheEnd) {
  std::string line(300, 'b');
  line.back() = 'Y';
  const Excerpt ex = render_excerpt(line, 300, 0, 100);
  EXPECT_EQ(ex.text.substr(0, 3), "...");
  EXPECT_EQ(ex.text.back(), 'Y');
  EXPECT_EQ(text_at_caret(ex), "Y");
  // Past the end of a long line the caret stays on screen, just after the last character.
  const Excerpt past = render_excerpt(line, 900, 0, 100);
  EXPECT_LE(cells(past.text), 100u);
  EXPECT_EQ(caret_cell(past), cells(past.text));
}

TEST(ReportExcerpt, RangeWiderThanTheWindowIsClipped) {
  const std::string line(400, 'c');
  const Excerpt ex = render_excerpt(line, 10, 390, 100);
  EXPECT_LE(ex.marker.size(), cells(ex.text));
  EXPECT_EQ(ex.marker[caret_cell(ex)], '^');
  EXPECT_EQ(caret_cell(ex), 9u);  // near the start: no left ellipsis needed
}

TEST(ReportExcerpt, NoLineBreaksTheLayout) {
  // Mixed content at every column: the window stays in bounds and the caret on screen.
  const std::string piece = "a\t\xE7\x8A\xB6\xCC\x81\xFF\x1b\xF0\x9F\x98\x80z";
  std::string line;
  for (int i = 0; i < 40; ++i) line += piece;
  const size_t n = [&] { size_t c = 0; for (size_t i = 0, len = 0; i < line.size(); i += len, ++c) decode_utf8(line, i, len); return c; }();
  for (uint32_t col = 1; col <= n + 3; col += 3) {
    const Excerpt ex = render_excerpt(line, col, col + 5, 60);
    ASSERT_LE(cells(ex.text), 60u) << "column " << col;
    ASSERT_LE(caret_cell(ex), cells(ex.text)) << "column " << col;
    ASSERT_EQ(ex.marker.find_first_not_of(' '), caret_cell(ex));
  }
}

TEST(ReportExcerpt, AsciiFastPathMatchesTheGeneralLayout) {
  // Every column and range on lines shorter and longer than the window, at several widths.
  for (size_t len : {0u, 1u, 5u, 60u, 99u, 100u, 101u, 250u}) {
    std::string line;
    for (size_t i = 0; i < len; ++i) line += static_cast<char>('a' + i % 26);
    for (size_t width : {20u, 60u, 100u}) {
      for (uint32_t col = 0; col <= len + 3; ++col) {
        for (uint32_t end : {0u, col, col + 1, col + 7, col + 150}) {
          const Excerpt fast = render_excerpt(line, col, end, width);
          const Excerpt slow = render_excerpt_general(line, col, end, width);
          ASSERT_EQ(fast.text, slow.text) << len << " " << width << " " << col << " " << end;
          ASSERT_EQ(fast.marker, slow.marker) << len << " " << width << " " << col << " " << end;
        }
      }
    }
  }
}

TEST(ReportExcerpt, ReusedExcerptLaysOutLikeAFreshOne) {
  // The text report renders every finding into one Excerpt: nothing of the previous, longer or
  // non-ASCII layout may be left in it.
  const std::string lines[] = {std::string(250, 'x') + "\tend", "short", "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC", "", "a\tb"};
  Excerpt reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& line : lines) {
      for (uint32_t col : {0u, 1u, 3u, 200u, 260u}) {
        render_excerpt(line, col, col + 4, reused, 40);
        const Excerpt fresh = render_excerpt(line, col, col + 4, 40);
        ASSERT_EQ(reused.text, fresh.text) << line << " " << col;
        ASSERT_EQ(reused.marker, fresh.marker) << line << " " << col;
      }
    }
  }
}
