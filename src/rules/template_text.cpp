// template-text: a prose line of the template's body left in the spec word for word — an
// instruction ("Include planned/current/future components...") or example text the author was
// meant to replace. Lines are compared after folding whitespace and case and stripping list and
// quote markers. Lines holding placeholders are the placeholder rule's; short generic lines
// ("Term: definition") are not collected from the template at all, and a short lead-in ending
// with a colon ("For each major decision:") is structure, not an instruction; nor is a label with
// the template's option list as its value ("Environments: dev | staging | prod").
#include <algorithm>

#include "model/normalize.h"
#include "rules/fix_edits.h"
#include "rules/legends.h"
#include "rules/rule.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

std::string shorten(std::string_view s) {
  constexpr size_t kMax = 60;
  if (count_chars(s) <= kMax) return std::string(s);
  size_t i = 0;
  for (size_t chars = 0; chars < kMax - 1 && i < s.size(); ++chars) i += utf8_seq_len(s, i);
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

class TemplateText : public Rule {
 public:
  std::string_view name() const override { return "template-text"; }
  std::string_view summary() const override { return "A line of the template's instructions was left in the spec"; }
  bool needs_template() const override { return true; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    if (ctx.schema->prose_lines.empty()) return;
    const Document& doc = ctx.doc;
    const ProseLines& prose = ctx.schema->prose_lines;
    std::string folded;
    for (uint32_t l = 1; l <= doc.source.line_count(); ++l) {
      const LineInfo& info = doc.line_info(l);
      if (info.kind != LineKind::Paragraph || info.checkbox || info.comment) continue;
      const std::string_view content = doc.content(l);
      if (content.size() < 20) continue;
      if (!prose.may_contain(content)) continue;
      fold_text_into(content, folded);
      if (!prose.contains(folded)) continue;
      // A legend (`- **[P]**: Can run in parallel`, `(R) = required`) is the template's content:
      // the key to the notation the spec goes on to use.
      // Made only for a document with a prose line left in, and shared with placeholder.
      if (legends_of(ctx).on(l)) continue;
      // A short lead-in ("For each major decision:") is structure the spec keeps, not an instruction.
      if (folded.back() == ':' && std::count(folded.begin(), folded.end(), ' ') < 6) continue;
      // "Environments: dev | staging | prod": the template's option list kept because every option
      // applies is a value, not an instruction (an unresolved list is the placeholder rule's).
      const size_t colon = folded.find(": ");
      if (colon != std::string::npos && colon < 40 &&
          (folded.find(" | ", colon) != std::string::npos || folded.find(" / ", colon) != std::string::npos))
        continue;
      if (info.first_field >= 0 || !find_placeholders(doc.source.line(l)).empty()) continue;
      out.report_text(l, content, "template text left in the spec: '" + shorten(content) + "'",
                 "replace the template's instructions with this spec's own content, or delete the line");
      // Editor-only: the hint offers two ways out, and the usual one is to write the content.
      if (ctx.want_fixes) out.fix(Fix{"Delete the template's line", false, {delete_line(doc, l)}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_template_text() { return std::make_unique<TemplateText>(); }

}  // namespace specgate
