// Differential test: our verdict against Mermaid 11.17.2's own (recorded in the corpus manifests)
// for every diagram of a type we validate.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "mermaid/validator.h"
#include "support/shell_cli.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::mermaid::validate;
using specgate::test::ScratchDir;
using specgate::test::shell_quote;
using specgate::test::slurp;

namespace {

struct Row {
  std::string file;
  std::string type;
  bool valid = false;
  std::string error;
};

// manifest.tsv: '#' comment lines, a header line naming the columns, then one row per diagram.
std::vector<Row> read_manifest(const fs::path& path) {
  std::vector<Row> rows;
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> cols;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    if (cols.empty()) {
      cols = f;
      continue;
    }
    Row r;
    for (size_t i = 0; i < cols.size() && i < f.size(); ++i) {
      if (cols[i] == "file") r.file = f[i];
      if (cols[i] == "diagram_type") r.type = f[i];
      if (cols[i] == "oracle_valid") r.valid = f[i] == "1";
      if (cols[i] == "oracle_error") r.error = f[i];
    }
    rows.push_back(r);
  }
  return rows;
}

struct Score {
  int compared = 0;
  int agree = 0;
  int false_errors_unvalidated = 0;
  std::map<std::string, std::pair<int, int>> by_type;  // agree, compared
  std::map<std::string, std::pair<int, int>> labels;   // valid, invalid (oracle) per type
};

Score run_set(const fs::path& dir, bool print) {
  Score s;
  for (const Row& r : read_manifest(dir / "manifest.tsv")) {
    std::string text = slurp(dir / r.file);
    auto res = validate(text);
    if (!res.validated) {
      if (r.valid && !res.valid) ++s.false_errors_unvalidated;
      continue;
    }
    ++s.compared;
    auto& bt = s.by_type[r.type.empty() ? res.type : r.type];
    ++bt.second;
    auto& lb = s.labels[r.type.empty() ? res.type : r.type];
    ++(r.valid ? lb.first : lb.second);
    if (res.valid == r.valid) {
      ++s.agree;
      ++bt.first;
    } else if (print) {
      std::string ours = res.valid ? "valid" : res.diagnostics.empty() ? "invalid" :
          std::to_string(res.diagnostics[0].line) + ":" + std::to_string(res.diagnostics[0].column) +
          " " + res.diagnostics[0].message;
      std::printf("DISAGREE %s/%s [%s] oracle=%s ours=%s\n", dir.filename().c_str(), r.file.c_str(),
                  r.type.c_str(), r.valid ? "valid" : ("invalid: " + r.error).c_str(), ours.c_str());
    }
  }
  return s;
}

fs::path corpus() { return fs::path(specgate::test::source_dir()) / ".." / "shared" / "corpus" / "mermaid"; }

void report(const char* name, const Score& s) {
  std::printf("%s: %d/%d agree (%.2f%%)\n", name, s.agree, s.compared,
              s.compared ? 100.0 * s.agree / s.compared : 0.0);
  for (auto& [type, v] : s.by_type) std::printf("  %-18s %d/%d\n", type.c_str(), v.first, v.second);
}

// Every validated type with enough diagrams must agree on its own, not just in the total.
void expect_each_type(const Score& s, double floor) {
  for (auto& [type, v] : s.by_type) {
    if (v.second < 10) continue;
    EXPECT_GE(100.0 * v.first / v.second, floor) << type << ": " << v.first << "/" << v.second;
  }
}

}  // namespace

TEST(MermaidConformance, DocsAgreeWithOracle) {
  if (!fs::exists(corpus() / "docs" / "manifest.tsv")) GTEST_SKIP() << "no ../shared corpus";
  Score s = run_set(corpus() / "docs", true);
  report("docs", s);
  ASSERT_GT(s.compared, 0);
  EXPECT_GE(100.0 * s.agree / s.compared, 99.5);
  EXPECT_EQ(s.false_errors_unvalidated, 0);
  expect_each_type(s, 99.0);
}

TEST(MermaidConformance, MutantsAgreeWithOracle) {
  if (!fs::exists(corpus() / "mutants" / "manifest.tsv")) GTEST_SKIP() << "no ../shared corpus";
  Score s = run_set(corpus() / "mutants", true);
  report("mutants", s);
  ASSERT_GT(s.compared, 0);
  EXPECT_GE(100.0 * s.agree / s.compared, 98.0);
  EXPECT_EQ(s.false_errors_unvalidated, 0);
  expect_each_type(s, 95.0);
}

