// Printing a schema (`specgate templates schema`) and loading an edited one (`--schema FILE`).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "schema/schema.h"

namespace specgate {

nlohmann::ordered_json schema_to_json(const Schema& schema);
std::string schema_to_yaml(const Schema& schema);

// Reads a schema written as JSON or YAML (YAML is a superset; both go through one loader).
// On error returns nullopt and sets `error` to "PATH:LINE: message".
std::optional<Schema> load_schema(const std::string& path, std::string& error);
std::optional<Schema> schema_from_json(const nlohmann::json& j, std::string& error);

// YAML <-> JSON conversion used by the schema and by tests.
nlohmann::json yaml_to_json(const std::string& yaml);  // throws YAML::Exception
std::string json_to_yaml(const nlohmann::ordered_json& j);

}  // namespace specgate
