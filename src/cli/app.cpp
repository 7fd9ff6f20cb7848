#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/commands.h"

namespace specgate::cli {

std::unique_ptr<CLI::App> make_app(int& exit_code) {
  auto owned = std::make_unique<CLI::App>(
      "specgate: lint Markdown specs against the templates they came from.\n\n"
      "Examples:\n"
      "  specgate check specs/                      lint every spec in a folder\n"
      "  specgate check --template task TASK-12.md  lint against a named template\n"
      "  specgate status specs/                     one row per spec: status, owner, reviews, gates\n"
      "  specgate new task \"Ledger sync\" --dir specs  scaffold a spec from a template\n"
      "  specgate parse spec.md --format json       print the document model\n"
      "  specgate export spec.md --format template-json --out spec.template.json\n",
      "specgate");
  CLI::App& app = *owned;
  app.set_version_flag("-V,--version", std::string("specgate ") + SPECGATE_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  register_check(app, exit_code);
  register_status(app, exit_code);
  register_templates(app, exit_code);
  register_rules(app, exit_code);
  register_new(app, exit_code);
  register_parse(app, exit_code);
  register_export(app, exit_code);
  register_mermaid(app, exit_code);
  register_completion(app, exit_code);
  register_man(app, exit_code);
  return owned;
}

int run(int argc, char** argv) {
  int exit_code = 0;
  std::unique_ptr<CLI::App> owned = make_app(exit_code);
  CLI::App& app = *owned;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with code 0; real usage errors exit 2.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "specgate: internal error: %s\n", e.what());
    return 2;
  }
  return exit_code;
}

}  // namespace specgate::cli
