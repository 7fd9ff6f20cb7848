// unread-metadata: an ID, status or date written where specgate does not read metadata — in a
// ```yaml block at the top, or as a bare `key: value` line above the title. The rules that need
// it (unchecked-gate, stale-review, duplicate-id, status-aware strictness) would otherwise be
// skipped without a word.
#include "model/normalize.h"
#include "rules/rule.h"
#include "spec/fields.h"

namespace specgate {

namespace {

// Folded keys of the metadata rules read: the status, the spec's ID and its dates.
bool is_metadata_key(std::string_view k) {
  static constexpr std::string_view kKeys[] = {
      "status",       "state",   "spec status", "document status", "id",      "ticket id",     "spec id",
      "ticket",       "issue",   "date",        "created",         "created at", "last updated", "updated",
      "next review",  "review date"};
  for (std::string_view key : kKeys)
    if (k == key) return true;
  return false;
}

class UnreadMetadataRule : public Rule {
 public:
  std::string_view name() const override { return "unread-metadata"; }
  std::string_view summary() const override {
    return "An ID, status or date is written where specgate cannot read it (yaml block, bare line above the title)";
  }
  Severity default_severity() const override { return Severity::Note; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const uint32_t first_heading = doc.sections.empty() ? UINT32_MAX : doc.sections[0].line;
    // "At the top": before the first heading other than a leading title.
    uint32_t top_end = UINT32_MAX;
    if (!doc.sections.empty()) {
      if (doc.sections[0].level > 1) top_end = doc.sections[0].line;
      else if (doc.sections.size() > 1) top_end = doc.sections[1].line;
    }
    // Bare `key: value` lines above the title: front matter without its `---` lines.
    for (uint32_t l = 1; l < first_heading && l <= doc.lines.size(); ++l) {
      const LineInfo& info = doc.line_info(l);
      if (!info.plain_field) continue;
      const std::string_view text = doc.content(l);
      check_key(doc, out, l, text, info.content,
                "is above the title, where specgate does not read metadata",
                "put it in front matter between '---' lines at the very top, or write it as '**Key:** value'");
    }
    // The first code block, when it is yaml at the top of the document.
    for (const CodeBlock& c : doc.code_blocks) {
      if (c.line >= top_end) break;
      const std::string lang = to_lower_ascii(c.language);
      if (lang != "yaml" && lang != "yml") break;
      for (uint32_t l = c.content_line; l > 0 && l < c.end_line; ++l) {
        const std::string_view line = doc.source.line(l);
        if (line.empty() || line[0] == ' ' || line[0] == '\t' || !plain_field_line(line)) continue;
        check_key(doc, out, l, line, 0, "is in a yaml code block, which specgate does not read as metadata",
                  "make the block front matter (between '---' lines at the very top) or write '**Key:** value' lines");
      }
      break;
    }
  }

 private:
  static void check_key(const Document& doc, Reporter& out, uint32_t line, std::string_view text, uint32_t offset,
                        std::string_view where, std::string_view hint) {
    const size_t colon = text.find(':');
    if (colon == std::string_view::npos) return;
    const std::string_view key = trim(text.substr(0, colon));
    const std::string folded = fold_key(key);
    if (!is_metadata_key(folded)) return;
    // Only what the spec does not say elsewhere: a readable field of that key is enough.
    const bool status = folded == "status" || folded == "state" || folded == "spec status" || folded == "document status";
    if (status ? doc.status_field() != nullptr : doc.find_field({key}) != nullptr) return;
    const std::string_view shown = trim(text);
    out.report(line, doc.source.column_of(line, offset), static_cast<uint32_t>(count_chars(shown)),
               "'" + std::string(shown) + "' " + std::string(where), std::string(hint));
  }
};

}  // namespace

std::unique_ptr<Rule> make_unread_metadata() { return std::make_unique<UnreadMetadataRule>(); }

}  // namespace specgate
