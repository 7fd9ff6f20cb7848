// diagram-required: a template section that holds a Mermaid diagram of a given type ("State
// machine" with a stateDiagram-v2) asks every matching section of the spec for one. The section
// passes when it has a ```mermaid block of that family (stateDiagram = stateDiagram-v2, graph =
// flowchart; a flowchart-type requirement, which templates use for "an architecture diagram",
// accepts any Mermaid diagram), or when it says the diagram does not apply ("N/A (stateless)").
// Optional and recommended sections are never required; empty sections are left to
// empty-section.
#include "model/normalize.h"
#include "rules/rule.h"
#include "rules/mermaid_blocks.h"

namespace specgate {

namespace {

bool has_word_na(std::string_view s) {
  for (size_t i = s.find('/'); i != std::string_view::npos; i = s.find('/', i + 1)) {
    if (i == 0 || i + 1 >= s.size()) continue;
    char a = s[i - 1], b = s[i + 1];
    if ((a != 'N' && a != 'n') || (b != 'A' && b != 'a')) continue;
    bool left = i < 2 || !std::isalnum(static_cast<unsigned char>(s[i - 2]));
    bool right = i + 2 >= s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 2]));
    if (left && right) return true;
  }
  return false;
}

// The section's text says the diagram does not apply.
bool says_not_applicable(std::string_view text, const std::string& family) {
  if (has_word_na(text)) return true;
  const std::string folded = fold_text(text);
  if (folded.find("not applicable") != std::string::npos || folded.find("does not apply") != std::string::npos)
    return true;
  return family == "stateDiagram" && folded.find("stateless") != std::string::npos;
}

class DiagramRequired : public Rule {
 public:
  std::string_view name() const override { return "diagram-required"; }
  std::string_view summary() const override {
    return "A section the template gives a Mermaid diagram has none (and does not say N/A)";
  }
  bool needs_template() const override { return true; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    for (size_t s = 0; s < ctx.schema->sections.size(); ++s) {
      const SectionSpec& spec = ctx.schema->sections[s];
      if (spec.optional || s >= ctx.match->instances.size()) continue;
      std::string want;
      std::string want_type;
      for (const CodeSpec& c : spec.code) {
        if (iequals(c.language, "mermaid") && !c.diagram_type.empty()) {
          want = diagram_family(c.diagram_type);
          want_type = c.diagram_type;
          break;
        }
      }
      if (want.empty()) continue;
      for (int32_t idx : ctx.match->instances[s]) {
        if (idx < 0 || static_cast<size_t>(idx) >= doc.sections.size()) continue;
        check_instance(doc, doc.sections[idx], want, want_type, out);
      }
    }
  }

 private:
  static void check_instance(const Document& doc, const Section& sec, const std::string& want,
                             const std::string& want_type, Reporter& out) {
    const uint32_t first = sec.line + 1;
    const uint32_t last = std::min<uint32_t>(sec.end_line, doc.source.line_count());
    std::string other;  // a Mermaid diagram of another family, for the message
    for (const CodeBlock& cb : doc.code_blocks) {
      if (cb.line < first || cb.line > last || !is_mermaid_block(cb)) continue;
      const std::string type = mermaid::validate(cb.content).type;
      if (type.empty()) continue;
      const std::string family = diagram_family(type);
      if (family == want || want == "flowchart") return;
      if (other.empty()) other = type;
    }
    bool any_text = !other.empty();
    for (uint32_t l = first; l <= last; ++l) {
      const LineKind k = doc.line_info(l).kind;
      if (k == LineKind::Blank || k == LineKind::Code || k == LineKind::Heading || k == LineKind::FrontMatter)
        continue;
      std::string_view text = trim(doc.source.line(l));
      if (text.empty()) continue;
      any_text = true;
      if (says_not_applicable(text, want)) return;
    }
    if (!any_text) return;  // an empty section is empty-section's finding
    std::string message;
    if (!other.empty())
      message = "section '" + sec.title + "' has a " + other + " diagram where the template asks for " + want_type;
    else if (want == "flowchart")
      message = "section '" + sec.title + "' has no Mermaid diagram";
    else
      message = "section '" + sec.title + "' has no " + want_type + " Mermaid diagram";
    out.report(sec.line, sec.column, static_cast<uint32_t>(std::max<size_t>(1, count_chars(sec.title))),
               std::move(message),
               "add a ```mermaid block starting with '" + want_type +
                   "', or say why it does not apply (e.g. 'N/A: stateless')");
  }
};

}  // namespace

std::unique_ptr<Rule> make_diagram_required() { return std::make_unique<DiagramRequired>(); }

}  // namespace specgate
