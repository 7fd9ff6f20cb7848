// Renaming a spec ID also renames the files named after it ("ABC-12.md", "abc-12-retry.md")
// and rewrites the relative links that point at them, so nothing breaks: the file name keeps the
// case it was written in.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "navigate/facts.h"
#include "navigate/position.h"

namespace specgate {

struct FileMove {
  std::string from, to;  // absolute paths, same directory
  friend bool operator==(const FileMove&, const FileMove&) = default;
};

// `name` (a file name or a link's last path segment) with `old_id` at its start replaced by
// `new_id` in the same case ("abc-12-retry.md" -> "abc-13-retry.md"); "" when the name does not
// start with the ID followed by the end of the stem or a separator ("ABC-123.md" is not ABC-12's).
std::string renamed_file_name(std::string_view name, std::string_view old_id, std::string_view new_id);

// The specs declaring `old_id` (the document `f` included) whose file is named after it, each
// with its new name; a move whose target exists already is left out.
std::vector<FileMove> files_named_after(const DocumentFacts& f, const SpecDirectory& specs, const std::string& old_id,
                                        const std::string& new_id);

struct LinkEdit {
  std::string path;  // the file holding the link
  TextRange range;   // the last path segment of the link's target, as written
  std::string text;  // the new segment
};
// The relative links of every spec (the document `f` included) to a moved file, rewritten to its
// new name; `old_id`/`new_id` say how the segment as written is renamed.
std::vector<LinkEdit> link_edits(const DocumentFacts& f, const SpecDirectory& specs, const std::vector<FileMove>& moves,
                                 const std::string& old_id, const std::string& new_id);

}  // namespace specgate
