// template-metadata: the "Template Metadata" section (system-spec templates, section 0.1) names a
// reusable task template: every field present, a title_template with {variables} that are all
// declared in `variables`, metadata that is a JSON object, and no placeholders left. The parsing
// and checks are the ones `specgate export --validate` uses (src/template_metadata/template_metadata.h), so
// the two commands agree; this rule maps their positioned problems to findings.
//
// Fires when the spec has such a section, or when its template declares one it does not require
// and it is missing (a required one missing is missing-section's finding).
#include <algorithm>

#include "template_metadata/template_metadata.h"
#include "model/normalize.h"
#include "rules/rule.h"

namespace specgate {

namespace {

// "Template Metadata: 'name' is required." -> "template metadata: 'name' is required".
std::string finding_text(std::string_view m) {
  std::string s(m);
  if (!s.empty() && s.back() == '.') s.pop_back();
  const std::string_view prefix = "Template Metadata: ";
  if (s.rfind(prefix, 0) == 0) s = "template metadata: " + s.substr(prefix.size());
  return s;
}

std::string hint_for(exporter::ProblemKind k) {
  using K = exporter::ProblemKind;
  switch (k) {
    case K::Required: return "fill in the field; every field of the section is needed to export the template";
    case K::NoPlaceholders: return "put the parts that vary in {braces}, e.g. 'Fix {component} crash on {platform}'";
    case K::NoCriteria: return "list at least one criterion as an indented '- ' item under acceptance_criteria";
    case K::UnfilledPlaceholder: return "replace the template placeholder with the real value";
    case K::UndeclaredVariable: return "add the variable to the 'variables' list, e.g. [component, platform]";
    case K::InvalidMetadata: return "write metadata as a JSON object, e.g. { \"author\": \"Ana\", \"version\": \"1.0\" }";
  }
  return "";
}

class TemplateMetadataRule : public Rule {
 public:
  std::string_view name() const override { return "template-metadata"; }
  std::string_view summary() const override {
    return "The Template Metadata section is incomplete or invalid, or missing where the template has one";
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Section* section = nullptr;
    for (const Section& s : doc.sections) {
      if (is_template_metadata_title(s.normalized_title)) {
        section = &s;
        break;
      }
    }
    if (!section) {
      // Where the template has the section as a required one, its absence is missing-section's
      // finding (at the place the section belongs): one finding per problem.
      const bool required_section =
          ctx.schema && std::any_of(ctx.schema->sections.begin(), ctx.schema->sections.end(), [](const SectionSpec& sp) {
            return !sp.optional && is_template_metadata_title(sp.normalized_title);
          });
      if (ctx.schema && ctx.schema->rules.template_metadata && !required_section) {
        const uint32_t line = doc.sections.empty() ? 1 : doc.sections.front().line;
        out.report_line(line, "the spec has no Template Metadata section, which its template '" + ctx.schema->name +
                                  "' requires",
                        "add the template's 'Template Metadata' section (name, description, title_template, "
                        "acceptance_criteria, priority, variables, metadata)");
      }
      return;
    }
    const exporter::ParseOutcome parsed = exporter::parse_template_metadata(doc.source.text());
    if (!parsed.metadata) return;
    const exporter::TemplateMetadata& m = *parsed.metadata;

    // Fields the export tolerates when absent (it has defaults) but the template asks for.
    const std::pair<const exporter::MetadataField*, std::string_view> optional_in_export[] = {
        {&m.priority, "priority"}, {&m.variables, "variables"}, {&m.metadata, "metadata"}};
    for (const auto& [field, label] : optional_in_export) {
      if (field->present) continue;
      report_at(out, m.heading.line, m.heading.column,
                "template metadata: '" + std::string(label) + "' is missing",
                "add a '- **" + std::string(label) + ":** ...' line to the section");
    }
    for (const exporter::MetadataProblem& p : exporter::validate(m)) {
      report_at(out, p.line ? p.line : m.heading.line, p.line ? p.column : m.heading.column, finding_text(p.message),
                hint_for(p.kind));
    }
  }

 private:
  // From `column` to the end of the line's text (at least one character).
  static void report_at(Reporter& out, uint32_t line, uint32_t column, std::string message, std::string hint) {
    if (line == 0) line = 1;
    const std::string_view text = out.doc().source.line(line);
    size_t byte = 0;
    for (uint32_t c = 1; c < column && byte < text.size(); ++c) byte += utf8_seq_len(text, byte);
    std::string_view rest = text.substr(byte);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
    out.report(line, column, static_cast<uint32_t>(std::max<size_t>(1, count_chars(rest))), std::move(message),
               std::move(hint));
  }
};

}  // namespace

std::unique_ptr<Rule> make_template_metadata() { return std::make_unique<TemplateMetadataRule>(); }

}  // namespace specgate
