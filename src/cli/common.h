// Pieces every subcommand needs: config loading, colour choice, --today parsing.
#pragma once

#include <optional>
#include <string>

#include "config/config.h"
#include "core/date.h"

namespace specgate::cli {

// --config FILE, else .specgate.yaml found upward from `start`, else defaults. Prints the
// error and returns nullopt when the config is unusable.
std::optional<Config> load_run_config(const std::string& explicit_path, const std::string& start);
bool want_color(const std::string& mode);
// Empty keeps `out`; otherwise parses YYYY-MM-DD or prints an error and returns false.
bool parse_today(const std::string& text, Date& out);

}  // namespace specgate::cli
