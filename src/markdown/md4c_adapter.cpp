// The only file that includes md4c. md4c reports structure through callbacks and hands text out
// as pointers into our buffer; we turn those pointers back into offsets to give every block a
// line range. Blocks that carry no text are placed by scanning raw lines after the last line the
// parser has consumed.
#include <md4c.h>

#include <algorithm>

#include "markdown/block_tree.h"
#include "markdown/line_scan.h"

namespace specgate::markdown {

namespace {

class Builder {
 public:
  Builder(const SourceText& src, size_t begin) : src_(src), base_(src.text().data()) {
    tree_.blocks.reserve(256);
    // Links, emphasis and code spans: about one per 40 bytes of a spec, so a few doublings at most.
    tree_.spans.reserve(src.text().size() / 40);
    Block doc;
    doc.type = BlockType::Document;
    tree_.blocks.push_back(doc);
    stack_.push_back(0);
    consumed_line_ = begin == 0 ? 0 : src.line_of(begin - 1);
    // Lines that could place a block without text, indexed once: looking them up by scanning
    // from each such block would be quadratic ("- #" repeated: empty headings in list items).
    for (uint32_t l = 1; l <= src.line_count(); ++l) {
      // Each kind has its own first character; most lines (prose) have none of them.
      const std::string_view s = strip_quote_prefix(src.line(l));
      if (s.empty()) continue;
      switch (s[0]) {
        case '#':
          if (is_atx_heading(s)) heading_lines_.push_back(l);
          break;
        case '-': case '*': case '_':
          if (is_thematic_break(s)) break_lines_.push_back(l);
          break;
        case '`': case '~': {
          const Fence f = fence_of(s);
          if (f.ch == '`') backtick_lines_.push_back(l);
          if (f.ch == '~') tilde_lines_.push_back(l);
          break;
        }
        default:
          break;
      }
    }
  }

