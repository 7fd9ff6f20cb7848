// overdue: a date with a due meaning ("Target Completion", "Due", "Deadline", "ETA") has passed
// while the work it dates is not done. A spec that says "Due: 2025-12-16" and "Status: To Do" a
// year later misleads whoever plans from it. Where the date sits decides what must be done: a
// field, the spec's status (or a Status field in the same section); a table row, its Status
// column; a checklist item, its box; a list item, the spec's status.
// Next-review dates are stale-review's, so each missed date gets one finding.
#include <emmintrin.h>

#include "core/text.h"
#include "model/normalize.h"
#include "rules/rule.h"
#include "spec/fields.h"
#include "spec/progress.h"

namespace specgate {

namespace {

bool has_word(std::string_view k, std::string_view w) { return contains_word(k, w); }

bool is_status_key(std::string_view k) { return k == "status" || k == "state"; }

// The value's due date: it must start the value (after markup), so "after TASK-12 lands
// (2025-01-02)" or "2 weeks after 2025-01-02" is not read as a deadline.
std::optional<DateToken> leading_date(std::string_view value) {
  size_t b = 0;
  while (b < value.size() && (value[b] == '*' || value[b] == '`' || value[b] == '_' || value[b] == ' ' ||
                              value[b] == '~'))
    ++b;
  auto t = find_any_date(value.substr(b));
  if (!t || t->begin != 0) return std::nullopt;
  t->begin += b;
  t->end += b;
  return t;
}

std::string days_ago(const Date& due, const Date& today) {
  const long days = today.days_since_epoch() - due.days_since_epoch();
  return std::to_string(days) + (days == 1 ? " day ago" : " days ago");
}

std::string plain(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (c != '`' && c != '*') out += c;
  }
  return out;
}

// The position of the first 'e' or 'E' at or after `from`, or text.size(): 16 bytes at a time.
size_t next_e(std::string_view text, size_t from) {
  const size_t n = text.size();
  size_t i = from;
  const __m128i e = _mm_set1_epi8('e'), case_bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Only 'E' and 'e' have 'e' once the case bit is set.
    const int hits = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(v, case_bit), e));
    if (hits != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(hits)));
  }
  for (; i < n; ++i)
    if ((text[i] | 0x20) == 'e') return i;
  return n;
}

// A cheap first look, one pass and no copy: "due", "dea(dline)" or "eta" in any case. Most list
// items have none of them; the ones that do get the exact test below.
// Each of the three holds an 'e': the text is walked from one 'e' (either case) to the next with
// memchr-like jumps, and only the letters around an 'e' are looked at.
bool mentions_due(std::string_view text) {
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  const size_t n = text.size();
  for (size_t p = next_e(text, 0); p < n; p = next_e(text, p + 1)) {
    if (p >= 2 && lower(text[p - 2]) == 'd' && lower(text[p - 1]) == 'u') return true;                   // due
    if (p >= 1 && p + 1 < n && lower(text[p - 1]) == 'd' && lower(text[p + 1]) == 'a') return true;     // dea(dline)
    if (p + 2 < n && lower(text[p + 1]) == 't' && lower(text[p + 2]) == 'a') return true;               // eta
  }
  return false;
}

// A folded key (or column header) that names when work is due. "Target" alone counts only with
// a date for a value; "Target Users" never holds one.
bool is_due_key(std::string_view k) {
  if (k.find("review") != std::string_view::npos) return false;  // stale-review's
  // Each word holds "due", "dea" or "eta": most keys are out after one look (mentions_due).
  if (mentions_due(k) && (has_word(k, "due") || has_word(k, "deadline") || has_word(k, "eta"))) return true;
  if (k == "target" || k == "target date" || k == "target completion" || k == "target completion date" ||
      k == "release target" || k == "target release" || k == "target release date" || k == "target ship date" ||
      k == "target launch date" || k == "target delivery" || k == "target delivery date" || k == "target end date")
    return true;
  return k == "expected completion" || k == "estimated completion" || k == "expected completion date" ||
         k == "estimated completion date" || k == "complete by" || k == "completed by" || k == "done by" ||
         k == "finish by" || k == "deliver by";
}

// Inline "Due: 2026-01-21" / "due by Dec 16, 2025" / "Deadline: ..." in an item's text: the
// position of the date, or npos.
size_t inline_due(std::string_view text, DateToken& out) {
  static constexpr std::string_view keys[] = {"due:", "due by ", "due on ", "deadline:", "eta:"};
  if (!mentions_due(text)) return std::string_view::npos;
  const std::string lower = to_lower_ascii(text);
  for (std::string_view k : keys) {
    for (size_t at = lower.find(k); at != std::string::npos; at = lower.find(k, at + 1)) {
      if (at > 0 && ascii_alnum(lower[at - 1])) continue;
      size_t v = at + k.size();
      while (v < text.size() && (text[v] == ' ' || text[v] == '*' || text[v] == '`')) ++v;
      auto t = leading_date(text.substr(v));
      if (!t) continue;
      out = *t;
      out.begin += v;
      out.end += v;
      return v;
    }
  }
  return std::string_view::npos;
}

