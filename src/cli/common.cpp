#include "cli/common.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "check/checker.h"
#include "schema/registry.h"
#include "schema/schema_io.h"
#include "workspace/discover.h"
#include "workspace/scope.h"

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
  // NO_COLOR (no-color.org) wins over the forcing variables; FORCE_COLOR and CLICOLOR_FORCE
  // (set by CI systems whose logs render colour) force it on without a terminal. "0" does not
  // force (CLICOLOR_FORCE's convention; FORCE_COLOR=0 means "no colour" in Node's tools).
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  for (const char* name : {"FORCE_COLOR", "CLICOLOR_FORCE"}) {
    const char* v = std::getenv(name);
    if (v && *v) return std::string_view(v) != "0";
  }
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

bool write_stdout(const std::string& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) return false;
  return std::fflush(stdout) == 0;
}

bool apply_template_choice(TemplateRegistry& registry, const std::string& schema_file,
                           const std::string& template_ref) {
  std::string error;
  if (!schema_file.empty()) {
    auto schema = load_schema(schema_file, error);
    if (!schema) {
      fmt::print(stderr, "specgate: {}\n", error);
      return false;
    }
    registry.set_override_schema(std::move(*schema));
  } else if (!template_ref.empty()) {
    if (!registry.resolve(template_ref, "", error)) {
      fmt::print(stderr, "specgate: {}\n", error);
      return false;
    }
  }
  return true;
}

bool rule_names_ok(const Checker& checker) {
  auto errors = checker.validate_rule_names();
  for (const auto& e : errors) fmt::print(stderr, "specgate: {}\n", e);
  return errors.empty();
}

bool discover_specs(const std::vector<std::string>& paths, const Config& config, bool no_ignore,
                    Discovery& found, bool& cannot_run, bool force_exclude) {
  DiscoverOptions dopts;
  dopts.exclude = config.exclude;
  dopts.include = config.include;
  dopts.force_exclude = force_exclude;
  dopts.exclude_base = config.dir;
  dopts.gitignore = !no_ignore;
  found = discover(paths, dopts);
  for (const auto& e : found.errors) {
    fmt::print(stderr, "specgate: {}\n", e);
    cannot_run = true;
  }
  if (found.files.empty() && found.errors.empty() && found.skipped_named == 0) {
    fmt::print(stderr, "specgate: no Markdown files found in {}\n", fmt::join(paths, ", "));
    return false;
  }
  return true;
}

bool discover_specs_and_templates(const std::vector<std::string>& paths, const Config& config, bool no_ignore,
                                  TemplateRegistry& registry, Discovery& found, bool& cannot_run, bool force_exclude) {
  if (!discover_specs(paths, config, no_ignore, found, cannot_run, force_exclude)) return false;
  Scope scope = split_specs_and_templates(found, config, force_exclude);
  for (const FoundTemplate& t : scope.templates)
    if (!t.registered) registry.add_repository_template(t.path);
  found.files = std::move(scope.specs);
  return true;
}

CLI::Option* add_format_option(CLI::App& cmd, std::string& value, const std::string& help) {
  return cmd.add_option("-f,--format", value, help);
}
CLI::Option* add_config_option(CLI::App& cmd, std::string& value, const std::string& help) {
  return cmd.add_option("-c,--config", value, help);
}
CLI::Option* add_template_option(CLI::App& cmd, std::string& value, const std::string& help) {
  return cmd.add_option("-t,--template", value, help);
}
CLI::Option* add_today_option(CLI::App& cmd, std::string& value, const std::string& help) {
  return cmd.add_option("--today", value, help);
}
CLI::Option* add_jobs_option(CLI::App& cmd, unsigned& value) {
  return cmd.add_option("-j,--jobs", value, "Worker threads (default: one per core)")->check(CLI::Range(1u, 1024u));
}
CLI::Option* add_out_option(CLI::App& cmd, std::string& value, const std::string& help) {
  return cmd.add_option("-o,--out", value, help);
}
// Long only: -f is --format everywhere, and overwriting files deserves the long spelling.
CLI::Option* add_force_flag(CLI::App& cmd, bool& value, const std::string& help) {
  return cmd.add_flag("--force", value, help);
}

}  // namespace specgate::cli
