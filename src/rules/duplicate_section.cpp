// duplicate-section: two sections under one parent match the same non-repeatable template
// section. The second is reported, pointing at the first. Parts a qualifier tells apart
// (`In Scope (Phase 1)`, `In Scope (Phase 2)`) are one section split, not a duplicate.
#include <vector>

#include "core/text.h"
#include "rules/rule.h"

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
  bool needs_template() const override { return true; }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Schema& s = *ctx.schema;
    const Document& doc = ctx.doc;
    const SectionMatch& m = *ctx.match;
    // The first instance seen under each parent (slot parent + 1, so the top level is slot 0), by
    // index into the instance list; reset after each template section. One look-up per instance
    // instead of a scan of the earlier ones, which was quadratic in a spec with many copies.
    // Reused from spec to spec on each thread, so an ordinary spec allocates nothing.
    thread_local std::vector<int32_t> first_under;
    bool sized = false;
    for (size_t k = 0; k < s.sections.size(); ++k) {
      const auto& inst = m.instances[k];
      if (s.sections[k].repeatable || inst.size() < 2) continue;
      if (!sized) {
        first_under.assign(doc.sections.size() + 1, -1);
        sized = true;
      }
      for (size_t i = 0; i < inst.size(); ++i) {
        const Section& sec = doc.sections[inst[i]];
        int32_t& slot = first_under[static_cast<size_t>(sec.parent + 1)];
        if (slot < 0) {
          slot = static_cast<int32_t>(i);
          continue;
        }
        const Section* earlier = &doc.sections[inst[static_cast<size_t>(slot)]];
        if (split_by_qualifier(earlier->title, sec.title)) {
          // A split part: the duplicate, if any, is an earlier part with this one's qualifier.
          // Rare, so the scan of the earlier instances costs nothing in ordinary specs.
          earlier = nullptr;
          for (size_t j = static_cast<size_t>(slot) + 1; j < i && !earlier; ++j) {
            const Section& e = doc.sections[inst[j]];
            if (e.parent == sec.parent && !split_by_qualifier(e.title, sec.title)) earlier = &e;
          }
          if (!earlier) continue;
        }
        const Section& first = *earlier;
        const std::string at = std::to_string(first.line);
        std::string message = first.title == sec.title
                                  ? "section '" + sec.title + "' appears a second time (first at line " + at + ")"
                                  : "section '" + sec.title + "' is a second '" + s.sections[k].title + "' section (first at line " +
                                        at + ": '" + first.title + "')";
        out.report(sec.line, sec.column, static_cast<uint32_t>(count_chars(sec.title)), std::move(message),
                   "the template has this section once: merge the two");
      }
      for (int32_t d : inst) first_under[static_cast<size_t>(doc.sections[d].parent + 1)] = -1;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_duplicate_section() { return std::make_unique<DuplicateSection>(); }

}  // namespace specgate
