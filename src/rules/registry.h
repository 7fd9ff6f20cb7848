// The one list of rules (registry.cpp): per-file rules, then cross-document (workspace) rules.
// Adding a rule = src/rules/NAME.cpp (the rule and its make_NAME() factory), docs/rules/NAME.md,
// fixtures, and one row in registry.cpp; scripts/new-rule NAME writes all of them.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "report/report.h"
#include "rules/rule.h"
#include "rules/workspace_rule.h"

namespace specgate {

const std::vector<std::unique_ptr<Rule>>& all_rules();
const Rule* find_rule(std::string_view name);

const std::vector<std::unique_ptr<WorkspaceRule>>& all_workspace_rules();
const WorkspaceRule* find_workspace_rule(std::string_view name);

// Every rule name check can report, with its default severity: per-file rules in registry
// order, then the cross-document ones, then the checker's own ('no-template').
const std::vector<RuleInfo>& known_rules();

}  // namespace specgate
