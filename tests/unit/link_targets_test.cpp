// LinkTargets: a directory listed once answers "certainly missing" exactly where stat would fail,
// and leaves every doubtful case (other case, non-ASCII names, "..") to stat.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "rules/link_targets.h"

namespace specgate {
namespace {

namespace fs = std::filesystem;

class LinkTargetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = (fs::temp_directory_path() / ("specgate-link-targets-" + std::to_string(::getpid()))).string();
    fs::remove_all(root_);
    fs::create_directories(root_ + "/docs");
    std::ofstream(root_ + "/docs/design.md") << "# Design\n";
    std::ofstream(root_ + "/docs/caf\xC3\xA9.md") << "# x\n";
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string root_;
};

TEST_F(LinkTargetsTest, MissingOnlyWhereStatWouldFail) {
  LinkTargets t;
  EXPECT_TRUE(t.may_exist(root_ + "/docs/design.md"));
  EXPECT_TRUE(t.may_exist(root_ + "/docs"));
  EXPECT_FALSE(t.may_exist(root_ + "/docs/missing.md"));
  EXPECT_FALSE(t.may_exist(root_ + "/nowhere/design.md"));          // the directory is missing
  EXPECT_FALSE(t.may_exist(root_ + "/docs/design.md/inside.md"));   // a file is no directory
  // Doubtful cases go to stat: another case (a case-insensitive mount would find it), a
  // non-ASCII name, dot entries.
  EXPECT_TRUE(t.may_exist(root_ + "/docs/DESIGN.md"));
  EXPECT_TRUE(t.may_exist(root_ + "/docs/CAF\xC3\x89.md"));
  EXPECT_TRUE(t.may_exist(root_ + "/docs/.."));
  EXPECT_TRUE(t.may_exist(root_ + "/docs/."));
  // Relative paths list the working directory.
  const fs::path old = fs::current_path();
  fs::current_path(root_ + "/docs");
  LinkTargets rel;
  EXPECT_TRUE(rel.may_exist("design.md"));
  EXPECT_FALSE(rel.may_exist("missing.md"));
  fs::current_path(old);
}

TEST_F(LinkTargetsTest, OneRunListsOnceAndTheNextRunSeesNewFiles) {
  LinkTargets run1;
  EXPECT_FALSE(run1.may_exist(root_ + "/docs/later.md"));
  std::ofstream(root_ + "/docs/later.md") << "# Later\n";
  EXPECT_FALSE(run1.may_exist(root_ + "/docs/later.md"));  // listed before it was written
  LinkTargets run2;
  EXPECT_TRUE(run2.may_exist(root_ + "/docs/later.md"));
}

TEST_F(LinkTargetsTest, AnchorsAreLoadedOncePerPath) {
  LinkTargets t;
  int loads = 0;
  auto load = [&](const std::string&) {
    ++loads;
    return std::make_unique<LinkTargets::Anchors>(LinkTargets::Anchors{"design"});
  };
  const auto* a = t.anchors_of(root_ + "/docs/design.md", load);
  const auto* b = t.anchors_of(root_ + "/docs/design.md", load);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, b);
  EXPECT_EQ(loads, 1);
  EXPECT_EQ(t.anchors_of(root_ + "/docs/none.md", [](const std::string&) { return std::unique_ptr<LinkTargets::Anchors>(); }),
            nullptr);
}

}  // namespace
}  // namespace specgate
