// One `specgate status` row: what a person reads off a spec's header (ID, title, status, owner,
// dates, points), its checklist gates, and what the check found. Values a spec does not state
// stay empty (null in JSON); nothing is guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "model/document.h"

namespace specgate {

struct GateProgress {
  std::string section;  // the gate section's title, without numbering or emoji
  uint32_t done = 0, total = 0;
};

struct SpecSummary {
  std::string path;
  std::optional<std::string> id, title, template_name, status, owner, priority;
  std::optional<double> points;
  std::optional<Date> created, last_updated, next_review;
  bool overdue = false;  // next_review is before today
  std::vector<GateProgress> gates;
  size_t errors = 0, warnings = 0;
  std::vector<std::string> attention;  // why a person should look at it, e.g. "review overdue since 2026-01-02"
};

// Reads the header fields and gates. ID and template come from the caller (the spec index and
// the check), findings and attention are filled in by finish_summary once all rules have run.
SpecSummary read_spec_summary(const Document& doc, const Config& config);
void finish_summary(SpecSummary& s, const Config& config, Date today);

// Gate sections: checklists that decide whether a spec may move on (Definition of Done,
// Acceptance Criteria, Approval, Sign-off, Quality Gate, Success Criteria, any "Checklist").
bool is_gate_title(std::string_view title);
// A title for display: leading emoji and numbering ("6) ", "2.1 ") and "(Required)" notes removed.
std::string display_title(std::string_view title);

}  // namespace specgate
