#include "check/checker.h"

#include <algorithm>

#include "core/edit_distance.h"
#include "model/normalize.h"
#include "rules/field_specs.h"
#include "rules/registry.h"
#include "schema/loose_match.h"
#include "schema/stand_in.h"
#include "rules/workspace_rule.h"
#include "spec/fields.h"

namespace specgate {

namespace {

// Lines longer than this get no excerpt: every report would lay the whole line out once per
// finding (a 10 MB line with 100k findings), and no terminal shows such a line usefully anyway.
constexpr size_t kMaxExcerptLineBytes = 16 * 1024;

std::string strip_value_markup(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c != '`' && c != '*' && c != '_') out += c;
  }
  return std::string(trim(out));
}

// Rules that say a spec is not finished yet: a draft status lowers their errors (draft_statuses).
bool is_completeness_rule(std::string_view rule) {
  return rule == "placeholder" || rule == "empty-section" || rule == "template-text" || rule == "missing-evidence" ||
         rule == "field-missing";
}

// missing-section's index in all_rules() (and so in the checker's plan).
size_t missing_section_rule() {
  static const size_t index = [] {
    const auto& rules = all_rules();
    for (size_t r = 0; r < rules.size(); ++r)
      if (rules[r]->name() == "missing-section") return r;
    return rules.size();
  }();
  return index;
}

}  // namespace

Checker::Checker(const Config& config, TemplateRegistry& registry, CheckOptions options)
    : config_(config), registry_(registry), options_(std::move(options)) {
  for (const auto& rule : all_rules()) {
    plan_.push_back(RulePlan{enabled(rule->name(), rule->enabled_by_default()),
                             severity(rule->name(), rule->default_severity())});
  }
  no_template_note_ = enabled("no-template", true);
}

std::vector<std::string> Checker::validate_rule_names() const {
  std::vector<std::string> errors;
  auto known = [](const std::string& n) { return find_rule(n) != nullptr || find_workspace_rule(n) != nullptr || n == "no-template"; };
  // "did you mean" when a known name is one typo away; otherwise where the list is.
  auto unknown = [](const std::string& n) {
    std::vector<std::string_view> names;
    for (const RuleInfo& r : known_rules()) names.push_back(r.name);
    const std::string near = nearest_name(n, names);
    return "unknown rule '" + n + "'" +
           (near.empty() ? std::string(" (see 'specgate rules' for the list)") : "; did you mean '" + near + "'?");
  };
  for (const auto& [name, setting] : config_.rules) {
    if (!known(name)) errors.push_back(config_.path + ":" + std::to_string(setting.line) + ": " + unknown(name));
  }
  for (const auto& n : options_.enable) {
    if (!known(n)) errors.push_back("--enable: " + unknown(n));
  }
  for (const auto& n : options_.disable) {
    if (!known(n)) errors.push_back("--disable: " + unknown(n));
  }
  return errors;
}

bool Checker::enabled(std::string_view rule, bool by_default) const {
  const std::string r(rule);
  if (std::find(options_.disable.begin(), options_.disable.end(), r) != options_.disable.end()) return false;
  if (std::find(options_.enable.begin(), options_.enable.end(), r) != options_.enable.end()) return true;
  auto it = config_.rules.find(r);
  if (it != config_.rules.end()) return it->second.enabled;
  return by_default;
}

Severity Checker::severity(std::string_view rule, Severity by_default) const {
  auto it = config_.rules.find(std::string(rule));
  if (it != config_.rules.end() && it->second.has_severity) return it->second.severity;
  return by_default;
}

std::vector<RuleInfo> Checker::rule_infos() const {
  std::vector<RuleInfo> out = known_rules();
  for (RuleInfo& r : out) r.default_severity = severity(r.name, r.default_severity);
  return out;
}

