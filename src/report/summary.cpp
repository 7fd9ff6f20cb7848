#include "report/report.h"

namespace specgate {

Summary summarize(const RunReport& report) {
  Summary s;
  s.files = report.files.size();
  s.unreadable = report.errors.size();
  for (const FileReport& f : report.files) {
    s.demoted += f.demoted;
    if (f.demoted > 0) ++s.demoted_files;
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

}  // namespace specgate
