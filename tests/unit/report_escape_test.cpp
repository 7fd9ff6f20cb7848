#include "report/escape.h"

#include <gtest/gtest.h>

using namespace specgate::report;

namespace {
const std::string kRepl = "\xEF\xBF\xBD";  // U+FFFD
}

TEST(ReportEscape, DecodeUtf8MatchesSourceColumns) {
  size_t len = 0;
  EXPECT_EQ(decode_utf8("\xC3\xA9", 0, len), 0xE9u);
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(decode_utf8("\xF0\x9F\x98\x80", 0, len), 0x1F600u);
  EXPECT_EQ(len, 4u);
  // Truncated and overlong sequences are one replacement character per byte.
  EXPECT_EQ(decode_utf8("\xE2\x82", 0, len), kReplacementChar);
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(decode_utf8("\xC0\xAF", 0, len), kReplacementChar);
  EXPECT_EQ(len, 1u);
}

TEST(ReportEscape, ValidUtf8ReplacesOnlyBadBytes) {
  EXPECT_EQ(valid_utf8("caf\xC3\xA9 \xE7\x8A\xB6"), "caf\xC3\xA9 \xE7\x8A\xB6");
  EXPECT_EQ(valid_utf8("a\xFF" "b"), "a" + kRepl + "b");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), kRepl + kRepl);
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), kRepl + kRepl + kRepl);  // a UTF-16 surrogate
}

TEST(ReportEscape, TerminalSafeNeutralisesEscapes) {
  EXPECT_EQ(terminal_safe("a\x1b[31mb"), "a" + kRepl + "[31mb");
  EXPECT_EQ(terminal_safe("one\ntwo\r\tthree"), "one two  three");
  EXPECT_EQ(terminal_safe("x\xE2\x80\xAEy"), "x" + kRepl + "y");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(terminal_safe("\xC2\x9B"), kRepl);                     // C1 CSI
  EXPECT_EQ(terminal_safe("plain \xE2\x9C\x85"), "plain \xE2\x9C\x85");
}

TEST(ReportEscape, GithubData) {
  EXPECT_EQ(github_escape_data("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
  EXPECT_EQ(github_escape_data("%0A is literal"), "%250A is literal");
  EXPECT_EQ(github_escape_data(""), "");
}

TEST(ReportEscape, GithubProperty) {
  EXPECT_EQ(github_escape_property("dir/a, b:c%.md"), "dir/a%2C b%3Ac%25.md");
  EXPECT_EQ(github_escape_property("x\ny"), "x%0Ay");
  EXPECT_EQ(github_escape_property("::error::"), "%3A%3Aerror%3A%3A");
}

TEST(ReportEscape, XmlText) {
  EXPECT_EQ(xml_escape("a < b && c > \"d\" 'e'", false), "a &lt; b &amp;&amp; c &gt; \"d\" 'e'");
  EXPECT_EQ(xml_escape("line1\n\tline2", false), "line1\n\tline2");
  EXPECT_EQ(xml_escape("cr\r", false), "cr&#13;");
}

TEST(ReportEscape, XmlAttribute) {
  EXPECT_EQ(xml_escape("\"q\" & 'a' <b>", true), "&quot;q&quot; &amp; &apos;a&apos; &lt;b&gt;");
  EXPECT_EQ(xml_escape("a\nb\tc", true), "a&#10;b&#9;c");
}

TEST(ReportEscape, XmlDropsCharactersXml10CannotHold) {
  EXPECT_EQ(xml_escape("a\x01\x08\x0B\x0C\x1F" "b", false), "ab");
  EXPECT_EQ(xml_escape("\x1b[0m", true), "[0m");
  EXPECT_EQ(xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz", false), "xyz");     // U+FFFE, U+FFFF
  EXPECT_EQ(xml_escape("bad\xFF", false), "bad" + kRepl);                  // repaired, not dropped
  EXPECT_EQ(xml_escape("\xF0\x9F\x98\x80 \xE7\x8A\xB6", false), "\xF0\x9F\x98\x80 \xE7\x8A\xB6");
}

TEST(ReportEscape, PathToUriRelative) {
  EXPECT_EQ(path_to_uri("specs/a.md"), "specs/a.md");
  EXPECT_EQ(path_to_uri("./specs/a.md"), "specs/a.md");
  EXPECT_EQ(path_to_uri(".//x.md"), "x.md");
  EXPECT_EQ(path_to_uri("../up/a-b_c~d.md"), "../up/a-b_c~d.md");
  EXPECT_EQ(path_to_uri("my specs/100%.md"), "my%20specs/100%25.md");
  EXPECT_EQ(path_to_uri("a#b?c[d].md"), "a%23b%3Fc%5Bd%5D.md");
  EXPECT_EQ(path_to_uri("d/\xC3\xBC.md"), "d/%C3%BC.md");
  // A colon in the first segment would make the path read as a URI scheme.
  EXPECT_EQ(path_to_uri("c:notes.md"), "c%3Anotes.md");
  EXPECT_EQ(path_to_uri("back\\slash.md"), "back%5Cslash.md");
}

TEST(ReportEscape, PathToUriAbsolute) {
  EXPECT_EQ(path_to_uri("/home/me/spec 1.md"), "file:///home/me/spec%201.md");
  EXPECT_EQ(path_to_uri("C:/work/a.md"), "file:///C:/work/a.md");
}

TEST(ReportEscape, CountNoun) {
  EXPECT_EQ(count_noun(0, "file", "files"), "0 files");
  EXPECT_EQ(count_noun(1, "file", "files"), "1 file");
  EXPECT_EQ(count_noun(12, "error", "errors"), "12 errors");
}

TEST(TerminalSafe, EveryByteAtEveryPositionOfTheWordScan) {
  // Printable ASCII is copied eight bytes at a time: one other byte anywhere in those words must
  // still be seen. Each byte value, alone, at each position of a 20-byte printable line.
  const std::string repl = "\xEF\xBF\xBD";
  for (int b = 0; b < 256; ++b) {
    for (size_t pos = 0; pos < 20; ++pos) {
      std::string line(20, 'x');
      for (size_t i = 0; i < line.size(); ++i) line[i] = static_cast<char>('A' + i);
      const std::string before = line.substr(0, pos), after = line.substr(pos + 1);
      line[pos] = static_cast<char>(b);
      std::string want;
      if (b == '\t' || b == '\n' || b == '\r') want = before + " " + after;
      else if (b < 0x20 || b >= 0x7F) want = before + repl + after;
      else want = line;
      ASSERT_EQ(specgate::report::terminal_safe(line), want) << "byte " << b << " at " << pos;
    }
  }
}

TEST(TerminalSafe, PrintablePrefixStopsAtTheFirstOtherByte) {
  // Read 16, then 8, then 1 byte at a time: each byte value at each position of a 40-byte line,
  // alone and after an earlier non-printable byte (the first one counts).
  for (int b = 0; b < 256; ++b) {
    const bool printable = b >= 0x20 && b < 0x7F;
    for (size_t pos = 0; pos < 40; ++pos) {
      std::string line(40, '~');
      line[pos] = static_cast<char>(b);
      ASSERT_EQ(specgate::report::printable_ascii_prefix(line), printable ? line.size() : pos) << b << " " << pos;
      if (pos + 3 < line.size()) {
        line[pos + 3] = '\x7F';
        ASSERT_EQ(specgate::report::printable_ascii_prefix(line), printable ? pos + 3 : pos) << b << " " << pos;
      }
    }
  }
  EXPECT_EQ(specgate::report::printable_ascii_prefix(""), 0u);
}
