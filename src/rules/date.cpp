// date: date fields hold real ISO dates (YYYY-MM-DD), an update date is not in the future, and
// the next review does not come before the last update. A field is a date field when the
// template types it so, or, without a template entry, when its key names a date ("Created",
// "Last Updated", "Due"). Only a template field whose example is a date mask ("YYYY-MM-DD",
// "[Date]") must hold nothing but a date; other date fields are checked for dates written in
// another format ("Jan 5", "2025/01/02"), since "Q3 2026" is a fair answer to "Target Date".
#include <cstring>

#include "model/normalize.h"
#include "rules/field_specs.h"
#include "rules/rule.h"
#include "schema/infer.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

// A month name as a whole word: "Jan", "january", "Sept".
bool month_word(std::string_view w) {
  static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                                "sep", "sept", "oct", "nov", "dec", "january", "february",
                                                "march", "april", "june", "july", "august", "september",
                                                "october", "november", "december"};
  const std::string lw = to_lower_ascii(w);
  for (std::string_view m : months) {
    if (lw == m || lw == std::string(m) + ".") return true;
  }
  return false;
}

// Where a date written in a non-ISO form starts and ends: "2025/01/02", "02.01.2025", "Jan 5",
// "5 January 2025", "2025-1-5". Returns false when the value holds nothing date-like.
bool find_other_date(std::string_view v, size_t& begin, size_t& end) {
  // Three digit groups with one kind of separator.
  for (size_t i = 0; i < v.size(); ++i) {
    if (!ascii_digit(v[i]) || (i > 0 && (ascii_digit(v[i - 1]) || ascii_alpha(v[i - 1]) || v[i - 1] == '.'))) continue;
    size_t p = i;
    size_t groups = 0, widest = 0;
    char sep = 0;
    size_t last_end = i;
    while (groups < 3) {
      size_t q = p;
      while (q < v.size() && ascii_digit(v[q])) ++q;
      const size_t w = q - p;
      if (w == 0 || w > 4) break;
      widest = std::max(widest, w);
      ++groups;
      last_end = q;
      if (groups == 3 || q >= v.size()) break;
      const char c = v[q];
      if (c != '/' && c != '.' && c != '-') break;
      if (sep != 0 && c != sep) break;
      sep = c;
      p = q + 1;
    }
    const bool after_ok = last_end >= v.size() || !(ascii_digit(v[last_end]) || ascii_alpha(v[last_end]) ||
                                                    (v[last_end] == sep && last_end + 1 < v.size() && ascii_digit(v[last_end + 1])));
    if (groups == 3 && after_ok && (widest == 4 || sep == '/')) {
      begin = i;
      end = last_end;
      return true;
    }
  }
  // A month name next to a number.
  size_t i = 0;
  while (i < v.size()) {
    if (!ascii_alpha(v[i])) { ++i; continue; }
    size_t j = i;
    while (j < v.size() && ascii_alpha(v[j])) ++j;
    if (j < v.size() && v[j] == '.') ++j;
    if (month_word(v.substr(i, j - i))) {
      size_t a = j;
      while (a < v.size() && (v[a] == ' ' || v[a] == ',')) ++a;
      size_t b = i;
      while (b > 0 && (v[b - 1] == ' ' || v[b - 1] == ',')) --b;
      const bool number_after = a < v.size() && ascii_digit(v[a]);
      const bool number_before = b > 0 && ascii_digit(v[b - 1]) && b < i;
      if (number_after || number_before) {
        begin = i;
        if (number_before) {
          begin = b;
          while (begin > 0 && ascii_digit(v[begin - 1])) --begin;
        }
        end = j;
        if (number_after) {
          end = a;
          while (end < v.size() && ascii_digit(v[end])) ++end;
          // "Jan 5, 2025"
          size_t c = end;
          while (c < v.size() && (v[c] == ' ' || v[c] == ',')) ++c;
          size_t d = c;
          while (d < v.size() && ascii_digit(v[d])) ++d;
          if (d - c == 4) end = d;
        } else {
          size_t c = j;
          while (c < v.size() && (v[c] == ' ' || v[c] == ',')) ++c;
          size_t d = c;
          while (d < v.size() && ascii_digit(v[d])) ++d;
          if (d - c == 4) end = d;
        }
        return true;
      }
    }
    i = j;
  }
  return false;
}

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
      if (!check_value(doc, f, value, strict, out)) continue;
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
  static bool check_value(const Document& doc, const Field& f, std::string_view value, bool strict, Reporter& out) {
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
    size_t b = 0, e = 0;
    if (find_other_date(value, b, e)) {
      const std::string text(value.substr(b, e - b));
      out.report(f.line, value_part_column(doc, f, b, value.substr(b, e - b)), static_cast<uint32_t>(count_chars(text)),
                 "field '" + f.key + "' has the date '" + text + "', expected YYYY-MM-DD",
                 "write the date as YYYY-MM-DD, e.g. 2026-01-05");
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
