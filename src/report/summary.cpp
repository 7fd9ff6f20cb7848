#include "report/report.h"

namespace specgate {

Summary summarize(const RunReport& report) {
  Summary s;
  s.files = report.files.size();
  for (const FileReport& f : report.files) {
    for (const Diagnostic& d : f.diagnostics) {
      switch (d.severity) {
        case Severity::Error: ++s.errors; break;
        case Severity::Warning: ++s.warnings; break;
        case Severity::Note: ++s.notes; break;
      }
    }
  }
  return s;
}

bool parse_output_format(const std::string& name, OutputFormat& out) {
  if (name == "text") out = OutputFormat::Text;
  else if (name == "json") out = OutputFormat::Json;
  else if (name == "sarif") out = OutputFormat::Sarif;
  else if (name == "github") out = OutputFormat::Github;
  else if (name == "junit") out = OutputFormat::Junit;
  else return false;
  return true;
}

ReportNeeds report_needs(OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return {false, true};  // excerpts under each finding
    case OutputFormat::Json: return {true, false};  // "section" of each finding
    case OutputFormat::Sarif: return {true, true};  // properties.section and the snippet
    case OutputFormat::Github: return {false, false};
    case OutputFormat::Junit: return {false, false};
  }
  return {};
}

std::string_view output_format_name(OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return "text";
    case OutputFormat::Json: return "json";
    case OutputFormat::Sarif: return "sarif";
    case OutputFormat::Github: return "github";
    case OutputFormat::Junit: return "junit";
  }
  return "text";
}

void write_report(std::ostream& out, const RunReport& report, OutputFormat format,
                  const TextOptions& text_options) {
  switch (format) {
    case OutputFormat::Text: write_text(out, report, text_options); break;
    case OutputFormat::Json: write_json(out, report); break;
    case OutputFormat::Sarif: write_sarif(out, report); break;
    case OutputFormat::Github: write_github(out, report); break;
    case OutputFormat::Junit: write_junit(out, report); break;
  }
}

}  // namespace specgate
