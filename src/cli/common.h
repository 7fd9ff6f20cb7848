// Pieces every subcommand needs: config loading, colour choice, --today parsing, and the setup
// check, status and site share (template override, rule-name validation, spec discovery).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace specgate {
class Checker;
class TemplateRegistry;
struct Discovery;
}  // namespace specgate

namespace specgate::cli {

// --config FILE, else .specgate.yaml found upward from `start`, else defaults. Prints the
// error and returns nullopt when the config is unusable.
std::optional<Config> load_run_config(const std::string& explicit_path, const std::string& start);
bool want_color(const std::string& mode);
// Empty keeps `out`; otherwise parses YYYY-MM-DD or prints an error and returns false.
bool parse_today(const std::string& text, Date& out);
// Writes all of `bytes` to standard output and flushes it; false when that failed (a closed pipe).
bool write_stdout(const std::string& bytes);

// --schema FILE (checked against for every file) or else --template NAME (must resolve); either
// may be empty. Prints the error and returns false when the choice is unusable.
bool apply_template_choice(TemplateRegistry& registry, const std::string& schema_file,
                           const std::string& template_ref);
// Prints each bad rule name given in --enable/--disable or the config; false when there was one.
bool rule_names_ok(const Checker& checker);
// The specs under `paths`, honouring the config's excludes and (unless no_ignore) .gitignore.
// Prints each discovery error and sets cannot_run; prints "no Markdown files" and returns false
// when nothing at all was found.
// With `force_exclude`, named files go through the config's include/exclude too, and a run whose
// every named file was left out is not an error (pre-commit passes README.md along with specs).
bool discover_specs(const std::vector<std::string>& paths, const Config& config, bool no_ignore,
                    Discovery& found, bool& cannot_run, bool force_exclude = false);
// discover_specs, then the templates among what it found are left out of `found.files` (they are
// not specs) and offered to the registry's auto-detection instead (workspace/scope.h), as check
// and site do before they check anything.
bool discover_specs_and_templates(const std::vector<std::string>& paths, const Config& config, bool no_ignore,
                                  TemplateRegistry& registry, Discovery& found, bool& cannot_run,
                                  bool force_exclude = false);

// Options several commands share, spelled once so a short flag means one thing everywhere:
// -f is always --format, -c --config, -t --template, -j --jobs, -o --out; --force and --today
// have no short form. Each returns the option for command-specific checks and defaults.
CLI::Option* add_format_option(CLI::App& cmd, std::string& value, const std::string& help);
CLI::Option* add_config_option(CLI::App& cmd, std::string& value, const std::string& help);
CLI::Option* add_template_option(CLI::App& cmd, std::string& value, const std::string& help);
CLI::Option* add_today_option(CLI::App& cmd, std::string& value, const std::string& help);
CLI::Option* add_jobs_option(CLI::App& cmd, unsigned& value);
CLI::Option* add_out_option(CLI::App& cmd, std::string& value, const std::string& help);
CLI::Option* add_force_flag(CLI::App& cmd, bool& value, const std::string& help);

}  // namespace specgate::cli
