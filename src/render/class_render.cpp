#include "render/class_render.h"

#include <algorithm>
#include <map>

#include "render/box_graph.h"
#include "render/label_text.h"
#include "render/renderers.h"
#include "render/styles.h"

namespace specgate::render {
namespace {

using mermaid::ClassEnd;
using mermaid::ClassModel;

constexpr double kNameSize = 16;
constexpr double kMemberSize = 14;
constexpr double kPad = 10;
constexpr double kMinW = 100;

Marker marker(ClassEnd e) {
  switch (e) {
    case ClassEnd::None: return Marker::None;
    case ClassEnd::Extension: return Marker::Triangle;
    case ClassEnd::Composition: return Marker::FilledDiamond;
    case ClassEnd::Aggregation: return Marker::Diamond;
    case ClassEnd::Dependency: return Marker::OpenArrow;
    case ClassEnd::Lollipop: return Marker::Circle;
  }
  return Marker::None;
}

std::string generics(std::string v) {
  bool open = true;
  for (char& c : v) {
    if (c != '~') continue;
    c = open ? '<' : '>';
    open = !open;
  }
  return v;
}

struct Line {
  std::string text;
  bool bold = false;
  bool italic = false;
  double size = kMemberSize;
};

// One node of the layout: a class (three compartments), a note or a lollipop interface.
struct Node {
  enum Kind { Class, Note, Interface } kind = Class;
  std::string id;
  std::vector<Line> header, attrs, methods;  // Class
  std::vector<std::string> text;             // Note, Interface
  TextSize size;
  int class_index = -1;
};

double lines_h(const std::vector<Line>& ls) {
  double h = 0;
  for (const Line& l : ls) h += line_height(l.size);
  return h;
}
double lines_w(const std::vector<Line>& ls) {
  double w = 0;
  for (const Line& l : ls) w = std::max(w, text_width(l.text, l.size, l.bold));
  return w;
}

}  // namespace

namespace {

size_t tildes(std::string_view s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '~')); }

// Mermaid's processSet: the outermost ~ pairs become < >, working inwards; an odd leading ~ stays.
std::string generic_set(std::string s) {
  if (tildes(s) <= 1) return s;
  bool leading = false;
  if (tildes(s) % 2 != 0 && s.front() == '~') {
    s.erase(0, 1);
    leading = true;
  }
  for (size_t first = s.find('~'), last = s.rfind('~'); first != std::string::npos && first != last;
       first = s.find('~'), last = s.rfind('~')) {
    s[first] = '<';
    s[last] = '>';
  }
  return leading ? "~" + s : s;
}

// Mermaid's parseGenericTypes: per comma-separated part, except that `Map~K, V~`'s two halves
// (one ~ each) are joined back first.
std::string generic_types(std::string_view in) {
  std::vector<std::string> sets;  // in.split(/(,)/): parts with the commas between them
  size_t b = 0;
  for (size_t i = 0; i <= in.size(); ++i) {
    if (i == in.size() || in[i] == ',') {
      sets.emplace_back(in.substr(b, i - b));
      if (i < in.size()) sets.emplace_back(",");
      b = i + 1;
    }
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < sets.size(); ++i) {
    std::string set = sets[i];
    if (set == "," && i > 0 && i + 1 < sets.size() && tildes(sets[i - 1]) == 1 && tildes(sets[i + 1]) == 1) {
      set = sets[i - 1] + "," + sets[i + 1];
      ++i;
      out.pop_back();
    }
    out.push_back(generic_set(std::move(set)));
  }
  std::string joined;
  for (const std::string& o : out) joined += o;
  return joined;
}