  BlockTree finish() {
    Block& doc = tree_.blocks[0];
    doc.line = 1;
    doc.end_line = src_.line_count();
    return std::move(tree_);
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    Block b;
    b.parent = stack_.back();
    switch (type) {
      case MD_BLOCK_DOC: return 0;
      case MD_BLOCK_QUOTE: b.type = BlockType::Quote; break;
      case MD_BLOCK_UL: b.type = BlockType::UnorderedList; break;
      case MD_BLOCK_OL: b.type = BlockType::OrderedList; break;
      case MD_BLOCK_LI: {
        b.type = BlockType::ListItem;
        auto* d = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        if (d->is_task) {
          b.is_task = true;
          b.task_checked = d->task_mark == 'x' || d->task_mark == 'X';
          b.task_offset = static_cast<uint32_t>(d->task_mark_offset + begin_offset_);
        }
        break;
      }
      case MD_BLOCK_HR: b.type = BlockType::ThematicBreak; break;
      case MD_BLOCK_H:
        b.type = BlockType::Heading;
        b.level = static_cast<uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
      case MD_BLOCK_CODE: {
        b.type = BlockType::Code;
        auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        b.fence_char = d->fence_char;
        b.code = static_cast<int32_t>(tree_.code.size());
        tree_.code.push_back(CodeDetail{attribute_text(d->info), attribute_text(d->lang), {}, {}});
        if (d->info.size > 0 && in_buffer(d->info.text)) b.info_offset = offset_of(d->info.text);
        break;
      }
      case MD_BLOCK_HTML: b.type = BlockType::Html; break;
      case MD_BLOCK_P: b.type = BlockType::Paragraph; break;
      case MD_BLOCK_TABLE:
        b.type = BlockType::Table;
        b.columns = static_cast<MD_BLOCK_TABLE_DETAIL*>(detail)->col_count;
        break;
      case MD_BLOCK_THEAD: b.type = BlockType::TableHead; break;
      case MD_BLOCK_TBODY: b.type = BlockType::TableBody; break;
      case MD_BLOCK_TR: b.type = BlockType::TableRow; break;
      case MD_BLOCK_TH: b.type = BlockType::TableHeaderCell; break;
      case MD_BLOCK_TD: b.type = BlockType::TableCell; break;
    }
    tree_.blocks.push_back(std::move(b));
    stack_.push_back(static_cast<int32_t>(tree_.blocks.size() - 1));
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type) {
    if (type == MD_BLOCK_DOC) return 0;
    const int32_t idx = stack_.back();
    stack_.pop_back();
    Block& b = tree_.blocks[idx];
    resolve_lines(b);
    if (b.first != kNoOffset && b.parent >= 0) {
      Block& p = tree_.blocks[b.parent];
      p.first = std::min(p.first, b.first);
      p.last = p.last == kNoOffset ? b.last : std::max(p.last, b.last);
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    Span s;
    s.block = stack_.back();
    switch (type) {
      case MD_SPAN_A: {
        s.type = SpanType::Link;
        auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        s.href = attribute_text(d->href);
        break;
      }
      case MD_SPAN_IMG: {
        s.type = SpanType::Image;
        s.href = attribute_text(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
        break;
      }
      case MD_SPAN_CODE: s.type = SpanType::Code; break;
      case MD_SPAN_STRONG: s.type = SpanType::Strong; break;
      case MD_SPAN_EM: s.type = SpanType::Emphasis; break;
      case MD_SPAN_DEL: s.type = SpanType::Strike; break;
      default: span_stack_.push_back(-1); return 0;
    }
    tree_.spans.push_back(std::move(s));
    span_stack_.push_back(static_cast<int32_t>(tree_.spans.size() - 1));
    return 0;
  }

  int leave_span() {
    if (!span_stack_.empty()) span_stack_.pop_back();
    return 0;
  }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    if (size == 0) return 0;
    if (!in_buffer(text)) {
      // Soft breaks and NUL replacements are static strings; so are a code line's indentation
      // and its line end, which the code's content must keep.
      if (type == MD_TEXT_CODE && !stack_.empty() && tree_.blocks[stack_.back()].type == BlockType::Code)
        tree_.code[tree_.blocks[stack_.back()].code].text.append(text, size);
      return 0;
    }
    const uint32_t off = offset_of(text);
    const uint32_t end = off + size - 1;
    Block& b = tree_.blocks[stack_.back()];
    if (b.type == BlockType::Code) {
      CodeDetail& code = tree_.code[b.code];
      code.text.append(text, size);
      if (type == MD_TEXT_CODE && text[0] != '\n') {
        const uint32_t line = line_at(off);
        if (code.line_offsets.empty() || line != code_line_) code.line_offsets.push_back(off);
        code_line_ = line;
      }
    }
    if (b.own_first == kNoOffset || off < b.own_first) b.own_first = off;
    if (b.own_last == kNoOffset || end > b.own_last) b.own_last = end;
    if (b.first == kNoOffset || off < b.first) b.first = off;
    if (b.last == kNoOffset || end > b.last) b.last = end;
    for (int32_t si : span_stack_) {
      if (si >= 0 && tree_.spans[si].first == kNoOffset) tree_.spans[si].first = off;
    }
    // Text arrives in file order, mostly on lines already consumed: search only past them.
    if (end >= src_.line_begin(consumed_line_ + 1)) consumed_line_ = std::max(consumed_line_, line_at(end));
    return 0;
  }

  void set_begin(size_t begin) { begin_offset_ = begin; }

 private:
  uint32_t line_at(size_t offset) { return line_hint_ = src_.line_of(offset, line_hint_); }
  bool in_buffer(const MD_CHAR* p) const {
    return p >= base_ && p < base_ + src_.text().size();
  }
  uint32_t offset_of(const MD_CHAR* p) const { return static_cast<uint32_t>(p - base_); }

  static std::string attribute_text(const MD_ATTRIBUTE& a) {
    return a.text ? std::string(a.text, a.size) : std::string();
  }

  // The first line of `lines` after what the parser has consumed, or 0.
  uint32_t next_after_consumed(const std::vector<uint32_t>& lines) const {
    auto it = std::upper_bound(lines.begin(), lines.end(), consumed_line_);
    return it == lines.end() ? 0 : *it;
  }

  const std::vector<uint32_t>& fence_lines(char ch) const { return ch == '~' ? tilde_lines_ : backtick_lines_; }

  void set_range(Block& b, uint32_t line, uint32_t end_line) {
    b.line = line;
    b.end_line = std::max(line, end_line);
    b.first = static_cast<uint32_t>(src_.line_begin(line));
    const std::string_view last = src_.line(b.end_line);
    const size_t last_begin = src_.line_begin(b.end_line);
    b.last = static_cast<uint32_t>(last_begin + (last.empty() ? 0 : last.size() - 1));
    consumed_line_ = std::max(consumed_line_, b.end_line);
  }

  uint32_t closing_fence_after(uint32_t from, const Fence& open) const {
    const auto& lines = fence_lines(open.ch);
    for (auto it = std::lower_bound(lines.begin(), lines.end(), from); it != lines.end(); ++it) {
      const Fence f = fence_of(src_.line(*it));
      if (f.length >= open.length && f.bare) return *it;
    }
    return 0;
  }

  void resolve_lines(Block& b) {
    const bool has_text = b.first != kNoOffset;
    switch (b.type) {
      case BlockType::Heading: {
        if (!has_text) {
          uint32_t l = next_after_consumed(heading_lines_);
          if (l) set_range(b, l, l);
          return;
        }
        b.line = line_at(b.first);
        b.end_line = line_at(b.last);
        if (!is_atx_heading(src_.line(b.line)) && is_setext_underline(src_.line(b.end_line + 1))) {
          b.setext = true;
          b.end_line += 1;
          consumed_line_ = std::max(consumed_line_, b.end_line);
        }
        return;
      }
      case BlockType::ThematicBreak: {
        uint32_t l = next_after_consumed(break_lines_);
        if (l) set_range(b, l, l);
        return;
      }
      case BlockType::Code: {
        if (b.fence_char == 0) {  // indented code: the content is the block
          if (has_text) {
            b.line = b.content_line = line_at(b.first);
            b.end_line = line_at(b.last);
          }
          return;
        }
        uint32_t open = 0;
        if (b.info_offset != kNoOffset) {
          open = line_at(b.info_offset);
        } else if (has_text) {
          // The last fence line of this character before the content.
          const auto& lines = fence_lines(b.fence_char);
          auto it = std::lower_bound(lines.begin(), lines.end(), line_at(b.first));
          if (it != lines.begin()) open = *std::prev(it);
        } else {
          open = next_after_consumed(fence_lines(b.fence_char));
        }
        if (open == 0) return;
        const Fence f = fence_of(src_.line(open));
        const uint32_t search_from = has_text ? line_at(b.last) + 1 : open + 1;
        uint32_t close = closing_fence_after(std::max(search_from, open + 1), f);
        b.closed = close != 0;
        if (!b.closed) close = has_text ? line_at(b.last) : open;
        b.content_line = open + 1;
        set_range(b, open, close);
        return;
      }
      default:
        if (has_text) {
          b.line = line_at(b.first);
          b.end_line = line_at(b.last);
        } else if (b.type == BlockType::ListItem || b.type == BlockType::TableRow ||
                   b.type == BlockType::TableCell || b.type == BlockType::TableHeaderCell) {
          // Empty item or cell: it sits on the line after what came before.
          b.line = b.end_line = std::min(consumed_line_ + 1, src_.line_count());
        }
        return;
    }
  }

  const SourceText& src_;
  const char* base_;
  size_t begin_offset_ = 0;
  BlockTree tree_;
  std::vector<int32_t> stack_;
  std::vector<int32_t> span_stack_;
  uint32_t consumed_line_ = 0;
  uint32_t line_hint_ = 1;  // the line line_at last returned: md4c reports offsets mostly in order
  std::vector<uint32_t> heading_lines_, break_lines_, backtick_lines_, tilde_lines_;
  uint32_t code_line_ = 0;  // line of the open code block's last content line
};

Builder& self(void* userdata) { return *static_cast<Builder*>(userdata); }

}  // namespace

BlockTree parse_blocks(const SourceText& src, size_t begin) {
  Builder builder(src, begin);
  builder.set_begin(begin);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return self(u).enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return self(u).leave_block(t); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return self(u).enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE, void*, void* u) { return self(u).leave_span(); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* x, MD_SIZE n, void* u) { return self(u).text(t, x, n); };
  const std::string_view text = src.text();
  begin = std::min(begin, text.size());
  md_parse(text.data() + begin, static_cast<MD_SIZE>(text.size() - begin), &parser, &builder);
  return builder.finish();
}

}  // namespace specgate::markdown
