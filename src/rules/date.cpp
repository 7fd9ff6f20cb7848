// date: date fields hold real ISO dates (YYYY-MM-DD), an update date is not in the future, and
// the next review does not come before the last update. A field is a date field when the
// template types it so, or, without a template entry, when its key names a date ("Created",
// "Last Updated", "Due"). Only a template field whose example is a date mask ("YYYY-MM-DD",
// "[Date]") must hold nothing but a date; other date fields are checked for dates written in
// another format ("Jan 5", "2025/01/02"), since "Q3 2026" is a fair answer to "Target Date".
#include <cstring>

#include "model/normalize.h"
#include "rules/field_specs.h"
#include "rules/fix_edits.h"
#include "rules/rule.h"
#include "schema/infer.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

// "N/A", "none", "-", "pending": a date that does not exist yet.
bool no_date_value(std::string_view cleaned) {
  static constexpr std::string_view words[] = {"none", "pending", "ongoing", "not yet", "never", "tbd", "n/a", "na",
                                               "not applicable", "not set", "unknown", "-"};
  for (std::string_view w : words) {
    if (cleaned.rfind(w, 0) == 0) return true;
  }
  return is_na_value(cleaned);
}

bool is_created_key(std::string_view k) { return k == "created" || k == "date created" || k == "created on" || k == "created at"; }

class DateRule : public Rule {
 public:
  std::string_view name() const override { return "date"; }
  std::string_view summary() const override {
    return "A date field is not a valid YYYY-MM-DD date, lies in the future, or comes after the next review";
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Field* updated = nullptr;
    Date updated_date;
    const Field* review = nullptr;
    Date review_date;
    for (const Field& f : doc.fields) {
      const FieldSpec* spec = field_spec_for(ctx, f);
      if (spec && spec->type != FieldType::Date) continue;  // the template says it is not a date
      const std::string& key = f.folded_key;
      if (!spec && !is_date_key(key)) continue;
      const bool strict = spec && (icontains(spec->example, "yyyy") || icontains(spec->example, "date"));
      if (!find_placeholders(f.value).empty()) continue;  // placeholder's finding
      const std::string_view value = f.value;
      if (!check_value(doc, f, value, strict, ctx.want_fixes, out)) continue;
      const std::optional<Date> d = value_date(value);
      if (!d) continue;
      if ((is_updated_key(key) || is_created_key(key)) && *d > ctx.today.plus_days(1)) {
        report_token(doc, f, value, "field '" + f.key + "' is dated " + d->iso() + ", which is in the future (today is " +
                                        ctx.today.iso() + ")",
                     "write the date the spec was last changed", out);
      }
      if (is_updated_key(key) && !updated) {
        updated = &f;
        updated_date = *d;
      }
      if (!review && is_next_review_field(doc, f)) {
        review = &f;
        review_date = *d;
      }
    }
    if (updated && review && updated_date > review_date) {
      report_token(doc, *review, review->value,
                   "next review " + review_date.iso() + " comes before the last update " + updated_date.iso() + " (line " +
                       std::to_string(updated->line) + ")",
                   "set the next review to a date after the last update", out);
    }
  }

 private:
  // Reports malformed dates; returns true when the value is fine to read as a date.
  static bool check_value(const Document& doc, const Field& f, std::string_view value, bool strict, bool want_fixes,
                          Reporter& out) {
    bool any_valid = false;
    size_t at = 0;
    while (at < value.size()) {
      auto t = find_date_token(value.substr(at));
      if (!t) break;
      if (!t->valid) {
        const std::string text(value.substr(at + t->begin, 10));
        out.report(f.line, value_part_column(doc, f, at + t->begin, value.substr(at + t->begin, 10)), 10,
                   "field '" + f.key + "' has '" + text + "', which is not a real calendar date",
                   "write a real date as YYYY-MM-DD");
        return false;
      }
      any_valid = true;
      at += t->end;
    }
    if (any_valid) return true;
    if (const auto other = find_other_date(value)) {
      const size_t b = other->begin, e = other->end;
      const std::string text(value.substr(b, e - b));
      out.report(f.line, value_part_column(doc, f, b, value.substr(b, e - b)), static_cast<uint32_t>(count_chars(text)),
                 "field '" + f.key + "' has the date '" + text + "', expected YYYY-MM-DD",
                 "write the date as YYYY-MM-DD, e.g. 2026-01-05");
      // Safe only when the date reader finds one calendar day in it ("16/12/2025", not "03/04/2025").
      if (want_fixes && other->valid) {
        if (auto edit = value_edit(doc, f, b, e - b, other->date.iso()))
          out.fix(Fix{"Write the date as " + other->date.iso(), true, {std::move(*edit)}});
      }
      return false;
    }
    const std::string cleaned = clean_value(value);
    if (strict && !cleaned.empty() && !no_date_value(cleaned)) {
      out.report(f.line, f.value_column, static_cast<uint32_t>(count_chars(value)),
                 "field '" + f.key + "' has '" + std::string(value) + "', expected a date as YYYY-MM-DD",
                 "write the date as YYYY-MM-DD, e.g. 2026-01-05");
    }
    return false;
  }

  static void report_token(const Document& doc, const Field& f, std::string_view value, std::string message,
                           std::string hint, Reporter& out) {
    auto t = find_date_token(value);
    if (t) {
      out.report(f.line, value_part_column(doc, f, t->begin, value.substr(t->begin, 10)), 10, std::move(message), std::move(hint));
    } else {
      out.report(f.line, f.value_column, static_cast<uint32_t>(count_chars(value)), std::move(message), std::move(hint));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_date() { return std::make_unique<DateRule>(); }

}  // namespace specgate
