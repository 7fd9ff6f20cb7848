// `specgate site`: a static site of the specs — a dashboard, a page per spec with its findings,
// template conformance, metadata and links, and a search index — readable offline from file://.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <filesystem>

#include "check/checker.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "site/build.h"
#include "workspace/discover.h"

namespace specgate::cli {

namespace {

struct SiteArgs {
  std::vector<std::string> paths;
  std::string out;
  std::string title = "Specs";
  std::string base_url;
  std::string config_file;
  std::string today;
  unsigned jobs = 0;
  bool single_file = false;
  bool no_ignore = false;
};

int run_site(const SiteArgs& a) {
  std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"."} : a.paths;
  auto config = load_run_config(a.config_file, paths.front());
  if (!config) return 2;
  CheckOptions opts;
  opts.needs = ReportNeeds{true, false};  // findings with their sections; excerpts are not shown
  // Deterministic output: without --today, reviews are judged against today but the page carries
  // no date, so the same specs give the same bytes on the same day.
  if (!parse_today(a.today, opts.today)) return 2;
  TemplateRegistry registry(*config);
  Checker checker(*config, registry, opts);
  if (!rule_names_ok(checker)) return 2;
  Discovery found;
  bool cannot_run = false;
  if (!discover_specs_and_templates(paths, *config, a.no_ignore, registry, found, cannot_run)) return 2;

  site::SiteOptions sopts;
  sopts.out = a.out;
  sopts.single_file = a.single_file;
  sopts.title = a.title;
  sopts.base_url = a.base_url;
  sopts.jobs = a.jobs;
  sopts.complete = found.covers_workspace;
  sopts.today = opts.today;
  std::vector<std::string> errors;
  site::Gathered gathered = site::gather_site(found.files, checker, *config, registry, sopts, errors);
  for (const std::string& e : errors) fmt::print(stderr, "specgate: {}\n", e);
  if (!errors.empty()) cannot_run = true;
  if (std::string e = site::write_site(gathered, checker, *config, registry, sopts); !e.empty()) {
    fmt::print(stderr, "specgate: {}\n", e);
    return 2;
  }
  const size_t pages = gathered.site.pages.size();
  const std::string index = (std::filesystem::path(a.out) / "index.html").string();
  fmt::print("specgate: wrote {} page{} to {} (open {})\n", pages, pages == 1 ? "" : "s", a.out, index);
  return cannot_run ? 2 : 0;
}

}  // namespace

void register_site(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<SiteArgs>();
  auto* sub = app.add_subcommand("site", "Publish specs as a static site: dashboard, pages, findings, search");
  sub->footer(
      "Checks every spec as 'specgate check' does and writes OUT/index.html (a dashboard of every\n"
      "spec: status, owner, reviews, gate progress, findings; with a search box), a page per spec\n"
      "under OUT/specs/ (rendered as GitHub renders it, with its findings, template conformance,\n"
      "metadata, dependencies and backlinks) and OUT/search.json. The pages load nothing from the\n"
      "network and work from file://. The same specs give the same bytes.\n"
      "Exit status: 0, or 2 when a file cannot be read or the site cannot be written.\n\n"
      "Examples:\n"
      "  specgate site specs/ --out site/\n"
      "  specgate site specs/ --out review/ --single-file --title \"Payments specs\"");
  sub->add_option("PATH", a->paths, "Files, directories or globs (default: .)");
  add_out_option(*sub, a->out, "Directory to write the site into")->required();
  sub->add_flag("--single-file", a->single_file, "Write one self-contained OUT/index.html with every page");
  sub->add_option("--title", a->title, "The site's title")->capture_default_str();
  sub->add_option("--base-url", a->base_url, "The address the site is published at (canonical links)");
  add_today_option(*sub, a->today, "Date to judge reviews against, YYYY-MM-DD (default: today)");
  add_config_option(*sub, a->config_file, "Config file (default: .specgate.yaml found upward)");
  add_jobs_option(*sub, a->jobs);
  sub->add_flag("--no-ignore", a->no_ignore, "Do not honour .gitignore files");
  sub->callback([a, &exit_code] { exit_code = run_site(*a); });
}

}  // namespace specgate::cli
