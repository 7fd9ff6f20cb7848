#include "render/sequence_render.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "render/label_text.h"
#include "render/renderers.h"
#include "render/text_metrics.h"

namespace specgate::render {
namespace {

using mermaid::SeqEvent;
using mermaid::SeqEventKind;
using mermaid::SeqHead;
using mermaid::SeqNotePlace;
using mermaid::SequenceModel;

// Mermaid's sequence defaults (config.sequence).
constexpr double kFont = 16;
constexpr double kActorW = 150;
constexpr double kActorH = 65;
constexpr double kActorMargin = 50;  // between participant boxes
constexpr double kMarginX = 50;      // diagramMarginX
constexpr double kMarginY = 10;      // diagramMarginY
constexpr double kPad = 10;          // wrapPadding / noteMargin
constexpr double kActW = 10;         // activationWidth
constexpr double kNoteW = 150;       // a note's least width (Mermaid's width)
constexpr double kSelfW = 40;        // how far a message to oneself loops out
constexpr double kSelfH = 20;
constexpr double kFigureH = 45;      // an actor's stick figure above its label
constexpr double kNumberR = 9;       // autonumber circle radius

bool ci_eq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

struct Lane {
  double cx = 0;
  double w = kActorW;
  double h = kActorH;
  bool pending_create = false;   // waits for the message that creates it
  bool created = false;
  double top_y = 0;              // its top box's y (the creating message's, when created)
  bool pending_destroy = false;
  bool destroyed = false;
  double end_y = 0;              // where its lifeline ends when destroyed
  std::vector<double> active;    // start y of each open activation, innermost last
};

struct Bounds {
  double x0 = std::numeric_limits<double>::max();
  double x1 = std::numeric_limits<double>::lowest();
  void add(double a, double b) {
    x0 = std::min(x0, std::min(a, b));
    x1 = std::max(x1, std::max(a, b));
  }
  bool empty() const { return x0 > x1; }
};

struct Frame {
  std::string kind;   // loop, alt, ...
  std::string label;
  double top = 0;
  Bounds span;
  std::vector<std::pair<double, std::vector<std::string>>> sections;  // divider y, label lines
  size_t label_text = 0;  // index of the frame's condition text (or kNone), centred at the end
  std::vector<size_t> section_texts;
};

class Layout {
 public:
  explicit Layout(const SequenceModel& m) : m_(m) {}

  Scene run() {
    s_.diagram = "sequence";
    size_lanes();
    place_lanes();
    double y = kMarginY;
    if (!m_.title.empty()) {
      auto lines = label_lines(m_.title);
      add_text(lines, {lanes_span_mid(), y + line_height(kFont) * static_cast<double>(lines.size()) / 2}, Anchor::Middle,
               "title", "");
      y += line_height(kFont) * static_cast<double>(lines.size()) + kPad;
    }
    bool box_labels = false;
    for (const auto& b : m_.boxes) box_labels = box_labels || !b.label.empty();
    box_top_ = y;
    if (!m_.boxes.empty()) y += kPad + (box_labels ? line_height(kFont) : 0);
    row_top_ = y;
    for (Lane& l : lanes_) l.top_y = row_top_;
    cursor_ = row_top_ + head_h_ + kPad;
    for (size_t i = 0; i < m_.events.size(); ++i) event(i);
    while (!frames_.empty()) close_frame();  // the parser balances them; never left open
    cursor_ += kPad;
    const double bottom_row = cursor_;
    for (size_t i = 0; i < lanes_.size(); ++i) {
      Lane& l = lanes_[i];
      while (!l.active.empty()) close_activation(i, cursor_ - kPad);
      const double line_top = l.top_y + l.h;
      const double line_bottom = l.destroyed ? l.end_y : bottom_row;
      Shape life;
      life.kind = ShapeKind::Line;
      life.role = "lifeline";
      life.id = m_.participants[i].id;
      life.points = {{l.cx, line_top}, {l.cx, line_bottom}};
      lifelines_.push_back(std::move(life));
      participant_box(i, l.top_y);
      if (!l.destroyed) participant_box(i, bottom_row);
    }
    const double bottom = bottom_row + head_h_;
    group_boxes(bottom);
    // Lifelines under frames, bars, notes and boxes.
    s_.shapes.insert(s_.shapes.begin(), lifelines_.begin(), lifelines_.end());
    finish(bottom + kMarginY);
    return std::move(s_);
  }