class OverdueRule : public Rule {
 public:
  std::string_view name() const override { return "overdue"; }
  std::string_view summary() const override {
    return "A due date (Due, Deadline, Target Completion, ETA) has passed while the work is not done";
  }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Field* spec_status = doc.status_field();
    const bool spec_open = spec_status_open(doc, ctx.config);
    // A finished or retired spec's dates are history.
    if (spec_status && !spec_open && !clean_value(spec_status->value).empty()) return;
    check_fields(ctx, spec_status, spec_open, out);
    check_tables(ctx, out);
    check_items(ctx, spec_status, spec_open, out);
  }

 private:
  static void check_fields(const RuleContext& ctx, const Field* spec_status, bool spec_open, Reporter& out) {
    const Document& doc = ctx.doc;
    for (const Field& f : doc.fields) {
      if (!is_due_key(f.folded_key) || doc.line_info(f.line).kind == LineKind::Code) continue;
      const auto t = leading_date(f.value);
      if (!t || !(t->date < ctx.today)) continue;
      // A Status field in the same section (a milestone's own) decides before the spec's.
      const Field* st = spec_status;
      if (f.section != kPreamble) {
        for (const Field& g : doc.fields) {
          if (g.section == f.section && &g != spec_status && is_status_key(g.folded_key)) st = &g;
        }
      }
      const bool open = st == spec_status ? spec_open : !is_done_status(st->value, ctx.config) && !is_retired_status(st->value);
      if (!open) continue;
      const std::string_view value = f.value;
      out.report(f.line, value_part_column(doc, f, t->begin, value.substr(t->begin, t->end - t->begin)),
                 static_cast<uint32_t>(count_chars(value.substr(t->begin, t->end - t->begin))),
                 "'" + plain(f.key) + "' was " + t->date.iso() + ", " + days_ago(t->date, ctx.today) +
                     ", while the status is '" + plain(st->value) + "'",
                 "finish the work and update the status (line " + std::to_string(st->line) +
                     "), or set a new date");
    }
  }

  static void check_tables(const RuleContext& ctx, Reporter& out) {
    const Document& doc = ctx.doc;
    for (const Table& table : doc.tables) {
      int due = -1, status = -1;
      for (size_t c = 0; c < table.header.size(); ++c) {
        const std::string k = fold_key(table.header[c].text);
        if (due < 0 && is_due_key(k)) due = static_cast<int>(c);
        if (status < 0 && is_status_key(k)) status = static_cast<int>(c);
      }
      // Without a Status column a past row is as likely a milestone met as one missed.
      if (due < 0 || status < 0) continue;
      for (const auto& row : table.rows) {
        if (static_cast<size_t>(due) >= row.size()) continue;
        const TableCell& cell = row[due];
        const auto t = leading_date(cell.text);
        if (!t || !(t->date < ctx.today)) continue;
        if (static_cast<size_t>(status) >= row.size()) continue;
        const std::string& sv = row[status].text;
        if (clean_value(sv).empty() || is_done_status(sv, ctx.config) || is_retired_status(sv) || item_marked_done(sv))
          continue;
        const std::string st_text = "the row's status is '" + plain(sv) + "'";
        const std::string_view line = doc.source.line(cell.line);
        if (line.substr(cell.offset, cell.text.size()) != cell.text) continue;  // a cell the model rewrote
        out.report_text(cell.line, line.substr(cell.offset + t->begin, t->end - t->begin),
                        "'" + plain(table.header[due].text) + "' was " + t->date.iso() + ", " +
                            days_ago(t->date, ctx.today) + ", while " + st_text,
                        "finish the work and update the status, or set a new date");
      }
    }
  }

  // List and checklist items with an inline due date: "- [ ] Publish the runbook (due: 2025-12-01)".
  static void check_items(const RuleContext& ctx, const Field* spec_status, bool spec_open, Reporter& out) {
    const Document& doc = ctx.doc;
    for (uint32_t l = 1; l <= doc.lines.size(); ++l) {
      const LineInfo& li = doc.line_info(l);
      if (!li.list_item_start || li.kind != LineKind::Paragraph) continue;
      if (!li.checkbox && !spec_open) continue;  // a plain item is judged by the spec's status
      const std::string_view text = doc.content(l);
      DateToken t;
      const size_t at = inline_due(text, t);
      if (at == std::string_view::npos || !(t.date < ctx.today)) continue;
      // Asked only of items with a past due date (few), not of every item that is a field.
      if (li.first_field >= 0 && is_due_key(doc.fields[li.first_field].folded_key)) continue;  // a field, above
      if (text.find("~~") != std::string_view::npos || item_marked_done(text)) continue;
      std::string why;
      if (li.checkbox) {
        const ChecklistItem* item = nullptr;
        for (const ChecklistItem& c : doc.checklist) {
          if (c.line == l) item = &c;
        }
        if (!item || item->checked) continue;
        why = "the item is unchecked";
      } else {
        if (!spec_open) continue;
        why = "the status is '" + plain(spec_status->value) + "'";
      }
      out.report_text(l, text.substr(t.begin, t.end - t.begin),
                      "item due on " + t.date.iso() + ", " + days_ago(t.date, ctx.today) + ", while " + why,
                      "finish the item and mark it done, or set a new date");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_overdue() { return std::make_unique<OverdueRule>(); }

}  // namespace specgate
