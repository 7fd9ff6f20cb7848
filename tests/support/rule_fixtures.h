// Rule fixtures, markdownlint-style: tests/fixtures/rules/RULE/CASE.md is a spec and
// CASE.expected lists exactly the findings RULE must report on it, one per line:
//   LINE:COL: SEVERITY: MESSAGE
// An empty .expected file means the rule must stay silent. The fixture names its template the
// way users do (`<!-- specgate: template=NAME|FILE -->` or front matter); checks run with
// --today 2026-11-22. SPECGATE_UPDATE_GOLDEN=1 rewrites the .expected files (review the diff).
#pragma once

#include <string>

namespace specgate::test {

// Runs the check pipeline on one fixture and returns RULE's findings in .expected form.
std::string fixture_findings(const std::string& rule, const std::string& md_path);

}  // namespace specgate::test
