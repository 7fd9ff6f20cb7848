// Spec IDs: the tokens teams use to name specs (TASK-123, STORY-001, ARCH-SUPER-7, SPEC-EPIC-12).
// An ID is upper-case letter words joined by '-' and ending in a number.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specgate {

struct IdToken {
  size_t offset = 0;  // bytes into the scanned text
  size_t length = 0;
};

// The ID at exactly `pos` in `text` (length 0 when there is none). '_' separators count as '-'
// only when `underscores` is set (file names: STORY_040_alarms.md).
IdToken id_at(std::string_view text, size_t pos, bool underscores = false);
// Every ID in `text`, left to right, standing alone (not inside a longer word).
std::vector<IdToken> find_ids(std::string_view text);
// The ID text with '_' written as '-'.
std::string id_text(std::string_view text, const IdToken& t);

// The configured family an ID belongs to ("ARCH-SUPER" for ARCH-SUPER-7, the longest match),
// or "" when it belongs to none.
std::string id_family(std::string_view id, const std::vector<std::string>& families);

}  // namespace specgate

namespace specgate {

// Orders IDs the way people read them: TASK-2 before TASK-10.
bool id_less(std::string_view a, std::string_view b);

}  // namespace specgate
