// The Markdown parser's view of a file, in our own types: blocks and spans with byte offsets
// into the original file. md4c is hidden behind parse_blocks(); nothing else sees its types.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/source.h"

namespace specgate::markdown {

constexpr uint32_t kNoOffset = std::numeric_limits<uint32_t>::max();

enum class BlockType : uint8_t {
  Document,
  Quote,
  UnorderedList,
  OrderedList,
  ListItem,
  ThematicBreak,
  Heading,
  Code,
  Html,
  Paragraph,
  Table,
  TableHead,
  TableBody,
  TableRow,
  TableHeaderCell,
  TableCell,
};

struct Block {
  BlockType type = BlockType::Document;
  int32_t parent = -1;
  // Byte range [first, last] of the content this block covers; kNoOffset until known.
  uint32_t first = kNoOffset;
  uint32_t last = kNoOffset;
  // Text directly inside this block (not in a child block): tight list items hold their text
  // without a paragraph.
  uint32_t own_first = kNoOffset;
  uint32_t own_last = kNoOffset;
  uint32_t line = 0;      // first line of the block (fence line for fenced code, `#` line for headings)
  uint32_t end_line = 0;  // last line (closing fence, setext underline)

  uint8_t level = 0;  // Heading: 1..6
  bool setext = false;

  bool is_task = false;  // ListItem with `[ ]` / `[x]`
  bool task_checked = false;
  uint32_t task_offset = kNoOffset;  // offset of the mark between '[' and ']'

  char fence_char = 0;  // Code: '`' or '~'; 0 for an indented block
  bool closed = true;   // Code: closing fence found
  uint32_t info_offset = kNoOffset;
  uint32_t content_line = 0;  // Code: first content line
  int32_t code = -1;          // Code: index into BlockTree::code

  uint32_t columns = 0;  // Table: column count from the delimiter row
};

// What only a code block has, kept beside the blocks so that a Block holds no strings: a file
// has hundreds of blocks (every table cell is one), and few are code.
struct CodeDetail {
  std::string info;                  // whole info string
  std::string lang;                  // first word of the info string
  std::string text;                  // content as the parser delivers it
  std::vector<uint32_t> line_offsets;  // file offset of each content line
};

enum class SpanType : uint8_t { Link, Image, Code, Strong, Emphasis, Strike };

struct Span {
  SpanType type = SpanType::Link;
  int32_t block = -1;        // innermost enclosing block
  uint32_t first = kNoOffset;  // offset of the first text byte inside the span
  std::string href;          // Link/Image target as written (escapes resolved by the parser)
};

struct BlockTree {
  std::vector<Block> blocks;  // blocks[0] is the Document; parents precede children
  std::vector<Span> spans;
  std::vector<CodeDetail> code;  // Block::code indexes it
};

// Parses src's bytes from `begin` (after front matter) as CommonMark + GFM (tables, task lists,
// strikethrough, autolinks). Every block gets a line range, including blocks without text.
BlockTree parse_blocks(const SourceText& src, size_t begin);

}  // namespace specgate::markdown
