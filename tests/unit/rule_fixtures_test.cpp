// One test per fixture in tests/fixtures/rules/RULE/CASE.md or RULE/FOLDER/CASE.md (see
// support/rule_fixtures.h).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  const fs::path root = fs::path(specgate::test::source_dir()) / "tests/fixtures/rules";
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".md") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& md : files) {
    // The rule is the folder right under the root; a fixture may sit deeper, in a folder of its
    // own when the folder itself is the case (an `archive/` path, a `.specgate.yaml` beside it).
    const fs::path rel = md.lexically_relative(root);
    const std::string rule = rel.begin()->string();
    const std::string the_case = fs::path(rel.lexically_relative(rule)).replace_extension().string();
    ::testing::RegisterTest("RuleFixture", test_name(rule + "__" + the_case).c_str(), nullptr, nullptr,
                            __FILE__, __LINE__, [rule, md]() -> ::testing::Test* { return new FixtureTest(rule, md); });
  }
  return true;
}();

}  // namespace

// Kinds of findings a fixture folder holds: a per-file fixture's .expected lists findings, a
// workspace's expected.txt lists "PATH:LINE:COL: SEVERITY: RULE: MESSAGE" lines.
struct FixtureCount {
  size_t firing = 0, silent = 0;
};

FixtureCount rule_fixtures(const fs::path& dir) {
  FixtureCount n;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".expected") continue;
    (slurp(it->path()).empty() ? n.silent : n.firing) += 1;
  }
  return n;
}

FixtureCount workspace_fixtures(const fs::path& dir, const std::string& rule) {
  FixtureCount n;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path expected = it->path() / "expected.txt";
    if (!fs::exists(expected)) continue;
    (slurp(expected).find(": " + rule + ": ") == std::string::npos ? n.silent : n.firing) += 1;
  }
  return n;
}

// Every rule, per-file and workspace, has a doc page and at least one fixture that fires and one
// that stays silent.
TEST(RuleFixture, EveryRuleHasDocsAndFixtures) {
  const fs::path src(specgate::test::source_dir());
  auto expect = [&](const std::string& name, const FixtureCount& n) {
    EXPECT_TRUE(fs::exists(src / "docs/rules" / (name + ".md"))) << "docs/rules/" << name << ".md missing";
    EXPECT_GE(n.firing, 1u) << name << ": no fixture where the rule fires";
    EXPECT_GE(n.silent, 1u) << name << ": no fixture where the rule stays silent";
  };
  for (const auto& rule : specgate::all_rules()) {
    const std::string name(rule->name());
    expect(name, rule_fixtures(src / "tests/fixtures/rules" / name));
  }
  for (const auto& rule : specgate::all_workspace_rules()) {
    const std::string name(rule->name());
    expect(name, workspace_fixtures(src / "tests/fixtures/workspaces" / name, name));
  }
  // Every name a finding can carry (no-template too) has a page.
  for (const auto& info : specgate::known_rules()) {
    EXPECT_TRUE(fs::exists(src / "docs/rules" / (info.name + ".md"))) << "docs/rules/" << info.name << ".md missing";
  }
}

// The header line of docs/rules/NAME.md says what the rule's own metadata says:
//   Severity: **SEVERITY** · On|Off by default · Needs a template|Works without a template|Cross-document[ more]
std::string doc_header(const std::string& name) {
  std::istringstream in(slurp(fs::path(specgate::test::source_dir()) / "docs/rules" / (name + ".md")));
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Severity: ", 0) == 0) return line;
  return "";
}

std::string header_prefix(specgate::Severity severity, bool on_by_default, const char* kind) {
  return std::string("Severity: **") + std::string(specgate::severity_name(severity)) + "** · " +
         (on_by_default ? "On" : "Off") + " by default · " + kind;
}

TEST(RuleFixture, DocHeaderMatchesTheRulesMetadata) {
  auto expect = [](const std::string& name, const std::string& prefix) {
    const std::string header = doc_header(name);
    EXPECT_EQ(header.substr(0, prefix.size()), prefix) << "docs/rules/" << name << ".md";
    // Anything after the kind is a remark: " (...)" or "; ...", never another kind.
    if (header.size() > prefix.size()) {
      EXPECT_TRUE(header[prefix.size()] == ' ' || header[prefix.size()] == ';') << header;
    }
  };
  for (const auto& rule : specgate::all_rules()) {
    expect(std::string(rule->name()),
           header_prefix(rule->default_severity(), rule->enabled_by_default(),
                         rule->needs_template() ? "Needs a template" : "Works without a template"));
  }
  for (const auto& rule : specgate::all_workspace_rules()) {
    expect(std::string(rule->name()),
           header_prefix(rule->default_severity(), rule->enabled_by_default(), "Cross-document"));
  }
}
