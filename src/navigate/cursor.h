// What stands under the cursor: a spec ID, a link's target, a field. Shared by hover, definition,
// references and rename, so they agree on what the cursor is on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"
#include "navigate/position.h"

namespace specgate {

struct IdAtCursor {
  std::string id;
  TextRange range;
};
// The spec ID the cursor is in or touches (not inside code), nullopt when none.
std::optional<IdAtCursor> id_at_cursor(const Document& doc, TextPos pos);

struct LinkAtCursor {
  std::string file;      // the target's file part, percent-decoded ("" for "#anchor" in this file)
  std::string fragment;  // after '#', "" when none
  TextRange range;       // the target as written
};
// Every relative link of the document (outside code) with its target's range as written.
std::vector<LinkAtCursor> relative_links(const Document& doc);
// The file a link of `document` (a path) points at: the document itself for "#anchor".
std::string link_path(const std::string& document, const LinkAtCursor& link);

// The relative link whose target the cursor is on (`[text](target)`), nullopt when none. URLs
// with a scheme and root paths are not followed.
std::optional<LinkAtCursor> link_at_cursor(const Document& doc, TextPos pos);

// Index in doc.fields of the field whose key or value the cursor is on, -1 when none.
int32_t field_at_cursor(const Document& doc, TextPos pos);
// The byte range of field f's value on its line (empty at the value's place when there is none).
TextRange field_value_range(const Document& doc, const Field& f);

// The directory a document's relative links resolve against ("" for a path with none).
std::string document_dir(const std::string& path);

}  // namespace specgate
