#include "support/run_cli.h"

#include "support/run_binary.h"
#include "support/test_paths.h"

namespace specgate::test {

CliResult run_cli(const std::vector<std::string>& args, const std::string& cwd, const std::vector<std::string>& env) {
  std::vector<std::string> argv{binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  RunOptions options;
  options.cwd = cwd;
  options.env = env;
  options.no_color = false;  // the caller's environment, as a user's shell would pass it
  RunResult r = run_program(argv, options);
  CliResult c;
  c.exit_code = r.signal != 0 ? 128 + r.signal : r.exit_code;
  c.out = std::move(r.out);
  c.err = std::move(r.err);
  return c;
}

}  // namespace specgate::test
