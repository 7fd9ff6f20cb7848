// The sequence model filled by the validator's grammar (mermaid::parse_sequence): what a
// renderer draws, checked statement by statement, and against Mermaid's corpus.
#include <gtest/gtest.h>

#include <string>

#include "mermaid/sequence_model.h"
#include "render/label_text.h"
#include "support/mermaid_corpus.h"

using namespace specgate::mermaid;

namespace {

const SeqEvent* nth(const SequenceModel& m, SeqEventKind kind, size_t n) {
  for (const SeqEvent& e : m.events)
    if (e.kind == kind && n-- == 0) return &e;
  return nullptr;
}

TEST(SequenceModel, ParticipantsInOrderOfFirstMentionWithAliasesActorsAndBoxes) {
  SequenceParse p = parse_sequence(
      "sequenceDiagram\n"
      "  title: Checkout\n"
      "  box Aqua Front end\n"
      "    actor U as User\n"
      "    participant W as Web <br> app\n"
      "  end\n"
      "  participant DB@{ \"type\": \"database\" }\n"
      "  U->>W: buy\n"
      "  W->>Pay: charge\n");
  ASSERT_TRUE(p.result.valid);
  const SequenceModel& m = p.model;
  EXPECT_EQ(m.title, "Checkout");
  ASSERT_EQ(m.participants.size(), 4u);
  EXPECT_EQ(m.participants[0].id, "U");
  EXPECT_EQ(m.participants[0].label, "User");
  EXPECT_TRUE(m.participants[0].actor);
  EXPECT_EQ(m.participants[1].label, "Web <br> app");
  EXPECT_EQ(m.participants[0].box, 0);
  EXPECT_EQ(m.participants[1].box, 0);
  EXPECT_EQ(m.participants[2].id, "DB");
  EXPECT_EQ(m.participants[2].type, "database");
  EXPECT_EQ(m.participants[2].box, -1);
  EXPECT_EQ(m.participants[3].id, "Pay");
  EXPECT_EQ(m.participants[3].label, "Pay");
  ASSERT_EQ(m.boxes.size(), 1u);
  EXPECT_EQ(m.boxes[0].color, "Aqua");
  EXPECT_EQ(m.boxes[0].label, "Front end");
}

TEST(SequenceModel, BoxWithoutAColourIsAllLabel) {
  SequenceParse p = parse_sequence("sequenceDiagram\nbox Our team\nparticipant A\nend\nbox rgb(10, 20, 30)\nparticipant B\nend\nA->>B: x\n");
  ASSERT_TRUE(p.result.valid);
  ASSERT_EQ(p.model.boxes.size(), 2u);
  EXPECT_EQ(p.model.boxes[0].color, "");
  EXPECT_EQ(p.model.boxes[0].label, "Our team");
  EXPECT_EQ(p.model.boxes[1].color, "rgb(10, 20, 30)");
  EXPECT_EQ(p.model.boxes[1].label, "");
}

TEST(SequenceModel, EveryArrowKind) {
  struct Case {
    const char* arrow;
    bool dotted;
    SeqHead head;
    bool both;
    bool reverse;
  } cases[] = {
      {"->", false, SeqHead::None, false, false},       {"-->", true, SeqHead::None, false, false},
      {"->>", false, SeqHead::Filled, false, false},    {"-->>", true, SeqHead::Filled, false, false},
      {"-x", false, SeqHead::Cross, false, false},      {"--x", true, SeqHead::Cross, false, false},
      {"-)", false, SeqHead::Open, false, false},       {"--)", true, SeqHead::Open, false, false},
      {"<<->>", false, SeqHead::Filled, true, false},   {"<<-->>", true, SeqHead::Filled, true, false},
      {"-|\\", false, SeqHead::HalfTop, false, false},  {"-|/", false, SeqHead::HalfBottom, false, false},
      {"-\\\\", false, SeqHead::StickTop, false, false}, {"--//", true, SeqHead::StickBottom, false, false},
      {"/|-", false, SeqHead::HalfTop, false, true},    {"\\|--", true, SeqHead::HalfBottom, false, true},
      {"//-", false, SeqHead::StickTop, false, true},   {"\\\\-", false, SeqHead::StickBottom, false, true},
  };
  for (const Case& c : cases) {
    SequenceParse p = parse_sequence(std::string("sequenceDiagram\nA") + c.arrow + "B: hi there\n");
    ASSERT_TRUE(p.result.valid) << c.arrow;
    const SeqEvent* e = nth(p.model, SeqEventKind::Message, 0);
    ASSERT_NE(e, nullptr) << c.arrow;
    EXPECT_EQ(e->arrow, c.arrow);
    EXPECT_EQ(e->from, "A");
    EXPECT_EQ(e->to, "B");
    EXPECT_EQ(e->text, "hi there");
    EXPECT_EQ(e->dotted, c.dotted) << c.arrow;
    EXPECT_EQ(e->head, c.head) << c.arrow;
    EXPECT_EQ(e->bidirectional, c.both) << c.arrow;
    EXPECT_EQ(e->reverse_head, c.reverse) << c.arrow;
  }
}

TEST(SequenceModel, ActivationsNotesBlocksAndNumbering) {
  SequenceParse p = parse_sequence(
      "sequenceDiagram\n"
      "autonumber 10 5\n"
      "A->>+B: ask\n"
      "Note right of B: thinking #35;1\n"
      "alt ok\n"
      "  B-->>-A: yes\n"
      "else failed\n"
      "  Note over A,B: retry\n"
      "end\n"
      "loop Every minute\n"
      "  activate A\n"
      "  A-)B: ping\n"
      "  deactivate A\n"
      "end\n"
      "autonumber off\n");
  ASSERT_TRUE(p.result.valid);
  const SequenceModel& m = p.model;
  using K = SeqEventKind;
  std::vector<K> kinds;
  for (const SeqEvent& e : m.events) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<K>{K::Autonumber, K::Message, K::ActivateStart, K::Note, K::BlockStart, K::Message,
                                   K::ActivateEnd, K::BlockSection, K::Note, K::BlockEnd, K::BlockStart,
                                   K::ActivateStart, K::Message, K::ActivateEnd, K::BlockEnd, K::Autonumber}));
  EXPECT_EQ(m.events[0].number_start, 10);
  EXPECT_EQ(m.events[0].number_step, 5);
  EXPECT_EQ(m.events[2].from, "B");
  EXPECT_EQ(m.events[3].place, SeqNotePlace::RightOf);
  // Entities stay in the validator's encoding; the renderer's label_lines decodes them.
  EXPECT_EQ(specgate::render::label_lines(m.events[3].text), std::vector<std::string>{"thinking #1"});
  EXPECT_EQ(m.events[4].block, "alt");
  EXPECT_EQ(m.events[4].text, "ok");
  EXPECT_EQ(m.events[6].from, "B");
  EXPECT_EQ(m.events[7].block, "else");
  EXPECT_EQ(m.events[7].text, "failed");
  EXPECT_EQ(m.events[8].place, SeqNotePlace::Over);
  EXPECT_EQ(m.events[8].to, "B");
  EXPECT_EQ(m.events[10].block, "loop");
  EXPECT_FALSE(m.events[15].number_on);
  EXPECT_EQ(m.events[1].line, 3u);
}