// Our own oracle-labelled cases (tests/fixtures/mermaid), reported per diagram type.
TEST(MermaidConformance, OwnFixturesAgreeWithOracle) {
  fs::path dir = fs::path(specgate::test::source_dir()) / "tests" / "fixtures" / "mermaid";
  Score s = run_set(dir, true);
  report("fixtures", s);
  ASSERT_GT(s.compared, 0);
  EXPECT_EQ(s.agree, s.compared);
}

// Each type validated since the docs set was cut has too few docs diagrams to judge it there
// (3-7 each); our own fixtures must cover it with valid forms and typical mistakes.
TEST(MermaidConformance, NewerTypesCoveredByOwnFixtures) {
  fs::path dir = fs::path(specgate::test::source_dir()) / "tests" / "fixtures" / "mermaid";
  Score s = run_set(dir, false);
  for (const char* type : {"requirementDiagram", "quadrantChart", "xychart"}) {
    auto [agree, compared] = s.by_type[type];
    auto [valid, invalid] = s.labels[type];
    EXPECT_GE(compared, 20) << type;
    EXPECT_EQ(agree, compared) << type;
    EXPECT_GE(valid, 5) << type;
    EXPECT_GE(invalid, 10) << type;
  }
}

namespace {

// `command` with its standard output; exit status in `status`.
std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) {
    status = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  status = pclose(p);
  return out;
}

bool on_path(const char* program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace

// Opt-in (SPECGATE_MERMAID_ORACLE=1 and node on PATH): installs the pinned oracle in a temporary
// directory, labels tests/fixtures/mermaid with Mermaid itself, and checks both our verdicts and
// the recorded manifest labels against it. Needs the npm registry; takes about a minute.
TEST(MermaidConformance, LiveOracleAgreesOnOwnFixtures) {
  const char* opt = std::getenv("SPECGATE_MERMAID_ORACLE");
  if (!opt || std::string(opt) != "1") GTEST_SKIP() << "set SPECGATE_MERMAID_ORACLE=1 to run Mermaid itself";
  if (!on_path("node") || !on_path("npm")) GTEST_SKIP() << "node and npm are not on PATH";
  fs::path tool = fs::path(specgate::test::source_dir()) / ".." / "shared" / "tools" / "mermaid-oracle";
  if (!fs::exists(tool / "oracle.mjs")) GTEST_SKIP() << "no ../shared/tools/mermaid-oracle";

  ScratchDir tmp;
  ASSERT_FALSE(tmp.path.empty());
  for (const char* f : {"oracle.mjs", "package.json", "package-lock.json"})
    fs::copy_file(tool / f, tmp.path / f);
  int status = 0;
  std::string log = run("cd " + shell_quote(tmp.path.string()) +
                            " && npm ci --no-audit --no-fund --loglevel=error 2>&1",
                        status);
  ASSERT_EQ(status, 0) << "npm ci failed:\n" << log;

  fs::path dir = fs::path(specgate::test::source_dir()) / "tests" / "fixtures" / "mermaid";
  std::string out = run("node " + shell_quote((tmp.path / "oracle.mjs").string()) + " " +
                            shell_quote(dir.string()) + " 2>/dev/null",
                        status);
  ASSERT_EQ(status, 0) << "the oracle failed";

  std::map<std::string, bool> recorded;
  for (const Row& r : read_manifest(dir / "manifest.tsv")) recorded[r.file] = r.valid;
  int labelled = 0, compared = 0, agree = 0;
  std::stringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    std::string file = fs::path(j.at("file").get<std::string>()).filename().string();
    bool valid = j.at("valid").get<bool>();
    ++labelled;
    auto it = recorded.find(file);
    EXPECT_TRUE(it != recorded.end()) << file << " is not in manifest.tsv";
    if (it != recorded.end()) {
      EXPECT_EQ(it->second, valid) << file << ": manifest.tsv label is stale; Mermaid says "
                                   << (valid ? "valid" : "invalid: " + j.value("error", std::string()));
    }
    auto res = validate(slurp(dir / file));
    if (!res.validated) {
      EXPECT_TRUE(res.valid) << file;
      continue;
    }
    ++compared;
    if (res.valid == valid) {
      ++agree;
    } else {
      ADD_FAILURE() << file << ": Mermaid says " << (valid ? "valid" : "invalid") << ", we say "
                    << (res.valid ? "valid" : res.diagnostics.empty() ? "invalid" : res.diagnostics[0].message);
    }
  }
  std::printf("live oracle: %d files labelled, %d/%d verdicts agree\n", labelled, agree, compared);
  EXPECT_EQ(labelled, static_cast<int>(recorded.size()));
  EXPECT_GT(compared, 0);
}
