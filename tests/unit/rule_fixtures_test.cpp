// One test per fixture in tests/fixtures/rules/RULE/CASE.md (see support/rule_fixtures.h).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "check/checker.h"
#include "rules/registry.h"
#include "support/rule_fixtures.h"
#include "support/shell_cli.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::test::slurp;

namespace {

class FixtureTest : public ::testing::Test {
 public:
  FixtureTest(std::string rule, fs::path md) : rule_(std::move(rule)), md_(std::move(md)) {}
  void TestBody() override {
    fs::path expected = md_;
    expected.replace_extension(".expected");
    const std::string actual = specgate::test::fixture_findings(rule_, md_.string());
    const char* update = std::getenv("SPECGATE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
      std::ofstream(expected, std::ios::binary) << actual;
      return;
    }
    ASSERT_TRUE(fs::exists(expected)) << "missing " << expected << " (run with SPECGATE_UPDATE_GOLDEN=1 and review)";
    EXPECT_EQ(actual, slurp(expected)) << "fixture " << md_;
  }

 private:
  std::string rule_;
  fs::path md_;
};

std::string test_name(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

// Registered before main() runs, so each fixture is its own ctest test.
const bool registered = [] {
  const fs::path root = fs::path(SPECGATE_SOURCE_DIR) / "tests/fixtures/rules";
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".md") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& md : files) {
    const std::string rule = md.parent_path().filename().string();
    ::testing::RegisterTest("RuleFixture", test_name(rule + "__" + md.stem().string()).c_str(), nullptr, nullptr,
                            __FILE__, __LINE__, [rule, md]() -> ::testing::Test* { return new FixtureTest(rule, md); });
  }
  return true;
}();

}  // namespace

// Every rule has a doc page and at least one fixture that fires and one that stays silent.
TEST(RuleFixture, EveryRuleHasDocsAndFixtures) {
  const fs::path src(SPECGATE_SOURCE_DIR);
  for (const auto& rule : specgate::all_rules()) {
    const std::string name(rule->name());
    EXPECT_TRUE(fs::exists(src / "docs/rules" / (name + ".md"))) << "docs/rules/" << name << ".md missing";
    size_t firing = 0, silent = 0;
    std::error_code ec;
    for (fs::directory_iterator it(src / "tests/fixtures/rules" / name, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != ".expected") continue;
      (slurp(it->path()).empty() ? silent : firing) += 1;
    }
    EXPECT_GE(firing, 1u) << name << ": no fixture where the rule fires";
    EXPECT_GE(silent, 1u) << name << ": no fixture where the rule stays silent";
  }
  // Every name a finding can carry (cross-document rules, no-template) has a page too.
  for (const auto& info : specgate::known_rules()) {
    EXPECT_TRUE(fs::exists(src / "docs/rules" / (info.name + ".md"))) << "docs/rules/" << info.name << ".md missing";
  }
}
