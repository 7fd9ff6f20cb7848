// duplicate-section: two sections under one parent match the same non-repeatable template
// section. The second is reported, pointing at the first.
#include <vector>

#include "rules/rule.h"

namespace specgate {

namespace {

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
        const Section& first = doc.sections[inst[static_cast<size_t>(slot)]];
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
