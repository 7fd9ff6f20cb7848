// `specgate lsp`: the language server, over standard input and output (docs/editors.md).
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "lsp/server.h"

namespace specgate::cli {

void register_lsp(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand("lsp", "Run the language server (LSP over standard input and output)");
  sub->footer(
      "Editors start it and talk Language Server Protocol 3.17 on stdin/stdout: diagnostics for\n"
      "every check rule as you type, quick fixes, completion, hover, go to definition, rename.\n"
      "The configuration is the .specgate.yaml found from each document, as for check.\n"
      "Setup for Neovim, VS Code, Helix and Emacs: docs/editors.md.");
  // Editors pass --stdio by convention (vscode-languageclient adds it); stdio is the only transport.
  static bool stdio = true;
  sub->add_flag("--stdio", stdio, "Talk on standard input and output (the default and only transport)");
  sub->callback([&exit_code] { exit_code = lsp::serve_stdio(); });
}

}  // namespace specgate::cli
