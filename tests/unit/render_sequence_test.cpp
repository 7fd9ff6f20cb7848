// Sequence diagrams drawn (render/sequence_render): complete (every participant, message, note
// and frame label of the model is in the SVG), readable (boxes apart, labels inside their
// shapes, messages top to bottom in source order, arrows ending on lifelines or bars), bytes
// deterministic, labels escaped. Over fixtures and every sequence diagram in Mermaid's corpus.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "mermaid/sequence_model.h"
#include "render/label_text.h"
#include "render/render.h"
#include "render/sequence_render.h"
#include "render/svg_writer.h"
#include "render/text_metrics.h"
#include "support/mermaid_corpus.h"

using namespace specgate::render;
using specgate::mermaid::parse_sequence;
using specgate::mermaid::SeqEventKind;
using specgate::mermaid::SequenceModel;

namespace {

const char* kEverything =
    "sequenceDiagram\n"
    "  title Order & pay\n"
    "  autonumber\n"
    "  box Aqua Shop\n"
    "    actor U as Customer\n"
    "    participant W as Web <br/> shop\n"
    "  end\n"
    "  participant DB@{ \"type\": \"database\" }\n"
    "  U->>+W: order \"book\" & pen\n"
    "  W->>W: check stock\n"
    "  loop every item\n"
    "    W-)DB: reserve\n"
    "    alt in stock\n"
    "      DB-->>W: ok\n"
    "    else out of stock\n"
    "      DB--xW: none left\n"
    "    end\n"
    "  end\n"
    "  Note over U,W: payment <b>starts</b>\n"
    "  critical pay\n"
    "    W->>DB: charge\n"
    "  option declined\n"
    "    Note left of U: try again\n"
    "  end\n"
    "  create participant Mail\n"
    "  W->>Mail: send receipt\n"
    "  destroy Mail\n"
    "  Mail-->>W: sent\n"
    "  W-->>-U: done\n"
    "  Note right of DB: logged\n";

struct Drawn {
  SequenceModel model;
  Scene scene;
  std::string svg;
};

Drawn draw(const std::string& src) {
  auto p = parse_sequence(src);
  EXPECT_TRUE(p.result.valid) << src;
  Drawn d;
  d.model = p.model;
  d.scene = layout_sequence(d.model);
  d.svg = write_svg(d.scene);
  return d;
}

size_t count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t i = hay.find(needle); i != std::string::npos; i = hay.find(needle, i + needle.size())) ++n;
  return n;
}

// Every shown line of every label of the model appears, escaped, in the SVG; one message path
// per message and a box per participant and row.
void expect_complete(const Drawn& d) {
  auto has = [&](const std::string& text) {
    for (const std::string& line : label_lines(text)) {
      if (line.empty()) continue;
      EXPECT_NE(d.svg.find(">" + xml_escape(line) + "<"), std::string::npos) << "missing: " << line;
    }
  };
  size_t messages = 0, destroyed = 0, actors = 0;
  for (const auto& p : d.model.participants) {
    has(p.label);
    destroyed += p.destroyed;
    actors += p.actor;
  }
  for (const auto& b : d.model.boxes) has(b.label);
  for (const auto& e : d.model.events) {
    if (e.kind == SeqEventKind::Message) ++messages;
    if (e.kind == SeqEventKind::Message || e.kind == SeqEventKind::Note) has(e.text);
    if (e.kind == SeqEventKind::BlockStart || e.kind == SeqEventKind::BlockSection) {
      if (!e.text.empty()) has("[" + e.text + "]");
    }
  }
  if (!d.model.title.empty()) has(d.model.title);
  EXPECT_EQ(count(d.svg, "<path class=\"message"), messages);
  const size_t n = d.model.participants.size();
  EXPECT_EQ(count(d.svg, "class=\"actor-label\""), 2 * n - destroyed);
  EXPECT_EQ(count(d.svg, "<g class=\"actor\""), 2 * (n - actors) - destroyed);
  EXPECT_EQ(count(d.svg, "<g class=\"lifeline\""), n);
}

Box text_box(const Text& t) {
  TextSize s = measure_lines(t.lines, t.size, t.bold);
  double x = t.anchor == Anchor::Start ? t.at.x : t.anchor == Anchor::Middle ? t.at.x - s.width / 2 : t.at.x - s.width;
  return {x, t.at.y - s.height / 2, s.width, s.height};
}

