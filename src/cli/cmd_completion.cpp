// `specgate completion SHELL` and the hidden `specgate man`: both print what is generated from the
// CLI definition itself (cli/command_tree.h), so a new flag reaches them without anyone editing
// them by hand.
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <iostream>

#include "cli/command_tree.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/completion.h"
#include "cli/manpage.h"
#include "core/file_io.h"

namespace specgate::cli {

namespace {

const CLI::App& root_of(const CLI::App& app) {
  const CLI::App* a = &app;
  while (a->get_parent() != nullptr) a = a->get_parent();
  return *a;
}

// Standard output, or `out` (replaced if it exists: it is a generated file).
int emit(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << text;
    return 0;
  }
  WriteOptions w;
  w.overwrite = true;
  if (auto error = write_file_atomic(out, text, w)) {
    fmt::print(stderr, "specgate: {}: {}\n", out, *error);
    return 2;
  }
  return 0;
}

}  // namespace

void register_completion(CLI::App& app, int& exit_code) {
  auto shell = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  sub->footer(
      "Examples:\n"
      "  source <(specgate completion bash)                       this bash session\n"
      "  specgate completion bash > ~/.local/share/bash-completion/completions/specgate\n"
      "  specgate completion zsh > \"${fpath[1]}/_specgate\"\n"
      "  specgate completion fish > ~/.config/fish/completions/specgate.fish\n\n"
      "'make install' and the .deb install all three where the shells look for them.");
  sub->add_option("SHELL", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember(completion_shells()));
  add_out_option(*sub, *out, "Write the script to this file instead of standard output");
  sub->callback([sub, shell, out, &exit_code] {
    exit_code = emit(completion_script(describe_command(root_of(*sub)), *shell), *out);
  });
}

void register_man(CLI::App& app, int& exit_code) {
  auto out = std::make_shared<std::string>();
  // No group: hidden from --help and from the page and completions themselves; the build runs it.
  auto* sub = app.add_subcommand("man", "Print the specgate(1) man page (roff)")->group("");
  add_out_option(*sub, *out, "Write the page to this file instead of standard output");
  sub->callback([sub, out, &exit_code] {
    exit_code = emit(man_page(describe_command(root_of(*sub)), SPECGATE_VERSION), *out);
  });
}

}  // namespace specgate::cli
