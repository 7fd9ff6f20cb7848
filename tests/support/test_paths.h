// Paths and helpers shared by tests.
#pragma once

#include <filesystem>
#include <string>

namespace specgate::test {

inline std::string source_dir() { return SPECGATE_SOURCE_DIR; }
inline std::string binary() { return SPECGATE_BINARY; }
// ../shared beside the repository; tests that need it skip when it is absent.
inline std::filesystem::path shared_dir() {
  return std::filesystem::path(SPECGATE_SOURCE_DIR).parent_path() / "shared";
}
inline bool have_shared() { return std::filesystem::is_directory(shared_dir() / "seeds"); }

// The seed file whose name starts with `prefix` ("003").
inline std::filesystem::path seed(const std::string& prefix) {
  for (const auto& e : std::filesystem::directory_iterator(shared_dir() / "seeds")) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path();
  }
  return {};
}

}  // namespace specgate::test
