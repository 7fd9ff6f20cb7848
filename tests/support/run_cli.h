// Runs the built specgate binary with arguments (no shell), capturing exit code and output, in the
// caller's environment. A spelling of run_program (support/run_binary.h), the one runner.
#pragma once

#include <string>
#include <vector>

namespace specgate::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `env` entries are "NAME=value" added to the environment; `cwd` "" keeps the current one.
CliResult run_cli(const std::vector<std::string>& args, const std::string& cwd = "",
                  const std::vector<std::string>& env = {});

}  // namespace specgate::test
