// Levenshtein distance between byte strings, for "did you mean" suggestions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace specgate {

// The distance between a and b when it is at most `limit`; otherwise some value over `limit`.
// `row` is scratch space, reused across calls.
size_t bounded_edit_distance(std::string_view a, std::string_view b, size_t limit, std::vector<size_t>& row);

// Distances from one fixed string to many others. Strings of 1 to 64 bytes use Myers'
// bit-parallel algorithm (one machine word per byte of the other string); others fall back to
// bounded_edit_distance. Within the limit both give the exact distance; past it, some value past it.
class EditDistanceFrom {
 public:
  explicit EditDistanceFrom(std::string_view pattern);
  size_t to(std::string_view other, size_t limit);

 private:
  std::string_view pattern_;
  std::array<uint64_t, 256> peq_{};  // bit i set where pattern_[i] is the byte
  std::vector<size_t> row_;
};

// The candidate nearest to `word`, or "" when none is near enough to be a misspelling of it
// (1 edit for words under 6 bytes, 2 under 12, else 3); the first of equally near ones wins.
// For "did you mean" in messages about names the user typed.
std::string nearest_name(std::string_view word, const std::vector<std::string_view>& candidates);
std::string nearest_name(std::string_view word, std::initializer_list<std::string_view> candidates);

}  // namespace specgate
