// The class model filled by the validator's grammar (mermaid::parse_class): classes with
// members, generics, annotations and namespaces; relations with both ends and cardinalities.
#include <gtest/gtest.h>

#include <string>

#include "mermaid/class_model.h"
#include "support/mermaid_corpus.h"

using namespace specgate::mermaid;

namespace {

TEST(ClassModel, ClassesMembersAndRelations) {
  ClassParse p = parse_class(
      "classDiagram\n"
      "  direction RL\n"
      "  class Animal~T~ {\n"
      "    <<abstract>>\n"
      "    +int age\n"
      "    +isMammal() bool\n"
      "  }\n"
      "  class Duck[\"A duck\"]\n"
      "  Animal <|-- Duck : is a\n"
      "  Zoo \"1\" *-- \"many\" Animal : holds\n"
      "  Duck ..> Pond\n"
      "  Duck : +swim()\n"
      "  <<interface>> Pond\n"
      "  note for Duck \"can fly\"\n"
      "  namespace Shapes {\n"
      "    class Square\n"
      "  }\n");
  ASSERT_TRUE(p.result.valid) << p.result.diagnostics[0].message;
  const ClassModel& m = p.model;
  EXPECT_EQ(m.direction, "RL");
  ASSERT_EQ(m.classes.size(), 5u);
  const ClassNode& animal = m.classes[0];
  EXPECT_EQ(animal.id, "Animal");
  EXPECT_EQ(animal.generic, "T");
  EXPECT_EQ(animal.annotations, (std::vector<std::string>{"abstract"}));
  ASSERT_EQ(animal.members.size(), 2u);
  EXPECT_EQ(animal.members[0].text, "+int age");
  EXPECT_FALSE(animal.members[0].method);
  EXPECT_TRUE(animal.members[1].method);
  EXPECT_EQ(m.classes[1].label, "A duck");
  ASSERT_EQ(m.classes[1].members.size(), 1u);
  EXPECT_EQ(m.classes[1].members[0].text, "+swim()");
  EXPECT_EQ(m.classes[2].id, "Zoo");
  EXPECT_EQ(m.classes[3].id, "Pond");
  EXPECT_EQ(m.classes[3].annotations, (std::vector<std::string>{"interface"}));
  EXPECT_EQ(m.classes[4].id, "Square");
  EXPECT_EQ(m.classes[4].name_space, "Shapes");
  ASSERT_EQ(m.relations.size(), 3u);
  EXPECT_EQ(m.relations[0].end_a, ClassEnd::Extension);
  EXPECT_EQ(m.relations[0].end_b, ClassEnd::None);
  EXPECT_EQ(m.relations[0].label, "is a");
  EXPECT_FALSE(m.relations[0].dotted);
  EXPECT_EQ(m.relations[1].card_a, "1");
  EXPECT_EQ(m.relations[1].card_b, "many");
  EXPECT_EQ(m.relations[1].end_a, ClassEnd::Composition);
  EXPECT_TRUE(m.relations[2].dotted);
  EXPECT_EQ(m.relations[2].end_b, ClassEnd::Dependency);
  ASSERT_EQ(m.notes.size(), 1u);
  EXPECT_EQ(m.notes[0].for_class, "Duck");
  EXPECT_EQ(m.notes[0].text, "can fly");
  ASSERT_EQ(m.namespaces.size(), 1u);
  EXPECT_EQ(m.namespaces[0].name, "Shapes");
}

TEST(ClassModel, LollipopInterfaceIsNotAClass) {
  ClassParse p = parse_class("classDiagram\n  Class01 ()-- bar\n");
  ASSERT_TRUE(p.result.valid);
  ASSERT_EQ(p.model.relations.size(), 1u);
  EXPECT_EQ(p.model.relations[0].end_a, ClassEnd::Lollipop);
  ASSERT_EQ(p.model.interfaces.size(), 1u);
  EXPECT_EQ(p.model.interfaces[0].id, "interface0");
  EXPECT_EQ(p.model.interfaces[0].label, "Class01");
  EXPECT_EQ(p.model.relations[0].a, "interface0");
  ASSERT_EQ(p.model.classes.size(), 1u);
  EXPECT_EQ(p.model.classes[0].id, "bar");
}

TEST(ClassModel, ClassDefsAndStyles) {
  ClassParse p = parse_class(
      "classDiagram\n"
      "  class Animal:::warm\n"
      "  class Duck\n"
      "  classDef warm fill:#f96,color:#fff\n"
      "  classDef cold,icy fill:#9cf\n"
      "  cssClass \"Duck\" cold\n"
      "  style Duck fill:#ccc,stroke-width:3px\n"
      "  style Ghost fill:#000\n");
  ASSERT_TRUE(p.result.valid) << p.result.diagnostics.front().message;
  EXPECT_EQ(p.model.class_defs.at("warm"), "fill:#f96,color:#fff");
  EXPECT_EQ(p.model.class_defs.at("icy"), "fill:#9cf");
  const int duck = p.model.find("Duck");
  ASSERT_GE(duck, 0);
  EXPECT_EQ(p.model.classes[static_cast<size_t>(duck)].style, "fill:#ccc,stroke-width:3px");
  EXPECT_EQ(p.model.classes[static_cast<size_t>(duck)].classes, std::vector<std::string>{"cold"});
  // As Mermaid's setCssStyle: a style for a class that does not exist creates nothing.
  EXPECT_EQ(p.model.find("Ghost"), -1);
}

TEST(ClassModel, InvalidGivesTheVerdictAndNoModel) {
  ClassParse p = parse_class("classDiagram\n  A -> B\n");
  EXPECT_FALSE(p.result.valid);
  EXPECT_TRUE(p.model.classes.empty());
}

// Every class diagram Mermaid accepted: valid, and every relation's ends are classes or
// lollipop interfaces.
TEST(ClassModel, Corpus) {
  using specgate::test::Seeds;
  const size_t checked =
      specgate::test::for_each_corpus_diagram("classDiagram", Seeds::kWithout, [](const std::string& src) {
        ClassParse p = parse_class(src);
        ASSERT_TRUE(p.result.valid);
        EXPECT_FALSE(p.model.classes.empty() && p.model.notes.empty());
        auto known = [&](const std::string& id) {
          if (p.model.find(id) >= 0) return true;
          for (const auto& i : p.model.interfaces)
            if (i.id == id) return true;
          return false;
        };
        for (const ClassRelation& r : p.model.relations) {
          EXPECT_TRUE(known(r.a)) << r.a;
          EXPECT_TRUE(known(r.b)) << r.b;
        }
      });
  if (checked == 0) GTEST_SKIP() << "no ../shared corpus";
}

}  // namespace
