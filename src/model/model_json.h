// The document model as JSON (`specgate parse --format json`, `specgate export --format json`).
// The shape is a contract, documented in docs/document-model.md.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "model/document.h"

namespace specgate {

nlohmann::ordered_json document_to_json(const Document& doc);
// The same bytes as document_to_json(doc).dump(2, ' ', false, error_handler_t::replace), appended
// to `out` without building the tree (`parse --format json`: the tree of a 14 MB spec took
// ~500 MB and most of the time).
void write_document_json(std::string& out, const Document& doc);

}  // namespace specgate
