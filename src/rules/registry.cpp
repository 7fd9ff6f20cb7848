#include "rules/registry.h"

#include "rules/factories.h"
#include "rules/workspace_rule.h"

namespace specgate {

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    // The file's own metadata, which template choice and several rules read.
    r.push_back(make_front_matter());
    // Structure against the template.
    r.push_back(make_missing_section());
    r.push_back(make_empty_section());
    r.push_back(make_section_order());
    r.push_back(make_duplicate_section());
    r.push_back(make_unknown_section());
    r.push_back(make_table_shape());
    r.push_back(make_template_metadata());
    // Fields, dates and status.
    r.push_back(make_field_missing());
    r.push_back(make_field_value());
    r.push_back(make_date());
    r.push_back(make_stale_review());
    r.push_back(make_unchecked_gate());
    // Content.
    r.push_back(make_placeholder());
    r.push_back(make_template_text());
    r.push_back(make_na_without_reason());
    r.push_back(make_missing_evidence());
    r.push_back(make_numeric_target());
    r.push_back(make_code_block_syntax());
    // Diagrams.
    r.push_back(make_mermaid_syntax());
    r.push_back(make_diagram_required());
    // Links.
    r.push_back(make_broken_link());
    // Suppression comments.
    r.push_back(make_unknown_rule());
    return r;
  }();
  return rules;
}

const Rule* find_rule(std::string_view name) {
  for (const auto& r : all_rules()) {
    if (r->name() == name) return r.get();
  }
  return nullptr;
}

const std::vector<RuleInfo>& known_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> out;
    for (const auto& r : all_rules()) {
      out.push_back(RuleInfo{std::string(r->name()), r->default_severity(), std::string(r->summary()),
                             r->enabled_by_default()});
    }
    for (const auto& r : all_workspace_rules()) {
      out.push_back(RuleInfo{std::string(r->name()), r->default_severity(), std::string(r->summary()),
                             r->enabled_by_default()});
    }
    // Not a rule object: the checker's own note when no template could be chosen (see check()).
    out.push_back(RuleInfo{"no-template", Severity::Note,
                           "No template could be chosen for the spec, so only template-free rules ran", true});
    return out;
  }();
  return rules;
}

}  // namespace specgate