// Geometry read from the Scene.
void expect_readable(const Drawn& d) {
  const Scene& s = d.scene;
  std::vector<const Shape*> actors, notes, frames, bars;
  std::vector<const Shape*> lifelines;
  for (const Shape& sh : s.shapes) {
    if (sh.role == "actor") actors.push_back(&sh);
    if (sh.role == "note") notes.push_back(&sh);
    if (sh.role == "frame") frames.push_back(&sh);
    if (sh.role == "activation") bars.push_back(&sh);
    if (sh.role == "lifeline") lifelines.push_back(&sh);
  }
  // Participant boxes never overlap.
  for (size_t i = 0; i < actors.size(); ++i)
    for (size_t j = i + 1; j < actors.size(); ++j)
      EXPECT_FALSE(actors[i]->box.overlaps(actors[j]->box)) << actors[i]->id << " / " << actors[j]->id;
  // Notes do not overlap each other, and every label fits its shape.
  for (size_t i = 0; i < notes.size(); ++i)
    for (size_t j = i + 1; j < notes.size(); ++j) EXPECT_FALSE(notes[i]->box.overlaps(notes[j]->box));
  for (const Text& t : s.texts) {
    const Box tb = text_box(t);
    if (t.role == "note-text") {
      bool inside = false;
      for (const Shape* n : notes) inside = inside || (n->id == t.id && n->box.contains(tb));
      EXPECT_TRUE(inside) << t.lines[0];
    }
    if (t.role == "actor-label") {
      bool inside = false;
      for (const Shape* a : actors) inside = inside || (a->id == t.id && a->box.contains(tb));
      for (const Shape& sh : s.shapes)  // a stick figure's label sits below it, inside the column
        if (sh.role == "actor-man" && sh.id == t.id && sh.kind == ShapeKind::Circle)
          inside = inside || std::abs(sh.box.cx() - t.at.x) < 0.01;
      EXPECT_TRUE(inside) << t.lines[0];
    }
    if (t.role == "frame-text") {
      bool inside = false;
      for (const Shape* f : frames) inside = inside || f->box.contains(tb);
      EXPECT_TRUE(inside) << t.lines[0];
    }
    // Everything inside the drawing.
    EXPECT_GE(tb.x, -0.01);
    EXPECT_LE(tb.right(), s.width + 0.01);
  }
  // Messages top to bottom in source order; each end on a lifeline, an activation bar's side
  // or a created participant's box side.
  double last = -1;
  for (const Path& p : s.paths) {
    if (p.role != "message") continue;
    ASSERT_GE(p.points.size(), 2u);
    EXPECT_GT(p.points.front().y, last) << p.id;
    last = p.points.back().y;
    for (const Point& end : {p.points.front(), p.points.back()}) {
      bool touches = false;
      for (const Shape* l : lifelines) touches = touches || std::abs(l->points[0].x - end.x) < 0.01;
      for (const Shape* b : bars)
        touches = touches || ((std::abs(b->box.x - end.x) < 0.01 || std::abs(b->box.right() - end.x) < 0.01) &&
                              end.y >= b->box.y - 0.01 && end.y <= b->box.bottom() + 0.01);
      for (const Shape* a : actors)
        touches = touches || ((std::abs(a->box.x - end.x) < 0.01 || std::abs(a->box.right() - end.x) < 0.01) &&
                              std::abs(a->box.cy() - end.y) < 0.01);
      for (const Shape& sh : s.shapes)  // a created actor figure: the arrow stops beside it
        touches = touches || (sh.role == "actor-man" && sh.kind == ShapeKind::Circle &&
                              std::abs(std::abs(sh.box.cx() - end.x) - 20) < 0.01);
      EXPECT_TRUE(touches) << p.id << " at " << end.x << "," << end.y;
    }
  }
  // Frames nest: each frame contains the messages drawn between its top and bottom? At least
  // they lie within the drawing.
  for (const Shape* f : frames) {
    EXPECT_GE(f->box.x, 0);
    EXPECT_LE(f->box.right(), s.width + 0.01);
    EXPECT_LE(f->box.bottom(), s.height + 0.01);
  }
}

// The same order read back from the SVG text: message paths' y in document order.
void expect_svg_order(const Drawn& d) {
  static const std::regex kMsg("<path class=\"message[^\"]*\"[^>]* d=\"M([-0-9.]+),([-0-9.]+)");
  double last = -1;
  size_t n = 0;
  for (auto it = std::sregex_iterator(d.svg.begin(), d.svg.end(), kMsg); it != std::sregex_iterator(); ++it) {
    double y = std::stod((*it)[2]);
    EXPECT_GE(y, last);
    last = y;
    ++n;
  }
  size_t messages = 0;
  for (const auto& e : d.model.events) messages += e.kind == SeqEventKind::Message;
  EXPECT_EQ(n, messages);
}

TEST(SequenceRender, EverythingFixtureIsCompleteAndReadable) {
  Drawn d = draw(kEverything);
  expect_complete(d);
  expect_readable(d);
  expect_svg_order(d);
  EXPECT_NE(d.svg.find("marker-end"), std::string::npos);
  EXPECT_EQ(count(d.svg, "class=\"activation\""), 1u);
  EXPECT_EQ(count(d.svg, "class=\"frame\""), 3u);
  EXPECT_EQ(count(d.svg, "class=\"sequence-number\""), 9u);
  EXPECT_EQ(count(d.svg, "class=\"destroy\""), 1u);
  EXPECT_NE(d.svg.find("fill:Aqua"), std::string::npos);
}

TEST(SequenceRender, BytesAreDeterministic) {
  EXPECT_EQ(draw(kEverything).svg, draw(kEverything).svg);
}

