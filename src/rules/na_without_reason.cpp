// na-without-reason: "N/A" standing alone where the reader needs to know why — the whole of a
// line or list item, a label whose section asks for "N/A with reason", or a table cell whose
// column is a description ("Notes", "Rationale") or whose row says nothing else. "N/A — no PII
// stored", "N/A (stateless)" and "N/A: ..." carry their reason and are fine.
//
// Table cells are judged conservatively: in a data table N/A is often a legitimate value ("Retry
// policy | N/A" in a column of policies), so only description-like columns and otherwise empty
// rows count. Field values (`**Related PRD:** N/A`) are left alone unless their section asks for
// a reason: many templates offer a bare N/A as the value.
#include "model/normalize.h"
#include "rules/rule.h"

namespace specgate {

namespace {

// The text without emphasis/code markup and leading dashes, and without a trailing period:
// leading '-', '*', '_', '`', '~', em and en dashes, and trailing '*', '_', '`', '.', '~', with the
// spaces between them, however many.
std::string_view strip_decoration(std::string_view s) {
  s = trim(s);
  while (!s.empty()) {
    const char c = s.front();
    if (c == '-' || c == '*' || c == '_' || c == '`' || c == '~') {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == "\xE2\x80\x94" || s.substr(0, 3) == "\xE2\x80\x93") {
      s.remove_prefix(3);
    } else {
      break;
    }
    s = trim(s);
  }
  while (!s.empty()) {
    const char c = s.back();
    if (c != '*' && c != '_' && c != '`' && c != '.' && c != '~') break;
    s.remove_suffix(1);
    s = trim(s);
  }
  return s;
}

bool is_bare_na(std::string_view text) {
  // Cheaper than any search for the forms first: text without decoration (most) is left as it
  // is after one look at each end.
  const std::string_view s = strip_decoration(text);
  return s == "N/A" || s == "n/a" || s == "N/a" || s == "NA" || s == "N.A" || s == "n.a" || iequals(s, "not applicable");
}

bool description_column(std::string_view header) {
  const std::string h = fold_text(header);
  static constexpr std::string_view words[] = {"note", "description", "rationale", "reason", "justification",
                                               "why", "explanation", "comment", "details"};
  for (std::string_view w : words) {
    if (h.find(w) != std::string::npos) return true;
  }
  return false;
}

class NaWithoutReason : public Rule {
 public:
  std::string_view name() const override { return "na-without-reason"; }
  std::string_view summary() const override { return "N/A is given without a reason"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    for (uint32_t l = 1; l <= doc.source.line_count(); ++l) {
      const LineInfo& info = doc.line_info(l);
      if (info.kind != LineKind::Paragraph || info.checkbox) continue;
      const std::string_view content = doc.content(l);
      if (content.size() > 40) continue;
      if (is_bare_na(content)) {
        if (!answers_question(doc, l)) report(out, l, content);
        continue;
      }
      if (section_wants_reason(ctx, info.section)) check_label(doc, l, out);
    }
    for (const Table& t : doc.tables) check_table(t, out);
  }

 private:
  static constexpr std::string_view kHint =
      "say why it does not apply, e.g. 'N/A \xE2\x80\x94 the service stores no personal data'";
  static std::string message(std::string_view na) { return "'" + std::string(na) + "' without a reason"; }
  // `text` lies within line `line`; reported without its surrounding blanks.
  static void report(Reporter& out, uint32_t line, std::string_view text) {
    const std::string_view s = trim(text);
    out.report_text(line, s, message(s), std::string(kHint));
  }