 private:
  double lanes_span_mid() const {
    if (lanes_.empty()) return 0;
    return (lanes_.front().cx - lanes_.front().w / 2 + lanes_.back().cx + lanes_.back().w / 2) / 2;
  }

  void size_lanes() {
    lanes_.resize(m_.participants.size());
    head_h_ = kActorH;
    for (size_t i = 0; i < lanes_.size(); ++i) {
      const auto& p = m_.participants[i];
      TextSize t = measure_lines(label_lines(p.label), kFont);
      lanes_[i].w = std::max(kActorW, t.width + 2 * kPad);
      lanes_[i].h = std::max(kActorH, t.height + 2 * kPad + (p.actor ? kFigureH - kPad : 0));
      lanes_[i].pending_create = p.created;
      head_h_ = std::max(head_h_, lanes_[i].h);
    }
    for (Lane& l : lanes_) l.h = head_h_;
  }

  int lane(const std::string& id) const { return m_.find(id); }

  double text_w(const std::string& text) const {
    return measure_lines(label_lines(text), kFont).width;
  }

  // Centres left to right: each box's own width, at least kActorMargin between boxes, and as far
  // apart as the messages and side notes between two lifelines need (constraints applied in
  // order of their right lane, so one pass settles them).
  void place_lanes() {
    const size_t n = lanes_.size();
    if (n == 0) return;
    std::vector<std::vector<std::pair<size_t, double>>> need(n);  // need[hi] = {lo, distance}
    auto want = [&](int a, int b, double d) {
      if (a < 0 || b < 0 || a == b) return;
      size_t lo = static_cast<size_t>(std::min(a, b)), hi = static_cast<size_t>(std::max(a, b));
      need[hi].push_back({lo, d});
    };
    for (const SeqEvent& e : m_.events) {
      if (e.kind == SeqEventKind::Message) {
        int a = lane(e.from), b = lane(e.to);
        double w = text_w(e.text);
        if (a == b) {
          if (a >= 0 && static_cast<size_t>(a) + 1 < n) want(a, a + 1, std::max(w + 2 * kPad + kActW + kNumberR, kSelfW + 2 * kPad));
        } else if (b >= 0 && m_.participants[static_cast<size_t>(b)].created) {
          // Conservative: as if this message created b and ended at its box's side.
          want(a, b, w + 2 * kPad + 2 * kActW + lanes_[static_cast<size_t>(b)].w / 2);
        } else {
          want(a, b, w + 2 * kPad + 2 * kActW);
        }
      } else if (e.kind == SeqEventKind::Note) {
        int a = lane(e.from);
        double w = std::max(kNoteW, text_w(e.text) + 2 * kPad);
        if (e.place == SeqNotePlace::RightOf && a >= 0 && static_cast<size_t>(a) + 1 < n) want(a, a + 1, w + 3 * kPad);
        if (e.place == SeqNotePlace::LeftOf && a > 0) want(a - 1, a, w + 3 * kPad);
        if (e.place == SeqNotePlace::Over && !e.to.empty()) want(a, lane(e.to), text_w(e.text) + 2 * kPad - 2 * kActorMargin / 2);
      }
    }
    lanes_[0].cx = lanes_[0].w / 2;
    for (size_t i = 1; i < n; ++i) {
      double cx = lanes_[i - 1].cx + lanes_[i - 1].w / 2 + kActorMargin + lanes_[i].w / 2;
      for (auto [lo, d] : need[i]) cx = std::max(cx, lanes_[lo].cx + d);
      lanes_[i].cx = cx;
    }
  }

