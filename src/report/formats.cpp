// The output-format table: the one list of --format values. A row says what its writer reads
// (ReportNeeds) and how to make it; nothing else in the tree names a format.
#include <array>

#include "report/report.h"
#include "report/writers.h"

namespace specgate {

namespace {

using report::make_whole_run_writer;

const std::array<OutputFormat, 6> kFormats{{
    {"text", {.section_paths = false, .excerpts = true},  // excerpts under each finding
     [](std::ostream& out, const std::vector<RuleInfo>&, const TextOptions& o) { return report::make_text_writer(out, o); },
     [](std::ostream& out, const RunReport& r, const TextOptions& o) { write_text(out, r, o); }},
    {"json", {.section_paths = true, .excerpts = false},  // "section" of each finding
     [](std::ostream& out, const std::vector<RuleInfo>& rules, const TextOptions& o) {
       return make_whole_run_writer(out, write_json, rules, o.statistics);
     },
     [](std::ostream& out, const RunReport& r, const TextOptions&) { write_json(out, r); }},
    {"sarif", {.section_paths = true, .excerpts = true},  // properties.section and the snippet
     [](std::ostream& out, const std::vector<RuleInfo>& rules, const TextOptions&) {
       return report::make_sarif_writer(out, rules);
     },
     [](std::ostream& out, const RunReport& r, const TextOptions&) { write_sarif(out, r); }},
    {"github", {.section_paths = false, .excerpts = false},
     [](std::ostream& out, const std::vector<RuleInfo>&, const TextOptions&) { return report::make_github_writer(out); },
     [](std::ostream& out, const RunReport& r, const TextOptions&) { write_github(out, r); }},
    {"junit", {.section_paths = false, .excerpts = false},
     [](std::ostream& out, const std::vector<RuleInfo>& rules, const TextOptions&) {
       return make_whole_run_writer(out, write_junit, rules);
     },
     [](std::ostream& out, const RunReport& r, const TextOptions&) { write_junit(out, r); }},
    {"gitlab", {.section_paths = false, .excerpts = false},  // GitLab Code Quality
     [](std::ostream& out, const std::vector<RuleInfo>&, const TextOptions&) { return report::make_gitlab_writer(out); },
     [](std::ostream& out, const RunReport& r, const TextOptions&) { write_gitlab(out, r); }},
}};

}  // namespace

std::span<const OutputFormat> output_formats() { return kFormats; }

const OutputFormat* find_output_format(std::string_view name) {
  for (const OutputFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

const OutputFormat& text_format() { return kFormats.front(); }

std::vector<std::string> output_format_names() {
  std::vector<std::string> names;
  for (const OutputFormat& f : kFormats) names.emplace_back(f.name);
  return names;
}

std::string output_format_list(std::string_view last_separator) {
  std::string list;
  for (size_t i = 0; i < kFormats.size(); ++i) {
    if (i > 0) list += i + 1 == kFormats.size() ? last_separator : std::string_view(", ");
    list += kFormats[i].name;
  }
  return list;
}

}  // namespace specgate
