#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace specgate::cli {

void register_parse(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand("parse", "Print the document model of a Markdown file");
  (void)sub;
  (void)exit_code;
}

}  // namespace specgate::cli
