#include "support/shell_cli.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/run_binary.h"
#include "support/test_paths.h"

namespace specgate::test {

namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::string tmpl = (fs::temp_directory_path() / "specgate-test-XXXXXX").string();
  if (::mkdtemp(tmpl.data())) path = tmpl;  // stays empty if it cannot be made
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  if (!path.empty()) fs::remove_all(path, ec);
}

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

CliRun run_specgate(const fs::path& cwd, const std::string& args, const std::string& stdin_file) {
  RunOptions options;
  options.cwd = cwd;
  options.stdin_file = stdin_file;
  options.no_color = false;
  const RunResult r = run_program({"/bin/sh", "-c", shell_quote(specgate::test::binary()) + " " + args}, options);
  CliRun c;
  c.code = r.signal != 0 ? -1 : r.exit_code;
  c.out = r.out;
  c.err = r.err;
  return c;
}

}  // namespace specgate::test
