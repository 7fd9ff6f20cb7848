#include "core/edit_distance.h"

#include <algorithm>

namespace specgate {

// Every alignment passes through each row, so a row whose minimum is over the limit settles it.
size_t bounded_edit_distance(std::string_view a, std::string_view b, size_t limit, std::vector<size_t>& row) {
  row.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    size_t row_min = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return row[b.size()];
}

EditDistanceFrom::EditDistanceFrom(std::string_view pattern) : pattern_(pattern) {
  if (pattern.empty() || pattern.size() > 64) return;
  for (size_t i = 0; i < pattern.size(); ++i) peq_[static_cast<unsigned char>(pattern[i])] |= uint64_t{1} << i;
}

size_t EditDistanceFrom::to(std::string_view other, size_t limit) {
  const size_t m = pattern_.size();
  if (m == 0 || m > 64) return bounded_edit_distance(other, pattern_, limit, row_);
  // Myers (1999) in Hyyrö's form for global distance: vp/vn hold the vertical +1/-1 deltas of
  // the current column of the DP table; `score` tracks its last cell.
  const uint64_t high = uint64_t{1} << (m - 1);
  uint64_t vp = m == 64 ? ~uint64_t{0} : (high << 1) - 1;
  uint64_t vn = 0;
  size_t score = m;
  size_t left = other.size();
  for (const char ch : other) {
    const uint64_t eq = peq_[static_cast<unsigned char>(ch)];
    const uint64_t xv = eq | vn;
    const uint64_t xh = (((eq & vp) + vp) ^ vp) | eq;
    uint64_t ph = vn | ~(xh | vp);
    uint64_t mh = vp & xh;
    if (ph & high) ++score;
    else if (mh & high) --score;
    ph = (ph << 1) | 1;  // the first row grows by one per byte of `other`
    mh <<= 1;
    vp = mh | ~(xv | ph);
    vn = ph & xv;
    // The last cell drops by at most one per byte still to come.
    if (score > limit + --left) return limit + 1;
  }
  return score > limit ? limit + 1 : score;
}

std::string nearest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
  const size_t limit = word.size() < 6 ? 1 : word.size() < 12 ? 2 : 3;
  EditDistanceFrom from(word);
  std::string_view best;
  size_t best_distance = limit + 1;
  for (std::string_view c : candidates) {
    const size_t d = from.to(c, limit);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return std::string(best);
}

std::string nearest_name(std::string_view word, std::initializer_list<std::string_view> candidates) {
  return nearest_name(word, std::vector<std::string_view>(candidates));
}

}  // namespace specgate
