// Loose section matching: a template section the exact pass did not find, present in the spec
// under another wording (markup, anchors, `&`/and, hyphens, plurals, a value after a colon, a
// merged heading, one level deeper). Runs once, on the template a spec is checked against.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "schema/match.h"
#include "schema/schema.h"

namespace specgate {

// The content words of a title: inline HTML tags, markup, numbering and trailing parentheses
// dropped, `&`, `/`, `-` as separators, stop words dropped, plurals made singular, a `non-`
// prefix kept on its word ("Non-Goals" -> "nongoal").
std::vector<std::string> content_words(std::string_view title);

// The tier at which heading `heading` stands for template section `spec` (0 = no match):
// 1 the same content words; 2 one part of a merged heading ("A & B", "A / B", "A and B", "A・B")
// is the section, or the heading is one part of the template's merged section; 3 every content
// word of the section is in the heading, which adds at most two words.
int loose_tier(std::string_view spec, std::string_view heading);

// The title's words as the loose match compares them (kept per section in the schema's index).
TitleWords loose_title_words(std::string_view title);

// Adds loose matches to `m` (instances, spec_of, loose) for specs with no instance; with
// `labels`, also the bold label lines that stand for specs still missing (m.labels), which only
// missing-section and find_stand_ins read.
void match_loosely(const Schema& schema, const Document& doc, SectionMatch& m, bool labels = true);

}  // namespace specgate
