// The document model as JSON (`specgate parse --format json`, `specgate export --format json`).
// The shape is a contract, documented in docs/document-model.md.
#pragma once

#include <nlohmann/json.hpp>

#include "model/document.h"

namespace specgate {

nlohmann::ordered_json document_to_json(const Document& doc);

}  // namespace specgate
