// `specgate export --format json`: a spec as one JSON object for agents and tools: the document
// model (as `parse --format json`) plus the template check chose and the findings it reported
// (the objects of `check --format json`). Documented in docs/export.md.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "report/report.h"

namespace specgate::exporter {

inline constexpr int kDocumentExportVersion = 1;

nlohmann::ordered_json document_export_json(const Document& doc, const FileReport& report);

// True when `bytes` are a document export written earlier (a JSON object with this version,
// "document" and "diagnostics"), which --out may replace without --force.
bool is_document_export(std::string_view bytes);

}  // namespace specgate::exporter
