// Running a helper program (git) without a shell: argv is passed as is, so no argument is ever
// interpreted by /bin/sh.
#pragma once

#include <string>
#include <vector>

namespace specgate {

struct ProcessResult {
  bool started = false;  // false: the program could not be run at all (error says why)
  int exit_code = -1;
  std::string out;    // standard output
  std::string err;    // standard error
  std::string error;  // why it could not start
};

// Runs argv[0] (looked up in PATH) with argv, waits for it, and captures both output streams.
// Standard input is /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace specgate
