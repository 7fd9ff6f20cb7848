// numeric-target: a performance / SLO target written without a number ("fast", "low", "high
// availability"). Looks at
//   - the Target column of tables under a performance / SLO / SLA / latency / throughput /
//     availability heading (or of any table with an SLI/SLO column);
//   - field values and "label: value" list items whose label names a target ("p95 latency",
//     "Availability target", "Throughput", "Error rate") — anywhere when the label itself says
//     target/SLO/percentile, otherwise only under such a heading, and then only short values.
// Placeholders (`<ms>`) are the placeholder rule's, and "N/A ..." the na rule's: both skipped.
#include <algorithm>

#include "model/normalize.h"
#include "rules/rule.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

// Lowercase words (letters, digits, '.', '-' kept inside) of a text.
// A label's words, lowercased, in one string with one space before each word and after the last:
// " p95 latency target ". A word ends at a character other than a letter, digit, '.' or '-', and
// loses trailing '.' and '-'. One allocation per label, and a word test is a substring search.
std::string words_of(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += ' ';
  size_t start = 1;  // where the current word begins in `out`
  auto flush = [&] {
    while (out.size() > start && (out.back() == '.' || out.back() == '-')) out.pop_back();
    if (out.size() > start) out += ' ';
    start = out.size();
  };
  for (char c : s) {
    const bool in_word = out.size() > start;
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      ((c == '.' || c == '-') && in_word);
    if (word) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    else if (in_word) flush();
  }
  flush();
  return out;
}

// Calls f(word) for each word of a words_of string until f returns true.
template <typename F>
bool any_word(std::string_view words, F f) {
  for (size_t b = 1; b < words.size();) {
    const size_t e = words.find(' ', b);
    if (f(words.substr(b, e - b))) return true;
    b = e + 1;
  }
  return false;
}

bool has_word(std::string_view words, std::initializer_list<std::string_view> any) {
  return any_word(words, [&](std::string_view w) {
    return std::find(any.begin(), any.end(), w) != any.end();
  });
}

// `f` is fold_text of the text.
bool has_folded_phrase(std::string_view f, std::string_view phrase) {
  size_t at = f.find(phrase);
  while (at != std::string::npos) {
    const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(f[at - 1]));
    const size_t e = at + phrase.size();
    const bool right = e >= f.size() || !std::isalnum(static_cast<unsigned char>(f[e])) || f[e] == 's';
    if (left && right) return true;
    at = f.find(phrase, at + 1);
  }
  return false;
}

bool has_phrase(std::string_view text, std::string_view phrase) { return has_folded_phrase(fold_text(text), phrase); }

