// empty-section: a heading with nothing under it — no text, list, table or code, and no
// subsection that has any. A container whose subsections carry the content is not empty.
#include "rules/rule.h"

namespace specgate {

namespace {

class EmptySection : public Rule {
 public:
  std::string_view name() const override { return "empty-section"; }
  std::string_view summary() const override { return "A section has a heading but no content"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::vector<bool> has(doc.sections.size(), false);
    for (const Block& b : doc.blocks) {
      if (b.kind == BlockKind::Heading || b.kind == BlockKind::ThematicBreak || b.section < 0) continue;
      if (b.kind == BlockKind::Html && is_comment_only(doc, b)) continue;
      for (int32_t s = b.section; s >= 0 && !has[s]; s = doc.sections[s].parent) has[s] = true;
    }
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (has[i]) continue;
      const Section& s = doc.sections[i];
      // The title heading of a document that has nothing else is not worth a finding of its own.
      if (s.level == 1 && doc.sections.size() == 1) continue;
      out.report(s.line, s.column, static_cast<uint32_t>(count_chars(s.title)),
                 "section '" + s.title + "' is empty",
                 "write the section's content, or remove the heading if the template marks it optional");
    }
  }

 private:
  // Whether an HTML block holds nothing but comments: a template's instruction comment often
  // spans several lines, and only its first and last carry the markers.
  static bool is_comment_only(const Document& doc, const Block& b) {
    bool in_comment = false;
    for (uint32_t l = b.line; l <= b.end_line; ++l) {
      std::string_view t = doc.source.line(l);
      while (!t.empty()) {
        if (in_comment) {
          const size_t close = t.find("-->");
          if (close == std::string_view::npos) break;
          t.remove_prefix(close + 3);
          in_comment = false;
          continue;
        }
        const size_t open = t.find("<!--");
        if (t.substr(0, open).find_first_not_of(" \t") != std::string_view::npos) return false;
        if (open == std::string_view::npos) break;
        t.remove_prefix(open + 4);
        in_comment = true;
      }
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<Rule> make_empty_section() { return std::make_unique<EmptySection>(); }

}  // namespace specgate
