// sort_diagnostics: by line, then column; findings at the same place keep the order they were
// reported in (rule registry order), as a stable sort would.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "core/diagnostic.h"

namespace specgate {
namespace {

TEST(SortDiagnostics, OrdersByPlaceAndKeepsReportOrderAtTheSamePlace) {
  std::mt19937 rng(7);
  for (int round = 0; round < 50; ++round) {
    std::vector<Diagnostic> diags;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) {
      Diagnostic d;
      d.line = rng() % 6;
      d.column = rng() % 4;
      d.message = std::to_string(i);  // report order
      diags.push_back(d);
    }
    std::vector<Diagnostic> expected = diags;
    std::stable_sort(expected.begin(), expected.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    sort_diagnostics(diags);
    ASSERT_EQ(diags.size(), expected.size());
    for (size_t i = 0; i < diags.size(); ++i) {
      EXPECT_EQ(diags[i].line, expected[i].line);
      EXPECT_EQ(diags[i].column, expected[i].column);
      EXPECT_EQ(diags[i].message, expected[i].message) << "round " << round << " at " << i;
    }
  }
}

}  // namespace
}  // namespace specgate
