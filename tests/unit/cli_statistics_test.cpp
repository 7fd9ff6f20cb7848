// `check --statistics` through the built binary: the text tables after the summary and the json
// "statistics" object.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "support/run_cli.h"

using specgate::test::run_cli;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("specgate-stats-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// a.md: two placeholders and an empty section; b.md: one placeholder; c.md: clean.
fs::path three_files(const std::string& name) {
  auto d = temp_dir(name);
  write(d / "a.md", "# A\n\n## One\n\n[TODO: one]\n\n## Two\n\n[TBD]\n\n## Three\n");
  write(d / "b.md", "# B\n\n## One\n\n[TODO: one]\n");
  write(d / "c.md", "# C\n\n## One\n\nDone.\n");
  return d;
}

const std::vector<std::string> kCheck{"check", "--color", "never", "--disable", "no-template"};

std::vector<std::string> args(std::vector<std::string> more) {
  std::vector<std::string> a = kCheck;
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

}  // namespace

TEST(CliStatistics, TextTablesFollowTheSummary) {
  auto d = three_files("text");
  auto r = run_cli(args({"--statistics", "."}), d.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string tables =
      "4 errors, 0 warnings, 0 notes in 3 files\n"
      "\n"
      "rule           findings  errors  warnings  notes\n"
      "placeholder           3       3         0      0\n"
      "empty-section         1       1         0      0\n"
      "\n"
      "file  findings  errors  warnings  notes\n"
      "a.md         3       3         0      0\n"
      "b.md         1       1         0      0\n";
  ASSERT_GE(r.out.size(), tables.size()) << r.out;
  EXPECT_EQ(r.out.substr(r.out.size() - tables.size()), tables) << r.out;

  auto plain = run_cli(args({"."}), d.string());
  EXPECT_EQ(plain.out.find("findings  errors"), std::string::npos) << "only when asked";
}

TEST(CliStatistics, NothingAddedWhenClean) {
  auto d = three_files("clean");
  auto r = run_cli(args({"--statistics", "c.md"}), d.string());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "no problems in 1 file\n");
}

TEST(CliStatistics, JsonObjectAfterSummary) {
  auto d = three_files("json");
  auto r = run_cli(args({"--format", "json", "--statistics", "."}), d.string());
  auto j = nlohmann::ordered_json::parse(r.out);
  ASSERT_TRUE(j.contains("statistics")) << r.out;
  EXPECT_EQ(std::prev(j.end()).key(), "statistics") << "appended at the end, as the contract says";
  const auto& rules = j["statistics"]["rules"];
  EXPECT_EQ(rules.begin().key(), "placeholder");
  EXPECT_EQ(rules["placeholder"]["findings"], 3);
  EXPECT_EQ(rules["placeholder"]["errors"], 3);
  EXPECT_EQ(rules["empty-section"]["findings"], 1);
  EXPECT_EQ(j["statistics"]["files"]["a.md"]["findings"], 3);
  EXPECT_EQ(j["statistics"]["files"]["b.md"]["warnings"], 0);
  EXPECT_FALSE(j["statistics"]["files"].contains("c.md"));

  auto plain = run_cli(args({"--format", "json", "."}), d.string());
  EXPECT_FALSE(nlohmann::json::parse(plain.out).contains("statistics"));
}
