// A finding: what a rule reports, with an exact range in the checked file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specgate {

enum class Severity { Note, Warning, Error };

std::string_view severity_name(Severity s);
bool parse_severity(std::string_view name, Severity& out);

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::Error;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;    // inclusive line of the last character
  uint32_t end_column = 0;  // 1-based column just past the last character
  std::string message;
  std::string hint;     // how to fix, one short sentence; may be empty
  std::string section;  // "A > B" path of the enclosing section; may be empty
  // A note a rule gives beside its findings (Reporter::note): the rule's configured severity is
  // not applied to it.
  bool keep_severity = false;
};

// Orders findings by position; ties keep the order they were reported in (stable).
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace specgate
