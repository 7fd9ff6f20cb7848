// File-name slugs from free-form titles: ASCII, lowercase, words joined by single hyphens.
#pragma once

#include <string>
#include <string_view>

namespace specgate {

// "Ledger Sync: Café Rollout 🚀" -> "ledger-sync-cafe-rollout". Latin letters with accents
// (U+00C0-U+017F) are transliterated (é -> e, ß -> ss, Œ -> oe); combining accents and
// apostrophes are dropped inside a word; every other character separates words. The result is
// cut at a word boundary to at most `max_length` bytes; "" when nothing usable is left.
std::string slugify(std::string_view title, size_t max_length = 60);

}  // namespace specgate