CheckResult Checker::check(const Document& doc) const {
  CheckResult result;
  FileReport& rep = result.report;
  rep.path = doc.source.path();
  std::optional<Severity> draft_cap;
  if (const Field* st = doc.status_field()) {
    rep.status = strip_value_markup(st->value);
    draft_cap = draft_severity_cap(st->value, config_);
  }

  TemplateChoice choice = registry_.choose(doc, options_.template_ref);
  if (!choice.error.empty()) {
    result.fatal = doc.source.path() + ": " + choice.error;
    return result;
  }
  std::vector<Diagnostic> diags;
  diags.reserve(128);  // a spec far from its template draws ~100 findings: grow once at most
  SectionMatch match;
  if (choice.schema) {
    rep.template_name = choice.schema->name;
    rep.template_reason = choice.reason;
    match = choice.match ? std::move(*choice.match) : match_sections(*choice.schema, doc);
    // Other wordings of the sections still missing: only for the template the spec is checked
    // against. Its heading matches feed every rule that reads instances; the bold-label and
    // stand-in passes serve only missing-section, so they run only when it does.
    const size_t ms = missing_section_rule();
    const bool missing_section = ms < plan_.size() && plan_[ms].enabled;
    match_loosely(*choice.schema, doc, match, missing_section);
    if (missing_section) find_stand_ins(*choice.schema, doc, match);
  } else if (!choice.note.empty() && no_template_note_) {
    Diagnostic d;
    d.rule = "no-template";
    d.severity = Severity::Note;
    d.line = 1;
    d.column = 1;
    d.end_line = 1;
    d.end_column = 1;
    d.message = choice.note;
    diags.push_back(std::move(d));
  }

  RuleContext ctx{doc, choice.schema, choice.schema ? &match : nullptr, config_, options_.today};
  ctx.link_targets = link_targets_.get();
  ctx.want_fixes = options_.fixes;
  // Two rules look up each field's spec: find them once.
  const std::vector<const FieldSpec*> field_specs = choice.schema ? field_specs_of(ctx) : std::vector<const FieldSpec*>();
  if (choice.schema) ctx.field_specs = &field_specs;
  const auto& rules = all_rules();
  for (size_t r = 0; r < rules.size(); ++r) {
    if (!plan_[r].enabled || (!ctx.schema && rules[r]->needs_template())) continue;
    const size_t before = diags.size();
    Reporter reporter(doc, rules[r]->name(), diags);
    rules[r]->check(ctx, reporter);
    for (size_t i = before; i < diags.size(); ++i)
      if (!diags[i].keep_severity) diags[i].severity = plan_[r].severity;
  }

  const Suppressions& sup = doc.suppressions;
  // Findings cluster in a few sections: build each section's "A > B" path once.
  std::vector<std::string> paths(doc.sections.size());
  std::vector<bool> have_path(doc.sections.size(), false);
  rep.diagnostics.reserve(diags.size());
  for (auto& d : diags) {
    if (sup.suppressed(d.rule, d.line)) continue;
    if (draft_cap && d.severity > *draft_cap && is_completeness_rule(d.rule)) {
      d.severity = *draft_cap;
      ++rep.demoted;
    }
    if (options_.needs.section_paths && d.section.empty() && d.line > 0) {
      const int32_t s = doc.section_at(d.line);
      if (s < 0) {
        d.section = doc.section_path(s);
      } else {
        if (!have_path[s]) {
          paths[s] = doc.section_path(s);
          have_path[s] = true;
        }
        d.section = paths[s];
      }
    }
    if (options_.needs.excerpts && d.line > 0 && !rep.excerpt_lines.count(d.line)) {
      const std::string_view text = doc.source.line(d.line);
      if (text.size() <= kMaxExcerptLineBytes) rep.excerpt_lines[d.line] = std::string(text);
    }
    rep.diagnostics.push_back(std::move(d));
  }
  sort_diagnostics(rep.diagnostics);
  return result;
}

}  // namespace specgate
