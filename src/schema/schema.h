// A template's schema: what a spec written from it must contain. Inferred from any Markdown
// template (infer.cpp), printable and loadable as YAML or JSON (schema_io.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace specgate {

enum class FieldType { Text, Choice, Date, Id, Number };
std::string_view field_type_name(FieldType t);
bool parse_field_type(std::string_view name, FieldType& out);

struct FieldSpec {
  std::string key;                   // as written in the template
  FieldType type = FieldType::Text;
  std::vector<std::string> choices;  // Choice: allowed values as written
  std::string id_prefix;             // Id: "TASK-", "SPEC-EPIC-"
  std::string example;               // the template's value, as written
  bool required = true;
  uint32_t template_line = 0;
};

struct TableSpec {
  std::vector<std::string> columns;  // header cells as written
  uint32_t template_line = 0;
};

struct CodeSpec {
  std::string language;      // "json", "mermaid", ...
  std::string diagram_type;  // mermaid: first word of the diagram ("stateDiagram-v2")
  uint32_t template_line = 0;
};

struct SectionSpec {
  std::string title;             // as written in the template
  std::string normalized_title;  // normalize_title(title)
  std::string pattern;           // repeatable sections: the normalized prefix an instance starts with
  int level = 2;
  bool optional = false;
  bool repeatable = false;       // "Component: <name>" matches one or more instances
  bool allows_na = false;        // "(Required or N/A with reason)", RNIA
  bool has_content = false;      // the template section had its own body
  bool checklist = false;        // the template section holds checklist items (gates)
  // With the evidence rule: the template closes a block of this section with its own
  // `Evidence:` line, so it asks for evidence on whatever the section holds (lists included).
  bool evidence_line = false;
  int32_t parent = -1;
  std::vector<int32_t> children;
  std::vector<FieldSpec> fields;
  std::vector<TableSpec> tables;
  std::vector<CodeSpec> code;
  uint32_t template_line = 0;
  // The template's text of the section, heading and subsections included, trailing blank lines
  // dropped: what the missing-section fix inserts. Empty for a schema loaded from a file.
  std::string skeleton;
};

struct DocumentRules {
  bool evidence = false;  // every paragraph ends with an Evidence: / Evidence gap: line
  std::vector<std::string> evidence_prefixes{"Evidence:", "Evidence gap:"};
  bool template_metadata = false;  // the template carries a Template Metadata section
};

// Folded lines, with the folded_prefix of each kept sorted: most spec lines are ruled out by
// their first eight characters, without folding them whole.
class ProseLines {
 public:
  void insert(std::string folded);
  bool empty() const { return lines_.empty(); }
  bool contains(const std::string& folded) const { return lines_.count(folded) > 0; }
  // Whether some line starts as `text` would fold; false means fold_text(text) is none of them.
  bool may_contain(std::string_view text) const;

 private:
  std::unordered_set<std::string> lines_;
  std::vector<uint64_t> prefixes_;  // sorted, with repeats
};

// Which section specs a title can match, so matching a spec's sections does not compare each one
// with every spec: those whose normalized title it equals, and the repeatable ones (patterns and
// bare placeholder headings), which can match other titles.
// A title's content words as loose matching compares them (schema/loose_match.h): the sorted
// word set, and the word sets of a merged title's parts ("A & B"; empty when not merged).
struct TitleWords {
  std::vector<std::string> words;
  std::vector<std::vector<std::string>> parts;
  // One bit per word (a hash of it) for words and for each part: equal sets have equal masks and
  // a subset's mask lies within the superset's, so most pairs are ruled out without a string compare.
  uint64_t mask = 0;
  std::vector<uint64_t> part_masks;
};

struct SectionTitleIndex {
  size_t sections = 0;  // sections.size() it was built for
  std::vector<TitleWords> loose;  // each section's title words, made once for every spec
  std::vector<std::string> display;  // each section's title as messages name it (section_display_title)
  std::unordered_map<std::string, std::vector<int32_t>> by_title;  // spec indices, ascending
  std::vector<int32_t> repeatable;                                  // ascending
};

struct Schema {
  std::string name;
  std::string description;
  std::string source;  // "builtin", "config", "file", "schema"
  std::string path;    // template file, "" for built-ins
  std::vector<SectionSpec> sections;  // template order; roots have parent -1
  std::vector<FieldSpec> preamble_fields;
  DocumentRules rules;
  // Prose lines of the template body, whitespace-folded: left in a spec they are template text.
  ProseLines prose_lines;
  // Placeholder texts that appeared inside the template's code blocks, for the code exemption.
  std::unordered_set<std::string> code_placeholders;
  // Placeholder texts of the template's prose: a quoted one in a spec is a slot copied, not a quote.
  std::unordered_set<std::string> text_placeholders;
  // The template's bracket slots by the folded text before them on their line ("chosen option"
  // -> "[Option 1: Thing]"): a spec bracket after the same words with other text has been filled.
  std::unordered_map<std::string, std::vector<std::string>> slots_after;

  // Built by index_sections() (schema/match.h) once the sections are final; without it, or
  // when the sections changed in number since, matching tries every spec.
  std::shared_ptr<const SectionTitleIndex> section_index;

  // Every field spec of the schema (preamble first), for look-ups by key.
  std::vector<const FieldSpec*> all_fields() const;
};

}  // namespace specgate
