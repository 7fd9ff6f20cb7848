#include "model/model_json.h"

namespace specgate {

using json = nlohmann::ordered_json;

namespace {

// JSON strings must be valid UTF-8; invalid bytes become U+FFFD so output never fails.
std::string safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_seq_len(s, i);
    if (n == 1 && static_cast<unsigned char>(s[i]) >= 0x80) out += "\xEF\xBF\xBD";
    else out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

json field_json(const Field& f) {
  return json{{"key", safe(f.key)}, {"value", safe(f.value)}, {"line", f.line}, {"column", f.column},
              {"value_column", f.value_column}};
}

json cell_json(const TableCell& c) {
  return json{{"text", safe(c.text)}, {"line", c.line}, {"column", c.column}};
}

json block_json(const Document& doc, const Block& b) {
  json j{{"type", block_kind_name(b.kind)}, {"line", b.line}, {"end_line", b.end_line}, {"depth", b.depth}};
  if (b.kind == BlockKind::List) j["ordered"] = b.ordered;
  if (b.kind == BlockKind::Table && b.ref >= 0) {
    const Table& t = doc.tables[b.ref];
    json header = json::array();
    for (const auto& c : t.header) header.push_back(cell_json(c));
    json rows = json::array();
    for (const auto& r : t.rows) {
      json row = json::array();
      for (const auto& c : r) row.push_back(cell_json(c));
      rows.push_back(std::move(row));
    }
    j["header"] = std::move(header);
    j["rows"] = std::move(rows);
  }
  if (b.kind == BlockKind::Code && b.ref >= 0) {
    const CodeBlock& c = doc.code_blocks[b.ref];
    j["info"] = safe(c.info);
    j["language"] = safe(c.language);
    j["fenced"] = c.fenced;
    j["closed"] = c.closed;
    j["content_line"] = c.content_line;
    j["content"] = safe(c.content);
  }
  return j;
}

// Indices of each section's blocks, fields, checklist items and links, in document order, made
// in one pass: asking every section to scan every list made a 65,000-heading spec quadratic.
struct SectionContents {
  explicit SectionContents(const Document& doc) : slots(doc.sections.size() + 1) {
    for (size_t i = 0; i < doc.blocks.size(); ++i) at(doc.blocks[i].section).blocks.push_back(i);
    for (size_t i = 0; i < doc.fields.size(); ++i) at(doc.fields[i].section).fields.push_back(i);
    for (size_t i = 0; i < doc.checklist.size(); ++i) at(doc.checklist[i].section).checklist.push_back(i);
    for (size_t i = 0; i < doc.links.size(); ++i) at(doc.links[i].section).links.push_back(i);
  }
  struct Slot {
    std::vector<size_t> blocks, fields, checklist, links;
  };
  // kPreamble (-1) is slot 0.
  Slot& at(int32_t section) { return slots[static_cast<size_t>(section + 1)]; }
  const Slot& at(int32_t section) const { return slots[static_cast<size_t>(section + 1)]; }
  std::vector<Slot> slots;
};

// Everything that belongs directly to `section` (kPreamble for the preamble).
json content_json(const Document& doc, const SectionContents& contents, int32_t section) {
  const SectionContents::Slot& slot = contents.at(section);
  json blocks = json::array();
  for (size_t i : slot.blocks) {
    const Block& b = doc.blocks[i];
    if (b.kind != BlockKind::Heading) blocks.push_back(block_json(doc, b));
  }
  json fields = json::array();
  for (size_t i : slot.fields) {
    const Field& f = doc.fields[i];
    if (!f.front_matter) fields.push_back(field_json(f));
  }
  json checklist = json::array();
  for (size_t i : slot.checklist) {
    const auto& c = doc.checklist[i];
    checklist.push_back(json{{"checked", c.checked}, {"text", safe(c.text)}, {"line", c.line}, {"column", c.column}});
  }
  json links = json::array();
  for (size_t i : slot.links) {
    const auto& l = doc.links[i];
    links.push_back(json{{"target", safe(l.target)}, {"line", l.line}, {"column", l.column}, {"image", l.image}});
  }
  return json{{"blocks", std::move(blocks)}, {"fields", std::move(fields)},
              {"checklist", std::move(checklist)}, {"links", std::move(links)}};
}

json section_json(const Document& doc, const SectionContents& contents, int32_t idx) {
  const Section& s = doc.sections[idx];
  json j{{"title", safe(s.title)},
         {"normalized_title", safe(s.normalized_title)},
         {"placeholder", s.title_has_placeholder},
         {"level", s.level},
         {"line", s.line},
         {"column", s.column},
         {"end_line", s.end_line}};
  j.update(content_json(doc, contents, idx));
  json children = json::array();
  for (int32_t c : s.children) children.push_back(section_json(doc, contents, c));
  j["children"] = std::move(children);
  return j;
}

}  // namespace

json document_to_json(const Document& doc) {
  json j;
  j["path"] = safe(doc.source.path());
  j["lines"] = doc.source.line_count();
  if (doc.front_matter.present) {
    json entries = json::array();
    for (const auto& e : doc.front_matter.entries)
      entries.push_back(json{{"key", safe(e.key)}, {"value", safe(e.value)}, {"line", e.line}, {"column", e.column}});
    json fm{{"line", doc.front_matter.line}, {"end_line", doc.front_matter.end_line}, {"entries", std::move(entries)}};
    if (!doc.front_matter.error.empty())
      fm["error"] = json{{"message", safe(doc.front_matter.error)}, {"line", doc.front_matter.error_line},
                         {"column", doc.front_matter.error_column}};
    j["front_matter"] = std::move(fm);
  } else {
    j["front_matter"] = nullptr;
  }
  const uint32_t first_heading = doc.sections.empty() ? doc.source.line_count() + 1 : doc.sections[0].line;
  json preamble{{"line", 1}, {"end_line", first_heading > 1 ? first_heading - 1 : 0}};
  const SectionContents contents(doc);
  preamble.update(content_json(doc, contents, kPreamble));
  j["preamble"] = std::move(preamble);
  json sections = json::array();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].parent < 0) sections.push_back(section_json(doc, contents, static_cast<int32_t>(i)));
  }
  j["sections"] = std::move(sections);
  return j;
}

}  // namespace specgate
