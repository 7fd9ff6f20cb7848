// State and class diagram validators: exact positions and messages for typical mistakes, the
// lenient cases Mermaid accepts, and pathological inputs (deep nesting, 10 MB lines).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "mermaid/validator.h"
#include "support/mermaid_expect.h"

using specgate::mermaid::Result;
using specgate::mermaid::validate;
using specgate::test::first;
using specgate::test::random_diagrams;

namespace {

// specgate::test::expect_error, and every state and class diagram error says how to fix it.
void expect_error(const std::string& src, uint32_t line, uint32_t column, const std::string& message) {
  EXPECT_FALSE(first(specgate::test::expect_error(src, line, column, message)).hint.empty()) << src;
}

// Runs a pathological input to completion. A hang fails through the ctest TIMEOUT; speed is a
// benchmark matter (bench/), never a timed assertion.
template <class F>
void fast(F f, long /*unused_limit_ms*/ = 0) {
  f();
}

}  // namespace

TEST(MermaidState, TypicalMistakesPointAtTheCause) {
  expect_error("stateDiagram-v2\n  [*] --> Idle\n  Idle -> Running\n", 3, 8,
               "unexpected '-': transitions are written with '-->'");
  expect_error("stateDiagram-v2\n  A --> B --> C\n", 2, 11, "transitions cannot be chained");
  expect_error("stateDiagram-v2\n  Order-Placed --> Paid\n", 2, 8, "'-' is not allowed in a state id");
  expect_error("stateDiagram-v2\n  state Two words {\n    a\n  }\n", 2, 9,
               "state name must be a single word: 'Two words'");
  expect_error("stateDiagram-v2\n  state Active {\n    a --> b\n", 2, 16, "composite state is not closed");
  expect_error("stateDiagram-v2\n  A --> B\n  note over A : hi\n", 3, 8,
               "state diagram notes are placed 'left of' or 'right of' a state, not 'over'");
  expect_error("stateDiagram-v2\n  A:\n", 2, 4, "empty description after ':'");
  expect_error("stateDiagram-v2\n  state \"Busy\" as B {\n    x\n  }\n  B : again\n", 5, 5,
               "composite state 'B' has more than one description");
}

TEST(MermaidState, LenientCasesStayValid) {
  for (const char* ok : {
           "stateDiagram\n  [*] --> A\n",
           "stateDiagram-v2\n  s1 --> s2 A transition\n",
           "stateDiagram-v2\n  end\n  }\n",
           "stateDiagram-v2\n  A --> B : hi %% c\n",
           "stateDiagram-V2\n  A --> B\n",
           "stateDiagram-v2\n  state F <<choise>>\n",
           "stateDiagram-v2\n  state A {\n    a --> b\n    --\n    c --> d\n  }\n",
           "stateDiagram-v2\n  Idle --> Running : start (user)\n",
           "stateDiagram-v2\n  note right of A\n    two\n    lines\n  end note\n",
       }) {
    Result r = validate(ok);
    EXPECT_TRUE(r.validated) << ok;
    EXPECT_TRUE(r.valid) << ok << ": " << first(r).message;
  }
  EXPECT_FALSE(validate("stateDiagram-v3\n  A --> B\n").valid);
  EXPECT_EQ(validate("stateDiagram-v2\n  A --> B\n").type, "stateDiagram-v2");
}

TEST(MermaidClass, TypicalMistakesPointAtTheCause) {
  expect_error("classDiagram\n  class Map<K,V>\n", 2, 12, "generic types are written with '~', not '<>'");
  expect_error("classDiagram\n  class A~T\n", 2, 10, "generic type is not closed with '~'");
  expect_error("classDiagram\n  class A, B\n", 2, 10, "a class statement declares one class");
  expect_error("classDiagram\n  class A[Label (x)]\n", 2, 11, "class labels must be quoted");
  expect_error("classDiagram\n  class A {\n    +int x\n", 2, 11, "'{' is not closed");
  expect_error("classDiagram\n  A -> B\n", 2, 5, "'->' is not a class relation");
  expect_error("classDiagram\n  <<interface>> Shape\n", 2, 3,
               "annotation for class 'Shape', which is not defined yet");
  expect_error("classDiagram\n", 2, 1, "a class diagram needs at least one statement");
  expect_error("classDiagram\n  +method()\n", 2, 3,
               "unexpected '+': members outside a class body need the class name");
}

