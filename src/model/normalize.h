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

// Whether a normalized heading title names the Template Metadata section: the words "template
// metadata" with no letter or digit right before or after them ("0.1 Template Metadata",
// "Template Metadata (machine-read)"). The one test the schema, the rules and the checker use;
// the Python-compatible reader (template_metadata/) keeps Python's own on the raw title.
bool is_template_metadata_title(std::string_view normalized_title);

// "**Next_Review**:" and "next-review" -> "next review": markup dropped, `_`/`-` as spaces,
// lowercase, whitespace folded, a trailing ':' dropped. How field keys compare.
std::string fold_key(std::string_view key);
// fold_key into a caller's buffer (replacing its contents).
void fold_key_into(std::string_view key, std::string& out);

}  // namespace specgate
