// mermaid-syntax: ```mermaid blocks that Mermaid 11.17.2 would refuse to render, reported where
// its parser stops, at the file's line and column. Diagram types specgate does not validate yet
// (gantt, pie, ...) are left alone; a block with no recognizable diagram type is an error.
#include "rules/rule.h"
#include "rules/mermaid_blocks.h"

namespace specgate {

namespace {

// Rule messages start in lowercase; Mermaid's own wording ("No diagram type detected") does not.
std::string lower_first(std::string s) {
  if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z') s[0] = static_cast<char>(s[0] + 32);
  return s;
}

bool is_alpha_start(std::string_view s) {
  return !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

class MermaidSyntax : public Rule {
 public:
  std::string_view name() const override { return "mermaid-syntax"; }
  std::string_view summary() const override { return "A Mermaid diagram that Mermaid cannot render"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    for (const CodeBlock& cb : ctx.doc.code_blocks) {
      if (!is_mermaid_block(cb)) continue;
      CheckedDiagram cd = check_mermaid_block(ctx.doc, cb);
      if (!cd.result.validated || cd.result.valid) continue;
      for (const MermaidFinding& f : cd.findings) {
        std::string message = lower_first(f.diag->message);
        if (cd.result.type.empty()) {
          bool blank = cb.content.find_first_not_of(" \t\r\n") == std::string::npos;
          message = blank ? "empty Mermaid block" : "no Mermaid diagram type detected: " + f.diag->found;
        } else if (is_alpha_start(cd.result.type)) {
          message = cd.result.type + ": " + message;
        }
        out.report(f.line, f.column, f.length, std::move(message), f.diag->hint);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_mermaid_syntax() { return std::make_unique<MermaidSyntax>(); }

}  // namespace specgate
