// specgate export: writes a spec out in a machine-readable form.
//   --format template-json  the "Template Metadata" section as <spec>.template.json, byte for
//                           byte what the seed's reference exporter (spec-export.py) writes
//   --format json           the document model plus the spec's findings (export/document_export.h)
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "check/checker.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "core/file_io.h"
#include "export/document_export.h"
#include "export/template_json.h"
#include "template_metadata/template_metadata.h"
#include "model/load.h"

namespace specgate::cli {

namespace {

struct ExportOptions {
  std::string file;
  std::string format = "json";
  std::string out;
  std::string template_ref;
  std::string config_file;
  std::string today;
  bool validate = false;
  bool force = false;
};

constexpr const char* kExportFooter =
    "Formats:\n"
    "  json           the document model of the spec (as 'parse --format json'), the template\n"
    "                 check chose and its findings (as 'check --format json'); see\n"
    "                 docs/export.md. Findings do not change the exit code.\n"
    "  template-json  the 'Template Metadata' section, exactly as scripts/spec-export.py\n"
    "                 writes <spec>.template.json (keys sorted, 2-space indent, \\uXXXX)\n"
    "\n"
    "--out writes atomically. An existing file is replaced only when it is a previous\n"
    "export (a .template.json for template-json, a specgate json export for json) or\n"
    "with --force; the input file is never replaced. --out - writes to stdout; FILE -\n"
    "reads stdin.\n"
    "\n"
    "--validate checks the section first: the reference's messages ('name' is required, ...)\n"
    "and specgate's own (unfilled placeholders such as <...>, [...], YYYY-MM-DD and TBD,\n"
    "{variables} missing from 'variables', metadata that is not a JSON object). On any\n"
    "problem it prints them and exits 1 without exporting.\n"
    "\n"
    "--validate is for template-json only; --template, --config and --today for json only:\n"
    "given to the other format they are a usage error (exit 2).\n"
    "\n"
    "Exit codes: 0 exported, 1 (template-json) no 'Template Metadata' section or validation\n"
    "problems, 2 cannot run (unreadable input, unknown template, unwritable output, usage).\n"
    "\n"
    "Examples:\n"
    "  specgate export spec.md | jq '.diagnostics[] | .message'\n"
    "  specgate export spec.md --format template-json --out spec.template.json\n"
    "  specgate export spec.md --format template-json --validate > /dev/null\n";

int print_problems(const std::string& file, const std::vector<exporter::MetadataProblem>& problems) {
  for (const auto& p : problems) {
    if (p.reference) {
      // Worded and laid out as the reference prints them, so existing scripts still match.
      std::fprintf(stderr, "error: %s\n", p.message.c_str());
    } else if (p.line > 0) {
      std::fprintf(stderr, "%s:%u:%u: error: %s\n", file.c_str(), p.line, p.column, p.message.c_str());
    } else {
      std::fprintf(stderr, "%s: error: %s\n", file.c_str(), p.message.c_str());
    }
  }
  return problems.empty() ? 0 : 1;
}

// `previous_export` tells whether an existing file at --out is an earlier export of this format,
// which is replaced without --force.
int write_output(const ExportOptions& o, const std::string& bytes, bool (*previous_export)(const std::string& path)) {
  if (o.out.empty() || o.out == "-") {
    if (write_stdout(bytes)) return 0;
    std::fprintf(stderr, "specgate: cannot write to stdout\n");
    return 2;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  if (o.file != "-" && fs::exists(o.out, ec) && fs::equivalent(o.file, o.out, ec)) {
    std::fprintf(stderr, "specgate: refusing to overwrite the input file %s\n", o.out.c_str());
    return 2;
  }
  // Re-exporting over the previous export is the normal workflow; anything else might be a
  // user's file, so it needs --force.
  WriteOptions options;
  options.overwrite = o.force || previous_export(o.out);
  if (auto err = write_file_atomic(o.out, bytes, options)) {
    std::fprintf(stderr, "specgate: %s\n", err->c_str());
    return 2;
  }
  return 0;
}

int export_template_json(const ExportOptions& o) {
  const std::string path = o.file == "-" ? "/dev/stdin" : o.file;
  ReadResult input = read_file(path, kMaxMarkdownBytes);
  if (!input.ok) {
    std::fprintf(stderr, "specgate: cannot read %s: %s\n", o.file.c_str(), input.error.c_str());
    return 2;
  }
  exporter::ParseOutcome parsed = exporter::parse_template_metadata(input.bytes);
  if (!parsed.metadata) {
    std::fprintf(stderr, "error: %s\n", parsed.error.c_str());
    return 1;
  }
  if (o.validate) {
    if (int rc = print_problems(o.file, exporter::validate(*parsed.metadata))) return rc;
  }
  return write_output(o, exporter::render_template_json(*parsed.metadata),
                      [](const std::string& out) { return out.ends_with(".template.json"); });
}

bool previous_document_export(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  ReadResult r = read_file(path, size_t(256) << 20);
  return r.ok && exporter::is_document_export(r.bytes);
}

int export_document_json(const ExportOptions& o) {
  const bool from_stdin = o.file == "-";
  ReadResult input = read_file(from_stdin ? "/dev/stdin" : o.file);
  if (!input.ok) {
    std::fprintf(stderr, "specgate: cannot read %s: %s\n", o.file.c_str(), input.error.c_str());
    return 2;
  }
  if (looks_binary(input.bytes)) {
    std::fprintf(stderr, "specgate: %s looks like a binary file (it contains NUL bytes), not Markdown\n", o.file.c_str());
    return 2;
  }
  auto config = load_run_config(o.config_file, from_stdin ? "." : o.file);
  if (!config) return 2;
  CheckOptions copts;
  copts.template_ref = o.template_ref;
  if (!parse_today(o.today, copts.today)) return 2;
  TemplateRegistry registry(*config);
  Checker checker(*config, registry, copts);
  if (!rule_names_ok(checker)) return 2;
  const Document doc = build_document(SourceText(from_stdin ? "<stdin>" : o.file, std::move(input.bytes)));
  CheckResult result = checker.check(doc);
  if (!result.fatal.empty()) {
    std::fprintf(stderr, "specgate: %s\n", result.fatal.c_str());
    return 2;
  }
  // Spec text may hold invalid UTF-8 (quoted in messages); replace it rather than fail.
  const std::string bytes =
      exporter::document_export_json(doc, result.report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
      "\n";
  return write_output(o, bytes, previous_document_export);
}

// Each format reads only some options; one given to the other format would be ignored without
// a word, so it is a usage error instead.
std::string misplaced_option(const ExportOptions& o) {
  if (o.format == "template-json") {
    for (const auto& [given, name] : {std::pair{!o.template_ref.empty(), "--template"},
                                      std::pair{!o.config_file.empty(), "--config"},
                                      std::pair{!o.today.empty(), "--today"}}) {
      if (given) return std::string(name) + " applies to --format json only (template-json copies the Template Metadata section as it is)";
    }
  } else if (o.validate) {
    return "--validate applies to --format template-json only (json reports findings in its 'diagnostics')";
  }
  return "";
}

}  // namespace

void register_export(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<ExportOptions>();
  auto* sub = app.add_subcommand("export", "Export a spec as JSON (the document model or its Template Metadata)");
  sub->add_option("FILE", opts->file, "Markdown spec to export ('-' for stdin)")->required();
  add_format_option(*sub, opts->format, "Output format: json or template-json (default: json)")
      ->check(CLI::IsMember({"json", "template-json"}));
  add_out_option(*sub, opts->out, "Write to this file instead of stdout");
  add_template_option(*sub, opts->template_ref, "json: the template to check against (default: as 'check' chooses)");
  add_config_option(*sub, opts->config_file, "json: config file (default: .specgate.yaml found upward)");
  add_today_option(*sub, opts->today, "json: date for date rules, YYYY-MM-DD (default: today)");
  sub->add_flag("--validate", opts->validate, "template-json: check the Template Metadata first; exit 1 on problems");
  add_force_flag(*sub, opts->force, "Replace an existing --out file that is not a previous export");
  sub->footer(kExportFooter);
  sub->callback([opts, &exit_code] {
    if (const std::string wrong = misplaced_option(*opts); !wrong.empty()) {
      std::fprintf(stderr, "specgate: export: %s\n", wrong.c_str());
      exit_code = 2;
      return;
    }
    exit_code = opts->format == "template-json" ? export_template_json(*opts)
                                                : export_document_json(*opts);
  });
}

}  // namespace specgate::cli
