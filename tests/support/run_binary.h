// Runs the built specgate binary (SPECGATE_BINARY) as a child process, for tests that must see
// what a user sees: exit status, stdout, stderr. Output goes to temporary files, not pipes, so
// a child that writes megabytes never blocks; a hang is left to the ctest TIMEOUT.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace specgate::test {

struct RunResult {
  int exit_code = -1;  // -1 when the child did not exit normally
  int signal = 0;      // the signal that killed it, 0 if none
  std::string out;
  std::string err;
};

struct RunOptions {
  std::filesystem::path cwd;      // the current directory when empty
  std::vector<std::string> env;   // "NAME=value" entries added to (or replacing in) the environment
  std::string stdin_file;         // /dev/null when empty
  bool no_color = true;           // set NO_COLOR=1
};

// The one child-process runner of the tests (run_cli.h and shell_cli.h are spellings of it):
// runs argv[0] with argv, output captured through files.
RunResult run_program(const std::vector<std::string>& argv, const RunOptions& options);

// Runs `SPECGATE_BINARY args...` in `cwd` (the current directory when empty), with stdin from
// /dev/null and NO_COLOR set.
RunResult run_specgate(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});

// A fresh directory under the system temp dir, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `bytes` to path()/name (creating parent directories) and returns the full path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

std::string read_all(const std::filesystem::path& p);

// The lines of `output` that mention `word` (a rule name), each ending in '\n'.
std::string lines_mentioning(const std::string& output, std::string_view word);

}  // namespace specgate::test
