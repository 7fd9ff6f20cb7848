// The ER model filled by the validator's grammar (mermaid::parse_er): entities, attributes,
// relationships with both cardinalities, checked statement by statement and on the corpus.
#include <gtest/gtest.h>

#include <string>

#include "mermaid/er_model.h"
#include "support/mermaid_corpus.h"

using namespace specgate::mermaid;

namespace {

TEST(ErModel, EntitiesAttributesAndRelations) {
  ErParse p = parse_er(
      "erDiagram\n"
      "  direction LR\n"
      "  CUSTOMER ||--o{ ORDER : places\n"
      "  ORDER ||--|{ \"LINE-ITEM\" : \"contains many\"\n"
      "  CUSTOMER }|..|| DELIVERY-ADDRESS : uses\n"
      "  p[Person] {\n"
      "    string firstName PK, FK \"the given name\"\n"
      "    List~int~ scores\n"
      "  }\n"
      "  ORDER:::urgent\n");
  ASSERT_TRUE(p.result.valid);
  const ErModel& m = p.model;
  EXPECT_EQ(m.direction, "LR");
  ASSERT_EQ(m.entities.size(), 5u);
  EXPECT_EQ(m.entities[0].id, "CUSTOMER");
  EXPECT_EQ(m.entities[1].id, "ORDER");
  EXPECT_EQ(m.entities[2].id, "LINE-ITEM");
  EXPECT_EQ(m.entities[3].id, "DELIVERY-ADDRESS");
  EXPECT_EQ(m.entities[4].id, "p");
  EXPECT_EQ(m.entities[4].label, "Person");
  ASSERT_EQ(m.entities[4].attributes.size(), 2u);
  const ErAttribute& a = m.entities[4].attributes[0];
  EXPECT_EQ(a.type, "string");
  EXPECT_EQ(a.name, "firstName");
  EXPECT_EQ(a.keys, (std::vector<std::string>{"PK", "FK"}));
  EXPECT_EQ(a.comment, "the given name");
  EXPECT_EQ(m.entities[4].attributes[1].type, "List<int>");
  EXPECT_EQ(m.entities[1].classes, (std::vector<std::string>{"urgent"}));
  ASSERT_EQ(m.relations.size(), 3u);
  EXPECT_EQ(m.relations[0].a, "CUSTOMER");
  EXPECT_EQ(m.relations[0].b, "ORDER");
  EXPECT_EQ(m.relations[0].card_a, ErCardinality::ExactlyOne);
  EXPECT_EQ(m.relations[0].card_b, ErCardinality::ZeroOrMore);
  EXPECT_TRUE(m.relations[0].identifying);
  EXPECT_EQ(m.relations[0].label, "places");
  EXPECT_EQ(m.relations[1].card_b, ErCardinality::OneOrMore);
  EXPECT_EQ(m.relations[1].label, "contains many");
  EXPECT_EQ(m.relations[2].card_a, ErCardinality::OneOrMore);
  EXPECT_FALSE(m.relations[2].identifying);
  EXPECT_EQ(m.relations[2].line, 5u);
}

TEST(ErModel, WordCardinalities) {
  ErParse p = parse_er("erDiagram\nA one or zero to zero or more B : has\nC only one optionally to one or more D : x\n");
  ASSERT_TRUE(p.result.valid);
  ASSERT_EQ(p.model.relations.size(), 2u);
  EXPECT_EQ(p.model.relations[0].card_a, ErCardinality::ZeroOrOne);
  EXPECT_EQ(p.model.relations[0].card_b, ErCardinality::ZeroOrMore);
  EXPECT_TRUE(p.model.relations[0].identifying);
  EXPECT_EQ(p.model.relations[1].card_a, ErCardinality::ExactlyOne);
  EXPECT_EQ(p.model.relations[1].card_b, ErCardinality::OneOrMore);
  EXPECT_FALSE(p.model.relations[1].identifying);
}

TEST(ErModel, ClassDefsAndStyles) {
  ErParse p = parse_er(
      "erDiagram\n"
      "  A ||--o{ B : has\n"
      "  classDef hot,warm fill:#f96,stroke:#333\n"
      "  classDef hot color:#fff\n"
      "  style A fill:#000\n"
      "  style A,B stroke-width:2px\n"
      "  style Ghost fill:#111\n");
  ASSERT_TRUE(p.result.valid) << p.result.diagnostics.front().message;
  EXPECT_EQ(p.model.class_defs.at("hot"), "fill:#f96,stroke:#333,color:#fff");
  EXPECT_EQ(p.model.class_defs.at("warm"), "fill:#f96,stroke:#333");
  EXPECT_EQ(p.model.entities[0].style, "fill:#000,stroke-width:2px");
  EXPECT_EQ(p.model.entities[1].style, "stroke-width:2px");
  // As Mermaid's addCssStyles: a style for an entity that does not exist creates nothing.
  EXPECT_EQ(p.model.find("Ghost"), -1);
}

TEST(ErModel, InvalidGivesTheVerdictAndNoModel) {
  ErParse p = parse_er("erDiagram\nA ||--o{ B\n");
  EXPECT_FALSE(p.result.valid);
  EXPECT_TRUE(p.model.entities.empty());
}

// Every ER diagram Mermaid accepted: valid, and every relationship names known entities.
TEST(ErModel, Corpus) {
  using specgate::test::Seeds;
  const size_t checked =
      specgate::test::for_each_corpus_diagram("erDiagram", Seeds::kWithout, [](const std::string& src) {
        ErParse p = parse_er(src);
        ASSERT_TRUE(p.result.valid);
        EXPECT_FALSE(p.model.entities.empty());
        for (const ErRelation& r : p.model.relations) {
          EXPECT_GE(p.model.find(r.a), 0);
          EXPECT_GE(p.model.find(r.b), 0);
        }
      });
  if (checked == 0) GTEST_SKIP() << "no ../shared corpus";
}

}  // namespace
