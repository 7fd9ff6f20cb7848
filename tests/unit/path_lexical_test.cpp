// is_normal_path must never claim a path is normal when lexically_normal would change it: the
// broken-link rule then skips normalising and would look up a different file.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/path_lexical.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> all_paths(size_t max_len) {
  std::vector<std::string> out{""};
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].size() == max_len) continue;
    for (char c : std::string("a./")) out.push_back(out[i] + c);
  }
  return out;
}

}  // namespace

TEST(PathLexical, NormalPathsAreLeftAsTheyAreByLexicallyNormal) {
  size_t normal = 0;
  for (const std::string& p : all_paths(6)) {
    const bool abs_ok = specgate::is_normal_path(p, true);
    if (abs_ok) {
      ++normal;
      EXPECT_EQ(fs::path(p).lexically_normal().native(), p) << "'" << p << "'";
    }
    if (specgate::is_normal_path(p, false)) {
      EXPECT_TRUE(abs_ok) << p;
      EXPECT_NE(p.front(), '/') << p;
    }
  }
  EXPECT_GT(normal, 20u);
  EXPECT_TRUE(specgate::is_normal_path("docs/specs/a.md", false));
  EXPECT_TRUE(specgate::is_normal_path("/work/specs", true));
  EXPECT_FALSE(specgate::is_normal_path("/work/specs", false));
  EXPECT_FALSE(specgate::is_normal_path("./a.md", false));
  EXPECT_FALSE(specgate::is_normal_path("a/../b.md", false));
  EXPECT_FALSE(specgate::is_normal_path("a//b.md", false));
}

TEST(PathLexical, JoinedEqualsJoiningThenNormalising) {
  // Every pair of short paths, so the "../" steps meet roots, empty and relative directories.
  std::vector<std::string> paths = all_paths(5);
  for (const char* p : {"/a/b", "a/b/c", "../a", "../../a", "../../../a/b", "a/../..", "./../a", "/.."})
    paths.push_back(p);
  for (const std::string& dir : paths) {
    for (const std::string& rel : paths) {
      ASSERT_EQ(specgate::lexically_joined(dir, rel), (fs::path(dir) / rel).lexically_normal().native())
          << "'" << dir << "' / '" << rel << "'";
    }
  }
}