bool js_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string trimmed(std::string_view s) {
  while (!s.empty() && js_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && js_blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool visibility(char c) { return c == '#' || c == '+' || c == '~' || c == '-'; }

}  // namespace

// Mermaid's ClassMember.parseMember and getDisplayDetails: a method splits as
// /([#+~-])?(.+)\((.*)\)([\s$*])?(.*)([$*])?/ into visibility, name, parameters, classifier and
// return type, shown as `+name(params) : Return`; an attribute is visibility and the rest.
std::string class_member_text(std::string_view written, bool* italic, bool method) {
  const std::string in = trimmed(written);
  std::string vis, id, params, ret, classifier;
  bool parsed = false;
  if (method) {
    const size_t close = in.rfind(')');
    const size_t lead = !in.empty() && visibility(in[0]) ? 1 : 0;
    // (.+) before the '(' takes at least one character after the visibility, greedily.
    size_t open = close == std::string::npos || close == 0 ? std::string::npos : in.rfind('(', close - 1);
    size_t from = lead;
    if (open != std::string::npos && open < lead + 1) {
      from = 0;  // the regex gives the visibility up so that (.+) is not empty
      if (open < 1) open = std::string::npos;
    }
    if (open != std::string::npos) {
      parsed = true;
      vis = in.substr(0, from);
      id = in.substr(from, open - from);
      params = trimmed(std::string_view(in).substr(open + 1, close - open - 1));
      size_t rest = close + 1;
      if (rest < in.size() && (js_blank(in[rest]) || in[rest] == '$' || in[rest] == '*')) {
        if (!js_blank(in[rest])) classifier = in.substr(rest, 1);
        ++rest;
      }
      ret = trimmed(std::string_view(in).substr(std::min(rest, in.size())));
      if (classifier.empty() && !ret.empty() && (ret.back() == '$' || ret.back() == '*')) {
        classifier = ret.substr(ret.size() - 1);
        ret.pop_back();
      }
    }
  }
  if (!parsed) {
    if (!in.empty() && visibility(in[0])) vis = in.substr(0, 1);
    if (!in.empty() && (in.back() == '$' || in.back() == '*')) classifier = in.substr(in.size() - 1);
    const size_t end = in.size() - classifier.size();
    id = end >= vis.size() ? in.substr(vis.size(), end - vis.size()) : "";
  }
  if (italic) *italic = classifier == "*";
  id = !id.empty() && id.front() == ' ' ? " " + trimmed(id) : trimmed(id);
  std::string shown = vis + generic_types(id);
  if (parsed) {
    shown += "(" + generic_types(params) + ")";
    if (!ret.empty()) shown += " : " + generic_types(ret);
  }
  return trimmed(shown);
}

Scene layout_class(const ClassModel& m) {
  Scene sc;
  sc.diagram = "class";
  std::vector<Node> nodes;
  std::map<std::string, size_t> index;  // class or interface id -> node
  for (size_t i = 0; i < m.classes.size(); ++i) {
    const auto& c = m.classes[i];
    Node n;
    n.id = c.id;
    n.class_index = static_cast<int>(i);
    for (const std::string& a : c.annotations) n.header.push_back({"\xC2\xAB" + a + "\xC2\xBB", false, false, kMemberSize});
    std::vector<std::string> name = label_lines(c.label);
    if (!c.generic.empty()) name.back() += "<" + generics(c.generic) + ">";
    for (const std::string& l : name) n.header.push_back({l, true, false, kNameSize});
    for (const auto& mem : c.members) {
      bool italic = false;
      // Entities and <br> first: the generics' < > that class_member_text makes are text, not tags.
      for (const std::string& l : label_lines(mem.text)) {
        std::string shown = class_member_text(l, &italic, mem.method);
        (mem.method ? n.methods : n.attrs).push_back({shown, false, italic, kMemberSize});
      }
    }
    double w = std::max({lines_w(n.header), lines_w(n.attrs), lines_w(n.methods)}) + 2 * kPad;
    n.size.width = std::max(kMinW, w);
    n.size.height = lines_h(n.header) + lines_h(n.attrs) + lines_h(n.methods) + 4 * kPad;
    index[c.id] = nodes.size();
    nodes.push_back(std::move(n));
  }
  for (const mermaid::ClassInterface& i : m.interfaces) {
    Node n;
    n.kind = Node::Interface;
    n.id = i.id;
    n.text = label_lines(i.label);
    TextSize t = measure_lines(n.text, kMemberSize);
    n.size = {std::max(t.width, 20.0), t.height + 20};
    index[i.id] = nodes.size();
    nodes.push_back(std::move(n));
  }
  std::vector<size_t> note_node(m.notes.size());
  for (size_t k = 0; k < m.notes.size(); ++k) {
    Node n;
    n.kind = Node::Note;
    n.id = "note" + std::to_string(k);
    n.text = label_lines(m.notes[k].text);
    TextSize t = measure_lines(n.text, kMemberSize);
    n.size = {t.width + 2 * kPad, t.height + 2 * kPad};
    note_node[k] = nodes.size();
    nodes.push_back(std::move(n));
  }
  std::vector<TextSize> sizes;
  for (const Node& n : nodes) sizes.push_back(n.size);
  std::vector<BoxEdge> edges;
  for (size_t k = 0; k < m.relations.size(); ++k) {
    const auto& r = m.relations[k];
    BoxEdge e;
    e.from = index.at(r.a);
    e.to = index.at(r.b);
    if (!r.label.empty()) e.label = label_lines(r.label);
    if (!r.card_a.empty()) e.from_text = label_lines(r.card_a);
    if (!r.card_b.empty()) e.to_text = label_lines(r.card_b);
    e.start = marker(r.end_a);
    e.end = marker(r.end_b);
    e.dash = r.dotted ? Dash::Dashed : Dash::Solid;
    e.id = "rel" + std::to_string(k);
    edges.push_back(std::move(e));
  }
  for (size_t k = 0; k < m.notes.size(); ++k) {
    auto it = index.find(m.notes[k].for_class);
    if (m.notes[k].for_class.empty() || it == index.end()) continue;
    BoxEdge e;
    e.from = note_node[k];
    e.to = it->second;
    e.role = "note-link";
    e.id = "notelink" + std::to_string(k);
    edges.push_back(std::move(e));
  }
  // Namespaces are clusters of the layout, as the flowchart's subgraphs are.
  BoxClusters ns;
  std::vector<std::string> ns_name;
  std::map<std::string, int> ns_index;  // a namespace opened twice is one cluster
  for (const auto& x : m.namespaces)
    if (ns_index.emplace(x.name, static_cast<int>(ns_name.size())).second) ns_name.push_back(x.name);
  ns.clusters.resize(ns_name.size());
  for (const auto& x : m.namespaces) {
    auto p = ns_index.find(x.parent);
    int& parent = ns.clusters[static_cast<size_t>(ns_index[x.name])].parent;
    if (parent < 0 && p != ns_index.end() && p->second != ns_index[x.name]) parent = p->second;
  }
  for (size_t k = 0; k < ns.clusters.size(); ++k) {
    // A parent chain that loops (`A` inside `B` and `B` inside `A`) is cut where it closes.
    size_t steps = 0;
    for (int p = ns.clusters[k].parent; p >= 0; p = ns.clusters[static_cast<size_t>(p)].parent)
      if (++steps > ns.clusters.size()) {
        ns.clusters[k].parent = -1;
        break;
      }
    ns.clusters[k].title_w = text_width(ns_name[k], kMemberSize, true);
  }
  ns.of_box.assign(nodes.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].class_index < 0) continue;
    auto it = ns_index.find(m.classes[static_cast<size_t>(nodes[i].class_index)].name_space);
    if (it != ns_index.end()) ns.of_box[i] = it->second;
  }
  std::vector<Box> boxes = draw_box_graph(sizes, edges, parse_direction(m.direction), sc, 30, &ns);
  // Outer namespaces first, so inner boxes are drawn over them.
  std::vector<size_t> order, depth(ns_name.size(), 0);
  for (size_t k = 0; k < ns_name.size(); ++k) {
    order.push_back(k);
    for (int p = ns.clusters[k].parent; p >= 0; p = ns.clusters[static_cast<size_t>(p)].parent) ++depth[k];
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return depth[a] < depth[b]; });
  for (size_t k : order) {
    Cluster c;
    c.id = ns_name[k];
    c.box = ns.placed[k];
    sc.clusters.push_back(c);
    Text t;
    t.lines = label_lines(ns_name[k]);
    t.at = {c.box.cx(), c.box.y + kBoxClusterTitle / 2 + 2};
    t.size = kMemberSize;
    t.bold = true;
    t.role = "cluster-label";
    t.id = ns_name[k];
    sc.texts.push_back(std::move(t));
  }

  for (size_t i = 0; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    const Box& b = boxes[i];
    if (n.kind == Node::Note) {
      Shape s;
      s.kind = ShapeKind::Rect;
      s.role = "note";
      s.id = n.id;
      s.box = b;
      sc.shapes.push_back(s);
      Text t;
      t.lines = n.text;
      t.at = {b.cx(), b.cy()};
      t.size = kMemberSize;
      t.role = "note-text";
      t.id = n.id;
      sc.texts.push_back(std::move(t));
      continue;
    }
    if (n.kind == Node::Interface) {
      Shape s;
      s.kind = ShapeKind::Circle;
      s.role = "interface";
      s.id = n.id;
      s.box = {b.cx() - 8, b.y + 2, 16, 16};
      sc.shapes.push_back(s);
      Text t;
      t.lines = n.text;
      t.at = {b.cx(), b.y + 20 + (b.h - 20) / 2};
      t.size = kMemberSize;
      t.role = "interface-label";
      t.id = n.id;
      sc.texts.push_back(std::move(t));
      continue;
    }
    const auto& c = m.classes[static_cast<size_t>(n.class_index)];
    Shape s;
    s.kind = ShapeKind::Rect;
    s.role = "class-box";
    s.id = n.id;
    s.box = b;
    for (const std::string& cls : c.classes) s.css_class += (s.css_class.empty() ? "" : " ") + cls;
    // classDef / cssClass / ::: / style, as the flowchart's nodes take them: the box every
    // declaration, its texts the colour and font ones.
    s.style = composed_style(m.class_defs, c.classes, c.style);
    const std::string text_style = text_style_of(s.style);
    sc.shapes.push_back(s);
    double y = b.y + kPad;
    auto put = [&](const std::vector<Line>& ls, bool centred, const char* role) {
      for (const Line& l : ls) {
        const double h = line_height(l.size);
        Text t;
        t.lines = {l.text};
        t.at = {centred ? b.cx() : b.x + kPad, y + h / 2};
        t.anchor = centred ? Anchor::Middle : Anchor::Start;
        t.size = l.size;
        t.bold = l.bold;
        t.italic = l.italic;
        t.role = role;
        t.id = n.id;
        t.style = text_style;
        if (!l.text.empty()) sc.texts.push_back(std::move(t));
        y += h;
      }
    };
    auto divider = [&]() {
      Shape d;
      d.kind = ShapeKind::Line;
      d.role = "class-divider";
      d.id = n.id;
      d.points = {{b.x, y + kPad / 2}, {b.right(), y + kPad / 2}};
      sc.shapes.push_back(std::move(d));
      y += kPad;
    };
    put(n.header, true, "class-name");
    divider();
    put(n.attrs, false, "class-member");
    divider();
    put(n.methods, false, "class-member");
  }

  return sc;
}

bool draw_class(std::string_view source, DrawContext& ctx) {
  mermaid::ClassParse parsed = mermaid::parse_class(source);
  ctx.result = parsed.result;
  if (!parsed.result.valid) return false;
  const ClassModel& m = parsed.model;
  if (m.namespaces.size() > 0) {
    // Namespaces nest as subgraphs do, under the same limit.
    std::map<std::string, std::string> parent;
    for (const auto& x : m.namespaces) parent.emplace(x.name, x.parent);
    for (const auto& x : m.namespaces) {
      size_t d = 0;
      for (std::string p = x.parent; !p.empty() && d <= kMaxNesting; p = parent.count(p) ? parent[p] : std::string()) ++d;
      if (d >= kMaxNesting) {
        ctx.note = "namespaces are nested more than " + std::to_string(kMaxNesting) + " deep; specgate does not draw that";
        return false;
      }
    }
  }
  if (m.classes.size() + m.notes.size() + m.interfaces.size() > kMaxNodes) {
    ctx.note = "the class diagram has " + std::to_string(m.classes.size()) + " classes; specgate draws at most " +
               std::to_string(kMaxNodes) + " boxes";
    return false;
  }
  ctx.scene = layout_class(m);
  return true;
}

}  // namespace specgate::render
