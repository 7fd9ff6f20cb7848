// Each subcommand lives in its own cmd_NAME.cpp and registers itself here. A command's callback
// stores its exit code (0 clean, 1 findings, 2 cannot run) in `exit_code`.
#pragma once

namespace CLI {
class App;
}

namespace specgate::cli {

void register_parse(CLI::App& app, int& exit_code);
void register_export(CLI::App& app, int& exit_code);
void register_new(CLI::App& app, int& exit_code);
void register_check(CLI::App& app, int& exit_code);
void register_rules(CLI::App& app, int& exit_code);
void register_templates(CLI::App& app, int& exit_code);
void register_mermaid(CLI::App& app, int& exit_code);
void register_status(CLI::App& app, int& exit_code);
void register_completion(CLI::App& app, int& exit_code);
void register_man(CLI::App& app, int& exit_code);
void register_lsp(CLI::App& app, int& exit_code);

}  // namespace specgate::cli
