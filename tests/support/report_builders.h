// Builders for the small hand-made reports the report tests feed to each format.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report/report.h"

namespace specgate::test {

// A finding spanning `width` characters from (line, col); line 0 means the whole file.
inline Diagnostic diagnostic(Severity sev, uint32_t line, uint32_t col,
                             std::string rule = "missing-section",
                             std::string message = "something is wrong", uint32_t width = 2) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = sev;
  d.line = line;
  d.column = col;
  d.end_line = line;
  d.end_column = col > 0 ? col + width : 0;
  d.message = std::move(message);
  return d;
}

// A file's report; a template name comes with the reason "front matter".
inline FileReport file_report(std::string path, std::vector<Diagnostic> diags,
                              std::string tmpl = "") {
  FileReport f;
  f.path = std::move(path);
  f.template_name = std::move(tmpl);
  if (!f.template_name.empty()) f.template_reason = "front matter";
  f.diagnostics = std::move(diags);
  return f;
}

}  // namespace specgate::test
