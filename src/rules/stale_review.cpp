// stale-review: the spec's next review date has passed. Specs that are retired (archived,
// superseded, deprecated) are not reviewed any more.
#include "rules/rule.h"
#include "spec/fields.h"
#include "spec/progress.h"

namespace specgate {

namespace {

bool retired(const Document& doc) {
  const Field* st = doc.status_field();
  return st && is_retired_status(st->value);
}

class StaleReview : public Rule {
 public:
  std::string_view name() const override { return "stale-review"; }
  std::string_view summary() const override { return "The spec's next review date has passed"; }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    for (const Field& f : doc.fields) {
      if (!is_next_review_field(doc, f)) continue;
      auto t = find_date_token(f.value);
      if (!t || !t->valid || !(t->date < ctx.today)) continue;
      if (retired(doc)) return;
      const long days = ctx.today.days_since_epoch() - t->date.days_since_epoch();
      out.report(f.line, value_part_column(doc, f, t->begin, std::string_view(f.value).substr(t->begin, 10)), 10,
                 "the next review was due on " + t->date.iso() + ", " + std::to_string(days) +
                     (days == 1 ? " day ago" : " days ago"),
                 "review the spec, then set '" + f.key + "' to the next review date");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_stale_review() { return std::make_unique<StaleReview>(); }

}  // namespace specgate
