// unknown-section (off by default): a section the template does not have, where the template
// defines the sections at that level. Only the top-most unknown section is reported, not its
// subsections; headings under a template section without subsections are free structure.
#include "rules/rule.h"

namespace specgate {

namespace {

class UnknownSection : public Rule {
 public:
  std::string_view name() const override { return "unknown-section"; }
  std::string_view summary() const override { return "A section matches no section of the template"; }
  bool needs_template() const override { return true; }
  Severity default_severity() const override { return Severity::Note; }
  bool enabled_by_default() const override { return false; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Schema& s = *ctx.schema;
    const Document& doc = ctx.doc;
    const SectionMatch& m = *ctx.match;
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (m.spec_of[i] >= 0) continue;
      const Section& sec = doc.sections[i];
      if (sec.parent >= 0) {
        const int32_t parent_spec = m.spec_of[sec.parent];
        if (parent_spec < 0 || s.sections[parent_spec].children.empty()) continue;
      }
      const std::string where = sec.parent >= 0 ? " under '" + doc.sections[sec.parent].title + "'" : "";
      out.report(sec.line, sec.column, static_cast<uint32_t>(count_chars(sec.title)),
                 "section '" + sec.title + "'" + where + " is not in template '" + s.name + "'",
                 "rename it to the template's heading if it is one, or keep it as an addition");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unknown_section() { return std::make_unique<UnknownSection>(); }

}  // namespace specgate
