#include "status/status_report.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/source.h"
#include "model/normalize.h"
#include "spec/ids.h"

namespace specgate {

namespace {

constexpr const char* kNone = "(none)";

std::string points_text(double p) {
  if (std::floor(p) == p) return std::to_string(static_cast<long long>(p));
  return fmt::format("{}", p);
}

std::string gates_total(const SpecSummary& s) {
  if (s.gates.empty()) return "";
  uint32_t done = 0, total = 0;
  for (const auto& g : s.gates) {
    done += g.done;
    total += g.total;
  }
  return std::to_string(done) + "/" + std::to_string(total);
}

std::string gates_list(const SpecSummary& s, std::string_view sep) {
  std::string out;
  for (const auto& g : s.gates) {
    if (!out.empty()) out += sep;
    out += g.section + " " + std::to_string(g.done) + "/" + std::to_string(g.total);
  }
  return out;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : ""; }

std::string plural(size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

std::string findings_text(const SpecSummary& s) {
  if (s.errors == 0 && s.warnings == 0) return "ok";
  std::string out;
  if (s.errors) out += plural(s.errors, "error");
  if (s.warnings) out += (out.empty() ? "" : ", ") + plural(s.warnings, "warning");
  return out;
}

std::string totals_line(const std::map<std::string, size_t>& m) {
  std::vector<std::pair<std::string, size_t>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (const auto& [k, n] : v) out += (out.empty() ? "" : ", ") + k + " " + std::to_string(n);
  return out;
}

// Cuts to `width` characters, marking the cut with "…".
std::string fit(const std::string& s, size_t width) {
  if (count_chars(s) <= width) return s;
  std::string out;
  size_t chars = 0, i = 0;
  while (i < s.size() && chars + 1 < width) {
    const size_t len = utf8_seq_len(s, i);
    out.append(s, i, len);
    i += len;
    ++chars;
  }
  return out + "\xE2\x80\xA6";
}

void pad(std::ostream& out, const std::string& s, size_t width) {
  out << s;
  for (size_t n = count_chars(s); n < width; ++n) out << ' ';
}

void write_table(std::ostream& out, const StatusReport& r, size_t terminal_width) {
  struct Col {
    const char* head;
    size_t max;
    std::function<std::string(const SpecSummary&)> get;
  };
  std::vector<Col> cols = {
      {"ID", 16, [](const SpecSummary& s) { return s.id.value_or("-"); }},
      {"TITLE", 46, [](const SpecSummary& s) { return s.title.value_or("-"); }},
      {"TEMPLATE", 14, [](const SpecSummary& s) { return s.template_name.value_or("-"); }},
      {"STATUS", 18, [](const SpecSummary& s) { return s.status.value_or("-"); }},
      {"OWNER", 22, [](const SpecSummary& s) { return s.owner.value_or("-"); }},
      {"UPDATED", 10, [](const SpecSummary& s) { return s.last_updated ? s.last_updated->iso() : "-"; }},
      {"NEXT REVIEW", 19,
       [](const SpecSummary& s) { return s.next_review ? s.next_review->iso() + (s.overdue ? " overdue" : "") : "-"; }},
      {"GATES", 9, [](const SpecSummary& s) { auto g = gates_total(s); return g.empty() ? "-" : g; }},
      {"FINDINGS", 22, [](const SpecSummary& s) { return findings_text(s); }},
      {"PATH", 1000, [](const SpecSummary& s) { return s.path; }},
  };
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> width(cols.size());
  auto lay_out = [&] {
    cells.clear();
    for (size_t c = 0; c < cols.size(); ++c) width[c] = count_chars(cols[c].head);
    for (const auto& s : r.specs) {
      std::vector<std::string> row;
      for (size_t c = 0; c < cols.size(); ++c) {
        row.push_back(fit(cols[c].get(s), cols[c].max));
        width[c] = std::max(width[c], count_chars(row.back()));
      }
      cells.push_back(std::move(row));
    }
  };
  lay_out();
  if (terminal_width > 0) {
    // On a narrow terminal the title gives way first (down to 12 characters), so each row stays
    // on one line; the path, last, is never cut.
    size_t total = 0;
    for (size_t c = 0; c < cols.size(); ++c) total += width[c] + (c + 1 < cols.size() ? 2 : 0);
    constexpr size_t kTitle = 1, kMinTitle = 12;
    if (total > terminal_width && width[kTitle] > kMinTitle) {
      cols[kTitle].max = std::max(kMinTitle, width[kTitle] - std::min(width[kTitle], total - terminal_width));
      lay_out();
    }
  }
  auto line = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c + 1 == row.size()) out << row[c];
      else {
        pad(out, row[c], width[c]);
        out << "  ";
      }
    }
    out << "\n";
  };
  std::vector<std::string> head;
  for (const auto& c : cols) head.push_back(c.head);
  line(head);
  for (const auto& row : cells) line(row);
  out << "\n" << plural(r.specs.size(), "spec") << ".";
  if (!r.specs.empty()) {
    out << " By status: " << totals_line(r.by_status) << ".\n";
    out << "By template: " << totals_line(r.by_template) << ".\n";
  } else {
    out << "\n";
  }
  size_t n_attention = 0;
  for (const auto& s : r.specs) n_attention += s.attention.empty() ? 0 : 1;
  if (n_attention == 0) {
    out << "Needs attention: nothing.\n";
    return;
  }
  out << "\nNeeds attention (" << n_attention << "):\n";
  for (const auto& s : r.specs) {
    if (s.attention.empty()) continue;
    out << "  " << s.path << (s.id ? " (" + *s.id + ")" : "") << ": " << fmt::format("{}", fmt::join(s.attention, "; "))
        << "\n";
  }
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string md_link(const SpecSummary& s) {
  const std::string text = s.id ? *s.id : std::filesystem::path(s.path).filename().string();
  std::string target;
  for (char c : std::filesystem::path(s.path).generic_string()) {
    if (c == ' ') target += "%20";
    else if (c == '(' || c == ')') target += (c == '(' ? "%28" : "%29");
    else target += c;
  }
  return "[" + md_cell(text) + "](" + target + ")";
}

void write_markdown(std::ostream& out, const StatusReport& r) {
  out << "# Spec Index\n\n";
  out << "Generated by `specgate status` on " << r.today.iso() << " from " << plural(r.specs.size(), "spec")
      << ". Do not edit by hand; run `specgate status --format markdown` again to update.\n\n";
  out << "| Spec | Title | Template | Status | Owner | Priority | Points | Created | Updated | Next review | Gates | Findings |\n";
  out << "|------|-------|----------|--------|-------|----------|-------:|---------|---------|-------------|-------|----------|\n";
  for (const auto& s : r.specs) {
    std::string review = date_text(s.next_review);
    if (s.overdue) review = "**" + review + " (overdue)**";
    out << "| " << md_link(s) << " | " << md_cell(s.title.value_or("")) << " | " << md_cell(s.template_name.value_or(""))
        << " | " << md_cell(s.status.value_or("")) << " | " << md_cell(s.owner.value_or("")) << " | "
        << md_cell(s.priority.value_or("")) << " | " << (s.points ? points_text(*s.points) : "") << " | "
        << date_text(s.created) << " | " << date_text(s.last_updated) << " | " << review << " | " << md_cell(gates_list(s, "<br>")) << " | "
        << (s.errors || s.warnings ? findings_text(s) : "") << " |\n";
  }
  auto totals = [&](const char* title, const char* what, const std::map<std::string, size_t>& m) {
    out << "\n### " << title << "\n\n| " << what << " | Specs |\n|---|---:|\n";
    std::vector<std::pair<std::string, size_t>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [k, n] : v) out << "| " << md_cell(k) << " | " << n << " |\n";
  };
  out << "\n## Totals\n";
  totals("By status", "Status", r.by_status);
  totals("By template", "Template", r.by_template);
  out << "\n## Needs attention\n\n";
  bool any = false;
  for (const auto& s : r.specs) {
    if (s.attention.empty()) continue;
    any = true;
    out << "- " << md_link(s) << ": " << md_cell(fmt::format("{}", fmt::join(s.attention, "; "))) << "\n";
  }
  if (!any) out << "Nothing needs attention.\n";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

void write_csv(std::ostream& out, const StatusReport& r) {
  out << "path,id,title,template,status,owner,priority,points,created,last_updated,next_review,overdue,gates,errors,"
         "warnings\r\n";
  for (const auto& s : r.specs) {
    const std::vector<std::string> f = {s.path,
                                        s.id.value_or(""),
                                        s.title.value_or(""),
                                        s.template_name.value_or(""),
                                        s.status.value_or(""),
                                        s.owner.value_or(""),
                                        s.priority.value_or(""),
                                        s.points ? points_text(*s.points) : "",
                                        date_text(s.created),
                                        date_text(s.last_updated),
                                        date_text(s.next_review),
                                        s.overdue ? "true" : "false",
                                        gates_list(s, "; "),
                                        std::to_string(s.errors),
                                        std::to_string(s.warnings)};
    for (size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << csv_field(f[i]);
    out << "\r\n";
  }
}

// Streams one spec at a time, so a run over thousands of specs never holds the whole document.
void write_json(std::ostream& out, const StatusReport& r) {
  using Json = nlohmann::ordered_json;
  auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
  auto date = [](const std::optional<Date>& d) { return d ? Json(d->iso()) : Json(nullptr); };
  // Pretty-prints `j` as if it sat `depth` levels deep in the document.
  auto nested = [](const Json& j, int depth) {
    std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
    const std::string indent(static_cast<size_t>(depth) * 2, ' ');
    std::string outs;
    for (char c : text) {
      outs += c;
      if (c == '\n') outs += indent;
    }
    return outs;
  };
  out << "{\n  \"version\": 1,\n  \"today\": \"" << r.today.iso() << "\",\n  \"specs\": [";
  bool first = true;
  Json attention = Json::array();
  for (const auto& s : r.specs) {
    Json gates = Json::array();
    for (const auto& g : s.gates) gates.push_back({{"section", g.section}, {"done", g.done}, {"total", g.total}});
    Json points = nullptr;
    if (s.points) points = std::floor(*s.points) == *s.points ? Json(static_cast<long long>(*s.points)) : Json(*s.points);
    const Json spec = {{"path", s.path},
                       {"id", opt(s.id)},
                       {"title", opt(s.title)},
                       {"template", opt(s.template_name)},
                       {"status", opt(s.status)},
                       {"owner", opt(s.owner)},
                       {"priority", opt(s.priority)},
                       {"points", points},
                       {"created", date(s.created)},
                       {"last_updated", date(s.last_updated)},
                       {"next_review", date(s.next_review)},
                       {"overdue", s.overdue},
                       {"gates", gates},
                       {"errors", s.errors},
                       {"warnings", s.warnings}};
    out << (first ? "\n    " : ",\n    ") << nested(spec, 2);
    first = false;
    if (!s.attention.empty()) attention.push_back({{"path", s.path}, {"id", opt(s.id)}, {"reasons", s.attention}});
  }
  out << (first ? "]" : "\n  ]") << ",\n  \"totals\": "
      << nested(Json{{"by_status", r.by_status}, {"by_template", r.by_template}}, 1) << ",\n  \"attention\": "
      << nested(attention, 1) << "\n}\n";
}

// Natural, case-insensitive text order (TASK-2 before TASK-10, P1 before p2).
bool text_less(const std::string& a, const std::string& b) { return id_less(to_lower_ascii(a), to_lower_ascii(b)); }

}  // namespace

void compute_totals(StatusReport& report) {
  report.by_status.clear();
  report.by_template.clear();
  for (const auto& s : report.specs) {
    ++report.by_status[s.status.value_or(kNone)];
    ++report.by_template[s.template_name.value_or(kNone)];
  }
}

bool parse_status_format(const std::string& name, StatusFormat& out) {
  if (name == "table") out = StatusFormat::Table;
  else if (name == "markdown" || name == "md") out = StatusFormat::Markdown;
  else if (name == "json") out = StatusFormat::Json;
  else if (name == "csv") out = StatusFormat::Csv;
  else return false;
  return true;
}

bool sort_specs(std::vector<SpecSummary>& specs, const std::string& key) {
  using Text = std::function<std::optional<std::string>(const SpecSummary&)>;
  using Num = std::function<std::optional<double>(const SpecSummary&)>;
  Text text;
  Num num;
  if (key == "path") text = [](const SpecSummary& s) { return std::optional<std::string>(s.path); };
  else if (key == "id") text = [](const SpecSummary& s) { return s.id; };
  else if (key == "title") text = [](const SpecSummary& s) { return s.title; };
  else if (key == "template") text = [](const SpecSummary& s) { return s.template_name; };
  else if (key == "status") text = [](const SpecSummary& s) { return s.status; };
  else if (key == "owner") text = [](const SpecSummary& s) { return s.owner; };
  else if (key == "priority") text = [](const SpecSummary& s) { return s.priority; };
  else if (key == "points") num = [](const SpecSummary& s) { return s.points; };
  else if (key == "created" || key == "updated" || key == "last_updated" || key == "next_review" || key == "review") {
    num = [key](const SpecSummary& s) -> std::optional<double> {
      const auto& d = key == "created" ? s.created : (key == "next_review" || key == "review") ? s.next_review : s.last_updated;
      if (!d) return std::nullopt;
      return static_cast<double>(d->days_since_epoch());
    };
  } else if (key == "errors") num = [](const SpecSummary& s) { return std::optional<double>(-double(s.errors)); };
  else if (key == "warnings") num = [](const SpecSummary& s) { return std::optional<double>(-double(s.warnings)); };
  else return false;
  std::stable_sort(specs.begin(), specs.end(), [&](const SpecSummary& a, const SpecSummary& b) {
    if (text) {
      auto x = text(a), y = text(b);
      if (x.has_value() != y.has_value()) return x.has_value();
      if (!x) return false;
      if (text_less(*x, *y)) return true;
      if (text_less(*y, *x)) return false;
      return false;
    }
    auto x = num(a), y = num(b);
    if (x.has_value() != y.has_value()) return x.has_value();
    return x && *x < *y;
  });
  return true;
}

void write_status(std::ostream& out, const StatusReport& report, StatusFormat format, size_t terminal_width) {
  switch (format) {
    case StatusFormat::Table: write_table(out, report, terminal_width); break;
    case StatusFormat::Markdown: write_markdown(out, report); break;
    case StatusFormat::Json: write_json(out, report); break;
    case StatusFormat::Csv: write_csv(out, report); break;
  }
}

}  // namespace specgate