  // The x where a message meets lane i's lifeline or activation bar, on the side facing `toward`.
  double edge(size_t i, double toward, size_t extra_depth = 0) const {
    const Lane& l = lanes_[i];
    const size_t d = l.active.size() + extra_depth;
    if (d == 0) return l.cx;
    const double off = static_cast<double>(d - 1) * kActW / 2;
    return toward >= l.cx ? l.cx + off + kActW / 2 : l.cx + off - kActW / 2;
  }

  // Adds the text unless it has nothing to show; returns its index, or kNone.
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t add_text(std::vector<std::string> lines, Point at, Anchor anchor, std::string role, std::string id,
                  bool bold = false, double size = kFont) {
    if (std::all_of(lines.begin(), lines.end(), [](const std::string& l) { return l.empty(); })) return kNone;
    Text t;
    t.lines = std::move(lines);
    t.at = at;
    t.anchor = anchor;
    t.role = std::move(role);
    t.id = std::move(id);
    t.bold = bold;
    t.size = size;
    s_.texts.push_back(std::move(t));
    return s_.texts.size() - 1;
  }

  void extend(double a, double b) {
    if (!frames_.empty()) frames_.back().span.add(a, b);
  }

  void event(size_t idx) {
    const SeqEvent& e = m_.events[idx];
    switch (e.kind) {
      case SeqEventKind::Message:
        message(idx);
        break;
      case SeqEventKind::Note:
        note(e);
        break;
      case SeqEventKind::ActivateStart: {
        int a = lane(e.from);
        if (a < 0) break;
        lanes_[static_cast<size_t>(a)].active.push_back(last_was_message(idx) ? last_y_ : cursor_);
        break;
      }
      case SeqEventKind::ActivateEnd: {
        int a = lane(e.from);
        if (a < 0 || lanes_[static_cast<size_t>(a)].active.empty()) break;
        close_activation(static_cast<size_t>(a), last_was_message(idx) ? last_y_ : cursor_);
        break;
      }
      case SeqEventKind::BlockStart:
        open_frame(e);
        break;
      case SeqEventKind::BlockSection:
        section(e);
        break;
      case SeqEventKind::BlockEnd:
        if (!frames_.empty()) close_frame();
        break;
      case SeqEventKind::Autonumber:
        numbering_ = e.number_on;
        if (e.number_on) {
          number_ = e.number_start;
          step_ = e.number_step;
        }
        break;
      case SeqEventKind::Create:
        break;
      case SeqEventKind::Destroy: {
        int a = lane(e.from);
        if (a >= 0) lanes_[static_cast<size_t>(a)].pending_destroy = true;
        break;
      }
    }
  }

  // Whether the statement before event idx (ignoring activations, which belong to it) was a
  // message: then 'activate'/'+'/'-' start or end the bar at that message's line.
  bool last_was_message(size_t idx) const {
    for (size_t k = idx; k-- > 0;) {
      SeqEventKind kk = m_.events[k].kind;
      if (kk == SeqEventKind::ActivateStart || kk == SeqEventKind::ActivateEnd) continue;
      return kk == SeqEventKind::Message;
    }
    return false;
  }

  void close_activation(size_t i, double y_end) {
    Lane& l = lanes_[i];
    const double start = l.active.back();
    const double off = static_cast<double>(l.active.size() - 1) * kActW / 2;
    l.active.pop_back();
    Shape bar;
    bar.kind = ShapeKind::Rect;
    bar.role = "activation";
    bar.id = m_.participants[i].id;
    bar.box = {l.cx + off - kActW / 2, start, kActW, std::max(y_end - start, kPad)};
    extend(bar.box.x, bar.box.right());
    s_.shapes.push_back(std::move(bar));
  }