  // N/A right under a question is its whole answer ("no"), with nothing more to explain: the
  // line before it (past blanks) is a heading or a line that asks — ends with '?', or opens with
  // "Any", "Does", "Is", "Are", "Will", "Should", "Can", "Has" — or a heading about an effect or
  // impact ("Effect on ABI stability", "Impact on existing code"), which asks "what effect?".
  static bool answers_question(const Document& doc, uint32_t l) {
    uint32_t p = l;
    while (p > 1 && trim(doc.source.line(p - 1)).empty()) --p;
    if (p <= 1) return false;
    const LineInfo& info = doc.line_info(p - 1);
    std::string_view text = trim(doc.source.line(p - 1));
    if (info.kind == LineKind::Heading) {
      text = trim(text.substr(std::min(text.find_first_not_of('#'), text.size())));
    } else if (info.kind == LineKind::Paragraph) {
      text = trim(doc.content(p - 1));
    } else {
      return false;
    }
    while (!text.empty() && (text.back() == '*' || text.back() == '_' || text.back() == ':')) text.remove_suffix(1);
    if (!text.empty() && text.back() == '?') return true;
    const std::string f = fold_text(strip_decoration(text));
    for (std::string_view q : {"any ", "does ", "do ", "is ", "are ", "will ", "should ", "can ", "has ", "have "}) {
      if (f.rfind(q, 0) == 0) return true;
    }
    if (info.kind != LineKind::Heading) return false;
    for (std::string_view e : {"effect on ", "effects on ", "impact on "}) {
      if (f.rfind(e, 0) == 0) return true;
    }
    return false;
  }

  // The template heading says "(Required or N/A with reason)" / "RNIA".
  static bool section_wants_reason(const RuleContext& ctx, int32_t section) {
    if (!ctx.schema || !ctx.match) return false;
    for (int32_t s = section; s >= 0; s = ctx.doc.sections[s].parent) {
      if (static_cast<size_t>(s) >= ctx.match->spec_of.size()) return false;
      const int32_t spec = ctx.match->spec_of[s];
      if (spec >= 0) return ctx.schema->sections[spec].allows_na;
    }
    return false;
  }

  // "State machine: N/A" / "**Non-goals:** N/A" in a section that asks for the reason.
  static void check_label(const Document& doc, uint32_t l, Reporter& out) {
    const std::string_view raw = doc.source.line(l);
    const size_t nfields = doc.field_count(l);
    if (nfields == 1) {
      const Field& f = doc.fields[doc.line_info(l).first_field];
      if (is_bare_na(f.value)) report(out, l, raw.substr(f.value_offset));
      return;
    }
    const size_t start = doc.line_info(l).content;
    const size_t colon = raw.find(':', start);
    if (colon == std::string_view::npos) return;
    const std::string_view label = trim(raw.substr(start, colon - start));
    if (label.empty() || label.size() > 40 || label.back() == '?') return;  // "Breaking change?: N/A" answers
    size_t v = colon + 1;
    while (v < raw.size() && (raw[v] == ' ' || raw[v] == '\t')) ++v;
    if (v < raw.size() && is_bare_na(raw.substr(v))) report(out, l, raw.substr(v));
  }

  static void check_table(const Table& t, Reporter& out) {
    for (const auto& row : t.rows) {
      // A row that says nothing but N/A: reported once, at its first N/A.
      bool all_na = !row.empty();
      const TableCell* first_na = nullptr;
      for (const TableCell& c : row) {
        const bool na = is_bare_na(c.text);
        if (na && !first_na) first_na = &c;
        all_na = all_na && (na || strip_decoration(c.text).empty());
      }
      if (!first_na) continue;
      if (all_na) {
        report_cell(out, *first_na);
        continue;
      }
      for (size_t i = 0; i < row.size() && i < t.header.size(); ++i) {
        if (is_bare_na(row[i].text) && description_column(t.header[i].text)) report_cell(out, row[i]);
      }
    }
  }

  static void report_cell(Reporter& out, const TableCell& cell) {
    if (cell.line == 0) return;
    const std::string_view line = out.doc().source.line(cell.line);
    report(out, cell.line, line.substr(std::min<size_t>(cell.offset, line.size()), cell.text.size()));
  }
};

}  // namespace

std::unique_ptr<Rule> make_na_without_reason() { return std::make_unique<NaWithoutReason>(); }

}  // namespace specgate
