// unchecked-gate: the spec says it is done (its status is one of config.done_statuses) while a
// checklist item is still open. Items under sections that hold wishes rather than gates ("Nice
// to Have", "Future Enhancements", "Out of Scope") and items struck through or marked N/A or
// optional are not gates.
#include "model/normalize.h"
#include "rules/rule.h"
#include "spec/fields.h"

namespace specgate {

namespace {

bool wish_section(const Document& doc, int32_t s) {
  static constexpr std::string_view words[] = {"nice to have", "future", "out of scope", "non-goal", "non goal",
                                               "stretch", "follow-up", "follow up", "next steps", "backlog",
                                               "optional", "later", "ideas", "open questions", "wishlist"};
  for (; s >= 0; s = doc.sections[s].parent) {
    const std::string& t = doc.sections[s].normalized_title;
    for (std::string_view w : words) {
      if (t.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

bool not_a_gate(std::string_view text) {
  text = trim(text);
  if (text.rfind("~~", 0) == 0) return true;
  const std::string v = clean_value(text);
  return is_na_value(v) || icontains(text, "(optional") || icontains(text, "(n/a") || icontains(text, "- n/a");
}

// At most `max` characters, cut at a character boundary.
std::string shorten(std::string_view s, size_t max) {
  if (count_chars(s) <= max) return std::string(s);
  size_t i = 0, n = 0;
  while (i < s.size() && n + 1 < max) {
    i += utf8_seq_len(s, i);
    ++n;
  }
  if (i >= s.size()) return std::string(s);
  return std::string(trim(s.substr(0, i))) + "...";
}

class UncheckedGate : public Rule {
 public:
  std::string_view name() const override { return "unchecked-gate"; }
  std::string_view summary() const override { return "The status says done while a checklist item is unchecked"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Field* st = doc.status_field();
    if (!st || !is_done_status(st->value, ctx.config)) return;
    std::string status;
    for (char ch : trim(st->value)) {
      if (ch != '`' && ch != '*') status += ch;
    }
    for (const ChecklistItem& c : doc.checklist) {
      if (c.checked || doc.line_info(c.line).kind == LineKind::Code) continue;
      if (wish_section(doc, c.section) || not_a_gate(c.text)) continue;
      std::string text;
      for (char ch : c.text) {
        if (ch != '*') text += ch;
      }
      text = shorten(trim(text), 80);
      out.report(c.line, c.column, 3, "unchecked item '" + text + "' while status is '" + status + "'",
                 "check the item once it is done, or change the status (line " + std::to_string(st->line) + ")");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_unchecked_gate() { return std::make_unique<UncheckedGate>(); }

}  // namespace specgate