  void message(size_t idx) {
    const SeqEvent& e = m_.events[idx];
    int ai = lane(e.from), bi = lane(e.to);
    if (ai < 0 || bi < 0) return;
    const size_t a = static_cast<size_t>(ai), b = static_cast<size_t>(bi);
    // A '+' on this message starts the receiver's bar at this line: the arrow meets the new bar.
    size_t plus = 0;
    for (size_t k = idx + 1; k < m_.events.size() && m_.events[k].kind == SeqEventKind::ActivateStart &&
                             m_.events[k].line == e.line;
         ++k)
      plus += m_.events[k].from == e.to;
    auto lines = label_lines(e.text);
    const double lh = line_height(kFont);
    const double text_h = e.text.empty() ? 0 : lh * static_cast<double>(lines.size());
    const double top = cursor_ + kPad / 2;
    double y = top + text_h + kPad;
    Lane& lb = lanes_[b];
    const bool creates = lb.pending_create && a != b;
    // A created participant's box is centred on its creating message's line.
    if (creates) y = std::max(y, top + lb.h / 2);
    const double text_y = y - kPad - text_h / 2;

    Path p;
    p.role = "message";
    p.id = "msg" + std::to_string(count_++);
    p.dash = e.dotted ? Dash::Dashed : Dash::Solid;
    p.thickness = 2;
    Marker head = marker(e.head);
    if (e.reverse_head) {
      p.start = head;
    } else {
      p.end = head;
      if (e.bidirectional) p.start = head;
    }
    double x_from = 0, x_to = 0;
    if (a == b) {
      x_from = edge(a, lanes_[a].cx + 1);
      x_to = edge(a, lanes_[a].cx + 1, plus);
      const double out = std::max(x_from, x_to) + kSelfW;
      p.points = {{x_from, y}, {out, y}, {out, y + kSelfH}, {x_to, y + kSelfH}};
      // Right of the autonumber circle, which sits on the start point.
      add_text(lines, {x_from + kNumberR + 4, text_y}, Anchor::Start, "message-text", p.id);
      extend(x_from, std::max(out, x_from + kNumberR + 4 + text_w(e.text)));
      last_y_ = y + kSelfH;
      cursor_ = y + kSelfH + kPad;
    } else {
      const double tb = lb.cx, ta = lanes_[a].cx;
      x_from = edge(a, tb);
      if (creates) {
        const double half = m_.participants[b].actor ? 20 : lb.w / 2;  // a figure is narrower than its box
        x_to = tb > ta ? tb - half : tb + half;
      } else {
        x_to = edge(b, ta, plus);
      }
      p.points = {{x_from, y}, {x_to, y}};
      const double mid = (x_from + x_to) / 2;
      add_text(lines, {mid, text_y}, Anchor::Middle, "message-text", p.id);
      const double tw = text_w(e.text);
      extend(std::min(x_from, mid - tw / 2), std::max(x_to, mid + tw / 2));
      extend(x_from, x_to);
      last_y_ = y;
      cursor_ = y + kPad;
      if (creates) {
        lb.pending_create = false;
        lb.created = true;
        lb.top_y = y - lb.h / 2;
        extend(tb - lb.w / 2, tb + lb.w / 2);
        cursor_ = y + lb.h / 2 + kPad;
      }
    }
    for (size_t k : {a, b}) {
      Lane& l = lanes_[k];
      if (l.pending_destroy && !l.destroyed) {
        l.pending_destroy = false;
        l.destroyed = true;
        l.end_y = y;
        Shape cross;
        cross.kind = ShapeKind::Line;
        cross.role = "destroy";
        cross.id = m_.participants[k].id;
        const double r = 9;
        cross.points = {{l.cx - r, y - r}, {l.cx + r, y + r}, {l.cx, y}, {l.cx + r, y - r}, {l.cx - r, y + r}};
        s_.shapes.push_back(std::move(cross));
      }
    }
    if (numbering_) {
      Shape dot;
      dot.kind = ShapeKind::Circle;
      dot.role = "sequence-number";
      dot.id = p.id;
      dot.box = {x_from - kNumberR, y - kNumberR, 2 * kNumberR, 2 * kNumberR};
      s_.shapes.push_back(std::move(dot));
      add_text({std::to_string(number_)}, {x_from, y}, Anchor::Middle, "sequence-number-text", p.id, true, 12);
      number_ += step_;
    }
    s_.paths.push_back(std::move(p));
  }

