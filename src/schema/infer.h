// Schema inference: any Markdown file is a template.
#pragma once

#include <string>

#include "model/document.h"
#include "schema/schema.h"

namespace specgate {

Schema infer_schema(const Document& template_doc, const std::string& name);

// Field-type inference from a template value ("Draft | Approved", "YYYY-MM-DD", "TASK-XXX").
FieldSpec infer_field(const std::string& key, const std::string& value);

// True when the key names a date ("Created", "Last Updated", "Next Review", "Due").
bool is_date_key(std::string_view key);

// `<!-- specgate-template: NAME — DESCRIPTION -->` in the first lines, or "".
std::string template_description(const Document& doc);

}  // namespace specgate
