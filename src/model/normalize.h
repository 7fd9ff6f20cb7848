// Heading-title normalization: the key used to match a spec's sections to its template's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

// ASCII lowercase with whitespace folded and trimmed; other bytes kept as they are.
std::string fold_text(std::string_view s);
// fold_text into a caller's buffer (replacing its contents), so loops reuse one allocation.
void fold_text_into(std::string_view s, std::string& out);
// The first eight bytes of fold_text(s), packed big-end first into a number (fewer bytes when the
// fold is shorter): equal folds have equal keys, without folding the whole text.
uint64_t folded_prefix(std::string_view s);
// fold_text(a) == fold_text(b), without building either.
bool folded_equal(std::string_view a, std::string_view b);

// "**Next_Review**:" and "next-review" -> "next review": markup dropped, `_`/`-` as spaces,
// lowercase, whitespace folded, a trailing ':' dropped. How field keys compare.
std::string fold_key(std::string_view key);
// fold_key into a caller's buffer (replacing its contents).
void fold_key_into(std::string_view key, std::string& out);

// Text helpers shared across modules.
std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool icontains(std::string_view haystack, std::string_view needle);
// Whether `s` holds any of the few bytes in `set`. Unlike find_first_of, which calls memchr on
// `set` for every byte of `s`, a plain loop: for short sets in hot paths.
inline bool contains_any_of(std::string_view s, std::string_view set) {
  for (char c : s) {
    for (char x : set) {
      if (c == x) return true;
    }
  }
  return false;
}

}  // namespace specgate
