// yaml_syntax_error: yaml-cpp's verdict and position, and an end where yaml-cpp has none.
#include <gtest/gtest.h>

#include <string>

#include "core/yaml_syntax.h"

using specgate::yaml_syntax_error;

TEST(YamlSyntax, ValidTextsIncludingManyDocuments) {
  EXPECT_FALSE(yaml_syntax_error("a: 1\nb: [x, y]\n"));
  EXPECT_FALSE(yaml_syntax_error("note: one, two\n"));
  EXPECT_FALSE(yaml_syntax_error(""));
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "---\nk: " + std::to_string(i) + "\n";
  EXPECT_FALSE(yaml_syntax_error(many));
  std::string bare;  // every line a document: the most a text can hold
  for (int i = 0; i < 500; ++i) bare += "---\n";
  EXPECT_FALSE(yaml_syntax_error(bare));
}

TEST(YamlSyntax, ParserErrorsKeepTheirPosition) {
  auto e = yaml_syntax_error("service: search\n  replicas: 3\n");
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->located);
  EXPECT_EQ(e->line, 1u);
  EXPECT_EQ(e->column, 10u);
  EXPECT_EQ(e->message, "illegal map value");
}

TEST(YamlSyntax, AStrayCommaEndsInsteadOfLoopingForever) {
  // yaml-cpp 0.7 reports empty documents at these commas without end (a fuzzing find: memory
  // grew until the process was killed).
  for (const char* text : {",", "[a], b", "x: 1\n---\n[a, b], c\n"}) {
    auto e = yaml_syntax_error(text);
    ASSERT_TRUE(e) << text;
    EXPECT_EQ(e->message, "',' outside a [ ] or { } list") << text;
  }
  auto e = yaml_syntax_error("x: 1\n---\n[a, b], c\n");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->line, 2u);
  EXPECT_EQ(e->column, 6u);
}
