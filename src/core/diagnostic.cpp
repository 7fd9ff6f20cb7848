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
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  };
  if (std::is_sorted(diags.begin(), diags.end(), before)) return;
  // Sort small keys, then move each finding once: a Diagnostic holds four strings, and a merge
  // sort would move it about log n times. Same place: keep the order rules reported in
  // (registry order, then each rule's own order) — the index breaks ties.
  struct Key {
    uint32_t line, column, index;
  };
  std::vector<Key> keys(diags.size());
  for (size_t i = 0; i < diags.size(); ++i) keys[i] = {diags[i].line, diags[i].column, static_cast<uint32_t>(i)};
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.line, a.column, a.index) < std::tie(b.line, b.column, b.index);
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diags.size());
  for (const Key& k : keys) sorted.push_back(std::move(diags[k.index]));
  diags.swap(sorted);
}

}  // namespace specgate
