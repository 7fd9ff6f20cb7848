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
};

SectionMatch match_sections(const Schema& schema, const Document& doc);

// Builds schema.section_index from its sections (infer_schema and schema_from_json call it).
void index_sections(Schema& schema);

}  // namespace specgate
