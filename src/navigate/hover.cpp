#include "navigate/hover.h"

#include "core/concat.h"
#include "core/text.h"
#include "navigate/cursor.h"
#include "rules/rule_docs.h"
#include "schema/schema.h"

namespace specgate {

namespace {

std::string id_text_for(const SpecDirectory& specs, const std::string& id) {
  const std::vector<const SpecEntry*> found = specs.declaring(id);
  if (found.empty()) return concat({"**", id, "**: no spec in the workspace declares this ID"});
  std::string out;
  for (const SpecEntry* e : found) {
    if (!out.empty()) out += "\n\n---\n\n";
    out += concat({"**", id, "**", e->title.empty() ? "" : ": ", e->title});
    std::string facts;
    if (!e->status.empty()) facts = concat({"Status: ", e->status});
    if (!e->owner.empty()) facts += concat({facts.empty() ? "" : " \xC2\xB7 ", "Owner: ", e->owner});
    if (!facts.empty()) out += "\n\n" + facts;
    out += concat({"\n\n`", e->path, "`"});
  }
  if (found.size() > 1) out += concat({"\n\n", std::to_string(found.size()), " specs declare ", id, " (duplicate-id)"});
  return out;
}

std::string field_text(const FieldSpec& spec, const Schema* schema) {
  std::string out = concat({"**", spec.key, "**", spec.required ? "" : " (optional)"});
  switch (spec.type) {
    case FieldType::Choice: {
      std::string list;
      for (const auto& c : spec.choices) list += concat({list.empty() ? "" : ", ", "`", c, "`"});
      out += concat({": one of ", list});
      break;
    }
    case FieldType::Date: out += ": a date, YYYY-MM-DD"; break;
    case FieldType::Id:
      out += concat({": a spec ID", spec.id_prefix.empty() ? "" : concat({" (`", spec.id_prefix, "N`)"})});
      break;
    case FieldType::Number: out += ": a number"; break;
    case FieldType::Text:
      out += ": free text";
      if (!spec.example.empty()) out += concat({"; the template's text: `", spec.example, "`"});
      break;
  }
  if (schema) out += concat({"\n\nTemplate '", schema->name, "'"});
  return out;
}

bool covers(const Document& doc, const Diagnostic& d, TextPos pos) {
  if (d.line == 0) return false;
  if (pos.line < d.line || pos.line > std::max(d.line, d.end_line)) return false;
  const uint32_t b = byte_of_column(doc.source.line(d.line), d.column);
  const uint32_t end_line = std::max(d.line, d.end_line);
  const uint32_t e = byte_of_column(doc.source.line(end_line), d.end_column);
  // A finding with no width (a missing section before a heading) covers its line.
  if (d.line == end_line && b >= e) return true;
  return TextRange{{d.line, b}, {end_line, e}}.contains(pos);
}

}  // namespace

std::string rule_hover_text(std::string_view rule) {
  const std::string_view page = rule_doc(rule);
  if (page.empty()) return "";
  // The heading, the severity line and "What it checks"; stop at the next section.
  size_t cut = page.find("\n## ");
  if (cut != std::string_view::npos) {
    const size_t next = page.find("\n## ", cut + 4);
    cut = next == std::string_view::npos ? page.size() : next;
  }
  std::string text(trim(page.substr(0, cut)));
  return concat({text, "\n\n`specgate rules ", rule, "` prints the whole page."});
}

std::optional<Hover> hover(const DocumentFacts& f, const SpecDirectory& specs, TextPos pos,
                           const std::vector<Diagnostic>& findings) {
  const Document& doc = f.doc;
  std::vector<std::string> parts;
  std::optional<TextRange> range;
  if (auto id = id_at_cursor(doc, pos)) {
    parts.push_back(id_text_for(specs, id->id));
    range = id->range;
  }
  const int32_t fi = field_at_cursor(doc, pos);
  if (fi >= 0 && f.field_specs[fi]) {
    const Field& field = doc.fields[fi];
    parts.push_back(field_text(*f.field_specs[fi], f.schema));
    if (!range) {
      const std::string_view line = doc.source.line(field.line);
      range = TextRange{{field.line, byte_of_column(line, field.column)}, field_value_range(doc, field).end};
    }
  }
  std::vector<std::string_view> seen;
  for (const Diagnostic& d : findings) {
    if (!covers(doc, d, pos)) continue;
    bool dup = false;
    for (auto r : seen) dup = dup || r == d.rule;
    if (dup) continue;
    seen.push_back(d.rule);
    std::string text = rule_hover_text(d.rule);
    if (!text.empty()) parts.push_back(std::move(text));
  }
  if (parts.empty()) return std::nullopt;
  Hover h;
  for (const auto& p : parts) h.markdown += concat({h.markdown.empty() ? "" : "\n\n---\n\n", p});
  h.range = range ? *range : TextRange{pos, pos};
  return h;
}

}  // namespace specgate
