// Matching a spec's sections to its template's section specs.
#pragma once

#include <utility>
#include <vector>

#include "model/document.h"
#include "schema/schema.h"

namespace specgate {

struct SectionMatch {
  std::vector<int32_t> spec_of;                 // per document section: spec index or -1
  std::vector<std::vector<int32_t>> instances;  // per spec: matched document sections, in order
  // Share of required specs present in the document, 0..1 (used to auto-detect templates).
  double coverage = 0.0;
  // Matches made by match_loosely (another wording of the section): {document section, spec}.
  std::vector<std::pair<int32_t, int32_t>> loose;
  // Required specs with no heading, written as a bold label line instead (match_loosely):
  // {spec, line}.
  std::vector<std::pair<int32_t, uint32_t>> labels;
  // Required specs still missing whose place holds headings no spec took (find_stand_ins):
  // {spec, first such document section}, in spec order.
  std::vector<std::pair<int32_t, int32_t>> stand_ins;

  // The line of spec k's bold label, or 0.
  uint32_t label_line(size_t k) const {
    for (const auto& [spec, line] : labels)
      if (spec == static_cast<int32_t>(k)) return line;
    return 0;
  }
};

SectionMatch match_sections(const Schema& schema, const Document& doc);

// Builds schema.section_index from its sections (infer_schema and schema_from_json call it).
void index_sections(Schema& schema);

}  // namespace specgate
