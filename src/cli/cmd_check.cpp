// `specgate check`: lint specs against their templates.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "check/checker.h"
#include "core/file_io.h"
#include "fix/apply.h"
#include "fix/diff.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "model/load.h"
#include "report/report.h"
#include "workspace/changed.h"
#include "workspace/discover.h"
#include "workspace/run.h"

namespace specgate::cli {

namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  std::string template_ref;
  std::string schema_file;
  std::string config_file;
  std::string format = "text";
  std::string color = "auto";
  std::string today;
  std::vector<std::string> enable, disable;
  std::string base;
  unsigned jobs = 0;
  bool strict = false;
  bool exit_zero = false;
  bool quiet = false;
  bool statistics = false;
  bool changed = false;
  bool no_ignore = false;
  bool force_exclude = false;
  bool fix = false;   // apply the safe fixes to the files
  bool diff = false;  // print them as a unified diff instead
  std::string stdin_filename;
};

// `check -`: the text comes from standard input; --stdin-filename gives it the name a file
// there would have, for messages, config lookup, template choice and relative links.
constexpr const char* kStdinName = "<stdin>";

bool stdin_arguments_ok(const CheckArgs& a, bool from_stdin) {
  if (!from_stdin && std::find(a.paths.begin(), a.paths.end(), "-") != a.paths.end()) {
    fmt::print(stderr, "specgate: '-' (standard input) must be the only path\n");
    return false;
  }
  if (!from_stdin && !a.stdin_filename.empty()) {
    fmt::print(stderr, "specgate: --stdin-filename names the text read from standard input; give '-' as the path\n");
    return false;
  }
  if (from_stdin && a.fix) {
    fmt::print(stderr, "specgate: --fix rewrites files; with standard input use --diff\n");
    return false;
  }
  if (from_stdin && a.changed) {
    fmt::print(stderr, "specgate: --changed asks git about files; it does not apply to standard input\n");
    return false;
  }
  return true;
}

// Errors read "PATH: reason"; the report formats want the two apart. `path`, when known, is the
// prefix; otherwise the first ": " separates them (a path holding ": " is then cut short, which
// only affects how the machine formats split it, never the stderr line).
RunError split_error(const std::string& error, const std::string& path = {}) {
  if (!path.empty() && error.size() > path.size() + 2 && error.compare(0, path.size(), path) == 0 &&
      error.compare(path.size(), 2, ": ") == 0)
    return {path, error.substr(path.size() + 2)};
  const size_t colon = error.find(": ");
  if (colon == std::string::npos) return {"", error};
  return {error.substr(0, colon), error.substr(colon + 2)};
}

// Flags that contradict each other are usage errors rather than one silently winning.
bool flags_agree(const CheckArgs& a) {
  for (const std::string& rule : a.enable) {
    if (std::find(a.disable.begin(), a.disable.end(), rule) != a.disable.end()) {
      fmt::print(stderr, "specgate: rule '{}' is given to both --enable and --disable\n", rule);
      return false;
    }
  }
  return true;
}

// check --fix / --diff, before the run: each reported file is fixed until no safe fix applies
// (fix/apply.h), written back in place (--fix) or printed as a diff (--diff). The run then checks
// the fixed text, so its report and exit status are those of the findings left. A file that
// cannot be written keeps its text and findings, and the run exits 2.
struct FixTotals {
  size_t fixes = 0, files = 0;
  std::vector<RunError> errors;
};

FixTotals fix_files(const CheckArgs& a, const Checker& fixer, const Config& config, const std::vector<std::string>& files,
                    RunOptions& ropts) {
  // Fixed on the run's worker threads: each file's first check comes from the run, the passes
  // after it from fix_text. Only files that change keep their texts, until written in path order.
  struct Changed {
    std::string before;
    FixedText fixed;
  };
  std::vector<std::optional<Changed>> changed(files.size());
  RunOptions pre = ropts;
  pre.keep_diagnostics = false;
  pre.per_file = [&](size_t i, const Document& doc, const FileReport& report) {
    AppliedFixes first = apply_fixes(doc, report.diagnostics);
    if (first.applied == 0) return;
    FixedText fixed = fix_text(fixer, doc.source.path(), std::move(first.text));
    fixed.applied += first.applied;
    if (fixed.text != doc.source.text()) changed[i] = Changed{std::string(doc.source.text()), std::move(fixed)};
  };
  pre.on_file = [](size_t, FileOutcome&&) {};  // the findings come from the run after fixing
  run_workspace(files, fixer, config, pre);

  FixTotals t;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!changed[i]) continue;
    const std::string& path = files[i];
    Changed& c = *changed[i];
    if (a.diff) {
      const std::string shown = path.rfind("./", 0) == 0 ? path.substr(2) : path;
      std::cout << unified_diff(shown, c.before, c.fixed.text);
    } else {
      WriteOptions w;
      w.in_place = true;
      if (auto error = write_file_atomic(path, c.fixed.text, w)) {
        fmt::print(stderr, "specgate: {}\n", *error);
        t.errors.push_back({path, *error});
        continue;
      }
    }
    t.fixes += c.fixed.applied;
    ++t.files;
    ropts.contents[path] = std::move(c.fixed.text);
  }
  return t;
}

