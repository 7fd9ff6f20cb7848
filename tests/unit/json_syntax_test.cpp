// json_syntax_error must report exactly what json::parse throws (message and position), for
// valid and broken texts alike: code-block-syntax turns it into a finding.
#include "core/json_syntax.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace {

struct Thrown {
  bool threw = false;
  bool syntax = false;
  size_t byte = 0;
  std::string what;
};

Thrown parse_and_catch(const std::string& text) {
  Thrown t;
  try {
    const nlohmann::json value = nlohmann::json::parse(text);
    (void)value;
  } catch (const nlohmann::json::parse_error& e) {
    t = {true, true, e.byte, e.what()};
  } catch (const std::exception& e) {
    t = {true, false, 0, e.what()};
  }
  return t;
}

void expect_same(const std::string& text) {
  const Thrown want = parse_and_catch(text);
  const auto got = specgate::json_syntax_error(text);
  ASSERT_EQ(got.has_value(), want.threw) << text;
  if (!got) return;
  EXPECT_EQ(got->syntax, want.syntax) << text;
  EXPECT_EQ(got->byte, want.byte) << text;
  EXPECT_EQ(got->what, want.what) << text;
}

}  // namespace

TEST(JsonSyntax, SameVerdictAndMessageAsParse) {
  for (const char* text : {"", " ", "{}", "[]", "{\"a\": 1}", "{\"a\": [1, 2, {\"b\": null}]}", "{\"a\": 1,}",
                           "{\n  \"a\": \"x\",\n  \"b\": ...\n}", "[1, 2", "{\"a\" 1}", "tru", "\"unterminated",
                           "{} {}", "// comment\n{}", "1e999", "-", "[1e400]", "{\"a\": \"\\u12\"}", "\xFF",
                           "{\"k\": \"v\"}\n{\"k\": \"w\"}", "  [\n\t1,\n\t2\n]  "}) {
    expect_same(text);
  }
}

TEST(JsonSyntax, EveryPrefixOfADocument) {
  // Every cut of a valid document is a different place to fail.
  const std::string doc = "{\"name\": \"x\", \"list\": [1, -2.5e3, true, null, {\"deep\": [\"\\n\"]}], \"n\": 0}";
  for (size_t n = 0; n <= doc.size(); ++n) expect_same(doc.substr(0, n));
}
