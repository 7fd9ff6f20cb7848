// Assertions the Mermaid validator tests share: validate a diagram and inspect its first error,
// and the pseudo-random diagrams of the crash tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mermaid/validator.h"
#include "support/lcg.h"

namespace specgate::test {

// The first diagnostic, or an empty one (so a missing error fails the comparisons, not the test).
inline const mermaid::Diagnostic& first(const mermaid::Result& r) {
  static const mermaid::Diagnostic none;
  return r.diagnostics.empty() ? none : r.diagnostics.front();
}

// `text` is validated and rejected, its first error at line:column with `message`. Returns the
// result for further checks.
inline mermaid::Result expect_error(const std::string& text, uint32_t line, uint32_t column,
                                    const std::string& message) {
  mermaid::Result r = mermaid::validate(text);
  EXPECT_TRUE(r.validated) << text;
  EXPECT_FALSE(r.valid) << text;
  EXPECT_EQ(first(r).line, line) << text;
  EXPECT_EQ(first(r).column, column) << text;
  EXPECT_EQ(first(r).message, message) << text;
  return r;
}

// `text` is validated and accepted (the failure shows the first error).
inline void expect_valid(const std::string& text) {
  mermaid::Result r = mermaid::validate(text);
  EXPECT_TRUE(r.validated) << text;
  EXPECT_TRUE(r.valid) << text << ": " << first(r).line << ":" << first(r).column << " " << first(r).message;
}

// The hint of the first error of `text`.
inline std::string hint(const std::string& text) { return first(mermaid::validate(text)).hint; }

// `count` pseudo-random diagrams: a header from `heads` in turn, then `length` characters of
// `alphabet`, drawn by a fixed linear congruential generator so a failure reproduces.
inline std::vector<std::string> random_diagrams(uint32_t seed, std::initializer_list<const char*> heads,
                                                std::string_view alphabet, int count, int length) {
  const std::vector<const char*> h(heads);
  std::vector<std::string> out;
  out.reserve(static_cast<size_t>(count));
  test::Lcg rng(seed);
  for (int n = 0; n < count; ++n) out.push_back(h[static_cast<size_t>(n) % h.size()] + test::join_random(rng, alphabet, length));
  return out;
}

}  // namespace specgate::test
