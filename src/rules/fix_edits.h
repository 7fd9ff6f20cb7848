// Building the text edits of fixes (docs/fixes.md) from the document model, for the rules that
// offer them: byte ranges come from here, so every rule computes them the same way.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "model/document.h"

namespace specgate {

// Replaces `length` bytes of f.value from byte `offset` of it with `text`; nullopt when the value
// is not written as it is read (front matter, whose YAML may quote or fold it).
std::optional<TextEdit> value_edit(const Document& doc, const Field& f, size_t offset, size_t length, std::string text);

// Deletes line `line` with its line ending; when blank lines surround it, one of them too, so no
// double blank line is left behind.
TextEdit delete_line(const Document& doc, uint32_t line);

// Inserts `text` (whole lines) before line `line`, or after the last line when `line` is past it
// (in a file without a final line ending, the inserted lines then end without one).
TextEdit insert_lines(const Document& doc, uint32_t line, std::string text);

}  // namespace specgate
