// Where a spec or one of its items stands: not started, finished or retired. Read from status
// values and item markers the way a reader does; shared by the status rules (stale-review,
// status-mismatch, overdue). "Done" itself is config.done_statuses (spec/fields.h is_done_status).
#pragma once

#include <string_view>

#include "config/config.h"
#include "model/document.h"

namespace specgate {

// A status that says work has not begun: "To Do", "Todo", "Draft", "Backlog", "Not started",
// "Proposed", "Planned". An option list ("Draft | Done") says nothing.
bool is_not_started_status(std::string_view value);

// A status that says the spec is no longer worked on: archived, superseded, deprecated, obsolete,
// cancelled, withdrawn, rejected, retired.
bool is_retired_status(std::string_view value);

// Whether the spec's own status field (status_field) says not done: present, and neither done
// (config.done_statuses) nor retired. No status field means the answer is unknown: false.
bool spec_status_open(const Document& doc, const Config& config);

// Whether an item's text carries a done marker: a leading or trailing ✅ / ✔ / ☑ / ✓, or the
// word "verified" / "done" as the item's last word ("... — verified", "(done)").
bool item_marked_done(std::string_view text);

}  // namespace specgate
