// front-matter: the YAML between the opening and closing `---` does not parse, or is not a
// mapping. specgate then reads none of its keys (template, id, status, owner, dates), so a
// spec would silently lose them: "no template matched" instead of the template it names.
#include "rules/rule.h"

namespace specgate {

namespace {

class FrontMatterRule : public Rule {
 public:
  std::string_view name() const override { return "front-matter"; }
  std::string_view summary() const override { return "The front matter is not a valid YAML mapping"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const FrontMatter& fm = ctx.doc.front_matter;
    if (!fm.present || fm.error.empty()) return;
    const uint32_t line = fm.error_line >= 1 && fm.error_line < fm.end_line ? fm.error_line : fm.line;
    const uint32_t column = line == fm.error_line && fm.error_column >= 1 ? fm.error_column : 1;
    // The model words its own errors ("front matter is not a mapping ..."); the parser's need a lead-in.
    const bool worded = fm.error.rfind("front matter", 0) == 0;
    out.report(line, column, 1, worded ? fm.error : "front matter is not valid YAML: " + fm.error,
               "fix the YAML between the '---' lines (key: value per line); until then no key in it "
               "(template, id, status, ...) is read");
  }
};

}  // namespace

std::unique_ptr<Rule> make_front_matter() { return std::make_unique<FrontMatterRule>(); }

}  // namespace specgate
