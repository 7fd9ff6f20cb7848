#include "report/statistics.h"

#include <algorithm>

#include "core/text.h"
#include "report/escape.h"

namespace specgate::report {

namespace {

void count(FindingCounts& c, Severity s) {
  switch (s) {
    case Severity::Error: ++c.errors; break;
    case Severity::Warning: ++c.warnings; break;
    case Severity::Note: ++c.notes; break;
  }
}

// Pads to `width` characters (not bytes: a path may hold UTF-8).
void append_padded(std::string& out, const std::string& s, size_t width, bool right) {
  const size_t n = count_chars(s);
  if (right) out.append(width > n ? width - n : 0, ' ');
  out += s;
  if (!right) out.append(width > n ? width - n : 0, ' ');
}

void append_table(std::string& out, const char* label, const std::vector<std::pair<std::string, FindingCounts>>& rows) {
  // Column widths from the widest cell, so the numbers line up whatever the names' lengths.
  size_t name_width = std::string_view(label).size();
  for (const auto& [name, c] : rows) name_width = std::max(name_width, count_chars(terminal_safe(name)));
  const char* heads[] = {"findings", "errors", "warnings", "notes"};
  append_padded(out, label, name_width, false);
  for (const char* h : heads) {
    out += "  ";
    out += h;
  }
  out += '\n';
  for (const auto& [name, c] : rows) {
    append_padded(out, terminal_safe(name), name_width, false);
    const size_t values[] = {c.total(), c.errors, c.warnings, c.notes};
    for (size_t i = 0; i < 4; ++i) {
      out += "  ";
      append_padded(out, std::to_string(values[i]), std::string_view(heads[i]).size(), true);
    }
    out += '\n';
  }
}

}  // namespace

void Statistics::add(const FileReport& f) {
  for (const Diagnostic& d : f.diagnostics) {
    count(rules_[d.rule.empty() ? "(none)" : d.rule], d.severity);
    count(files_[f.path], d.severity);
  }
}

std::vector<std::pair<std::string, FindingCounts>> Statistics::ranked(const std::map<std::string, FindingCounts>& m) {
  std::vector<std::pair<std::string, FindingCounts>> rows(m.begin(), m.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.total() > b.second.total(); });
  return rows;
}

Statistics statistics_of(const RunReport& report) {
  Statistics s;
  for (const FileReport& f : report.files) s.add(f);
  return s;
}

std::string statistics_text(const Statistics& stats) {
  const auto rules = stats.by_rule();
  if (rules.empty()) return "";
  std::string out;
  append_table(out, "rule", rules);
  out += '\n';
  append_table(out, "file", stats.by_file());
  return out;
}

}  // namespace specgate::report
