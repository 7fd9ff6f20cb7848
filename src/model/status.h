// The spec's status, read once by the model builder into Document::status: the one reader every
// rule and command (status strictness, unchecked-gate, status-mismatch, overdue, frozen specs,
// `status`, the editor features) asks.
#pragma once

#include <optional>

#include "model/document.h"

namespace specgate {

// The first field keyed Status or State where a spec keeps its metadata (front matter, above
// the first heading, the title section, a footer after the last thematic break, a Metadata /
// Document Info / Status section), or keyed Specification / Document / Spec Status there; else
// the only field so keyed anywhere; else a plain `Status: value` line of the header block, above
// the first heading other than a leading title (Swift Evolution writes
// `* Status: **Implemented (Swift 5.9)**`), as a Field keyed "Status" at that line. nullopt when
// the spec states none: a component's `**Status:** planned` in a section is not the spec's.
// Needs the builder's fields, sections, blocks and per-line facts.
std::optional<Field> read_status(const Document& doc);

}  // namespace specgate
