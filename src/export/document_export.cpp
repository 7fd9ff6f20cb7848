#include "export/document_export.h"

#include "model/model_json.h"
#include "report/json_diagnostic.h"

namespace specgate::exporter {

using json = nlohmann::ordered_json;

json document_export_json(const Document& doc, const FileReport& report) {
  json j;
  j["version"] = kDocumentExportVersion;
  j["path"] = doc.source.path();
  j["template"] = report.template_name.empty() ? json(nullptr) : json(report.template_name);
  j["document"] = document_to_json(doc);
  json diags = json::array();
  for (const Diagnostic& d : report.diagnostics) diags.push_back(diagnostic_to_json(d));
  j["diagnostics"] = std::move(diags);
  return j;
}

bool is_document_export(std::string_view bytes) {
  // Cheap test first: exports start with the version key.
  if (bytes.substr(0, 32).find("\"version\"") == std::string_view::npos) return false;
  json j = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  return j.is_object() && j.contains("version") && j["version"] == kDocumentExportVersion &&
         j.contains("document") && j["document"].is_object() && j.contains("diagnostics") &&
         j["diagnostics"].is_array();
}

}  // namespace specgate::exporter
