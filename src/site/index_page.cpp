#include "site/index_page.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "site/html_escape.h"
#include "site/page.h"

namespace specgate::site {

namespace {

std::string plural(size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// Totals in order of size, then name: the biggest groups first.
std::vector<std::pair<std::string, size_t>> ranked(const std::map<std::string, size_t>& m) {
  std::vector<std::pair<std::string, size_t>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return v;
}

void cell(std::string& out, std::string_view label, std::string_view col, const std::string& html,
          const std::string& sort_key = "") {
  out += "<td data-label=\"";
  out += label;
  out += "\" data-col=\"";
  out += col;
  out += "\"";
  if (!sort_key.empty()) out += " data-sort=\"" + escape_html(sort_key) + "\"";
  out += ">" + html + "</td>";
}

void options(std::string& out, const char* id, const char* all, const std::map<std::string, size_t>& m) {
  out += fmt::format("<select id=\"{}\" aria-label=\"{}\"><option value=\"\">{}</option>", id, all, all);
  for (const auto& [name, n] : m) {
    out += "<option value=\"" + escape_html(name) + "\">";
    escape_html(name, out);
    out += fmt::format(" ({})</option>", n);
  }
  out += "</select>";
}

}  // namespace

std::string render_index(const Site& site, bool single_file) {
  std::map<std::string, size_t> by_status, by_template;
  size_t overdue = 0, errors = 0, warnings = 0, with_errors = 0;
  for (const SitePage& p : site.pages) {
    ++by_status[p.summary.status.value_or("(no status)")];
    ++by_template[p.summary.template_name.value_or("(no template)")];
    overdue += p.summary.overdue;
    errors += p.summary.errors;
    warnings += p.summary.warnings;
    with_errors += p.summary.errors > 0;
  }
  std::string out = "<div class=\"sg-wrap\"><main class=\"sg-main\" id=\"SG-index\"><h1>";
  escape_html(site.title, out);
  out += "</h1>";
  // Totals: "3 Approved, 2 In Review, 1 overdue".
  out += "<p class=\"sg-totals\" id=\"SG-totals\"><span class=\"sg-badge\">" + plural(site.pages.size(), "spec") + "</span>";
  for (const auto& [status, n] : ranked(by_status)) {
    out += "<span class=\"sg-badge " + status_class(status) + "\">" + std::to_string(n) + " ";
    escape_html(status, out);
    out += "</span>";
  }
  if (overdue) out += "<span class=\"sg-badge sg-st-blocked\">" + std::to_string(overdue) + " overdue</span>";
  out += "<span class=\"sg-badge" + std::string(errors ? " sg-st-blocked" : " sg-st-done") + "\">" +
         plural(errors, "error") + ", " + plural(warnings, "warning") + "</span></p>";
  out += "<p class=\"sg-hint\">By template: ";
  bool first = true;
  for (const auto& [name, n] : ranked(by_template)) {
    if (!first) out += ", ";
    first = false;
    escape_html(name, out);
    out += " " + std::to_string(n);
  }
  out += ".</p>";

  // Search and filters: hidden until the script shows them (they do nothing without it).
  out += "<div class=\"sg-controls sg-js\" id=\"SG-search\"><input id=\"SG-q\" type=\"search\" "
         "placeholder=\"Search IDs, titles, headings, text\" aria-label=\"Search\">";
  options(out, "SG-status", "All statuses", by_status);
  options(out, "SG-template", "All templates", by_template);
  out += "</div><ol class=\"sg-results\" id=\"SG-results\"></ol>";

  out += "<table class=\"sg-specs\" id=\"SG-specs\"><thead><tr>"
         "<th data-key=\"id\">ID</th><th data-key=\"title\">Title</th><th data-key=\"template\">Template</th>"
         "<th data-key=\"status\">Status</th><th data-key=\"owner\">Owner</th><th data-key=\"updated\">Updated</th>"
         "<th data-key=\"review\">Next review</th><th data-key=\"gates\">Progress</th>"
         "<th data-key=\"findings\">Findings</th></tr></thead><tbody>";
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const SitePage& p = site.pages[i];
    const SpecSummary& s = p.summary;
    const std::string url = single_file ? "#P" + std::to_string(i) : url_path(p.out);
    out += "<tr data-status=\"" + escape_html(s.status.value_or("(no status)")) + "\" data-template=\"" +
           escape_html(s.template_name.value_or("(no template)")) + "\">";
    cell(out, "ID", "id", escape_html(s.id.value_or("")), s.id.value_or("~"));
    cell(out, "Title", "title",
         "<a href=\"" + escape_html(url) + "\">" + escape_html(s.title.value_or(p.path)) +
             "</a><div class=\"sg-path\">" + escape_html(p.path) + "</div>");
    cell(out, "Template", "template", escape_html(s.template_name.value_or("")));
    cell(out, "Status", "status",
         s.status ? "<span class=\"sg-badge " + status_class(*s.status) + "\">" + escape_html(*s.status) + "</span>" : "");
    cell(out, "Owner", "owner", escape_html(s.owner.value_or("")));
    cell(out, "Updated", "updated", s.last_updated ? s.last_updated->iso() : "");
    std::string review;
    if (s.next_review) {
      review = s.overdue ? "<span class=\"sg-overdue\">" + s.next_review->iso() + " overdue</span>" : s.next_review->iso();
    }
    cell(out, "Next review", "review", review, s.next_review ? s.next_review->iso() : "~");
    uint32_t done = 0, total = 0;
    for (const GateProgress& g : s.gates) {
      done += g.done;
      total += g.total;
    }
    cell(out, "Progress", "gates",
         total ? fmt::format("<progress max=\"{}\" value=\"{}\"></progress> {}/{}", total, done, done, total) : "",
         total ? fmt::format("{:04}", done * 1000 / total) : "~");
    std::string findings = s.errors || s.warnings ? plural(s.errors, "error") + ", " + plural(s.warnings, "warning") : "ok";
    cell(out, "Findings", "findings",
         "<span class=\"" + std::string(s.errors ? "sg-overdue" : "") + "\">" + findings + "</span>",
         fmt::format("{:06}", 999999 - std::min<size_t>(999999, s.errors * 1000 + s.warnings)));
    out += "</tr>";
  }
  out += "</tbody></table>";
  if (with_errors) out += "<p class=\"sg-hint\">" + plural(with_errors, "spec") + " with errors.</p>";
  out += "</main></div>";
  return out;
}

}  // namespace specgate::site