  static Marker marker(SeqHead h) {
    switch (h) {
      case SeqHead::None: return Marker::None;
      case SeqHead::Filled: return Marker::Arrow;
      case SeqHead::Cross: return Marker::Cross;
      case SeqHead::Open: return Marker::OpenArrow;
      case SeqHead::HalfTop: return Marker::HalfArrowTop;
      case SeqHead::HalfBottom: return Marker::HalfArrowBottom;
      case SeqHead::StickTop: return Marker::StickTop;
      case SeqHead::StickBottom: return Marker::StickBottom;
    }
    return Marker::None;
  }

  void note(const SeqEvent& e) {
    int ai = lane(e.from);
    if (ai < 0) return;
    const Lane& la = lanes_[static_cast<size_t>(ai)];
    auto lines = label_lines(e.text);
    TextSize t = measure_lines(lines, kFont);
    double w = std::max(kNoteW, t.width + 2 * kPad);
    const double h = t.height + 2 * kPad;
    double x = 0;
    if (e.place == SeqNotePlace::RightOf) {
      x = la.cx + kActW / 2 + kPad;
    } else if (e.place == SeqNotePlace::LeftOf) {
      x = la.cx - kActW / 2 - kPad - w;
    } else {
      int bi = e.to.empty() ? ai : lane(e.to);
      if (bi < 0) bi = ai;
      const double l = std::min(la.cx, lanes_[static_cast<size_t>(bi)].cx);
      const double r = std::max(la.cx, lanes_[static_cast<size_t>(bi)].cx);
      if (bi != ai) w = std::max(w, r - l + kActorMargin);
      x = (l + r) / 2 - w / 2;
    }
    const double y = cursor_ + kPad / 2;
    Shape s;
    s.kind = ShapeKind::Rect;
    s.role = "note";
    s.id = "note" + std::to_string(notes_++);
    s.box = {x, y, w, h};
    add_text(std::move(lines), {x + w / 2, y + h / 2}, Anchor::Middle, "note-text", s.id);
    extend(x, x + w);
    s_.shapes.push_back(std::move(s));
    cursor_ = y + h + kPad;
  }

  std::vector<std::string> bracketed(const std::string& label) const {
    auto lines = label_lines(label);
    if (lines.empty() || (lines.size() == 1 && lines[0].empty())) return {};
    lines.front().insert(0, "[");
    lines.back() += "]";
    return lines;
  }

  void open_frame(const SeqEvent& e) {
    Frame f;
    f.kind = e.block == "par_over" ? "par" : e.block;
    f.label = e.text;
    f.top = cursor_ + kPad / 2;
    auto lines = bracketed(e.text);
    const double h = std::max(line_height(kFont) * static_cast<double>(std::max<size_t>(lines.size(), 1)), 20.0);
    f.label_text = add_text(lines, {0, f.top + h / 2 + 2}, Anchor::Middle, "frame-text", "");
    cursor_ = f.top + h + kPad;
    frames_.push_back(std::move(f));
  }

  void section(const SeqEvent& e) {
    if (frames_.empty()) return;
    Frame& f = frames_.back();
    const double y = cursor_ + kPad / 2;
    auto lines = bracketed(e.text);
    f.sections.push_back({y, lines});
    const double h = line_height(kFont) * static_cast<double>(std::max<size_t>(lines.size(), 1));
    f.section_texts.push_back(add_text(lines, {0, y + h / 2 + 2}, Anchor::Middle, "frame-text", ""));
    cursor_ = y + h + kPad;
  }

