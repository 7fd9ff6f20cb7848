// unknown-rule: a suppression comment names a rule specgate does not have. The comment then
// suppresses nothing, silently, which is what a misspelled name ("placeholders") would otherwise
// do. Names are checked against every name a finding can carry (rules/registry.h known_rules()).
#include "core/concat.h"
#include "core/edit_distance.h"
#include "rules/rule.h"
#include "rules/registry.h"

namespace specgate {

namespace {

// The known name nearest to `name`, or "" when none is near enough to be a misspelling.
std::string nearest_rule(std::string_view name) {
  std::vector<std::string_view> names;
  for (const RuleInfo& r : known_rules()) names.push_back(r.name);
  return nearest_name(name, names);
}

bool known(std::string_view name) {
  for (const RuleInfo& r : known_rules()) {
    if (r.name == name) return true;
  }
  return false;
}

class UnknownRule final : public Rule {
 public:
  std::string_view name() const override { return "unknown-rule"; }
  std::string_view summary() const override {
    return "A suppression comment names a rule that does not exist, so it suppresses nothing";
  }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    for (const Suppressions::NamedRule& n : ctx.doc.suppressions.named_rules()) {
      if (known(n.rule)) continue;
      const std::string near = nearest_rule(n.rule);
      out.report(n.line, n.column, n.length,
                 concat({"unknown rule '", n.rule, "' in a suppression comment: it suppresses nothing"}),
                 near.empty() ? std::string("see 'specgate rules' for the rule names")
                              : concat({"did you mean '", near, "'?"}));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_rule() { return std::make_unique<UnknownRule>(); }

}  // namespace specgate
