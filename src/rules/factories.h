// Factories of the rules, one per src/rules/NAME.cpp.
#pragma once

#include <memory>

#include "rules/rule.h"
#include "rules/workspace_rule.h"

namespace specgate {

std::unique_ptr<Rule> make_missing_section();
std::unique_ptr<Rule> make_empty_section();
std::unique_ptr<Rule> make_placeholder();

// Cross-document rules.
std::unique_ptr<WorkspaceRule> make_duplicate_id();
std::unique_ptr<WorkspaceRule> make_dangling_reference();
std::unique_ptr<WorkspaceRule> make_dependency_cycle();

}  // namespace specgate
