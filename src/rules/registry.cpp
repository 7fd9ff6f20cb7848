#include "rules/registry.h"

#include "rules/factories.h"

namespace specgate {

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    // Structure against the template.
    r.push_back(make_missing_section());
    r.push_back(make_empty_section());
    r.push_back(make_section_order());
    r.push_back(make_duplicate_section());
    r.push_back(make_unknown_section());
    // Fields, dates and status.
    r.push_back(make_field_missing());
    r.push_back(make_field_value());
    r.push_back(make_date());
    r.push_back(make_stale_review());
    r.push_back(make_unchecked_gate());
    // Content.
    r.push_back(make_placeholder());
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

}  // namespace specgate