  // The frame spans what it holds (or every lifeline when empty), padded, and is wide enough for
  // its kind tab and its condition; the enclosing frame then spans it too.
  void close_frame() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.span.empty()) {
      for (const Lane& l : lanes_) f.span.add(l.cx - kPad, l.cx + kPad);
      if (lanes_.empty()) f.span.add(0, kActorW);
    }
    const double tab_w = std::max(50.0, text_w(f.kind) + 2 * kPad);
    double cond_w = 0;
    if (f.label_text != kNone) cond_w = measure_lines(s_.texts[f.label_text].lines, kFont).width;
    for (size_t t : f.section_texts)
      if (t != kNone) cond_w = std::max(cond_w, measure_lines(s_.texts[t].lines, kFont).width);
    double x0 = f.span.x0 - kPad, x1 = f.span.x1 + kPad;
    // The condition is centred right of the tab: the frame holds tab + condition both sides.
    const double need = 2 * (tab_w + kPad) + cond_w;
    if (x1 - x0 < need) {
      const double grow = need - (x1 - x0);
      x0 -= grow / 2;
      x1 += grow / 2;
    }
    const double bottom = cursor_ + kPad / 2;
    Shape box;
    box.kind = ShapeKind::Rect;
    box.role = "frame";
    box.id = f.kind;
    box.box = {x0, f.top, x1 - x0, bottom - f.top};
    Shape tab;
    tab.kind = ShapeKind::Polygon;
    tab.role = "frame-tab";
    tab.id = f.kind;
    tab.points = {{x0, f.top}, {x0 + tab_w, f.top}, {x0 + tab_w, f.top + 13}, {x0 + tab_w - 7, f.top + 20}, {x0, f.top + 20}};
    tab.box = {x0, f.top, tab_w, 20};
    const double mid = (x0 + x1) / 2;
    if (f.label_text != kNone) s_.texts[f.label_text].at.x = mid;
    for (size_t t : f.section_texts)
      if (t != kNone) s_.texts[t].at.x = mid;
    add_text({f.kind}, {x0 + tab_w / 2, f.top + 10}, Anchor::Middle, "frame-kind", f.kind, true, 14);
    s_.shapes.push_back(std::move(box));
    s_.shapes.push_back(std::move(tab));
    for (const auto& sec : f.sections) {
      Shape div;
      div.kind = ShapeKind::Line;
      div.role = "frame-divider";
      div.id = f.kind;
      div.points = {{x0, sec.first}, {x1, sec.first}};
      s_.shapes.push_back(std::move(div));
    }
    cursor_ = bottom + kPad / 2;
    extend(x0, x1);
  }

  void participant_box(size_t i, double top) {
    const auto& p = m_.participants[i];
    const Lane& l = lanes_[i];
    Shape s;
    s.role = "actor";
    s.id = p.id;
    s.box = {l.cx - l.w / 2, top, l.w, l.h};
    auto lines = label_lines(p.label);
    if (p.actor) {
      // The stick figure above the label; its box (invisible) is what the figure occupies.
      const double cx = l.cx, y = top + 2;
      Shape head;
      head.kind = ShapeKind::Circle;
      head.role = "actor-man";
      head.id = p.id;
      head.box = {cx - 8, y, 16, 16};
      Shape body;
      body.kind = ShapeKind::Line;
      body.role = "actor-man";
      body.id = p.id;
      body.points = {{cx - 12, y + 40}, {cx, y + 28}, {cx + 12, y + 40}, {cx, y + 28}, {cx, y + 16},
                     {cx, y + 21}, {cx - 14, y + 21}, {cx + 14, y + 21}};
      s_.shapes.push_back(std::move(head));
      s_.shapes.push_back(std::move(body));
      const double text_top = top + kFigureH;
      add_text(std::move(lines), {l.cx, text_top + (top + l.h - text_top) / 2}, Anchor::Middle, "actor-label", p.id);
      return;
    }
    s.kind = p.type == "database" ? ShapeKind::Cylinder : ShapeKind::Rect;
    s.rx = s.kind == ShapeKind::Rect ? 3 : 0;
    add_text(std::move(lines), {l.cx, top + l.h / 2}, Anchor::Middle, "actor-label", p.id);
    s_.shapes.push_back(std::move(s));
  }

