#include "model/status.h"

#include <algorithm>
#include <initializer_list>

#include "model/normalize.h"

namespace specgate {

namespace {

bool one_of(std::string_view folded, std::initializer_list<std::string_view> keys) {
  return std::find(keys.begin(), keys.end(), folded) != keys.end();
}

// Where a spec keeps its metadata: front matter, the lines above the first heading, the title
// section (the first H1, else the first section), a footer of fields after the last top-level
// thematic break with no heading below it, and sections named for metadata. A Status field
// anywhere else is a component's or a check's ("**Status:** PASS" under a constitution check).
class MetadataPlaces {
 public:
  explicit MetadataPlaces(const Document& doc) : doc_(doc) {
    for (int32_t i = 0; i < static_cast<int32_t>(doc.sections.size()); ++i) {
      if (doc.sections[i].level == 1) {
        title_ = i;
        break;
      }
    }
    if (title_ == kPreamble && !doc.sections.empty()) title_ = 0;
    uint32_t last_break = 0;
    for (const Block& b : doc.blocks)
      if (b.kind == BlockKind::ThematicBreak && b.depth == 0) last_break = b.line;
    const uint32_t last_heading = doc.sections.empty() ? 0 : doc.sections.back().line;
    footer_from_ = last_break > last_heading ? last_break : UINT32_MAX;
  }

  bool holds(const Field& f) const {
    if (f.front_matter || f.section == kPreamble || f.section == title_ || f.line > footer_from_) return true;
    if (f.section < 0) return false;
    return one_of(normalize_title(doc_.sections[f.section].title).text,
                  {"metadata", "document info", "document information", "document control", "status"});
  }

 private:
  const Document& doc_;
  int32_t title_ = kPreamble;
  uint32_t footer_from_ = UINT32_MAX;
};

// A plain `Status: value` line of the header block (above the first heading other than a
// leading title), as a Field keyed as written.
std::optional<Field> plain_status_line(const Document& doc) {
  uint32_t end = doc.source.line_count() + 1;
  if (!doc.sections.empty()) {
    if (doc.sections[0].level > 1) end = doc.sections[0].line;
    else if (doc.sections.size() > 1) end = doc.sections[1].line;
  }
  for (uint32_t l = 1; l < end; ++l) {
    if (!doc.line_info(l).plain_field) continue;
    const std::string_view text = doc.content(l);
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos || fold_key(text.substr(0, colon)) != "status") continue;
    const std::string_view line = doc.source.line(l);
    const size_t key_offset = doc.line_info(l).content;
    size_t value_offset = key_offset + colon + 1;
    while (value_offset < line.size() && (line[value_offset] == ' ' || line[value_offset] == '\t')) ++value_offset;
    Field f;
    f.key = std::string(trim(text.substr(0, colon)));
    f.folded_key = "status";
    f.value = std::string(trim(text.substr(colon + 1)));
    f.line = l;
    f.column = doc.source.column_of(l, key_offset);
    f.value_column = doc.source.column_of(l, value_offset);
    f.value_offset = static_cast<uint32_t>(value_offset);
    f.section = doc.line_info(l).section;
    return f;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Field> read_status(const Document& doc) {
  // Keys that name the spec's status only where metadata is kept; keys that say "the spec's"
  // themselves count anywhere when the spec has one such field.
  const MetadataPlaces places(doc);
  const Field* only_named = nullptr;
  int named = 0;
  for (const Field& f : doc.fields) {
    const bool plain = one_of(f.folded_key, {"status", "state"});
    const bool spec_named = one_of(f.folded_key, {"specification status", "document status", "spec status"});
    if (!plain && !spec_named) continue;
    if (places.holds(f)) return f;
    if (spec_named) {
      only_named = &f;
      ++named;
    }
  }
  if (named == 1) return *only_named;
  return plain_status_line(doc);
}

}  // namespace specgate
