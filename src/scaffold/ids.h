// Spec IDs for `specgate new`: composing "TASK-12" from a family and a number, and finding the
// next free number of a family among the specs already in a folder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.h"

namespace specgate {

struct FoundId {
  uint64_t number = 0;
  size_t digits = 0;  // as written, so "007" keeps its width
};
// The first "FAMILY-<digits>" in `text` (family case-insensitive, not part of a longer word or
// ID), or nullopt.
std::optional<FoundId> find_family_id(std::string_view text, std::string_view family);

// `--id` as given: digits become FAMILY-N; "task-7" for family TASK becomes "TASK-7"; for a
// composite family such as SPEC-EPIC, "EPIC-7" becomes "SPEC-EPIC-7"; anything else is kept.
std::string compose_id(std::string_view family, std::string_view given);
// The trailing number of an ID ("TASK-12" -> "12"), or the whole ID when it has none.
std::string id_number(std::string_view id);

struct IdScan {
  uint64_t max = 0;    // highest number seen, 0 when none
  size_t width = 0;    // digits of the highest number when it was zero-padded ("007" -> 3)
  size_t found = 0;    // how many declarations were seen
};

// The IDs of `family` that the Markdown files under `dir` declare: the files `check` would find
// there (workspace/discover: hidden folders, node_modules, .gitignore'd and config-excluded paths
// skipped) and the declarations of the spec index (spec/index.h: front matter `id`, an ID field,
// the title, the file name), the same ones duplicate-id and dangling-reference use.
IdScan scan_declared_ids(const std::string& dir, std::string_view family, const Config& config = Config{});
// Whether a spec under `dir` (as scan_declared_ids reads them) declares `id` of `family`, by
// number: TASK-7 and TASK-007 are the same ID.
bool id_declared(const std::string& dir, std::string_view family, std::string_view id, const Config& config = Config{});
// FAMILY-(max+1), zero-padded to the width already in use.
std::string next_id(std::string_view family, const IdScan& scan);

}  // namespace specgate