TEST(SequenceModel, CreateAndDestroy) {
  SequenceParse p = parse_sequence(
      "sequenceDiagram\nA->>B: hello\ncreate participant C\nB->>C: make\ndestroy C\nC-->>B: bye\n");
  ASSERT_TRUE(p.result.valid);
  ASSERT_EQ(p.model.participants.size(), 3u);
  EXPECT_TRUE(p.model.participants[2].created);
  EXPECT_NE(nth(p.model, SeqEventKind::Create, 0), nullptr);
  EXPECT_EQ(nth(p.model, SeqEventKind::Destroy, 0)->from, "C");
}

TEST(SequenceModel, InvalidOrOtherDiagramsGiveTheVerdictAndNoModel) {
  SequenceParse bad = parse_sequence("sequenceDiagram\nA->>B hello\n");
  EXPECT_FALSE(bad.result.valid);
  EXPECT_EQ(bad.result.diagnostics.size(), validate("sequenceDiagram\nA->>B hello\n").diagnostics.size());
  EXPECT_TRUE(bad.model.participants.empty());
  SequenceParse other = parse_sequence("flowchart LR\nA-->B\n");
  EXPECT_TRUE(other.result.valid);
  EXPECT_EQ(other.result.type, "flowchart");
  EXPECT_TRUE(other.model.events.empty());
}

// Every sequence diagram Mermaid accepted: the same verdict, and a model whose messages and
// notes name known participants and whose blocks are balanced.
TEST(SequenceModel, Corpus) {
  using specgate::test::Seeds;
  const size_t checked =
      specgate::test::for_each_corpus_diagram("sequenceDiagram", Seeds::kWithout, [](const std::string& src) {
        SequenceParse p = parse_sequence(src);
        ASSERT_TRUE(p.result.valid);
        EXPECT_FALSE(p.model.participants.empty());
        int depth = 0;
        size_t messages = 0;
        for (const SeqEvent& e : p.model.events) {
          if (e.kind == SeqEventKind::Message || e.kind == SeqEventKind::Note) {
            EXPECT_GE(p.model.find(e.from), 0);
            if (!e.to.empty()) {
              EXPECT_GE(p.model.find(e.to), 0);
            }
            messages += e.kind == SeqEventKind::Message;
          }
          if (e.kind == SeqEventKind::BlockStart) ++depth;
          if (e.kind == SeqEventKind::BlockEnd) --depth;
          EXPECT_GE(depth, 0);
        }
        EXPECT_EQ(depth, 0);
        EXPECT_GT(messages + p.model.participants.size(), 0u);
      });
  if (checked == 0) GTEST_SKIP() << "no ../shared corpus";
}

}  // namespace
