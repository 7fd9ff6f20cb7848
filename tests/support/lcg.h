// A fixed linear congruential generator for randomized tests: the same seed gives the same
// inputs on every machine, so a failure reproduces.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace specgate::test {

class Lcg {
 public:
  explicit Lcg(uint32_t seed) : seed_(seed) {}
  // A number in [0, n).
  size_t below(size_t n) {
    seed_ = seed_ * 1103515245u + 12345u;
    return (seed_ >> 16) % n;
  }

 private:
  uint32_t seed_;
};

// `count` pieces drawn from `pieces` (an array) and joined.
template <typename Pieces>
std::string join_random(Lcg& rng, const Pieces& pieces, int count) {
  std::string s;
  for (int k = 0; k < count; ++k) s += pieces[rng.below(std::size(pieces))];
  return s;
}

}  // namespace specgate::test
