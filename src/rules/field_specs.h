// Where the template speaks about a field of the spec: the FieldSpec the matched schema gives
// it. Needs the rule context (schema and section match), so it lives with the rules; the plain
// facts about field values are in spec/fields.h.
#pragma once

#include <vector>

#include "rules/rule.h"
#include "spec/fields.h"

namespace specgate {

// The schema's spec of the spec field `f`: the fields of the matched section it sits in (the
// nearest matched ancestor), or, for front matter and the preamble, the preamble and title
// section fields. Null when the field is not in the template.
const FieldSpec* field_spec_for(const RuleContext& ctx, const Field& f);
// field_spec_for of every field of the document, in doc.fields order (RuleContext::field_specs).
std::vector<const FieldSpec*> field_specs_of(const RuleContext& ctx);

// Index of the template's title section (its lone level-1 heading), or -1.
int32_t title_spec_index(const Schema& schema);

}  // namespace specgate