bool percentile(std::string_view words) {
  return any_word(words, [](std::string_view w) {
    return w.size() >= 3 && w[0] == 'p' && std::isdigit(static_cast<unsigned char>(w[1])) &&
           std::all_of(w.begin() + 1, w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
  });
}

// A heading about performance, SLOs/SLAs, latency, throughput or availability.
bool performance_title(std::string_view title) {
  const auto w = words_of(title);
  return has_word(w, {"performance", "slo", "slos", "sla", "slas", "sli", "slis", "latency", "throughput",
                      "availability", "uptime"}) ||
         has_phrase(title, "service level");
}

// `w` is words_of(label).
bool metric_label(std::string_view label, std::string_view w) {
  if (has_word(w, {"latency", "throughput", "availability", "uptime", "rps", "qps", "tps"}) || percentile(w)) return true;
  const std::string f = fold_text(label);
  return has_folded_phrase(f, "error rate") || has_folded_phrase(f, "response time");
}

bool metric_label(std::string_view label) { return metric_label(label, words_of(label)); }

bool target_word(std::string_view w) {
  return has_word(w, {"target", "targets", "slo", "slos", "sla", "slas", "objective", "goal"}) || percentile(w);
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool skip_value(std::string_view v) {
  v = trim(v);
  if (v.empty()) return true;
  if (!find_placeholders(v).empty()) return true;
  std::string f = fold_text(v);
  f.erase(std::remove_if(f.begin(), f.end(), [](char c) { return c == '*' || c == '_' || c == '`'; }), f.end());
  // "N/A ...", and an explicit decision not to set a target ("Best effort", "None", "No SLO").
  for (std::string_view no : {"n/a", "not applicable", "best effort", "best-effort", "none", "no ", "not "}) {
    if (f.rfind(no, 0) == 0) return true;
  }
  // A user story ("As a user, I want … to load quickly, so that …") states a wish, not a target
  // to measure: requirement templates label it "Objective".
  if ((f.rfind("as a ", 0) == 0 || f.rfind("as an ", 0) == 0) && f.find(" want") != std::string::npos) return true;
  return f == "na" || f == "-" || f == "\xE2\x80\x94";
}

size_t word_count(std::string_view s) {
  const std::string w = words_of(s);
  return static_cast<size_t>(std::count(w.begin(), w.end(), ' ')) - 1;
}

class NumericTarget : public Rule {
 public:
  std::string_view name() const override { return "numeric-target"; }
  std::string_view summary() const override { return "A performance or SLO target has no number"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    std::vector<bool> perf(doc.sections.size(), false);
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      perf[i] = (s.parent >= 0 && perf[s.parent]) || performance_title(s.title);
    }
    auto in_perf = [&](int32_t section) { return section >= 0 && perf[section]; };

    for (const Table& t : doc.tables) check_table(t, in_perf(t.section), out);

    size_t next_field = 0;
    for (uint32_t l = 1; l <= doc.source.line_count(); ++l) {
      const LineInfo& info = doc.line_info(l);
      if (info.kind != LineKind::Paragraph) continue;
      while (next_field < doc.fields.size() && doc.fields[next_field].line < l) ++next_field;
      bool had_field = false;
      for (; next_field < doc.fields.size() && doc.fields[next_field].line == l; ++next_field) {
        const Field& f = doc.fields[next_field];
        had_field = true;
        check_pair(l, f.key, f.value, f.value_column, in_perf(info.section), out);
      }
      if (had_field || !in_perf(info.section)) continue;
      // "- p95 latency: fast" / "Throughput | high" in a performance section.
      const std::string_view raw = doc.source.line(l);
      const size_t start = info.content;
      // find_first_of(":|") would call memchr once per character.
      size_t sep = start;
      while (sep < raw.size() && raw[sep] != ':' && raw[sep] != '|') ++sep;
      if (sep == raw.size() || sep == start) continue;
      const std::string_view label = trim(raw.substr(start, sep - start));
      if (label.size() > 40 || label.find_first_of("`[(") != std::string_view::npos) continue;
      size_t v = sep + 1;
      while (v < raw.size() && (raw[v] == ' ' || raw[v] == '\t')) ++v;
      const std::string_view value = trim(raw.substr(v));
      check_pair(l, label, value, doc.source.column_of(l, v), true, out);
    }
  }

 private:
  static void check_pair(uint32_t line, std::string_view key, std::string_view value,
                         uint32_t column, bool perf_section, Reporter& out) {
    const auto words = words_of(key);
    const bool target = target_word(words);
    // Under a performance heading a metric or a target label will do; elsewhere the label must
    // name both ("Latency target", "p95 latency"). The metric test folds text: only when it matters.
    if (perf_section ? !(target || metric_label(key, words)) : !(target && metric_label(key, words))) return;
    if (skip_value(value) || has_digit(value)) return;
    // Without an explicit "target" in the label, only short values read as targets ("fast").
    if (!target && word_count(value) > 6) return;
    out.report(line, column, static_cast<uint32_t>(count_chars(value)),
               "target '" + std::string(trim(key)) + "' has no number: '" + std::string(value) + "'",
               "state a measurable target, e.g. 'p95 under 300 ms' or '99.9% monthly'");
  }

  static void check_table(const Table& t, bool perf_section, Reporter& out) {
    // The value column: one whose header says target. A column headed "SLO" or "Objective" is
    // the value only when none does, and never the first column of a wider table:
    // `| SLO | Target | Window |` names its SLOs in column one. (Budget / goal / threshold
    // headers were tried: on generated tables they picked columns of names, not targets.)
    size_t target_col = t.header.size(), named_col = t.header.size();
    bool sli_table = false;
    for (size_t i = 0; i < t.header.size(); ++i) {
      const auto w = words_of(t.header[i].text);
      if (target_col == t.header.size() && has_word(w, {"target", "targets"})) target_col = i;
      if (named_col == t.header.size() && has_word(w, {"slo", "objective"}) && (i > 0 || t.header.size() == 1))
        named_col = i;
      if (has_word(w, {"sli", "slis", "slo", "metric", "metrics"})) sli_table = true;
    }
    if (target_col == t.header.size()) target_col = named_col;
    if (target_col == t.header.size() || !(perf_section || sli_table)) return;
    // A metrics table outside a performance section must be about performance: its row names
    // are checked like labels.
    for (const auto& row : t.rows) {
      if (target_col >= row.size()) continue;
      const TableCell& cell = row[target_col];
      if (skip_value(cell.text) || has_digit(cell.text)) continue;
      const std::string label = row.empty() || target_col == 0 ? std::string() : row[0].text;
      if (!perf_section && !metric_label(label)) continue;
      out.report(cell.line, cell.column, static_cast<uint32_t>(count_chars(cell.text)),
                 "target" + (label.empty() ? std::string() : " for '" + label + "'") + " has no number: '" +
                     cell.text + "'",
                 "state a measurable target, e.g. '300 ms' or '99.9%'");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_numeric_target() { return std::make_unique<NumericTarget>(); }

}  // namespace specgate