TEST(SequenceRender, LabelsAreEscaped) {
  Drawn d = draw(
      "sequenceDiagram\n"
      "participant A as <script>alert(1)</script>\n"
      "A->>B: x < y & \"z\" 'w' #lt;img src=x onerror=alert(1)#gt;\n"
      "Note over B: </text><script>bad()</script>\n");
  EXPECT_EQ(d.svg.find("<script"), std::string::npos);
  EXPECT_EQ(d.svg.find("<img"), std::string::npos);
  EXPECT_EQ(d.svg.find("onerror=\""), std::string::npos);
  // Tags are dropped (label_lines), their text kept and escaped; a '<' that opens no tag stays;
  // an entity-coded tag is text (as in Mermaid), shown escaped.
  EXPECT_NE(d.svg.find(">alert(1)<"), std::string::npos);
  EXPECT_NE(d.svg.find(">x &lt; y &amp; &quot;z&quot; &#39;w&#39; &lt;img src=x onerror=alert(1)&gt;<"),
            std::string::npos);
  expect_complete(d);
}

TEST(SequenceRender, WideLabelsPushLifelinesApart) {
  Drawn d = draw("sequenceDiagram\nA->>B: " + std::string(200, 'w') + "\nB->>C: short\n");
  expect_readable(d);
  const Text* label = nullptr;
  for (const Text& t : d.scene.texts)
    if (t.role == "message-text" && t.lines[0].size() == 200) label = &t;
  ASSERT_NE(label, nullptr);
  double a = 0, b = 0;
  for (const Shape& s : d.scene.shapes) {
    if (s.role == "lifeline" && s.id == "A") a = s.points[0].x;
    if (s.role == "lifeline" && s.id == "B") b = s.points[0].x;
  }
  EXPECT_GE(b - a, text_box(*label).w);
}

TEST(SequenceRender, ManyMessagesStayBoundedAndOrdered) {
  std::string src = "sequenceDiagram\n";
  for (int i = 0; i < 3000; ++i) src += "P" + std::to_string(i % 40) + "->>P" + std::to_string((i * 7 + 1) % 40) + ": m" + std::to_string(i) + "\n";
  Drawn d = draw(src);
  expect_svg_order(d);
  EXPECT_EQ(count(d.svg, "<path class=\"message"), 3000u);
}

TEST(SequenceRender, Corpus) {
  using specgate::test::Seeds;
  const size_t checked =
      specgate::test::for_each_corpus_diagram("sequenceDiagram", Seeds::kWith, [](const std::string& src) {
        Drawn d = draw(src);
        expect_complete(d);
        expect_readable(d);
        expect_svg_order(d);
        EXPECT_EQ(d.svg, draw(src).svg);
      });
  if (checked == 0) GTEST_SKIP() << "no ../shared corpus";
}

}  // namespace

namespace {

TEST(SequenceRender, ThroughTheTypeTable) {
  RenderResult r = render_svg(kEverything);
  EXPECT_TRUE(r.supported);
  EXPECT_TRUE(r.valid);
  ASSERT_TRUE(r.drawn());
  EXPECT_EQ(r.type, "sequenceDiagram");
  EXPECT_NE(r.svg.find("class=\"specgate sequence\""), std::string::npos);
  Options dark;
  dark.theme = Theme::Dark;
  EXPECT_NE(render_svg(kEverything, dark).svg, r.svg);
}

TEST(SequenceRender, InvalidIsNotDrawn) {
  RenderResult r = render_svg("sequenceDiagram\nA->>B hello\n");
  EXPECT_TRUE(r.supported);
  EXPECT_FALSE(r.valid);
  EXPECT_FALSE(r.drawn());
  ASSERT_EQ(r.diagnostics.size(), 1u);
}

TEST(SequenceRender, DeepNestingIsDeclinedWithANote) {
  std::string src = "sequenceDiagram\n";
  for (size_t i = 0; i <= kMaxNesting; ++i) src += "loop l\n";
  src += "A->>B: x\n";
  for (size_t i = 0; i <= kMaxNesting; ++i) src += "end\n";
  RenderResult r = render_svg(src);
  EXPECT_TRUE(r.valid);
  EXPECT_FALSE(r.drawn());
  EXPECT_NE(r.note.find("nested more than"), std::string::npos);
  // Just inside the limit it is drawn, every frame containing the next.
  src = "sequenceDiagram\n";
  for (int i = 0; i < 20; ++i) src += "loop l" + std::to_string(i) + "\n";
  src += "A->>B: x\n";
  for (int i = 0; i < 20; ++i) src += "end\n";
  Drawn d = draw(src);
  expect_readable(d);
  std::vector<Box> frames;
  for (const Shape& s : d.scene.shapes)
    if (s.role == "frame") frames.push_back(s.box);
  ASSERT_EQ(frames.size(), 20u);
  for (size_t i = 0; i + 1 < frames.size(); ++i) EXPECT_TRUE(frames[i + 1].contains(frames[i]));
}

TEST(SequenceRender, HugeLabelsAreBounded) {
  RenderResult r = render_svg("sequenceDiagram\nA->>B: " + std::string(100000, 'x') + "\n");
  ASSERT_TRUE(r.drawn());
  EXPECT_LT(r.svg.size(), 40000u);
}

}  // namespace