  void group_boxes(double bottom) {
    for (size_t bi = 0; bi < m_.boxes.size(); ++bi) {
      Bounds b;
      for (size_t i = 0; i < lanes_.size(); ++i)
        if (m_.participants[i].box == static_cast<int>(bi)) b.add(lanes_[i].cx - lanes_[i].w / 2, lanes_[i].cx + lanes_[i].w / 2);
      if (b.empty()) continue;
      Cluster c;
      c.id = "box" + std::to_string(bi);
      c.css_class = "sequence-box";
      c.box = {b.x0 - kPad, box_top_, b.x1 - b.x0 + 2 * kPad, bottom + kPad - box_top_};
      const std::string& color = m_.boxes[bi].color;
      if (!color.empty() && !ci_eq(color, "transparent")) c.style = "fill:" + color;
      if (!m_.boxes[bi].label.empty())
        add_text(label_lines(m_.boxes[bi].label), {c.box.cx(), box_top_ + kPad / 2 + line_height(kFont) / 2},
                 Anchor::Middle, "box-label", c.id);
      s_.clusters.push_back(std::move(c));
    }
  }

  // Moves everything so the leftmost ink sits at kMarginX and sets the size.
  void finish(double height) {
    Bounds b;
    for (const auto& c : s_.clusters) b.add(c.box.x, c.box.right());
    for (const auto& s : s_.shapes) {
      if (!s.points.empty()) {
        for (const Point& p : s.points) b.add(p.x, p.x);
      } else {
        b.add(s.box.x, s.box.right());
      }
    }
    for (const auto& p : s_.paths)
      for (const Point& q : p.points) b.add(q.x, q.x);
    for (const auto& t : s_.texts) {
      const double w = measure_lines(t.lines, t.size, t.bold).width;
      const double x0 = t.anchor == Anchor::Start ? t.at.x : t.anchor == Anchor::Middle ? t.at.x - w / 2 : t.at.x - w;
      b.add(x0, x0 + w);
    }
    if (b.empty()) b.add(0, 0);
    const double dx = kMarginX - b.x0;
    for (auto& c : s_.clusters) c.box.x += dx;
    for (auto& s : s_.shapes) {
      s.box.x += dx;
      for (Point& p : s.points) p.x += dx;
    }
    for (auto& p : s_.paths)
      for (Point& q : p.points) q.x += dx;
    for (auto& t : s_.texts) t.at.x += dx;
    s_.width = b.x1 - b.x0 + 2 * kMarginX;
    for (const auto& c : s_.clusters) height = std::max(height, c.box.bottom() + kMarginY);
    s_.height = height;
  }

  const SequenceModel& m_;
  Scene s_;
  std::vector<Lane> lanes_;
  std::vector<Frame> frames_;
  std::vector<Shape> lifelines_;
  double head_h_ = kActorH;
  double box_top_ = 0;
  double row_top_ = 0;
  double cursor_ = 0;
  double last_y_ = 0;
  bool numbering_ = false;
  int number_ = 1;
  int step_ = 1;
  size_t count_ = 0;
  size_t notes_ = 0;
};

}  // namespace

Scene layout_sequence(const mermaid::SequenceModel& model) { return Layout(model).run(); }

bool draw_sequence(std::string_view source, DrawContext& ctx) {
  mermaid::SequenceParse parsed = mermaid::parse_sequence(source);
  ctx.result = parsed.result;
  if (!parsed.result.valid) return false;
  const SequenceModel& m = parsed.model;
  if (m.participants.size() > kMaxNodes || m.events.size() > 10 * kMaxNodes) {
    ctx.note = "the sequence diagram has " + std::to_string(m.participants.size()) + " participants and " +
               std::to_string(m.events.size()) + " statements; specgate draws at most " + std::to_string(kMaxNodes) +
               " participants and " + std::to_string(10 * kMaxNodes) + " statements";
    return false;
  }
  size_t depth = 0;
  for (const SeqEvent& e : m.events) {
    if (e.kind == SeqEventKind::BlockStart && ++depth > kMaxNesting) {
      ctx.note = "blocks are nested more than " + std::to_string(kMaxNesting) + " deep; specgate does not draw that";
      return false;
    }
    if (e.kind == SeqEventKind::BlockEnd && depth > 0) --depth;
  }
  ctx.scene = layout_sequence(m);
  return true;
}

}  // namespace specgate::render
