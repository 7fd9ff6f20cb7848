// The document model of a Markdown spec: front matter, the section tree, and every paragraph,
// list, checklist item, field, table cell, code block and link with its exact line and column.
// Sections, blocks and items are kept in flat vectors in document order; `section` indices tie
// items to the section that directly contains them (-1 for the preamble).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "model/directives.h"
#include "model/suppressions.h"

namespace specgate {

constexpr int32_t kPreamble = -1;

struct FrontMatterEntry {
  std::string key;
  std::string value;  // scalar as text; sequences joined with ", "; maps as flow YAML
  uint32_t line = 0;
  uint32_t column = 0;  // of the value
};

struct FrontMatter {
  bool present = false;
  uint32_t line = 0;      // the opening `---`
  uint32_t end_line = 0;  // the closing `---` or `...`
  std::vector<FrontMatterEntry> entries;
  std::string error;  // YAML error, "" when it parsed
  uint32_t error_line = 0;
  uint32_t error_column = 0;
};

struct Field {
  std::string key;    // as written, without markup or the colon: "Last Updated"
  std::string folded_key;  // fold_key(key), made once for every rule that compares keys
  std::string value;  // trimmed, as written: "2025-01-02", "`DONE`", "Draft | In Review"
  uint32_t line = 0;
  uint32_t column = 0;        // of the key's markup (the first '*')
  uint32_t value_column = 0;  // of the value's first character; just past the colon if empty
  uint32_t value_offset = 0;  // the same place as a byte offset within the line
  int32_t section = kPreamble;
  bool front_matter = false;
};

struct ChecklistItem {
  bool checked = false;
  std::string text;  // the rest of the line after the box
  uint32_t line = 0;
  uint32_t column = 0;  // of '['
  int32_t section = kPreamble;
};

struct TableCell {
  std::string text;  // trimmed, as written
  uint32_t line = 0;
  uint32_t column = 0;  // first character of the text, or the cell's start when empty
  uint32_t offset = 0;  // the same place as a byte offset within the line
};

struct Table {
  uint32_t line = 0;
  uint32_t end_line = 0;
  int32_t section = kPreamble;
  std::vector<TableCell> header;
  std::vector<std::vector<TableCell>> rows;  // cells as written: ragged rows keep their own count
};

struct CodeBlock {
  uint32_t line = 0;          // the opening fence (or first line of an indented block)
  uint32_t end_line = 0;      // the closing fence
  uint32_t content_line = 0;  // first content line
  std::string info;
  std::string language;  // first word of the info string, as written
  std::string content;
  std::vector<uint32_t> line_offsets;  // file byte offset of each non-empty content line
  bool fenced = true;
  bool closed = true;
  int32_t section = kPreamble;
};

struct Link {
  std::string target;
  uint32_t line = 0;
  uint32_t column = 0;
  bool image = false;
  bool autolink = false;
  int32_t section = kPreamble;
};

enum class BlockKind : uint8_t { Paragraph, List, Table, Code, Quote, ThematicBreak, Html, Heading };
std::string_view block_kind_name(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  uint32_t line = 0;
  uint32_t end_line = 0;
  int32_t section = kPreamble;
  uint16_t depth = 0;  // 0 for blocks directly in the document; deeper inside lists and quotes
  int32_t ref = -1;    // Table and Code: index into tables / code_blocks
  int32_t parent = -1; // enclosing List or Quote block, -1 at top level
  bool ordered = false;  // List
};

struct Section {
  std::string title;             // as written, markup kept
  std::string normalized_title;  // see normalize_title()
  bool title_has_placeholder = false;
  uint8_t level = 1;
  uint32_t line = 0;
  uint32_t column = 0;    // of the title text
  uint32_t end_line = 0;  // last line before the next heading of the same or a higher level
  uint32_t body_end_line = 0;  // last line before the next heading of any level
  int32_t parent = -1;
  std::vector<int32_t> children;
};

enum class LineKind : uint8_t {
  Blank,
  FrontMatter,
  Heading,
  Paragraph,
  Code,       // inside a code block, fences included
  Table,
  ThematicBreak,
  Html,
};

// Per-line facts, computed once by the model builder so that rules need not re-derive them.
struct LineInfo {
  LineKind kind = LineKind::Blank;
  bool in_list = false;
  bool in_quote = false;
  bool list_item_start = false;  // the line holds a list marker
  bool checkbox = false;         // a checklist item's box is on this line (see Document::checklist)
  bool comment = false;          // the line holds "<!--": directives and template comments live there
  bool plain_field = false;      // "Key: value" with a plain key of up to four words
  // A one-line paragraph outside lists and quotes that is all bold ("**Decision Drivers**",
  // "**Context:**"): some authors write their sections' titles this way instead of headings.
  bool bold_label = false;
  int32_t section = kPreamble;
  // Byte offset of the content, past indentation, block-quote markers and one list marker
  // (content_start). Set on Paragraph lines (prose and list items' text) and on every line with
  // a list marker: the lines the rules read as text; 0 elsewhere.
  uint32_t content = 0;
  // Index in Document::fields of the first `**Key:** value` field on this line, -1 when none.
  int32_t first_field = -1;
};

// What line_info answers for a line the document does not have.
inline constexpr LineInfo kNoLineInfo{};

struct Document {
  SourceText source;
  FrontMatter front_matter;
  std::vector<Section> sections;  // document order; roots have parent -1
  std::vector<Block> blocks;      // document order, all depths
  std::vector<Field> fields;
  std::vector<ChecklistItem> checklist;
  std::vector<Table> tables;
  std::vector<CodeBlock> code_blocks;
  std::vector<Link> links;
  std::vector<LineInfo> lines;  // lines[n - 1] describes line n
  std::vector<Directive> directives;  // specgate's own comments (model/directives.h), outside code
  Suppressions suppressions;    // the specgate-disable comments, read once here
  // The spec's status (model/status.h read_status): a Status field, or the header block's plain
  // `Status:` line. Read once here; nothing else reads a status.
  std::optional<Field> status;

  const Field* status_field() const { return status ? &*status : nullptr; }

  // Inline: the rules that walk lines ask for every one.
  const LineInfo& line_info(uint32_t line) const {
    return line >= 1 && line <= lines.size() ? lines[line - 1] : kNoLineInfo;
  }
  // Innermost section containing `line`, or kPreamble.
  int32_t section_at(uint32_t line) const { return line_info(line).section; }
  // A line's content (LineInfo::content on), without trailing blanks.
  std::string_view content(uint32_t line) const;
  // How many `**Key:** value` fields the line holds.
  size_t field_count(uint32_t line) const;
  // "Parent > Child" titles, for messages.
  std::string section_path(int32_t section) const;
  // First field whose key matches one of `keys` (case-insensitive, markup-insensitive).
  const Field* find_field(std::initializer_list<std::string_view> keys) const;
};

// "schema_version: 1", "Status: Draft": a plain key (letters, digits, '_', '-', '/'; up to four
// words) and a colon followed by a blank or the end. `s` is a line from its content on.
bool plain_field_line(std::string_view s);

// The title of a bold label line ("**Decision Drivers**" -> "Decision Drivers", "**Context:**"
// -> "Context"), or empty when `s` (a line from its content on) is not one bold span.
std::string_view bold_label_title(std::string_view s);

// Builds the model. Never fails: whatever the bytes, the result is a usable model.
Document build_document(SourceText source);

}  // namespace specgate
