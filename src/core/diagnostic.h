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

// One replacement in a file's bytes (BOM included): [begin, end) becomes `text`; begin == end inserts.
struct TextEdit {
  size_t begin = 0, end = 0;
  std::string text;
};

// A way to resolve a finding, computed by the rule that reports it (see docs/fixes.md). `safe`
// fixes are unambiguous and `check --fix` applies them; the others are offered in editors only.
struct Fix {
  std::string title;  // "Insert section '## Risks'", for an editor's code action
  bool safe = false;
  std::vector<TextEdit> edits;  // in ascending order, not overlapping
};

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
  // Filled only when the run asks for fixes (RuleContext::want_fixes): other runs pay nothing.
  std::vector<Fix> fixes{};
};

// Orders findings by position; ties keep the order they were reported in (stable).
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace specgate
