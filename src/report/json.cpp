// Machine-readable output. The shape is a public contract (docs/output-formats.md): add keys
// only at the end of an object, never rename or reorder, and bump "version" for anything else.
#include <nlohmann/json.hpp>

#include "report/json_diagnostic.h"
#include "report/report.h"

namespace specgate {

namespace {

using Json = nlohmann::ordered_json;

Json optional_string(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Json diagnostic_to_json(const Diagnostic& d) {
  Json j;
  j["rule"] = d.rule;
  j["severity"] = std::string(severity_name(d.severity));
  j["line"] = d.line;
  j["column"] = d.column;
  j["end_line"] = d.end_line;
  j["end_column"] = d.end_column;
  j["message"] = d.message;
  j["hint"] = d.hint;
  j["section"] = d.section;
  return j;
}

void write_json(std::ostream& out, const RunReport& report) {
  Json root;
  root["version"] = 1;
  root["tool"] = Json{{"name", "specgate"}, {"version", SPECGATE_VERSION}};
  Json files = Json::array();
  for (const FileReport& f : report.files) {
    Json file;
    file["path"] = f.path;
    file["template"] = optional_string(f.template_name);
    file["status"] = optional_string(f.status);
    Json diags = Json::array();
    for (const Diagnostic& d : f.diagnostics) diags.push_back(diagnostic_to_json(d));
    file["diagnostics"] = std::move(diags);
    files.push_back(std::move(file));
  }
  root["files"] = std::move(files);
  const Summary s = summarize(report);
  root["summary"] = Json{{"files", s.files}, {"errors", s.errors}, {"warnings", s.warnings}, {"notes", s.notes}};
  // Paths and quoted spec text may hold invalid UTF-8; replace it rather than throw.
  out << root.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace specgate
