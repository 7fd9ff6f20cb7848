// Every input a fuzzer ever crashed or hung on, replayed through the same entry point
// (fuzz/targets.cpp). tests/fixtures/crashers/TARGET/NAME: TARGET names the entry point.
// In the sanitizer build (make test-sanitize) a regression is an ASan/UBSan report; in any
// build it is a crash, an exception or a ctest timeout.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/test_paths.h"
#include "targets.h"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> crasher_files() {
  std::vector<fs::path> out;
  const fs::path root = fs::path(specgate::test::source_dir()) / "tests/fixtures/crashers";
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Crashers, EveryTargetDirectoryNamesAnEntryPoint) {
  const fs::path root = fs::path(specgate::test::source_dir()) / "tests/fixtures/crashers";
  for (const auto& e : fs::directory_iterator(root)) {
    if (!e.is_directory()) continue;
    EXPECT_NE(specgate::fuzz::entry(e.path().filename().string()), nullptr) << e.path();
  }
}

TEST(Crashers, ReplayWithoutCrashing) {
  const auto files = crasher_files();
  ASSERT_FALSE(files.empty()) << "tests/fixtures/crashers holds no inputs";
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const std::string target = f.parent_path().filename().string();
    auto entry = specgate::fuzz::entry(target);
    ASSERT_NE(entry, nullptr) << "unknown fuzz target directory " << target;
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NO_THROW(entry(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  }
}

}  // namespace
