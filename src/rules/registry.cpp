#include "rules/registry.h"

#include "rules/workspace_rule.h"
#include "rules/rule_docs.h"

// The rows: RULE(name) calls make_name(), defined next to the rule in src/rules/name.cpp (the
// rule's own name has dashes where the factory has underscores). The order is the order of
// `specgate rules` and of SARIF's rule table. scripts/new-rule appends rows to these sections.
#define SPECGATE_FILE_RULES(RULE)                                                        \
  /* The file's own metadata, which template choice and several rules read. */           \
  RULE(front_matter)                                                                     \
  /* Structure against the template. */                                                 \
  RULE(missing_section)                                                                  \
  RULE(empty_section)                                                                    \
  RULE(section_order)                                                                    \
  RULE(duplicate_section)                                                                \
  RULE(unknown_section)                                                                  \
  RULE(table_shape)                                                                      \
  RULE(template_metadata)                                                                \
  /* Fields, dates and status. */                                                        \
  RULE(field_missing)                                                                    \
  RULE(field_value)                                                                      \
  RULE(date)                                                                             \
  RULE(stale_review)                                                                     \
  RULE(unchecked_gate)                                                                   \
  RULE(status_mismatch)                                                                  \
  RULE(overdue)                                                                          \
  /* Content. */                                                                         \
  RULE(placeholder)                                                                      \
  RULE(template_text)                                                                    \
  RULE(na_without_reason)                                                                \
  RULE(missing_evidence)                                                                 \
  RULE(evidence_path)                                                                    \
  RULE(numeric_target)                                                                   \
  RULE(code_block_syntax)                                                                \
  /* Diagrams. */                                                                        \
  RULE(mermaid_syntax)                                                                   \
  RULE(diagram_required)                                                                 \
  /* Links. */                                                                           \
  RULE(broken_link)                                                                      \
  /* Suppression comments. */                                                            \
  RULE(unknown_rule)                                                                     \
  RULE(unread_metadata)                                                                  \
  /* end of per-file rules */

// Cross-document rules: they see every file's index record once all files are checked.
#define SPECGATE_WORKSPACE_RULES(RULE)                                                   \
  RULE(duplicate_id)                                                                     \
  RULE(dangling_reference)                                                               \
  RULE(dependency_cycle)                                                                 \
  /* end of workspace rules */

namespace specgate {

#define SPECGATE_DECLARE_FILE_RULE(name) std::unique_ptr<Rule> make_##name();
#define SPECGATE_DECLARE_WORKSPACE_RULE(name) std::unique_ptr<WorkspaceRule> make_##name();
SPECGATE_FILE_RULES(SPECGATE_DECLARE_FILE_RULE)
SPECGATE_WORKSPACE_RULES(SPECGATE_DECLARE_WORKSPACE_RULE)

#define SPECGATE_MAKE_RULE(name) r.push_back(make_##name());

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    SPECGATE_FILE_RULES(SPECGATE_MAKE_RULE)
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

const std::vector<std::unique_ptr<WorkspaceRule>>& all_workspace_rules() {
  static const std::vector<std::unique_ptr<WorkspaceRule>> rules = [] {
    std::vector<std::unique_ptr<WorkspaceRule>> r;
    SPECGATE_WORKSPACE_RULES(SPECGATE_MAKE_RULE)
    return r;
  }();
  return rules;
}

const std::vector<RuleInfo>& known_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> out;
    for (const auto& r : all_rules()) {
      out.push_back(RuleInfo{std::string(r->name()), r->default_severity(), std::string(r->summary()),
                             r->enabled_by_default(), {}});
    }
    for (const auto& r : all_workspace_rules()) {
      out.push_back(RuleInfo{std::string(r->name()), r->default_severity(), std::string(r->summary()),
                             r->enabled_by_default(), {}});
    }
    // Not a rule object: the checker's own note when no template could be chosen (see check()).
    out.push_back(RuleInfo{"no-template", Severity::Note,
                           "No template could be chosen for the spec, so only template-free rules ran", true, {}});
    for (RuleInfo& r : out) r.documentation = rule_doc(r.name);
    return out;
  }();
  return rules;
}

const WorkspaceRule* find_workspace_rule(std::string_view name) {
  for (const auto& r : all_workspace_rules()) {
    if (r->name() == name) return r.get();
  }
  return nullptr;
}

}  // namespace specgate
