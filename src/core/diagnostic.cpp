#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace specgate {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view name, Severity& out) {
  if (name == "note" || name == "info") out = Severity::Note;
  else if (name == "warning" || name == "warn") out = Severity::Warning;
  else if (name == "error") out = Severity::Error;
  else return false;
  return true;
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    // Same place: keep the order rules reported in (registry order, then each rule's own order).
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
}

}  // namespace specgate
