// Differential test: our verdict against Mermaid 11.17.2's own (recorded in the corpus manifests)
// for every diagram of a type we validate.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "mermaid/validator.h"

namespace fs = std::filesystem;
using specgate::mermaid::validate;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

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

fs::path corpus() { return fs::path(SPECGATE_SOURCE_DIR) / ".." / "shared" / "corpus" / "mermaid"; }

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
  fs::path dir = fs::path(SPECGATE_SOURCE_DIR) / "tests" / "fixtures" / "mermaid";
  Score s = run_set(dir, true);
  report("fixtures", s);
  ASSERT_GT(s.compared, 0);
  EXPECT_EQ(s.agree, s.compared);
}
