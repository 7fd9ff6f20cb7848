// section-order: matched sections appear in a different order than in the template. Siblings
// under the same matched parent are compared; the sections kept in place are a longest run in
// template order, and only the others (the fewest moves) are reported.
#include <algorithm>

#include "rules/rule.h"

namespace specgate {

namespace {

class SectionOrder : public Rule {
 public:
  std::string_view name() const override { return "section-order"; }
  std::string_view summary() const override { return "Sections appear in a different order than in the template"; }
  bool needs_template() const override { return true; }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::vector<int32_t> roots;
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (doc.sections[i].parent < 0) roots.push_back(static_cast<int32_t>(i));
    }
    check_siblings(ctx, -1, roots, out);
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (ctx.match->spec_of[i] >= 0) check_siblings(ctx, ctx.match->spec_of[i], doc.sections[i].children, out);
    }
  }

 private:
  // `children`: document sections under one parent whose spec is `parent_spec` (-1: top level).
  static void check_siblings(const RuleContext& ctx, int32_t parent_spec, const std::vector<int32_t>& children,
                             Reporter& out) {
    const Schema& s = *ctx.schema;
    const SectionMatch& m = *ctx.match;
    // Sections placed where the template has them, first instance of each spec only: a second
    // copy of a non-repeatable section is duplicate-section's finding.
    std::vector<int32_t> secs, pos;
    for (int32_t c : children) {
      const int32_t k = m.spec_of[c];
      if (k < 0 || s.sections[k].parent != parent_spec) continue;
      if (!s.sections[k].repeatable && std::find(pos.begin(), pos.end(), k) != pos.end()) continue;
      secs.push_back(c);
      pos.push_back(k);
    }
    const size_t n = secs.size();
    if (n < 2 || n > 4000) return;
    // len[i]: longest run in template order (non-decreasing spec index) starting at i.
    std::vector<uint32_t> len(n, 1);
    for (size_t i = n; i-- > 0;) {
      for (size_t j = i + 1; j < n; ++j) {
        if (pos[j] >= pos[i] && len[j] + 1 > len[i]) len[i] = len[j] + 1;
      }
    }
    // Keep the earliest sections of a longest run, so a section moved down is the one reported.
    std::vector<bool> kept(n, false);
    uint32_t want = *std::max_element(len.begin(), len.end());
    int32_t last = -1;
    for (size_t i = 0; i < n && want > 0; ++i) {
      if (len[i] == want && pos[i] >= last) {
        kept[i] = true;
        last = pos[i];
        --want;
      }
    }
    const Document& doc = ctx.doc;
    for (size_t i = 0; i < n; ++i) {
      if (kept[i]) continue;
      const Section& sec = doc.sections[secs[i]];
      // The first kept section above it that the template puts after it, else the last kept
      // section below it that the template puts before it.
      std::string message, hint;
      for (size_t j = 0; j < i; ++j) {
        if (kept[j] && pos[j] > pos[i]) {
          const std::string& other = doc.sections[secs[j]].title;
          message = "section '" + sec.title + "' comes before '" + other + "' in the template";
          hint = "move it above '" + other + "' (line " + std::to_string(doc.sections[secs[j]].line) + ")";
          break;
        }
      }
      if (message.empty()) {
        for (size_t j = n; j-- > i + 1;) {
          if (kept[j] && pos[j] < pos[i]) {
            const std::string& other = doc.sections[secs[j]].title;
            message = "section '" + sec.title + "' comes after '" + other + "' in the template";
            hint = "move it below '" + other + "' (line " + std::to_string(doc.sections[secs[j]].line) + ")";
            break;
          }
        }
      }
      if (message.empty()) continue;
      out.report(sec.line, sec.column, static_cast<uint32_t>(count_chars(sec.title)), message, hint);
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_section_order() { return std::make_unique<SectionOrder>(); }

}  // namespace specgate
