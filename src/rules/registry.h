// The one list of rules. Add a rule by writing src/rules/NAME.cpp with a make_NAME() factory
// and listing it in registry.cpp.
#pragma once

#include <memory>
#include <vector>

#include "report/report.h"
#include "rules/rule.h"

namespace specgate {

const std::vector<std::unique_ptr<Rule>>& all_rules();
const Rule* find_rule(std::string_view name);

// Every rule name check can report, with its default severity: per-file rules in registry
// order, then the cross-document ones, then the checker's own ('no-template').
const std::vector<RuleInfo>& known_rules();

}  // namespace specgate
