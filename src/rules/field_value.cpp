// field-value: a field whose template lists its values ("Draft | In Review | Approved") holds
// none of them. Read the way a reader does: case and markup do not matter, a value may carry a
// note ("Approved (2026-01-05)") and may name a choice by its head ("P0" for "P0-Critical").
// Placeholders and lists of several choices are placeholder's findings, not this rule's.
#include "model/normalize.h"
#include "rules/field_specs.h"
#include "rules/rule.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

bool allows_na(const RuleContext& ctx, const Field& f) {
  for (int32_t d = f.section; d >= 0; d = ctx.doc.sections[d].parent) {
    const int32_t k = ctx.match->spec_of[d];
    if (k >= 0 && ctx.schema->sections[k].allows_na) return true;
  }
  return false;
}

std::string join_choices(const std::vector<std::string>& choices) {
  std::string out;
  for (const auto& c : choices) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

class FieldValue : public Rule {
 public:
  std::string_view name() const override { return "field-value"; }
  std::string_view summary() const override { return "A field's value is none of the values its template allows"; }
  bool needs_template() const override { return true; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    for (const Field& f : ctx.doc.fields) {
      const FieldSpec* spec = field_spec_for(ctx, f);
      if (!spec || spec->type != FieldType::Choice || spec->choices.empty()) continue;
      const std::string v = clean_value(f.value);
      if (v.empty() || !find_placeholders(f.value).empty()) continue;
      size_t named = 0;
      bool ok = false;
      for (const auto& c : spec->choices) {
        if (value_names_choice(v, c)) ok = true;
        const std::string fc = clean_value(c);
        if (contains_word(v, fc)) ++named;
      }
      if (ok || named >= 2) continue;
      if (is_na_value(v) && allows_na(ctx, f)) continue;
      const std::string choices = join_choices(spec->choices);
      out.report(f.line, f.value_column, static_cast<uint32_t>(count_chars(f.value)),
                 "field '" + f.key + "' has the value '" + f.value + "', which is not one of the template's: " + choices,
                 "use one of: " + choices);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_field_value() { return std::make_unique<FieldValue>(); }

}  // namespace specgate
