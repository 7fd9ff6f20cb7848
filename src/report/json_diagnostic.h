// One finding as JSON, the object `check --format json` lists under "diagnostics"; shared with
// `export --format json` so both print exactly the same shape.
#pragma once

#include <nlohmann/json.hpp>

#include "core/diagnostic.h"

namespace specgate {

nlohmann::ordered_json diagnostic_to_json(const Diagnostic& d);

}  // namespace specgate
