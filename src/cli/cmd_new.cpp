// `specgate new TEMPLATE [TITLE]`: scaffold a spec from a template, named by the template's
// convention, filled with what is known now (title, dates, ID, status, --var values).
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/file_io.h"
#include "model/load.h"
#include "scaffold/fill.h"
#include "scaffold/ids.h"
#include "config/naming.h"
#include "scaffold/slug.h"
#include "schema/registry.h"

namespace specgate::cli {

namespace fs = std::filesystem;

namespace {

struct NewArgs {
  std::string template_ref;
  std::string title;
  std::vector<std::string> vars;
  std::string id;
  std::string dir = ".";
  bool dir_given = false;  // --dir on the command line
  std::string out;
  std::string config_file;
  std::string today;
  bool force = false;
};

constexpr const char* kNewFooter =
    "The title replaces the template's title placeholder (\"# TASK-XXX: [Title]\", a **Title:**\n"
    "field). Created / Updated / Last Updated / Date fields get today's date, Next Review today\n"
    "plus review_interval_days, the document's Status the first of its choices, the spec's own\n"
    "ID placeholder (TASK-XXX, ARCH-SUPER-X, SPEC-[EPIC-XXX]) the --id. --var KEY=VALUE fills\n"
    "the placeholder in a field named Key (**Key:** [...]), else every [Key], <key> or {key}\n"
    "placeholder (case, spaces, _ and - ignored). All other\n"
    "placeholders stay for you to fill; code blocks are left alone.\n"
    "\n"
    "--id N or --id TASK-12 sets the ID; --id auto takes the next free number of the family\n"
    "among the specs under --dir (file names, titles and ID fields). When the file name needs\n"
    "an ID and none is given, auto is used.\n"
    "\n"
    "File names (under --dir): super-task, epic-spec and task {id}-{slug}.md, feature-spec\n"
    "directives/spec/{date}_spec_{slug}.md, system-spec tech-spec-{date}-{slug}.md, other\n"
    "templates {id}-{slug}.md or {slug}.md; set your own with 'naming:' in .specgate.yaml\n"
    "(docs/new.md). An existing file is never replaced without --force; symbolic links are\n"
    "never written through.\n"
    "\n"
    "An --id already declared under --dir is refused unless --force is given.\n"
    "\n"
    "Exit codes: 0 created, 2 cannot run (unknown template, file or ID exists, bad option).\n"
    "\n"
    "Examples:\n"
    "  specgate new task \"Ledger sync retries\" --dir specs\n"
    "  specgate new epic-spec \"Payouts\" --id 7 --var author=\"Ana Silva\"\n"
    "  specgate new ./templates/rfc.md \"Event bus\" --out -\n";

void fail(const std::string& message) { fmt::print(stderr, "specgate: {}\n", message); }

bool is_builtin_or_named(TemplateRegistry& registry, const std::string& ref) {
  for (const auto& info : registry.list()) {
    if (info.name == ref) return true;
  }
  return false;
}

// IDs end up in file names: one path component of printable characters.
bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id[0] == '.' || id[0] == '-') return false;
  for (unsigned char c : id) {
    if (c <= ' ' || c == '/' || c == '\\' || c == 0x7F || c == '{' || c == '}') return false;
  }
  return true;
}

