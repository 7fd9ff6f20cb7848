#include "support/shell_cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

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
  ScratchDir io;
  const fs::path out = io.path / "stdout";
  const fs::path err = io.path / "stderr";
  std::string cmd = "cd " + shell_quote(cwd.string()) + " && " + shell_quote(SPECGATE_BINARY) + " " + args + " >" +
                    shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  if (!stdin_file.empty()) cmd += " <" + shell_quote(stdin_file);
  const int status = std::system(cmd.c_str());
  CliRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace specgate::test
