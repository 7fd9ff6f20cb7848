// The Python-compatible JSON layer: json.loads semantics in, json.dumps(indent=2,
// sort_keys=True) bytes out. Expected strings are what CPython 3.11 prints for the same input.
#include "template_metadata/py_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace pyjson = specgate::pyjson;
namespace pytext = specgate::pytext;

namespace {

// json.dumps(json.loads(text), indent=2, sort_keys=True), or "ERROR: <message>".
std::string roundtrip(std::string_view utf8) {
  const std::u32string cps = pytext::decode(utf8).cps;
  pyjson::ParseResult r = pyjson::parse(cps, {0, cps.size()});
  if (!r.ok) return "ERROR: " + r.error;
  return pyjson::dump(r.value);
}

}  // namespace

TEST(PyJsonFloat, ReprLayout) {
  EXPECT_EQ(pyjson::format_float(1.0), "1.0");
  EXPECT_EQ(pyjson::format_float(-0.0), "-0.0");
  EXPECT_EQ(pyjson::format_float(0.0), "0.0");
  EXPECT_EQ(pyjson::format_float(0.1), "0.1");
  EXPECT_EQ(pyjson::format_float(1e16), "1e+16");
  EXPECT_EQ(pyjson::format_float(1e15), "1000000000000000.0");
  EXPECT_EQ(pyjson::format_float(0.0001), "0.0001");
  EXPECT_EQ(pyjson::format_float(0.00001), "1e-05");
  EXPECT_EQ(pyjson::format_float(2.5e-7), "2.5e-07");
  EXPECT_EQ(pyjson::format_float(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(pyjson::format_float(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(pyjson::format_float(5e-324), "5e-324");
  EXPECT_EQ(pyjson::format_float(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(pyjson::format_float(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(pyjson::format_float(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(PyJsonNumbers, IntsStayExactFloatsFollowPython) {
  EXPECT_EQ(roundtrip("[1, -0, 0, 12345678901234567890123456789, -42]"),
            "[\n  1,\n  0,\n  0,\n  12345678901234567890123456789,\n  -42\n]");
  EXPECT_EQ(roundtrip("[1.0, 1e5, 1E400, -1e400, 1e-400, -1e-400, 1.50]"),
            "[\n  1.0,\n  100000.0,\n  Infinity,\n  -Infinity,\n  0.0,\n  -0.0,\n  1.5\n]");
  EXPECT_EQ(roundtrip("[NaN, Infinity, -Infinity]"), "[\n  NaN,\n  Infinity,\n  -Infinity\n]");
}

TEST(PyJsonNumbers, MalformedNumbersAreErrors) {
  EXPECT_EQ(roundtrip("[01]"), "ERROR: Expecting ',' delimiter");
  EXPECT_EQ(roundtrip("[1.]"), "ERROR: Expecting ',' delimiter");
  EXPECT_EQ(roundtrip("[1e]"), "ERROR: Expecting ',' delimiter");
  EXPECT_EQ(roundtrip("[.5]"), "ERROR: Expecting value");
  EXPECT_EQ(roundtrip("[-]"), "ERROR: Expecting value");
  EXPECT_EQ(roundtrip("[-Inf]"), "ERROR: Expecting value");
}

TEST(PyJsonStrings, EscapingMatchesEnsureAscii) {
  // é and the emoji as literal UTF-8; the writer escapes non-ASCII (astral as a surrogate pair),
  // DEL and control characters, and leaves '/' alone.
  EXPECT_EQ(roundtrip("[\"caf\xC3\xA9 \xF0\x9F\x98\x80\", \"a/b\", \"\x7F\", \"q\\\"b\\\\\"]"),
            "[\n  \"caf\\u00e9 \\ud83d\\ude00\",\n  \"a/b\",\n  \"\\u007f\",\n  \"q\\\"b\\\\\"\n]");
  EXPECT_EQ(roundtrip("[\"\\b\\f\\n\\r\\t\\/\\u0001\\u00E9\"]"),
            "[\n  \"\\b\\f\\n\\r\\t/\\u0001\\u00e9\"\n]");
}

TEST(PyJsonStrings, SurrogatesPairOrStayLone) {
  EXPECT_EQ(roundtrip("[\"\\ud83d\\ude00\", \"\\ud83d\", \"\\ude00x\", \"\\ud83d\\u0041\"]"),
            "[\n  \"\\ud83d\\ude00\",\n  \"\\ud83d\",\n  \"\\ude00x\",\n  \"\\ud83dA\"\n]");
}

TEST(PyJsonStrings, StrictStringErrors) {
  EXPECT_EQ(roundtrip("[\"a\tb\"]"), "ERROR: Invalid control character at");
  EXPECT_EQ(roundtrip("[\"\\x\"]"), "ERROR: Invalid \\escape");
  EXPECT_EQ(roundtrip("[\"\\u12\"]"), "ERROR: Invalid \\uXXXX escape");
  EXPECT_EQ(roundtrip("[\"abc"), "ERROR: Unterminated string starting at");
}

TEST(PyJsonObjects, SortedKeysLastDuplicateWinsNestedIndent) {
  EXPECT_EQ(roundtrip("{\"b\": 1, \"a\": {\"z\": [], \"y\": {}}, \"b\": 2, \"\\u00e9\": true, \"Z\": null}"),
            "{\n  \"Z\": null,\n  \"a\": {\n    \"y\": {},\n    \"z\": []\n  },\n  \"b\": 2,\n"
            "  \"\\u00e9\": true\n}");
}

TEST(PyJsonObjects, SyntaxErrors) {
  EXPECT_EQ(roundtrip("{a: 1}"), "ERROR: Expecting property name enclosed in double quotes");
  EXPECT_EQ(roundtrip("{\"a\" 1}"), "ERROR: Expecting ':' delimiter");
  EXPECT_EQ(roundtrip("{\"a\": 1,}"), "ERROR: Expecting property name enclosed in double quotes");
  EXPECT_EQ(roundtrip("{\"a\": 1} {}"), "ERROR: Extra data");
  EXPECT_EQ(roundtrip("{\"a\": 1"), "ERROR: Expecting ',' delimiter");
  // JSON whitespace is only space, tab, CR and LF; a no-break space is not.
  EXPECT_EQ(roundtrip("{\xC2\xA0}"), "ERROR: Expecting property name enclosed in double quotes");
}

TEST(PyJsonObjects, DeepNestingIsAnErrorNotACrash) {
  std::string deep(100000, '[');
  EXPECT_EQ(roundtrip(deep), "ERROR: Nesting is too deep");
  std::string ok = std::string(50, '[') + std::string(50, ']');
  EXPECT_EQ(roundtrip(ok).substr(0, 4), "[\n  ");
}

TEST(PyJsonParse, ErrorPositionAndStringTokens) {
  const std::u32string cps = pytext::decode("{\"a\": \"x\", \"b\": [\"y\\n\"], \"c\": 1 2}").cps;
  pyjson::ParseResult r = pyjson::parse(cps, {0, cps.size()});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_at, cps.find(U'2'));
  ASSERT_EQ(r.strings.size(), 2u);  // keys are not listed
  EXPECT_EQ(r.strings[0].value, "x");
  EXPECT_TRUE(r.strings[0].verbatim);
  EXPECT_EQ(r.strings[1].value, "y\n");
  EXPECT_FALSE(r.strings[1].verbatim);
  EXPECT_EQ(r.strings[1].at, cps.find(U'y') - 1);
}

TEST(PyText, DecodeReplacesLikeCPython) {
  // Maximal-subpart replacement, as bytes.decode("utf-8", "replace").
  auto decoded = [](std::string_view b) { return pytext::decode(b).cps; };
  EXPECT_EQ(decoded("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decoded("\xE2\x82x"), U"\uFFFDx");
  EXPECT_EQ(decoded("\xF0\x9F\x98"), U"\uFFFD");
  EXPECT_EQ(decoded("\xC0\xAF"), U"\uFFFD\uFFFD");
  EXPECT_EQ(decoded("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decoded("\xEF\xBB\xBF#"), U"\uFEFF#");
  // Universal newlines.
  pytext::Text t = pytext::decode("a\rb\r\nc\n");
  EXPECT_EQ(t.cps, U"a\nb\nc\n");
  EXPECT_EQ(t.offsets, (std::vector<uint32_t>{0, 1, 2, 3, 5, 6}));
}

TEST(PyText, SplitlinesAndStripUseUnicodeRules) {
  const std::u32string s = U"a\x0B" U"b\x0C" U"c\x1C" U"d\x85" U"e\u2028f\u2029g\x1Fh";
  auto lines = pytext::splitlines(s, {0, s.size()});
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(pytext::to_utf8(s, lines[6]), "g\x1Fh");
  const std::u32string padded = U"\u00A0\u3000 x \u2009";
  EXPECT_EQ(pytext::to_utf8(padded, pytext::strip(padded, {0, padded.size()})), "x");
  EXPECT_FALSE(pytext::is_space(0xFEFF));
  EXPECT_TRUE(pytext::is_word(U'\u00E9'));
  EXPECT_FALSE(pytext::is_word(U':'));
}