TEST(MermaidClass, ValidShapes) {
  for (const char* ok : {
           "classDiagram\n  class Animal {\n    +eat(food bool\n    <<interface>\n  }\n",
           "classDiagram-v2\n  class A~K,V~\n",
           "classDiagram\n  Customer \"1\" --> \"*\" Order : places\n",
           "classDiagram\n  A <|-- B\n  A *-- C\n  A o-- D\n  A ..> E\n  A ..|> F\n  A -- G\n",
           "classDiagram\n  namespace Shop {\n    class Cart\n    class Item\n  }\n",
           "classDiagram\n  class A\n  <<interface>> A\n  note for A \"text\"\n",
           "classDiagram\n  class A[\"Label (x)\"]\n",
           "classDiagram\n  end\n  clas Animal\n",
       }) {
    Result r = validate(ok);
    EXPECT_TRUE(r.validated) << ok;
    EXPECT_TRUE(r.valid) << ok << ": " << first(r).message;
  }
}

TEST(MermaidStateClassStress, DeepNesting) {
  fast([] {
    std::string s = "stateDiagram-v2\n";
    for (int i = 0; i < 100000; ++i) s += "state S {\n";
    EXPECT_FALSE(validate(s).valid);
    for (int i = 0; i < 100000; ++i) s += "}\n";
    EXPECT_TRUE(validate(s).valid);
    std::string n = "classDiagram\n";
    for (int i = 0; i < 100000; ++i) n += "namespace N {\n";
    EXPECT_FALSE(validate(n).valid);
    std::string braces = "classDiagram\n  class A " + std::string(100000, '{') + "\n";
    EXPECT_FALSE(validate(braces).valid);
    std::string tildes = "classDiagram\n  class A" + std::string(100000, '~') + "\n";
    (void)validate(tildes);
  });
}

// 10 MB lines: one long token, and lines of millions of tokens (each lexer rule that scans
// ahead is cached, so time stays linear; the bound is generous for a shared machine).
TEST(MermaidStateClassStress, TenMegabyteLines) {
  const size_t mb10 = 10 * 1024 * 1024;
  std::string big(mb10, 'a');
  fast([&] { EXPECT_TRUE(validate("stateDiagram-v2\n  " + big + " --> B\n").valid); });
  fast([&] { EXPECT_TRUE(validate("classDiagram\n  " + big + " --> B\n").valid); });
  fast([&] { EXPECT_FALSE(validate("classDiagram\n  class A~" + big + "\n").valid); });
  std::string notes;
  while (notes.size() < mb10) notes += "note left of A\n";
  fast([&] { EXPECT_FALSE(validate("stateDiagram-v2\n" + notes).valid); });
  auto dense = [&](const std::string& unit) {
    std::string s;
    while (s.size() < mb10) s += unit;
    return s;
  };
  const std::string words = dense("a ");
  fast([&] { (void)validate("stateDiagram-v2\n  state " + words + "\n"); }, 8000);
  fast([&] { (void)validate("stateDiagram-v2\n  " + words + "\n"); }, 8000);
  fast([&] { (void)validate("classDiagram\n  class A {\n" + words + "\n}\n"); }, 8000);
  fast([&] { (void)validate("classDiagram\n  " + words + "\n"); }, 8000);
  fast([&] { (void)validate("stateDiagram-v2\n  " + dense("direction x ") + "\n"); }, 8000);
  fast([&] { (void)validate("classDiagram\n  " + dense("direction x ") + "\n"); }, 8000);
  fast([&] { (void)validate("stateDiagram-v2\n  " + dense("state x <<fo ") + "\n"); }, 8000);
}

TEST(MermaidStateClassStress, RandomBytesNeverCrash) {
  fast([] {
    for (const std::string& s :
         random_diagrams(777, {"stateDiagram-v2\n", "classDiagram\n", "stateDiagram\n", "classDiagram-v2\n"},
                         "[](){}<>|-=.~:;,\"`@&#%*/\\ \n\toxAbv1*", 3000, 80)) {
      Result r = validate(s);
      for (const auto& d : r.diagnostics) {
        EXPECT_GE(d.line, 1u);
        EXPECT_GE(d.column, 1u);
      }
    }
  });
}
