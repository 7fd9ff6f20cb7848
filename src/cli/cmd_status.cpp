// `specgate status`: one row per spec (ID, title, status, owner, dates, gates, findings), totals
// and a "needs attention" list, for a terminal, a committed index page, CSV or JSON.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "check/checker.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "status/status_report.h"
#include "workspace/discover.h"
#include "workspace/run.h"

namespace specgate::cli {

namespace {

// COLUMNS when set (as less, ls and git honour it), else the terminal's width when stdout is
// one, else 0: piped output keeps every column whole.
size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    const unsigned long n = std::strtoul(columns, &end, 10);
    if (*end == '\0' && n >= 20 && n <= 10000) return n;
  }
  struct winsize ws {};
  if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return 0;
}

struct StatusArgs {
  std::vector<std::string> paths;
  std::string config_file;
  std::string format = "table";
  std::string sort = "path";
  std::string today;
  unsigned jobs = 0;
  bool no_ignore = false;
};

int run_status(const StatusArgs& a) {
  StatusFormat format;
  if (!parse_status_format(a.format, format)) {
    fmt::print(stderr, "specgate: unknown --format '{}' (table, markdown, json, csv)\n", a.format);
    return 2;
  }
  std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"."} : a.paths;
  auto config = load_run_config(a.config_file, paths.front());
  if (!config) return 2;
  CheckOptions opts;
  opts.needs = ReportNeeds{false, false};  // status counts findings; it shows none of them
  if (!parse_today(a.today, opts.today)) return 2;
  StatusReport report;
  report.today = opts.today;
  {
    std::vector<SpecSummary> probe;
    if (!sort_specs(probe, a.sort)) {
      fmt::print(stderr, "specgate: unknown --sort '{}' (one of: {})\n", a.sort, kStatusSortKeys);
      return 2;
    }
  }

  TemplateRegistry registry(*config);
  Checker checker(*config, registry, opts);
  if (!rule_names_ok(checker)) return 2;
  Discovery found;
  bool cannot_run = false;
  if (!discover_specs(paths, *config, a.no_ignore, found, cannot_run)) return 2;

  std::vector<SpecSummary> rows(found.files.size());
  RunOptions ropts;
  ropts.jobs = a.jobs;
  ropts.complete = found.covers_workspace;
  ropts.keep_diagnostics = false;
  ropts.per_file = [&rows, &config](size_t i, const Document& doc, const FileReport&) {
    rows[i] = read_spec_summary(doc, *config);
  };
  WorkspaceRun ws = run_workspace(found.files, checker, *config, ropts);
  for (size_t i = 0; i < ws.files.size(); ++i) {
    const FileOutcome& f = ws.files[i];
    if (!f.error.empty()) {
      fmt::print(stderr, "specgate: {}\n", f.error);
      cannot_run = true;
      continue;
    }
    SpecSummary& s = rows[i];
    if (const std::string* id = ws.index[i].primary_id()) s.id = *id;
    if (!f.report.template_name.empty()) s.template_name = f.report.template_name;
    s.errors = f.count(Severity::Error);
    s.warnings = f.count(Severity::Warning);
    finish_summary(s, *config, opts.today);
    report.specs.push_back(std::move(s));
  }
  sort_specs(report.specs, a.sort);
  compute_totals(report);
  write_status(std::cout, report, format, terminal_width());
  std::cout.flush();
  return cannot_run ? 2 : 0;
}

}  // namespace

void register_status(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<StatusArgs>();
  auto* sub = app.add_subcommand("status", "Roll specs up into an index: status, owner, reviews, gates, findings");
  sub->footer(
      "Reads each spec's own header fields (Status, Owner/Assignee, Priority, Story Points,\n"
      "Created, Last Updated, Next Review) and checklist gates (Definition of Done, Acceptance\n"
      "Criteria, Approval, Sign-off, ...), and checks it like 'specgate check'. Values a spec does\n"
      "not state are left empty. Exit status: 0, or 2 when a file cannot be read.\n\n"
      "Examples:\n"
      "  specgate status specs/\n"
      "  specgate status specs/ --format markdown > specs/000-index.md\n"
      "  specgate status --sort next_review --today 2026-11-22\n"
      "  specgate status --format json | jq '.attention'");
  sub->add_option("PATH", a->paths, "Files, directories or globs (default: .)");
  add_format_option(*sub, a->format, "table, markdown, json or csv")
      ->check(CLI::IsMember({"table", "markdown", "md", "json", "csv"}))
      ->capture_default_str();
  sub->add_option("--sort", a->sort, std::string("Order rows by: ") + kStatusSortKeys)->capture_default_str();
  add_today_option(*sub, a->today, "Date to judge reviews against, YYYY-MM-DD (default: today)");
  add_config_option(*sub, a->config_file, "Config file (default: .specgate.yaml found upward)");
  add_jobs_option(*sub, a->jobs);
  sub->add_flag("--no-ignore", a->no_ignore, "Do not honour .gitignore files");
  sub->callback([a, &exit_code] { exit_code = run_status(*a); });
}

}  // namespace specgate::cli