// True when `path`'s folder, with symbolic links resolved, is `dir` or inside it.
bool inside(const fs::path& path, const fs::path& dir) {
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(dir, ec);
  if (ec) return false;
  const fs::path parent = fs::weakly_canonical(fs::absolute(path, ec).parent_path(), ec);
  if (ec) return false;
  auto r = root.begin();
  auto p = parent.begin();
  for (; r != root.end(); ++r, ++p) {
    if (r->empty() && std::next(r) == root.end()) break;  // trailing separator
    if (p == parent.end() || *p != *r) return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

int run_new(const NewArgs& a) {
  FillOptions fill;
  fill.today = today_utc();
  if (!parse_today(a.today, fill.today)) return 2;
  for (const auto& v : a.vars) {
    const size_t eq = v.find('=');
    if (eq == std::string::npos || fold_var_key(v.substr(0, eq)).empty()) {
      fail("--var wants KEY=VALUE, got '" + v + "'");
      return 2;
    }
    fill.vars.emplace_back(v.substr(0, eq), v.substr(eq + 1));
  }
  std::error_code ec;
  if (a.out.empty() && !fs::is_directory(a.dir, ec)) {
    fail("--dir " + a.dir + (fs::exists(a.dir, ec) ? ": not a directory" : ": no such directory (create it first)"));
    return 2;
  }
  auto config = load_run_config(a.config_file, a.dir);
  if (!config) return 2;
  fill.review_interval_days = config->review_interval_days;

  TemplateRegistry registry(*config);
  std::string error;
  auto text = registry.template_text(a.template_ref, "", error);
  if (!text) {
    fail(error);
    return 2;
  }
  const bool named = is_builtin_or_named(registry, a.template_ref);
  const std::string name = named ? a.template_ref : fs::path(a.template_ref).stem().string();
  const Document tmpl = build_document(SourceText(a.template_ref, *text));

  // The file name convention: config, else the built-in one, else {slug}.md.
  std::string pattern;
  // A config's 'naming:' path is relative to the config's folder (as its other paths are), so
  // 'new' run from a subfolder writes where the pattern says; --dir, when given, still wins.
  std::string base = a.dir;
  if (a.out.empty()) {
    const auto it = config->naming.find(a.template_ref);
    const auto jt = config->naming.find(name);
    if (it != config->naming.end()) pattern = it->second;
    else if (jt != config->naming.end()) pattern = jt->second;
    else if (named) pattern = std::string(builtin_naming(name));
    if ((it != config->naming.end() || jt != config->naming.end()) && !a.dir_given && !config->path.empty())
      base = fs::proximate(config->dir, ec).string();
    if (base.empty()) base = ".";
  }
  // The spec's ID.
  std::string family = template_id_family(tmpl);
  if (a.out.empty() && pattern.empty()) pattern = family.empty() ? "{slug}.md" : "{id}-{slug}.md";
  if (family.empty()) family = naming_family(pattern);
  std::string id_arg = a.id;
  if (id_arg.empty() && naming_needs_id(pattern)) id_arg = "auto";
  std::string id;
  if (id_arg == "auto") {
    if (family.empty()) {
      fail("cannot number the spec automatically: template '" + name +
           "' has no ID placeholder such as TASK-XXX; pass --id");
      return 2;
    }
    id = next_id(family, scan_declared_ids(base, family, *config));
  } else if (!id_arg.empty()) {
    id = compose_id(family, id_arg);
    if (!valid_id(id)) {
      fail("--id '" + a.id + "' cannot be used as an ID (one word, no '/', at most 64 characters)");
      return 2;
    }
    // The family's IDs are numbered: "--id abc" would be an ID that nothing numbers after and no
    // reference (TASK-12) can name. Another scheme with a number (PAY-3) is still taken as written.
    if (!family.empty() && !all_digits(id_number(id))) {
      fail("--id '" + a.id + "': " + family + " IDs are numbered; give a number (--id 12), " + family +
           "-12 or auto");
      return 2;
    }
    // A second spec with the same ID is a duplicate-id error waiting to happen.
    if (!family.empty() && !a.force) {
      if (id_declared(base, family, id, *config)) {
        fail(id + " already exists under " + base + "; not creating a second one (--id auto takes the next free " +
             "number; --force creates it anyway)");
        return 2;
      }
    }
  }
  fill.id = id;
  fill.title = a.title;

  // Where it goes.
  fs::path target;
  if (a.out.empty()) {
    NameParts parts;
    parts.id = id;
    parts.number = id_number(id);
    parts.slug = slugify(a.title);
    if (parts.slug.empty()) parts.slug = "untitled";
    parts.date = fill.today.iso();
    parts.template_name = slugify(name);
    target = base == "." ? fs::path(expand_naming(pattern, parts)) : fs::path(base) / expand_naming(pattern, parts);
    if (!inside(target, base)) {
      fail("refusing to write " + target.string() + ": a symbolic link leads out of " + base);
      return 2;
    }
  } else if (a.out != "-") {
    target = a.out;
  }

  // The template reference written into the spec, so `check` knows its template. A file
  // template is referenced relative to the new spec, as `check` resolves it.
  if (named) {
    fill.template_ref = a.template_ref;
  } else {
    const fs::path from = target.empty() ? fs::current_path(ec) : fs::absolute(target, ec).parent_path();
    fs::path tpath = fs::absolute(a.template_ref, ec);
    fs::path rel = fs::proximate(tpath, fs::weakly_canonical(from, ec), ec);
    const std::string ref = ec ? tpath.generic_string() : rel.generic_string();
    if (ref.find_first_of(" \t\"'") == std::string::npos) fill.template_ref = ref;
  }

  FillResult filled = fill_template(tmpl, fill);
  for (const auto& k : filled.unused_vars)
    fmt::print(stderr, "specgate: warning: --var {} matched no placeholder in template '{}'\n", k, name);

  if (target.empty()) {
    if (write_stdout(filled.text)) return 0;
    fail("cannot write to stdout");
    return 2;
  }
  if (fs::exists(target, ec) && fs::exists(a.template_ref, ec) && fs::equivalent(target, a.template_ref, ec)) {
    fail("refusing to overwrite the template " + a.template_ref);
    return 2;
  }
  const auto st = fs::symlink_status(target, ec);
  if (!ec && fs::exists(st) && !fs::is_symlink(st) && !a.force) {
    fail(target.string() + " already exists; not replacing it (use --force to overwrite)");
    return 2;
  }
  WriteOptions wo;
  wo.overwrite = a.force;
  if (auto err = write_file_atomic(target.string(), filled.text, wo)) {
    fail(*err);
    return 2;
  }
  fmt::print("{}\n", target.string());
  return 0;
}

}  // namespace

void register_new(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<NewArgs>();
  auto* sub = app.add_subcommand("new", "Create a spec from a template");
  sub->footer(kNewFooter);
  sub->add_option("TEMPLATE", a->template_ref, "Template name (see 'specgate templates') or Markdown file")->required();
  sub->add_option("TITLE", a->title, "Title of the new spec");
  // One value per --var, so a TITLE after it is not taken as another KEY=VALUE.
  sub->add_option("--var", a->vars, "KEY=VALUE for [Key], <key> and {key} placeholders (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--id", a->id, "The spec's ID: a number, a full ID such as TASK-12, or 'auto'");
  sub->add_option("--dir", a->dir, "Folder to create the spec in and to scan for IDs (default: .)");
  add_out_option(*sub, a->out, "Write to this file instead ('-' for stdout)");
  add_config_option(*sub, a->config_file, "Config file (default: .specgate.yaml found upward from --dir)");
  add_today_option(*sub, a->today, "Today's date, YYYY-MM-DD (default: the current date)");
  add_force_flag(*sub, a->force, "Replace an existing file");
  sub->callback([a, sub, &exit_code] {
    a->dir_given = sub->count("--dir") > 0;
    exit_code = run_new(*a);
  });
}

}  // namespace specgate::cli
