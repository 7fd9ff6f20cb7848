// `specgate status` output: one row per spec, totals by status and by template, and the specs
// that need attention, as a terminal table, a Markdown index page, CSV or JSON.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "core/date.h"
#include "status/spec_summary.h"

namespace specgate {

struct StatusReport {
  Date today;
  std::vector<SpecSummary> specs;
  std::map<std::string, size_t> by_status;    // "(none)" for specs without a status
  std::map<std::string, size_t> by_template;  // "(none)" for specs no template matched
};

// Fills the totals from the rows.
void compute_totals(StatusReport& report);

enum class StatusFormat { Table, Markdown, Json, Csv };
bool parse_status_format(const std::string& name, StatusFormat& out);

// Sort keys: path, id, title, template, status, owner, priority, points, created, updated,
// next_review, errors, warnings. Empty values sort last; ties keep path order.
bool sort_specs(std::vector<SpecSummary>& specs, const std::string& key);
inline constexpr const char* kStatusSortKeys =
    "path, id, title, template, status, owner, priority, points, created, updated, next_review, errors, warnings";

// `terminal_width` (table only): fit each row in that many columns by narrowing the title; 0
// leaves every column at its full width (output that is not a terminal).
void write_status(std::ostream& out, const StatusReport& report, StatusFormat format, size_t terminal_width = 0);

}  // namespace specgate
