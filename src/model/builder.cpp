// Builds the Document from the parser's block tree plus the raw lines. The parser decides what
// is a heading, a list or a code block; raw lines give exact columns for fields, checkboxes and
// table cells (including empty cells the parser does not report).
#include <algorithm>
#include <cstdint>

#include "core/text.h"
#include "core/unescaped.h"
#include "markdown/block_tree.h"
#include "markdown/line_scan.h"
#include "model/document.h"
#include "model/fields.h"
#include "model/front_matter.h"
#include "model/normalize.h"
#include "model/status.h"

namespace specgate {

using markdown::BlockTree;
using markdown::BlockType;
using markdown::kNoOffset;

namespace {

struct CellSpan {
  size_t begin, end;  // byte offsets within the line, trimmed
  size_t raw_begin;   // start of the cell before trimming
};

// Splits a GFM table row on unescaped pipes; a leading and a trailing pipe are optional.
// Fills `cells` (cleared first; the caller reuses it from row to row).
void split_row(std::string_view line, size_t from, std::vector<CellSpan>& cells) {
  cells.clear();
  size_t i = from;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i < line.size() && line[i] == '|') ++i;
  size_t start = i;
  auto push = [&](size_t b, size_t e) {
    size_t tb = b, te = e;
    while (tb < te && (line[tb] == ' ' || line[tb] == '\t')) ++tb;
    while (te > tb && (line[te - 1] == ' ' || line[te - 1] == '\t')) --te;
    cells.push_back({tb, te, b});
  };
  const UnescapedFinder find(line);
  for (size_t p = find.next(i, '|'); p != std::string_view::npos; p = find.next(p + 1, '|')) {
    push(start, p);
    start = p + 1;
  }
  std::string_view tail = trim(line.substr(std::min(start, line.size())));
  if (!tail.empty()) push(start, line.size());
}

std::string heading_title(std::string_view line, bool setext, size_t& title_offset) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  if (!setext) {
    while (i < line.size() && line[i] == '#') ++i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  }
  size_t e = line.size();
  while (e > i && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
  if (!setext) {
    // Optional closing sequence: " ##".
    size_t h = e;
    while (h > i && line[h - 1] == '#') --h;
    if (h < e && (h == i || line[h - 1] == ' ' || line[h - 1] == '\t')) {
      e = h;
      while (e > i && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
    }
  }
  title_offset = i;
  return std::string(line.substr(i, e - i));
}

class ModelBuilder {
 public:
  explicit ModelBuilder(Document& doc) : doc_(doc), src_(doc.source) {}

  void build() {
    // md4c does not know about a byte-order mark; start after it.
    const size_t begin = std::max(read_front_matter(src_, doc_.front_matter), src_.content_begin());
    doc_.lines.assign(src_.line_count(), LineInfo{});
    if (doc_.front_matter.present) {
      for (uint32_t l = doc_.front_matter.line; l <= doc_.front_matter.end_line; ++l)
        doc_.lines[l - 1].kind = LineKind::FrontMatter;
      for (const auto& e : doc_.front_matter.entries) {
        Field f;
        f.key = e.key;
        f.folded_key = fold_key(f.key);
        f.value = e.value;
        f.line = e.line;
        f.column = 1;
        f.value_column = e.column;
        f.front_matter = true;
        doc_.fields.push_back(std::move(f));
      }
    }
    tree_ = markdown::parse_blocks(src_, begin);
    build_sections();
    build_blocks();
    assign_line_sections();
    extract_line_items();
    add_line_facts();
  }

 private:
  void build_sections() {
    std::vector<int32_t> stack;
    for (const auto& b : tree_.blocks) {
      if (b.type != BlockType::Heading || b.line == 0) continue;
      Section s;
      size_t off = 0;
      s.title = heading_title(src_.line(b.line), b.setext, off);
      if (b.setext) {
        // A setext title may span lines; join them.
        for (uint32_t l = b.line + 1; l < b.end_line; ++l) {
          s.title += ' ';
          s.title += trim(src_.line(l));
        }
      }
      NormalizedTitle n = normalize_title(s.title);
      s.normalized_title = std::move(n.text);
      s.title_has_placeholder = n.has_placeholder;
      s.level = b.level;
      s.line = b.line;
      s.column = src_.column_of(b.line, off);
      while (!stack.empty() && doc_.sections[stack.back()].level >= s.level) stack.pop_back();
      s.parent = stack.empty() ? -1 : stack.back();
      const int32_t idx = static_cast<int32_t>(doc_.sections.size());
      if (s.parent >= 0) doc_.sections[s.parent].children.push_back(idx);
      doc_.sections.push_back(std::move(s));
      stack.push_back(idx);
    }
    const uint32_t last_line = src_.line_count();
    for (size_t i = 0; i < doc_.sections.size(); ++i) {
      Section& s = doc_.sections[i];
      s.body_end_line = i + 1 < doc_.sections.size() ? doc_.sections[i + 1].line - 1 : last_line;
      s.end_line = last_line;
      for (size_t j = i + 1; j < doc_.sections.size(); ++j) {
        if (doc_.sections[j].level <= s.level) {
          s.end_line = doc_.sections[j].line - 1;
          break;
        }
      }
    }
  }

  void mark_lines(uint32_t from, uint32_t to, LineKind kind) {
    for (uint32_t l = from; l >= 1 && l <= to && l <= doc_.lines.size(); ++l) doc_.lines[l - 1].kind = kind;
  }

  void build_blocks() {
    // model index of each tree block that became a model Block, for parent links
    std::vector<int32_t> model_index(tree_.blocks.size(), -1);
    std::vector<uint16_t> depth(tree_.blocks.size(), 0);
    std::vector<uint8_t> in_list(tree_.blocks.size(), 0), in_quote(tree_.blocks.size(), 0);
    doc_.blocks.reserve(tree_.blocks.size());  // at most one model Block per tree block
    for (size_t i = 1; i < tree_.blocks.size(); ++i) {
      const auto& b = tree_.blocks[i];
      const int32_t p = b.parent;
      int32_t container = -1;  // nearest model Block ancestor (List or Quote)
      if (p >= 0) {
        depth[i] = depth[p];
        in_list[i] = in_list[p];
        in_quote[i] = in_quote[p];
        for (int32_t a = p; a > 0; a = tree_.blocks[a].parent) {
          if (model_index[a] >= 0) { container = model_index[a]; break; }
        }
      }
      BlockKind kind;
      bool is_model_block = true;
      switch (b.type) {
        case BlockType::Paragraph: kind = BlockKind::Paragraph; break;
        case BlockType::UnorderedList:
        case BlockType::OrderedList: kind = BlockKind::List; break;
        case BlockType::Table: kind = BlockKind::Table; break;
        case BlockType::Code: kind = BlockKind::Code; break;
        case BlockType::Quote: kind = BlockKind::Quote; break;
        case BlockType::ThematicBreak: kind = BlockKind::ThematicBreak; break;
        case BlockType::Html: kind = BlockKind::Html; break;
        case BlockType::Heading: kind = BlockKind::Heading; break;
        default: is_model_block = false; kind = BlockKind::Paragraph; break;
      }
      if (b.type == BlockType::ListItem && b.line > 0 && b.line <= doc_.lines.size()) {
        doc_.lines[b.line - 1].list_item_start = true;
        // A tight list item's text has no paragraph block; its lines are prose all the same.
        if (b.own_first != kNoOffset) {
          const uint32_t first = src_.line_of(b.own_first);
          const uint32_t last = std::min<uint32_t>(src_.line_of(b.own_last, first), doc_.lines.size());
          for (uint32_t l = first; l <= last; ++l)
            if (doc_.lines[l - 1].kind == LineKind::Blank) doc_.lines[l - 1].kind = LineKind::Paragraph;
        }
      }
      if (!is_model_block || b.line == 0) {
        if (b.type == BlockType::UnorderedList || b.type == BlockType::OrderedList) in_list[i] = 1;
        continue;
      }
      Block mb;
      mb.kind = kind;
      mb.line = b.line;
      mb.end_line = std::max(b.line, b.end_line);
      mb.depth = depth[i];
      mb.parent = container;
      mb.ordered = b.type == BlockType::OrderedList;
      if (kind == BlockKind::Table) mb.ref = add_table(i);
      if (kind == BlockKind::Code) mb.ref = add_code(b);
      model_index[i] = static_cast<int32_t>(doc_.blocks.size());
      doc_.blocks.push_back(mb);
      if (kind == BlockKind::List || kind == BlockKind::Quote) {
        // Saturates: 100k nested quotes must not wrap back to depth 0.
        if (depth[i] < UINT16_MAX) depth[i] = static_cast<uint16_t>(depth[i] + 1);
        if (kind == BlockKind::List) in_list[i] = 1;
        else in_quote[i] = 1;
      }
      const uint32_t end = doc_.blocks.back().end_line;
      if (kind == BlockKind::List || kind == BlockKind::Quote) {
        for (uint32_t l = mb.line; l <= end && l <= doc_.lines.size(); ++l) {
          if (kind == BlockKind::List) doc_.lines[l - 1].in_list = true;
          else doc_.lines[l - 1].in_quote = true;
        }
        continue;
      }
      LineKind lk = LineKind::Paragraph;
      switch (kind) {
        case BlockKind::Heading: lk = LineKind::Heading; break;
        case BlockKind::Code: lk = LineKind::Code; break;
        case BlockKind::Table: lk = LineKind::Table; break;
        case BlockKind::ThematicBreak: lk = LineKind::ThematicBreak; break;
        case BlockKind::Html: lk = LineKind::Html; break;
        default: break;
      }
      mark_lines(mb.line, end, lk);
    }
  }

  int32_t add_table(size_t tree_index) {
    const auto& b = tree_.blocks[tree_index];
    Table t;
    t.line = b.line;
    uint32_t body_rows = 0;
    for (size_t j = tree_index + 1; j < tree_.blocks.size(); ++j) {
      const auto& c = tree_.blocks[j];
      if (c.type == BlockType::TableRow) {
        int32_t p = c.parent;
        if (p >= 0 && tree_.blocks[p].type == BlockType::TableBody && tree_.blocks[p].parent == static_cast<int32_t>(tree_index))
          ++body_rows;
      }
      if (c.type == BlockType::Table || (c.parent >= 0 && static_cast<size_t>(c.parent) < tree_index)) break;
    }
    // GFM rows are one line each: header, delimiter, then the body rows.
    t.end_line = std::min<uint32_t>(t.line + 1 + body_rows, src_.line_count());
    auto cells_of = [&](uint32_t line) {
      std::vector<TableCell> cells;
      std::string_view text = src_.line(line);
      size_t from = 0;
      while (from < text.size() && (text[from] == ' ' || text[from] == '\t' || text[from] == '>')) ++from;
      split_row(text, from, spans_);
      cells.reserve(spans_.size());
      for (const CellSpan& c : spans_) {
        TableCell cell;
        cell.text.assign(text.substr(c.begin, c.end - c.begin));
        cell.line = line;
        cell.offset = static_cast<uint32_t>(c.begin == c.end ? c.raw_begin : c.begin);
        cell.column = src_.column_of(line, cell.offset);
        cells.push_back(std::move(cell));
      }
      return cells;
    };
    t.header = cells_of(t.line);
    for (uint32_t l = t.line + 2; l <= t.end_line; ++l) t.rows.push_back(cells_of(l));
    doc_.tables.push_back(std::move(t));
    return static_cast<int32_t>(doc_.tables.size() - 1);
  }

  int32_t add_code(const markdown::Block& b) {
    CodeBlock c;
    c.line = b.line;
    c.end_line = std::max(b.line, b.end_line);
    c.content_line = b.content_line ? b.content_line : b.line;
    // Each block is added once: its text moves into the model instead of being copied.
    markdown::CodeDetail& d = tree_.code[b.code];
    c.info = std::move(d.info);
    c.language = std::move(d.lang);
    c.content = std::move(d.text);
    c.line_offsets = std::move(d.line_offsets);
    c.fenced = b.fence_char != 0;
    c.closed = b.closed;
    doc_.code_blocks.push_back(std::move(c));
    return static_cast<int32_t>(doc_.code_blocks.size() - 1);
  }

  void assign_line_sections() {
    int32_t current = kPreamble;
    size_t next = 0;
    for (uint32_t l = 1; l <= doc_.lines.size(); ++l) {
      while (next < doc_.sections.size() && doc_.sections[next].line == l) current = static_cast<int32_t>(next++);
      doc_.lines[l - 1].section = current;
    }
    for (auto& b : doc_.blocks) b.section = doc_.section_at(b.line);
    for (auto& t : doc_.tables) t.section = doc_.section_at(t.line);
    for (auto& c : doc_.code_blocks) c.section = doc_.section_at(c.line);
    for (auto& f : doc_.fields) f.section = kPreamble;  // front matter
  }

  void extract_line_items() {
    // Task-list items reported by the parser.
    for (const auto& b : tree_.blocks) {
      if (b.type != BlockType::ListItem || !b.is_task || b.task_offset == kNoOffset) continue;
      ChecklistItem item;
      item.checked = b.task_checked;
      const Location loc = src_.location_of(b.task_offset);
      item.line = loc.line;
      item.column = loc.column > 1 ? loc.column - 1 : 1;
      std::string_view line = src_.line(loc.line);
      const size_t line_begin = src_.line_begin(loc.line) + (loc.line == 1 ? src_.content_begin() : 0);
      const size_t after = b.task_offset - line_begin + 2;
      item.text.assign(trim(after < line.size() ? line.substr(after) : std::string_view()));
      item.section = doc_.section_at(item.line);
      doc_.checklist.push_back(std::move(item));
    }
    std::vector<bool> task_lines(doc_.lines.size(), false);
    for (const auto& c : doc_.checklist) {
      if (c.line >= 1 && c.line <= task_lines.size()) task_lines[c.line - 1] = true;
    }
    for (uint32_t l = 1; l <= doc_.lines.size(); ++l) {
      LineInfo& info = doc_.lines[l - 1];
      if (info.kind != LineKind::Paragraph) {
        // A list item whose text is not a paragraph (an HTML block, a table) has content too.
        if (info.list_item_start) info.content = static_cast<uint32_t>(content_start(src_.line(l)));
        continue;
      }
      std::string_view line = src_.line(l);
      const size_t cs = content_start(line);
      info.content = static_cast<uint32_t>(cs);
      info.plain_field = plain_field_line(line.substr(cs));
      // `* **[ ]** text` and `- **[x] Label:** text`: a box inside bold that the parser sees as text.
      if (info.list_item_start) {
        if (line.compare(cs, 3, "**[") == 0 && cs + 5 <= line.size() && line[cs + 4] == ']' &&
            (line[cs + 3] == ' ' || line[cs + 3] == 'x' || line[cs + 3] == 'X')) {
          ChecklistItem item;
          item.checked = line[cs + 3] != ' ';
          item.line = l;
          item.column = src_.column_of(l, cs + 2);
          std::string text(line.substr(cs + 5));
          if (text.rfind("**", 0) == 0) text.erase(0, 2);
          item.text.assign(trim(text));
          item.section = info.section;
          doc_.checklist.push_back(std::move(item));
          continue;
        }
        // ``- `[ ] criterion` ``: a whole item written as code, a house style; the box is still a box.
        if (line.compare(cs, 2, "`[") == 0 && cs + 4 <= line.size() && line[cs + 3] == ']' &&
            (line[cs + 2] == ' ' || line[cs + 2] == 'x' || line[cs + 2] == 'X')) {
          std::string text(line.substr(cs + 4));
          const size_t close = text.find('`');
          if (close != std::string::npos) {  // an unclosed backtick is no code span
            ChecklistItem item;
            item.checked = line[cs + 2] != ' ';
            item.line = l;
            item.column = src_.column_of(l, cs + 1);
            text.erase(close, 1);
            item.text.assign(trim(text));
            item.section = info.section;
            doc_.checklist.push_back(std::move(item));
            continue;
          }
        }
      }
      if (task_lines[l - 1]) continue;  // a checklist line is not also a field line
      for (RawField& rf : extract_fields(line, cs)) {
        Field f;
        f.key = std::move(rf.key);
        f.folded_key = fold_key(f.key);
        f.value = std::move(rf.value);
        f.line = l;
        f.column = src_.column_of(l, rf.key_offset);
        f.value_column = src_.column_of(l, rf.value_offset);
        f.value_offset = static_cast<uint32_t>(rf.value_offset);
        f.section = info.section;
        doc_.fields.push_back(std::move(f));
      }
    }
    std::sort(doc_.checklist.begin(), doc_.checklist.end(),
              [](const ChecklistItem& a, const ChecklistItem& b) { return a.line < b.line; });
    // Links and images.
    for (const auto& s : tree_.spans) {
      if (s.type != markdown::SpanType::Link && s.type != markdown::SpanType::Image) continue;
      Link link;
      link.target = s.href;
      link.image = s.type == markdown::SpanType::Image;
      size_t off = s.first;
      if (off == kNoOffset) {
        const auto& blk = tree_.blocks[s.block];
        off = blk.first != kNoOffset ? blk.first : src_.line_begin(std::max<uint32_t>(blk.line, 1));
      } else if (off > 0) {
        const char prev = src_.text()[off - 1];
        // `[text](url)` starts at '['; `<url>` at '<'; a bare URL at its first character.
        link.autolink = prev != '[';
        if (prev == '[' || prev == '<') --off;
        if (link.image && off > 0 && src_.text()[off] == '[' && src_.text()[off - 1] == '!') --off;
      }
      const Location loc = src_.location_of(off);
      link.line = loc.line;
      link.column = loc.column;
      link.section = doc_.section_at(link.line);
      doc_.links.push_back(std::move(link));
    }
  }

  // The per-line facts of LineInfo that the rules share (see document.h); content and
  // plain_field are set by extract_line_items, which walks the same lines.
  void add_line_facts() {
    auto& lines = doc_.lines;
    for (const ChecklistItem& c : doc_.checklist) {
      if (c.line >= 1 && c.line <= lines.size()) lines[c.line - 1].checkbox = true;
    }
    for (size_t i = 0; i < doc_.fields.size(); ++i) {
      const Field& f = doc_.fields[i];
      if (f.front_matter || f.line < 1 || f.line > lines.size()) continue;
      if (lines[f.line - 1].first_field < 0) lines[f.line - 1].first_field = static_cast<int32_t>(i);
    }
    for (uint32_t l = 1; l <= lines.size(); ++l) {
      LineInfo& info = lines[l - 1];
      if (info.kind != LineKind::Paragraph || info.in_list || info.in_quote) continue;
      // One line: its neighbours are not lines of the same paragraph.
      if (l > 1 && lines[l - 2].kind == LineKind::Paragraph) continue;
      if (l < lines.size() && lines[l].kind == LineKind::Paragraph) continue;
      info.bold_label = !bold_label_title(src_.line(l).substr(info.content)).empty();
    }
    // One search of the whole text instead of one per line.
    const std::string_view text = src_.text();
    uint32_t hint = 1;
    for (size_t at = text.find("<!--"); at != std::string_view::npos; at = text.find("<!--", at + 4)) {
      hint = src_.line_of(at, hint);
      if (hint >= 1 && hint <= lines.size()) lines[hint - 1].comment = true;
    }
  }

  Document& doc_;
  const SourceText& src_;
  BlockTree tree_;
  std::vector<CellSpan> spans_;  // one table row's cells, reused from row to row
};

}  // namespace

std::string_view bold_label_title(std::string_view s) {
  s = trim(s);
  if (s.size() > 1 && s.back() == ':') s = trim(s.substr(0, s.size() - 1));  // "**Context**:"
  if (s.size() < 5) return {};
  const std::string_view mark = s.substr(0, 2);
  if ((mark != "**" && mark != "__") || s.substr(s.size() - 2) != mark) return {};
  std::string_view inner = s.substr(2, s.size() - 4);
  if (inner.find(mark) != std::string_view::npos) return {};  // "**A** and **B**": two spans
  if (!inner.empty() && inner.back() == ':') inner = inner.substr(0, inner.size() - 1);
  return trim(inner);
}

bool plain_field_line(std::string_view s) {
  // A key longer than 40 bytes is no key: look no further for its colon.
  const size_t colon = s.substr(0, 41).find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  if (colon + 1 < s.size() && s[colon + 1] != ' ' && s[colon + 1] != '\t') return false;
  size_t spaces = 0;
  for (size_t i = 0; i < colon; ++i) {
    const char c = s[i];
    if (c == ' ') ++spaces;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/'))
      return false;
  }
  return spaces <= 3;
}

std::string_view Document::content(uint32_t line) const {
  const std::string_view raw = source.line(line);
  return trim(raw.substr(std::min<size_t>(line_info(line).content, raw.size())));
}

size_t Document::field_count(uint32_t line) const {
  const int32_t first = line_info(line).first_field;
  if (first < 0) return 0;
  size_t i = static_cast<size_t>(first);
  while (i < fields.size() && fields[i].line == line) ++i;
  return i - static_cast<size_t>(first);
}

std::string_view block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::List: return "list";
    case BlockKind::Table: return "table";
    case BlockKind::Code: return "code";
    case BlockKind::Quote: return "quote";
    case BlockKind::ThematicBreak: return "thematic_break";
    case BlockKind::Html: return "html";
    case BlockKind::Heading: return "heading";
  }
  return "paragraph";
}

std::string Document::section_path(int32_t section) const {
  std::vector<int32_t> chain;
  for (int32_t s = section; s >= 0; s = sections[s].parent) chain.push_back(s);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += sections[*it].title;
  }
  return out;
}

namespace {

// The first character folded_equal compares: the first non-space one, lowercased; -1 for none.
int first_folded(std::string_view s) {
  for (char c : s)
    if (!ascii_space(c)) return static_cast<unsigned char>(ascii_lower(c));
  return -1;
}

}  // namespace

const Field* Document::find_field(std::initializer_list<std::string_view> keys) const {
  // Keys that differ in their first folded character are not compared whole (read_status asks
  // five keys of every field, and several rules ask).
  for (const Field& f : fields) {
    const int first = first_folded(f.key);
    for (std::string_view want : keys) {
      if (first_folded(want) == first && folded_equal(f.key, want)) return &f;
    }
  }
  return nullptr;
}

Document build_document(SourceText source) {
  Document doc;
  doc.source = std::move(source);
  ModelBuilder(doc).build();
  doc.directives = read_directives(doc);
  doc.suppressions = Suppressions(doc);
  doc.status = read_status(doc);
  return doc;
}

}  // namespace specgate
