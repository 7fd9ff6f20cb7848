// Go to definition, find references and rename, for spec IDs (and definition for links):
// an ID leads to the spec declaring it; its references are every mention of it outside code in
// any spec of the workspace, read from each file's current text (an open buffer wins).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "navigate/facts.h"
#include "navigate/cursor.h"
#include "navigate/position.h"
#include "navigate/rename_files.h"

namespace specgate {

// An ID: where specs declare it. A link: the target file (its first line), or the heading its
// anchor names. Empty when the cursor is on neither or the target is unknown.
std::vector<FileRange> definition(const DocumentFacts& facts, const SpecDirectory& specs, TextPos pos);

// On a spec ID: every mention of it, in path order then position; its declarations only when
// `include_declaration`. On a link: the links to the same file (with the same anchor, when it has
// one), and its heading for `include_declaration`. On a heading: the links to its anchor. The
// current document is read from `facts`, the others through `specs`.
std::vector<FileRange> references(const DocumentFacts& facts, const SpecDirectory& specs, TextPos pos,
                                  bool include_declaration);

// The ID under the cursor, to be renamed: nullopt when the cursor is on none.
std::optional<IdAtCursor> prepare_rename(const DocumentFacts& facts, TextPos pos);

struct RenameEdit {
  TextRange range;
  std::string text;
};
struct RenameResult {
  std::map<std::string, std::vector<RenameEdit>> edits;  // by path, in position order (before any move)
  std::vector<FileMove> files;  // files named after the ID, renamed after the edits
  std::string error;  // why nothing can be renamed ("" when edits hold the rename)
};

// Renames the ID under the cursor to `new_id` in every spec that mentions it, its declaration
// included. Refused when `new_id` is not one spec ID or another spec already declares it.
// An ID written inside a relative link's target is part of a file name, not a mention: it is
// left alone, unless `rename_files` renames that file (the client can), when the files named
// after the ID move and every link to them follows (rename_files.h).
RenameResult rename_id(const DocumentFacts& facts, const SpecDirectory& specs, TextPos pos, const std::string& new_id,
                       bool rename_files = false);

}  // namespace specgate
