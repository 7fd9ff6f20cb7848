// Renders Template Metadata as the reference exporter's <spec>.template.json: the keys
// acceptance_criteria, description, metadata, name, priority, title_template and variables,
// as Python's json.dumps(indent=2, sort_keys=True) writes them, plus a final newline.
#pragma once

#include <string>

#include "template_metadata/py_json.h"
#include "template_metadata/template_metadata.h"

namespace specgate::exporter {

// The JSON value the reference builds from the section.
pyjson::Value template_json_value(const TemplateMetadata& metadata);

// The exact bytes of the exported file (and of the stdout output): JSON, then "\n".
std::string render_template_json(const TemplateMetadata& metadata);

}  // namespace specgate::exporter
