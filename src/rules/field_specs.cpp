#include "rules/field_specs.h"

namespace specgate {

namespace {

const FieldSpec* find_in(const std::vector<FieldSpec>& fields, std::string_view key) {
  for (const FieldSpec& fs : fields) {
    if (folded_key_equals(fs.key, key)) return &fs;
  }
  return nullptr;
}

}  // namespace

int32_t title_spec_index(const Schema& schema) {
  int32_t found = -1;
  for (size_t k = 0; k < schema.sections.size(); ++k) {
    if (schema.sections[k].level != 1 || schema.sections[k].parent >= 0) continue;
    if (found >= 0) return -1;
    found = static_cast<int32_t>(k);
  }
  return found;
}

namespace {

const FieldSpec* find_field_spec(const RuleContext& ctx, const Field& f) {
  if (!ctx.schema || !ctx.match) return nullptr;
  const Schema& s = *ctx.schema;
  const std::string& key = f.folded_key;
  const int32_t title = title_spec_index(s);
  if (!f.front_matter && f.section >= 0) {
    for (int32_t d = f.section; d >= 0; d = ctx.doc.sections[d].parent) {
      const int32_t k = ctx.match->spec_of[d];
      if (k < 0) continue;
      // The title section's fields are its metadata block, not those of unknown sections below.
      if (k == title && d != f.section) return nullptr;
      if (const FieldSpec* fs = find_in(s.sections[k].fields, key)) return fs;
      if (k == title) return find_in(s.preamble_fields, key);
      return nullptr;
    }
    return nullptr;
  }
  if (const FieldSpec* fs = find_in(s.preamble_fields, key)) return fs;
  return title >= 0 ? find_in(s.sections[title].fields, key) : nullptr;
}

}  // namespace

const FieldSpec* field_spec_for(const RuleContext& ctx, const Field& f) {
  const auto& fields = ctx.doc.fields;
  if (ctx.field_specs && &f >= fields.data() && &f < fields.data() + fields.size())
    return (*ctx.field_specs)[static_cast<size_t>(&f - fields.data())];
  return find_field_spec(ctx, f);
}

std::vector<const FieldSpec*> field_specs_of(const RuleContext& ctx) {
  std::vector<const FieldSpec*> out;
  out.reserve(ctx.doc.fields.size());
  for (const Field& f : ctx.doc.fields) out.push_back(find_field_spec(ctx, f));
  return out;
}

}  // namespace specgate
