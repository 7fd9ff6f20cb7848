// Heading-title normalization: the key used to match a spec's sections to its template's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// The generic text helpers (trim, fold_text, iequals, ...) every user of this header needs too.
#include "core/text.h"

namespace specgate {

struct NormalizedTitle {
  std::string text;          // "component: {}" for "Component: <name>"
  bool has_placeholder = false;
};

// Case-folds and folds whitespace; drops emoji, leading numbering ("0)", "16b)", "1.", "2.3",
// "Step 1:", "Phase 2:"), bold/italic/code markup, link syntax and trailing parenthesized
// annotations ("(required)", "(if applicable)"). Placeholder parts ("[Name]", "<name>",
// "{name}") become "{}" and set has_placeholder.
NormalizedTitle normalize_title(std::string_view title);

// "**Next_Review**:" and "next-review" -> "next review": markup dropped, `_`/`-` as spaces,
// lowercase, whitespace folded, a trailing ':' dropped. How field keys compare.
std::string fold_key(std::string_view key);
// fold_key into a caller's buffer (replacing its contents).
void fold_key_into(std::string_view key, std::string& out);

}  // namespace specgate