int run_check(const CheckArgs& a) {
  const OutputFormat* format = find_output_format(a.format);
  if (format == nullptr) {
    fmt::print(stderr, "specgate: unknown --format '{}'\n", a.format);
    return 2;
  }
  if (!flags_agree(a)) return 2;
  // Documented: in a machine format --quiet keeps only errors (there is no summary line to drop).
  if (a.quiet && format != &text_format())
    fmt::print(stderr, "specgate: warning: --quiet with --format {} keeps only the errors in the report\n", a.format);
  std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"."} : a.paths;
  const bool from_stdin = paths.size() == 1 && paths.front() == "-";
  if (!stdin_arguments_ok(a, from_stdin)) return 2;
  const std::string config_start = !from_stdin ? paths.front() : a.stdin_filename.empty() ? "." : a.stdin_filename;
  auto config = load_run_config(a.config_file, config_start);
  if (!config) return 2;
  CheckOptions opts;
  opts.template_ref = a.template_ref;
  opts.enable = a.enable;
  opts.disable = a.disable;
  opts.needs = format->needs;
  if (!parse_today(a.today, opts.today)) return 2;

  TemplateRegistry registry(*config);
  if (!apply_template_choice(registry, a.schema_file, a.template_ref)) return 2;
  Checker checker(*config, registry, opts);
  if (!rule_names_ok(checker)) return 2;

  Discovery found;
  bool cannot_run = false;
  RunOptions ropts;
  if (from_stdin) {
    ReadResult in = read_file("/dev/stdin", kMaxMarkdownBytes);
    if (!in.ok) {
      fmt::print(stderr, "specgate: standard input: {}\n", in.error);
      return 2;
    }
    const std::string name = a.stdin_filename.empty() ? kStdinName : std::filesystem::path(a.stdin_filename).lexically_normal().string();
    found.files = {name};
    ropts.contents.emplace(name, std::move(in.bytes));
  } else {
    if (!discover_specs_and_templates(paths, *config, a.no_ignore, registry, found, cannot_run, a.force_exclude))
      return 2;
  }

  ropts.jobs = a.jobs;
  ropts.complete = found.covers_workspace;
  if (a.changed) {
    // Every discovered file is indexed (cross-document rules need the whole set); only the
    // changed ones are checked and reported.
    ChangedFiles changed = git_changed_files(paths.front(), a.base);
    if (!changed.error.empty()) {
      fmt::print(stderr, "specgate: {}\n", changed.error);
      return 2;
    }
    std::set<std::string> wanted;
    std::error_code ec;
    for (const auto& p : changed.paths) wanted.insert(std::filesystem::weakly_canonical(p, ec).string());
    ropts.report.resize(found.files.size());
    for (size_t i = 0; i < found.files.size(); ++i)
      ropts.report[i] = wanted.count(std::filesystem::weakly_canonical(found.files[i], ec).string()) > 0;
  }
  FixTotals fixed;
  if (a.fix || a.diff) {
    CheckOptions fix_opts = opts;
    fix_opts.fixes = true;
    Checker fixer(*config, registry, fix_opts);
    fixed = fix_files(a, fixer, *config, found.files, ropts);
    std::cout.flush();
    if (!a.quiet)
      fmt::print(stderr, "specgate: {} {} finding{} in {} file{}\n", a.diff ? "would fix" : "fixed", fixed.fixes,
                 fixed.fixes == 1 ? "" : "s", fixed.files, fixed.files == 1 ? "" : "s");
  }
  // --diff prints the diff alone: the report of what is left only sets the exit status.
  std::ostringstream no_report;
  std::ostream& report_out = a.diff ? static_cast<std::ostream&>(no_report) : std::cout;
  // Each file's findings are written as soon as it and every file before it are checked; the
  // cross-document findings follow once all files are in.
  TextOptions text;
  text.color = want_color(a.color);
  text.quiet = a.quiet;
  text.statistics = a.statistics;
  std::unique_ptr<ReportWriter> writer = make_report_writer(report_out, *format, checker.rule_infos(), text);
  auto errors_only = [&](FileReport& r) {
    if (!a.quiet) return;
    auto& d = r.diagnostics;
    d.erase(std::remove_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.severity != Severity::Error; }), d.end());
  };
  for (const std::string& e : found.errors) writer->error(split_error(e));
  for (const RunError& e : fixed.errors) writer->error(e);
  if (!fixed.errors.empty()) cannot_run = true;
  ropts.on_file = [&](size_t i, FileOutcome&& f) {
    if (!f.reported) return;
    if (!f.error.empty()) {
      std::cout.flush();  // keep the message after the findings already written
      fmt::print(stderr, "specgate: {}\n", f.error);
      writer->error(split_error(f.error, found.files[i]));
      cannot_run = true;
      return;
    }
    errors_only(f.report);
    writer->file(f.report);
  };
  WorkspaceRun ws = run_workspace(found.files, checker, *config, ropts);
  for (FileReport& r : ws.cross) {
    errors_only(r);
    if (!r.diagnostics.empty()) writer->more_findings(r);
  }
  writer->finish();
  std::cout.flush();
  if (cannot_run) return 2;
  const Summary& s = writer->summary();
  if (a.exit_zero) return 0;  // report-only: findings never fail the run, failing to run still does
  if (s.errors > 0 || (a.strict && s.warnings > 0)) return 1;
  return 0;
}

}  // namespace

