// Factories of the rules, one per src/rules/NAME.cpp.
#pragma once

#include <memory>

#include "rules/rule.h"
#include "rules/workspace_rule.h"

namespace specgate {

std::unique_ptr<Rule> make_front_matter();
std::unique_ptr<Rule> make_missing_section();
std::unique_ptr<Rule> make_empty_section();
std::unique_ptr<Rule> make_section_order();
std::unique_ptr<Rule> make_duplicate_section();
std::unique_ptr<Rule> make_unknown_section();
std::unique_ptr<Rule> make_field_missing();
std::unique_ptr<Rule> make_field_value();
std::unique_ptr<Rule> make_date();
std::unique_ptr<Rule> make_stale_review();
std::unique_ptr<Rule> make_unchecked_gate();
std::unique_ptr<Rule> make_placeholder();
std::unique_ptr<Rule> make_template_text();
std::unique_ptr<Rule> make_na_without_reason();
std::unique_ptr<Rule> make_missing_evidence();
std::unique_ptr<Rule> make_table_shape();
std::unique_ptr<Rule> make_numeric_target();
std::unique_ptr<Rule> make_code_block_syntax();
std::unique_ptr<Rule> make_mermaid_syntax();
std::unique_ptr<Rule> make_diagram_required();
std::unique_ptr<Rule> make_template_metadata();
std::unique_ptr<Rule> make_broken_link();
std::unique_ptr<Rule> make_unknown_rule();

// Cross-document rules.
std::unique_ptr<WorkspaceRule> make_duplicate_id();
std::unique_ptr<WorkspaceRule> make_dangling_reference();
std::unique_ptr<WorkspaceRule> make_dependency_cycle();

}  // namespace specgate
