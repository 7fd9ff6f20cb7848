// Facts about a spec's fields that rules, the checker and `status` share: comparing field keys
// and values the way a reader does, and reading status, date and N/A fields.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "config/config.h"
#include "core/date.h"
#include "model/document.h"
#include "model/normalize.h"

namespace specgate {

// fold_key (model/normalize.h) is how keys compare; each Field holds its own as folded_key.
// Whether fold_key(key) == folded, for a `folded` that fold_key produced; builds no string and
// usually stops at the first character.
bool folded_key_equals(std::string_view key, std::string_view folded);

// A field value as a reader sees it: code and emphasis markup dropped, leading emoji and
// punctuation ("✅ Done") dropped, lowercase, whitespace folded.
std::string clean_value(std::string_view value);

// Whether a cleaned value names `choice` the way a reader would accept it: equal, the choice
// followed by a note ("approved (2026-01-05)"), or the head of the choice ("p0" for "P0-Critical").
bool value_names_choice(std::string_view cleaned_value, std::string_view choice);

// Whether `word` occurs in `text` as a whole word (not inside a longer word or number).
bool contains_word(std::string_view text, std::string_view word);

// Column of `part`, a piece of f.value starting at byte `offset` of it. Front matter values are
// unquoted by YAML, so there the piece is looked up in the source line.
uint32_t value_part_column(const Document& doc, const Field& f, size_t offset, std::string_view part);

// "N/A", "n/a - not applicable because ...", "Not applicable".
bool is_na_value(std::string_view cleaned_value);

// Whether a status value means the spec is finished (config.done_statuses).
bool is_done_status(std::string_view value, const Config& config);

// Statuses that mean the spec is still being written, when the config names none (the only list
// of them): draft, to do, todo, backlog, proposed, wip, work in progress, in progress, not started,
// planned.
std::span<const std::string_view> default_draft_statuses();

// The highest severity completeness findings get while a spec's status is `value`: Warning (or
// the config's severity) for a draft status, nullopt for any other status. A done status, or a
// template's option list ("Draft | Approved"), is not a draft.
std::optional<Severity> draft_severity_cap(std::string_view value, const Config& config);

// Field keys with a meaning for the date rules.
bool is_updated_key(std::string_view folded_key);      // last updated, updated, last modified
bool is_next_review_key(std::string_view folded_key);  // next review, review date
// A field that schedules the next review. "Review Date" inside a section about a review
// ("Adversarial Review Summary") records when that review was held, so it does not count.
bool is_next_review_field(const Document& doc, const Field& f);

// The first valid ISO date in a field value, if any.
std::optional<Date> value_date(std::string_view value);

}  // namespace specgate
