// field-value: a field whose template lists its values ("Draft | In Review | Approved") holds
// none of them. Read the way a reader does: case and markup do not matter, a value may carry a
// note ("Approved (2026-01-05)") and may name a choice by its head ("P0" for "P0-Critical").
// Placeholders and lists of several choices are placeholder's findings, not this rule's.
#include <cstdint>
#include <cstring>

#include "core/edit_distance.h"
#include "model/normalize.h"
#include "rules/field_specs.h"
#include "rules/fix_edits.h"
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

// The choice a value is clearly a misspelling of: within nearest_name's distance of one choice
// (1 edit under 6 bytes, 2 under 12, else 3, compared as clean_value reads them) and at least
// two edits nearer to it than to any other. -1 when none is.
int clearly_closest(const std::string& value, const std::vector<std::string>& choices) {
  const size_t limit = value.size() < 6 ? 1 : value.size() < 12 ? 2 : 3;
  EditDistanceFrom from(value);
  size_t best = SIZE_MAX, second = SIZE_MAX;
  int at = -1;
  for (size_t i = 0; i < choices.size(); ++i) {
    const size_t d = from.to(clean_value(choices[i]), limit + 2);
    if (d < best) {
      second = best;
      best = d;
      at = static_cast<int>(i);
    } else if (d < second) {
      second = d;
    }
  }
  if (best > limit || (second != SIZE_MAX && second < best + 2)) return -1;
  return at;
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
      if (ctx.want_fixes) offer_fixes(ctx, f, v, spec->choices, out);
    }
  }

 private:
  // The clearly closest choice as a safe fix; without one, every choice for an editor to offer.
  static void offer_fixes(const RuleContext& ctx, const Field& f, const std::string& cleaned,
                          const std::vector<std::string>& choices, Reporter& out) {
    const int best = clearly_closest(cleaned, choices);
    // Markup around the value ("`Aproved`", "**Aproved**") stays; the words inside change.
    const std::string_view v = f.value;
    size_t lead = 0, trail = 0;
    while (lead < v.size() && std::strchr("*`_", v[lead]) != nullptr) ++lead;
    while (trail < v.size() - lead && std::strchr("*`_", v[v.size() - 1 - trail]) != nullptr) ++trail;
    for (size_t i = 0; i < choices.size(); ++i) {
      if (best >= 0 && static_cast<int>(i) != best) continue;
      if (auto e = value_edit(ctx.doc, f, lead, v.size() - lead - trail, choices[i]))
        out.fix(Fix{"Replace with '" + choices[i] + "'", best >= 0, {std::move(*e)}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_field_value() { return std::make_unique<FieldValue>(); }

}  // namespace specgate
