// duplicate-section: two sections under one parent match the same non-repeatable template
// section. The second is reported, pointing at the first. Parts a qualifier tells apart
// (`In Scope (Phase 1)`, `In Scope (Phase 2)`) are one section split, not a duplicate.
#include "core/text.h"
#include "rules/factories.h"

namespace specgate {

namespace {

// The trailing parenthesised qualifier of a title ("Phase 1" of "In Scope (Phase 1)"), or empty.
std::string_view qualifier(std::string_view title) {
  title = trim(title);
  if (title.empty() || title.back() != ')') return {};
  const size_t open = title.rfind('(');
  if (open == std::string_view::npos || open == 0) return {};
  return trim(title.substr(open + 1, title.size() - open - 2));
}

// "In Scope (Phase 1)" then "In Scope (Phase 2)": one section split by a qualifier each part
// names, not the same section twice. "Motivation" then "Motivation (continued)" stays a duplicate.
bool split_by_qualifier(const std::string& a, const std::string& b) {
  const std::string_view qa = qualifier(a), qb = qualifier(b);
  return !qa.empty() && !qb.empty() && fold_text(qa) != fold_text(qb);
}

class DuplicateSection : public Rule {
 public:
  std::string_view name() const override { return "duplicate-section"; }
  std::string_view summary() const override { return "A template section appears twice under the same parent"; }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    if (!ctx.schema) return;
    const Schema& s = *ctx.schema;
    const Document& doc = ctx.doc;
    const SectionMatch& m = *ctx.match;
    for (size_t k = 0; k < s.sections.size(); ++k) {
      const auto& inst = m.instances[k];
      if (s.sections[k].repeatable || inst.size() < 2) continue;
      for (size_t i = 1; i < inst.size(); ++i) {
        const Section& sec = doc.sections[inst[i]];
        for (size_t j = 0; j < i; ++j) {
          const Section& first = doc.sections[inst[j]];
          if (first.parent != sec.parent || split_by_qualifier(first.title, sec.title)) continue;
          const std::string at = std::to_string(first.line);
          std::string message = first.title == sec.title
                                    ? "section '" + sec.title + "' appears a second time (first at line " + at + ")"
                                    : "section '" + sec.title + "' is a second '" + s.sections[k].title + "' section (first at line " +
                                          at + ": '" + first.title + "')";
          out.report(sec.line, sec.column, static_cast<uint32_t>(count_chars(sec.title)), std::move(message),
                     "the template has this section once: merge the two");
          break;
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_section() { return std::make_unique<DuplicateSection>(); }

}  // namespace specgate
