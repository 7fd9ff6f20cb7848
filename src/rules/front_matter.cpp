// front-matter: the YAML between the opening and closing `---` does not parse, or is not a
// mapping. specgate then reads none of its keys (template, id, status, owner, dates), so a
// spec would silently lose them: "no template matched" instead of the template it names.
#include <cctype>

#include "core/text.h"
#include "rules/rule.h"

namespace specgate {

namespace {

class FrontMatterRule : public Rule {
 public:
  std::string_view name() const override { return "front-matter"; }
  std::string_view summary() const override { return "The front matter is not a valid YAML mapping"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const FrontMatter& fm = ctx.doc.front_matter;
    if (!fm.present) {
      report_unclosed(ctx.doc.source, out);
      return;
    }
    if (fm.error.empty()) return;
    uint32_t line = fm.error_line >= 1 && fm.error_line < fm.end_line ? fm.error_line : fm.line;
    uint32_t column = line == fm.error_line && fm.error_column >= 1 ? fm.error_column : 1;
    if (fm.error_line >= fm.end_line) {
      // The parser ran out of YAML (an unclosed '[', '{' or quote): point just past the last
      // thing written before the closing '---', where the missing closer belongs.
      for (uint32_t l = fm.end_line - 1; l > fm.line; --l) {
        std::string_view text = ctx.doc.source.line(l);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
        if (text.empty()) continue;
        line = l;
        column = ctx.doc.source.column_of(l, text.size());
        break;
      }
    }
    // The model words its own errors ("front matter is not a mapping ..."); the parser's need a lead-in.
    const bool worded = fm.error.rfind("front matter", 0) == 0;
    out.report(line, column, 1, worded ? fm.error : "front matter is not valid YAML: " + fm.error,
               "fix the YAML between the '---' lines (key: value per line); until then no key in it "
               "(template, id, status, ...) is read");
  }

 private:
  // A '---' first line followed by 'key: value' lines and no closing '---' was meant as front
  // matter; Markdown reads it as a thematic break and the keys as text, so nothing in it counts.
  static void report_unclosed(const SourceText& src, Reporter& out) {
    if (src.line_count() < 2 || trim(src.line(1)) != "---" || !looks_like_yaml_key(src.line(2))) return;
    out.report(1, 1, 3, "front matter is never closed: no '---' line after the one on line 1",
               "end the front matter with a '---' line; until then none of its keys (template, id, status, ...) is read");
  }

  static bool looks_like_yaml_key(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-')) ++i;
    if (i == 0 || i >= line.size() || line[i] != ':') return false;
    return i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\r';
  }
};

}  // namespace

std::unique_ptr<Rule> make_front_matter() { return std::make_unique<FrontMatterRule>(); }

}  // namespace specgate
