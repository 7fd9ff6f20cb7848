#include "cli/common.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace specgate::cli {

std::optional<Config> load_run_config(const std::string& explicit_path, const std::string& start) {
  std::string path = explicit_path;
  if (path.empty()) {
    auto found = find_config(start);
    if (!found) {
      Config c;
      std::error_code ec;
      c.dir = std::filesystem::current_path(ec).string();
      return c;
    }
    path = *found;
  }
  ConfigError err;
  auto c = load_config(path, err);
  if (!c) fmt::print(stderr, "specgate: bad config: {}\n", err.message);
  return c;
}

bool want_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

bool parse_today(const std::string& text, Date& out) {
  if (text.empty()) return true;
  auto d = parse_iso_date(text);
  if (!d) {
    fmt::print(stderr, "specgate: --today wants a date as YYYY-MM-DD, got '{}'\n", text);
    return false;
  }
  out = *d;
  return true;
}

}  // namespace specgate::cli
