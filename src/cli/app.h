#pragma once

#include <memory>

namespace CLI {
class App;
}

namespace specgate::cli {

// The whole command line: every subcommand and option. Callbacks store their exit code in
// `exit_code`, which must outlive the App. Tests walk this tree (the man page and completions
// are generated from it).
std::unique_ptr<CLI::App> make_app(int& exit_code);

// Parses the command line, runs the chosen subcommand and returns the process exit code.
int run(int argc, char** argv);

}  // namespace specgate::cli
