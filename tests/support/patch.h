// Applies a unified diff (as `check --diff` prints it) to texts, so tests can check that the diff
// says exactly what --fix does.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace specgate::test {

// The lines of `s`, each with its line ending.
std::vector<std::string> lines_of(const std::string& s);

// The files of a diff ("--- a/PATH" ... "+++ b/PATH"), each as its hunks applied to `before`
// (path -> text); a hunk whose context or removed lines do not match leaves "<mismatch>".
std::map<std::string, std::string> apply_patch(const std::string& diff,
                                               const std::map<std::string, std::string>& before);

}  // namespace specgate::test
