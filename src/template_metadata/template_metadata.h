// The "Template Metadata" section of a spec (seed 003, section 0.1): a list of
// `- **label:** value` lines naming a reusable task template. Parsing follows the reference
// exporter (scripts/spec-export.py) exactly, quirks included, because the exported
// <spec>.template.json must match it byte for byte; every field also keeps its position in the
// file so that problems can be reported where they are.
//
// Works on raw Markdown bytes: the section is found the way the reference finds it (any line
// starting with 1-6 '#', even inside a code fence), not through the document model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "template_metadata/py_json.h"

namespace specgate::exporter {

// One `- **label:** value` line.
struct MetadataField {
  bool present = false;
  Location label;     // the bullet's '-'
  Location value_at;  // first character of the value (just past the label when it is empty)
  std::string raw;    // the value as written, whitespace-trimmed
};

// One parsed list entry (an acceptance criterion or a variable) and where its text starts.
struct MetadataItem {
  std::string text;
  Location at;
};

// A string inside the metadata JSON, for placeholder checks.
struct MetadataString {
  std::string text;
  Location at;            // first character inside the quotes
  bool verbatim = false;  // written without escapes, so columns inside `text` are exact
};

struct TemplateMetadata {
  Location heading;           // the section heading's first '#'
  std::string heading_title;  // as the reference reads it, e.g. "0.1) Template Metadata (...)"

  MetadataField name, description, title_template, acceptance_criteria, priority, variables,
      metadata;

  // Values as the reference computes them.
  std::vector<MetadataItem> criteria;  // lines after the acceptance_criteria label
  std::string priority_value = "medium";
  std::vector<MetadataItem> variable_items;
  pyjson::Value metadata_value = pyjson::Value::object();  // always an object
  std::vector<MetadataString> metadata_strings;            // string values inside it

  // Why the metadata value was not used as written (empty when it was, or when it is empty).
  std::string metadata_error;
  Location metadata_error_at;
};

struct ParseOutcome {
  std::optional<TemplateMetadata> metadata;
  std::string error;  // "Missing 'Template Metadata' section."
};

// Parses the first section whose heading contains "Template Metadata" (whole words, any case).
ParseOutcome parse_template_metadata(std::string_view bytes);

enum class ProblemKind {
  Required,             // a required field is empty or missing (reference)
  NoPlaceholders,       // title_template has no {variable} (reference)
  NoCriteria,           // acceptance_criteria has no item (reference)
  UnfilledPlaceholder,  // <...>, [...], YYYY-MM-DD or TBD left from the template
  UndeclaredVariable,   // {var} in title_template not listed in variables
  InvalidMetadata,      // metadata is not a JSON object
};

// Stable identifier for a kind, e.g. "unfilled-placeholder".
std::string_view problem_kind_name(ProblemKind kind);

struct MetadataProblem {
  std::string message;  // "Template Metadata: 'name' is required."
  uint32_t line = 0;    // 1-based; 0 when there is no better place than the file
  uint32_t column = 0;
  ProblemKind kind = ProblemKind::Required;
  bool reference = false;  // the reference exporter reports this one too, in these words
};

// The reference's checks (same messages, same order), then specgate's own. Empty when clean.
std::vector<MetadataProblem> validate(const TemplateMetadata& metadata);

// Placeholders left from a template in `text`: spans of <...>, non-link [...], YYYY-MM-DD and
// TBD, as (byte offset, byte length). Code spans are skipped.
struct PlaceholderMatch {
  size_t offset = 0;
  size_t length = 0;
};
std::vector<PlaceholderMatch> find_placeholders(std::string_view text);

// The {name} placeholders of a title template, in order, with their byte offsets.
struct TemplateVariable {
  std::string name;
  size_t offset = 0;
};
std::vector<TemplateVariable> template_variables(std::string_view title_template);

}  // namespace specgate::exporter
