// Where a spec or one of its items stands: not started, finished or retired. Read from status
// values and item markers the way a reader does; shared by the status rules (stale-review,
// status-mismatch, overdue). "Done" itself is config.done_statuses (spec/fields.h is_done_status).
#pragma once

#include <span>
#include <string>
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

// Statuses under which a spec is a frozen record of finished work, when the config names none
// (config.frozen_statuses): implemented, done, complete, completed, closed, shipped, released, and
// every retired status. Not approved or accepted: that is when a team gates a spec, and a spec
// in force is still the reference others follow (docs/rules/missing-section.md).
std::span<const std::string_view> default_frozen_statuses();

// Whether a status value (as written, markup and all) is a frozen status.
bool is_frozen_status(std::string_view value, const Config& config);

// The spec's status (Document::status) as a message shows it: markup dropped, and what follows a
// link in it left out. Empty when the spec states none.
std::string shown_status(const Document& doc);

// Why the spec is a frozen record, for a message ("Implemented (Swift 5.9)", "in an 'archive'
// folder"): a frozen status (Document::status), or a folder of config.frozen_folders in its path as
// given. Empty when it is neither.
std::string frozen_reason(const Document& doc, const Config& config);

// Whether the spec's own status (Document::status) says not done: present, and neither done
// (config.done_statuses) nor retired. No status field means the answer is unknown: false.
bool spec_status_open(const Document& doc, const Config& config);

// Whether an item's text carries a done marker: a leading or trailing ✅ / ✔ / ☑ / ✓, or the
// word "verified" / "done" as the item's last word ("... — verified", "(done)").
bool item_marked_done(std::string_view text);

}  // namespace specgate
