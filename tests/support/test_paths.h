// Paths and helpers shared by tests.
#pragma once

#include <filesystem>
#include <string>

namespace specgate::test {

// The checkout and the built binary. Defined in test_paths.cpp, the one file compiled with
// their absolute paths: every other test file then compiles the same in any checkout, so a
// clean clone reuses the compiler cache.
std::string source_dir();
std::string binary();
// ../shared beside the repository; tests that need it skip when it is absent.
inline std::filesystem::path shared_dir() { return std::filesystem::path(source_dir()).parent_path() / "shared"; }
inline bool have_shared() { return std::filesystem::is_directory(shared_dir() / "seeds"); }

// The seed file whose name starts with `prefix` ("003").
inline std::filesystem::path seed(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(shared_dir() / "seeds")) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
  }
  return {};
}

}  // namespace specgate::test
