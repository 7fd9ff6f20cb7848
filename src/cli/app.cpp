#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string_view>
#include <vector>
#include <exception>

#include "cli/commands.h"
#include "core/edit_distance.h"

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
  register_lsp(app, exit_code);
  register_completion(app, exit_code);
  register_man(app, exit_code);
  return owned;
}

int run(int argc, char** argv) {
  int exit_code = 0;
  std::unique_ptr<CLI::App> owned = make_app(exit_code);
  CLI::App& app = *owned;
  // CLI11 would say "A subcommand is required" for a mistyped one; name it and suggest.
  std::vector<std::string_view> names;
  const CLI::App& const_app = app;
  for (const CLI::App* sub : const_app.get_subcommands(std::function<bool(const CLI::App*)>{})) names.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    const std::string near = nearest_name(argv[1], names);
    std::fprintf(stderr, "specgate: unknown command '%s'%s\n", argv[1],
                 near.empty() ? "; see 'specgate --help' for the commands" : ("; did you mean '" + near + "'?").c_str());
    return 2;
  }

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