void register_check(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<CheckArgs>();
  auto* sub = app.add_subcommand("check", "Lint specs against the templates they came from");
  sub->footer(
      "Which template applies: --template, else front matter 'template:', else a\n"
      "'<!-- specgate: template=NAME -->' comment, else the config's 'map:' globs, else the\n"
      "built-in or configured template whose sections the spec matches best.\n\n"
      "Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 cannot run.\n"
      "--exit-zero reports without failing: 0 unless it cannot run (2).\n\n"
      "Suppress a finding inline with <!-- specgate-disable-next-line RULE -->, or a range with\n"
      "<!-- specgate-disable RULE --> ... <!-- specgate-enable RULE -->.\n\n"
      "Examples:\n"
      "  specgate check specs/\n"
      "  specgate check --template task TASK-12.md\n"
      "  specgate check --template ./templates/rfc.md docs/rfcs/\n"
      "  specgate check --format sarif . > specgate.sarif\n"
      "  specgate check --changed --base origin/main specs/\n"
      "  specgate check --diff specs/                     the safe fixes, as a patch\n"
      "  specgate check --fix specs/                      apply them\n"
      "  specgate check 'specs/**/TASK-*.md'            globs are expanded by specgate too\n"
      "  specgate check - --stdin-filename specs/TASK-12.md < buffer.md   (editors)\n"
      "  specgate rules                                  list rule names");
  sub->add_option("PATH", a->paths, "Files or directories (default: .); '-' reads one spec from standard input");
  sub->add_option("--stdin-filename", a->stdin_filename,
                  "With '-': the spec's path, for messages, config lookup, template choice and relative links");
  auto* template_opt = add_template_option(*sub, a->template_ref, "Template name or Markdown file to check against");
  sub->add_option("--schema", a->schema_file, "Schema file (YAML/JSON from 'templates schema') instead of inference")
      ->excludes(template_opt);
  add_config_option(*sub, a->config_file, "Config file (default: .specgate.yaml found upward)");
  add_format_option(*sub, a->format, output_format_list(" or "))
      ->check(CLI::IsMember(output_format_names()))
      ->capture_default_str();
  sub->add_option("--color", a->color, "auto, always or never (NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  // One value per flag (repeatable, or comma-separated), so a following PATH is not swallowed.
  sub->add_option("--enable", a->enable, "Turn a rule on (repeatable; RULE[,RULE])")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  sub->add_option("--disable", a->disable, "Turn a rule off (repeatable; RULE[,RULE])")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->delimiter(',');
  add_today_option(*sub, a->today, "Date to check reviews against, YYYY-MM-DD (default: today)");
  add_jobs_option(*sub, a->jobs);
  auto* changed_opt = sub->add_flag("--changed", a->changed, "Only report files git sees as changed (untracked included)");
  sub->add_option("--base", a->base, "Revision --changed compares against (default: merge-base with the default branch)")
      ->needs(changed_opt);
  sub->add_flag("--no-ignore", a->no_ignore, "Do not honour .gitignore files");
  sub->add_flag("--force-exclude", a->force_exclude,
                "Apply the config's include/exclude and skip templates for files named on the command line too (pre-commit)");
  auto* strict_opt = sub->add_flag("--strict", a->strict, "Warnings also fail the run (exit 1)");
  sub->add_flag("--exit-zero", a->exit_zero, "Exit 0 even when errors are found (2 still means it could not run)")
      ->excludes(strict_opt);
  auto* fix_opt = sub->add_flag("--fix", a->fix, "Apply the safe fixes to the files, then report the findings left (docs/fixes.md)");
  sub->add_flag("--diff", a->diff, "Print the safe fixes as a unified diff and change nothing; exit status as after --fix")
      ->excludes(fix_opt);
  sub->add_flag("-q,--quiet", a->quiet, "Only errors; no summary line (json, sarif, ...: only errors, with a warning)");
  sub->add_flag("--statistics", a->statistics, "Findings per rule and per file after the summary (text, json)");
  sub->callback([a, &exit_code] { exit_code = run_check(*a); });
}

}  // namespace specgate::cli
