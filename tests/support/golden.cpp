#include "support/golden.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include "core/file_io.h"
#include "support/test_paths.h"

namespace specgate::test {

namespace {

bool update_mode() {
  const char* v = std::getenv("SPECGATE_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Where the two texts first differ, as a short readable message.
std::string first_difference(const std::string& expected, const std::string& actual) {
  const auto e = split_lines(expected), a = split_lines(actual);
  size_t i = 0;
  while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
  std::ostringstream msg;
  msg << "first difference at line " << (i + 1) << ":\n";
  msg << "  expected: " << (i < e.size() ? "\"" + e[i] + "\"" : std::string("<end of file>")) << '\n';
  msg << "  actual:   " << (i < a.size() ? "\"" + a[i] + "\"" : std::string("<end of output>")) << '\n';
  if (i >= e.size() && i >= a.size()) msg << "  (the texts differ only in their final newline)\n";
  return msg.str();
}

}  // namespace

std::string golden_path(const std::string& name) {
  return std::string(specgate::test::source_dir()) + "/tests/golden/expected/" + name;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_path(name);
  if (update_mode()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const auto err = write_file_atomic(path, actual, WriteOptions{.overwrite = true});
    if (err) ADD_FAILURE() << "cannot update golden file " << path << ": " << *err;
    return;
  }
  const ReadResult expected = read_file(path);
  if (!expected.ok) {
    ADD_FAILURE() << "golden file " << path << ": " << expected.error
                  << "\n(create it with SPECGATE_UPDATE_GOLDEN=1, or make golden)";
    return;
  }
  if (expected.bytes != actual) {
    ADD_FAILURE() << "output differs from " << path << '\n'
                  << first_difference(expected.bytes, actual)
                  << "(if the change is intended: make golden, then review git diff)";
  }
}

}  // namespace specgate::test
