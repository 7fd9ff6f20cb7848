// Golden-file comparison shared by the golden tests. Expected outputs live in
// tests/golden/expected/NAME under the source tree; running the tests with
// SPECGATE_UPDATE_GOLDEN=1 rewrites them from the actual output instead (review with git diff).
#pragma once

#include <string>

namespace specgate::test {

// Fails the current test (with the first differing line) unless `actual` equals the file.
void expect_golden(const std::string& name, const std::string& actual);

// tests/golden/expected/NAME, absolute.
std::string golden_path(const std::string& name);

}  // namespace specgate::test
