// The golden helper must fail loudly on a mismatch and must update only when asked.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "core/file_io.h"
#include "support/golden.h"

using specgate::test::expect_golden;
using specgate::test::golden_path;

namespace {

// Sets SPECGATE_UPDATE_GOLDEN for one scope, restoring the previous value.
class UpdateEnv {
 public:
  explicit UpdateEnv(const char* value) {
    if (const char* old = std::getenv("SPECGATE_UPDATE_GOLDEN")) old_ = old, had_ = true;
    if (value) setenv("SPECGATE_UPDATE_GOLDEN", value, 1);
    else unsetenv("SPECGATE_UPDATE_GOLDEN");
  }
  ~UpdateEnv() {
    if (had_) setenv("SPECGATE_UPDATE_GOLDEN", old_.c_str(), 1);
    else unsetenv("SPECGATE_UPDATE_GOLDEN");
  }

 private:
  std::string old_;
  bool had_ = false;
};

}  // namespace

TEST(GoldenSupport, MismatchNamesTheFirstDifferentLine) {
  UpdateEnv env(nullptr);
  // report-empty.json.txt is a committed golden file with several lines.
  const auto expected = specgate::read_file(golden_path("report-empty.json.txt"));
  ASSERT_TRUE(expected.ok);
  std::string changed = expected.bytes;
  changed.replace(changed.find("\"version\": 1"), 12, "\"version\": 2");
  EXPECT_NONFATAL_FAILURE(expect_golden("report-empty.json.txt", changed), "first difference at line 2");
  EXPECT_NONFATAL_FAILURE(expect_golden("report-empty.json.txt", expected.bytes + "\n"), "<end of file>");
}

TEST(GoldenSupport, MissingFileFailsWithHowToCreateIt) {
  UpdateEnv env(nullptr);
  EXPECT_NONFATAL_FAILURE(expect_golden("no-such-golden-file.txt", "x"), "SPECGATE_UPDATE_GOLDEN=1");
}

TEST(GoldenSupport, UpdateModeWritesTheFile) {
  const std::string name = "selftest-update-" + std::to_string(::getpid()) + ".txt";
  {
    UpdateEnv env("1");
    expect_golden(name, "fresh\n");
  }
  EXPECT_FALSE(::testing::Test::HasFailure());
  const auto written = specgate::read_file(golden_path(name));
  std::filesystem::remove(golden_path(name));
  ASSERT_TRUE(written.ok);
  EXPECT_EQ(written.bytes, "fresh\n");
  UpdateEnv env(nullptr);
  EXPECT_NONFATAL_FAILURE(expect_golden(name, "fresh\n"), "create it with");  // removed again
}
