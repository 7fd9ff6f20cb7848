// The conventions other processes' templates use to say what is optional, conditional, a sample
// or an instruction (MADR, spec-kit, cc-sdd, OpenSpec, ADR templates). Pure text tests; infer.cpp
// decides where in the template each applies. Documented in docs/templates.md.
#pragma once

#include <string>
#include <string_view>

namespace specgate {

// A heading's own words make it optional: "(optional)", "*(include if …)*", "（任意）",
// "(adapt names to fit)", "Optional Sections (include when relevant)".
bool heading_marks_optional(std::string_view title);

// An instruction line the template puts in a section — a comment, a quote, an italic or plain
// guidance line — makes that section conditional: "Skip this section …", "Fill ONLY if …",
// "**When to include**: …", "Delete this section for …", "省略". `comment`: the text is an HTML
// comment about the section, where the bare word "optional" is enough.
bool instruction_makes_optional(std::string_view text, bool comment);

// Phrases that name the section itself as conditional ("Skip this section entirely for simple
// CRUD changes.", "Use this section for complex features"): they count on any instruction line of
// the section's own body, not only the first.
bool says_section_conditional(std::string_view text);

// A comment saying that what follows is sample content: "SAMPLE TASKS", "for illustration".
bool says_sample(std::string_view comment);

// A section whose instruction offers its subsections as a choice: "Use whichever pattern fits".
bool offers_choice(std::string_view text);

// A heading that is a bold instruction line ("**Warning**: Approaching 1000 lines …"), made a
// heading by a `---` under it.
bool is_bold_key_line(std::string_view title);

// An OpenSpec delta heading ("ADDED Requirements"): one of ADDED / MODIFIED / REMOVED / RENAMED.
bool is_change_kind_heading(std::string_view title);

// A field value that is guidance prose rather than a value or a slot: a sentence of seven words
// or more, or 60 bytes or more, without a placeholder.
bool is_instruction_value(std::string_view value);

// The title without trailing full-width marker annotations ("補足参照（任意）" -> "補足参照"), as
// title normalization drops an ASCII "(optional)": the spec writes the bare name.
std::string strip_marker_annotations(std::string_view title);

// A field value that is one whole example link ("**Builds on:** [Short Title](2021-05-15-title.md)"):
// the field names a related document, which only some specs have.
bool is_example_link(std::string_view value);

// The title without its HTML comments ("Research <!-- optional -->" -> "Research"); the comments'
// text is appended to `comments`.
std::string strip_comments(std::string_view title, std::string& comments);

}  // namespace specgate
