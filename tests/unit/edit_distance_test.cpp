#include "core/edit_distance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace specgate {
namespace {

// Textbook full-table Levenshtein, the reference.
size_t full_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
  return d[a.size()][b.size()];
}

TEST(EditDistance, KnownPairs) {
  std::vector<size_t> row;
  EXPECT_EQ(bounded_edit_distance("kitten", "sitting", 10, row), 3u);
  EXPECT_EQ(bounded_edit_distance("", "abc", 10, row), 3u);
  EXPECT_EQ(bounded_edit_distance("abc", "abc", 0, row), 0u);
  EXPECT_GT(bounded_edit_distance("abcdef", "uvwxyz", 2, row), 2u);  // over the limit
  EditDistanceFrom from("sitting");
  EXPECT_EQ(from.to("kitten", 10), 3u);
  EXPECT_EQ(from.to("", 10), 7u);
  EXPECT_GT(from.to("kitten", 2), 2u);
  EditDistanceFrom empty("");
  EXPECT_EQ(empty.to("abc", 5), 3u);
}

// Myers' bit-parallel form and the bounded table agree with the full table on every length up to
// and past the 64-byte word, on small alphabets (many matches) and on raw bytes.
TEST(EditDistance, BitParallelMatchesReference) {
  std::mt19937 rng(7);
  const std::string alphabets[] = {"ab", "abc-", "abcdefghijklmnopqrstuvwxyz0123456789-", std::string("\x80\xff\0a", 4)};
  std::vector<size_t> row;
  for (int iter = 0; iter < 4000; ++iter) {
    const std::string& alpha = alphabets[iter % 4];
    auto gen = [&](size_t n) {
      std::string s;
      for (size_t i = 0; i < n; ++i) s += alpha[rng() % alpha.size()];
      return s;
    };
    const size_t la = rng() % 72, lb = (iter % 3 == 0) ? la + rng() % 5 : rng() % 72;
    std::string a = gen(la), b = gen(lb);
    if (iter % 5 == 0 && !a.empty()) {  // near-misses: b is a with a few edits
      b = a;
      for (int e = rng() % 4; e > 0 && !b.empty(); --e) b[rng() % b.size()] = alpha[rng() % alpha.size()];
    }
    const size_t want = full_distance(a, b);
    const size_t limit = rng() % 20;
    // Within the limit the exact distance; past it, any value past it.
    auto check = [&](size_t got) {
      if (want <= limit) return got == want;
      return got > limit;
    };
    ASSERT_TRUE(check(bounded_edit_distance(a, b, limit, row))) << a << " / " << b << " limit " << limit;
    EditDistanceFrom from(b);
    ASSERT_TRUE(check(from.to(a, limit))) << a << " / " << b << " limit " << limit;
    ASSERT_EQ(from.to(a, 1000), want) << a << " / " << b;
  }
}

}  // namespace
}  // namespace specgate
