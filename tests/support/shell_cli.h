// Running the built specgate binary with shell-quoted arguments in one string (and stdin from a
// file), and scratch directories for its files. A spelling of run_program (support/run_binary.h),
// the one runner.
#pragma once

#include <filesystem>
#include <string>

namespace specgate::test {

// A scratch directory removed at the end of the test; `path` is empty if it could not be made.
struct ScratchDir {
  std::filesystem::path path;
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
};

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// Shell-quotes one argument.
std::string shell_quote(const std::string& s);
// Runs `specgate ARGS` (ARGS already quoted) in `cwd`, with stdin from `stdin_file` if given.
// Output is captured through files outside `cwd`, so listings of `cwd` see only specgate's files.
CliRun run_specgate(const std::filesystem::path& cwd, const std::string& args, const std::string& stdin_file = "");

std::string slurp(const std::filesystem::path& p);
void spit(const std::filesystem::path& p, std::string_view bytes);

}  // namespace specgate::test
