#include "model/model_json.h"

#include "report/json_out.h"

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

namespace {

using report::JsonOut;

void write_field(JsonOut& j, const Field& f) {
  j.begin_object();
  j.member("key", safe(f.key));
  j.member("value", safe(f.value));
  j.member_number("line", f.line);
  j.member_number("column", f.column);
  j.member_number("value_column", f.value_column);
  j.end_object();
}

void write_cell(JsonOut& j, const TableCell& c) {
  j.begin_object();
  j.member("text", safe(c.text));
  j.member_number("line", c.line);
  j.member_number("column", c.column);
  j.end_object();
}

void write_block(JsonOut& j, const Document& doc, const Block& b) {
  j.begin_object();
  j.member("type", block_kind_name(b.kind));
  j.member_number("line", b.line);
  j.member_number("end_line", b.end_line);
  j.member_number("depth", b.depth);
  if (b.kind == BlockKind::List) {
    j.key("ordered");
    j.boolean(b.ordered);
  }
  if (b.kind == BlockKind::Table && b.ref >= 0) {
    const Table& t = doc.tables[b.ref];
    j.key("header");
    j.begin_array();
    for (const auto& c : t.header) {
      j.item();
      write_cell(j, c);
    }
    j.end_array();
    j.key("rows");
    j.begin_array();
    for (const auto& r : t.rows) {
      j.item();
      j.begin_array();
      for (const auto& c : r) {
        j.item();
        write_cell(j, c);
      }
      j.end_array();
    }
    j.end_array();
  }
  if (b.kind == BlockKind::Code && b.ref >= 0) {
    const CodeBlock& c = doc.code_blocks[b.ref];
    j.member("info", safe(c.info));
    j.member("language", safe(c.language));
    j.key("fenced");
    j.boolean(c.fenced);
    j.key("closed");
    j.boolean(c.closed);
    j.member_number("content_line", c.content_line);
    j.member("content", safe(c.content));
  }
  j.end_object();
}

// content_json's members, inside an object already open.
void write_content(JsonOut& j, const Document& doc, const SectionContents& contents, int32_t section) {
  const SectionContents::Slot& slot = contents.at(section);
  j.key("blocks");
  j.begin_array();
  for (size_t i : slot.blocks) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::Heading) continue;
    j.item();
    write_block(j, doc, b);
  }
  j.end_array();
  j.key("fields");
  j.begin_array();
  for (size_t i : slot.fields) {
    const Field& f = doc.fields[i];
    if (f.front_matter) continue;
    j.item();
    write_field(j, f);
  }
  j.end_array();
  j.key("checklist");
  j.begin_array();
  for (size_t i : slot.checklist) {
    const auto& c = doc.checklist[i];
    j.item();
    j.begin_object();
    j.key("checked");
    j.boolean(c.checked);
    j.member("text", safe(c.text));
    j.member_number("line", c.line);
    j.member_number("column", c.column);
    j.end_object();
  }
  j.end_array();
  j.key("links");
  j.begin_array();
  for (size_t i : slot.links) {
    const auto& l = doc.links[i];
    j.item();
    j.begin_object();
    j.member("target", safe(l.target));
    j.member_number("line", l.line);
    j.member_number("column", l.column);
    j.key("image");
    j.boolean(l.image);
    j.end_object();
  }
  j.end_array();
}

void write_section(JsonOut& j, const Document& doc, const SectionContents& contents, int32_t idx) {
  const Section& s = doc.sections[idx];
  j.begin_object();
  j.member("title", safe(s.title));
  j.member("normalized_title", safe(s.normalized_title));
  j.key("placeholder");
  j.boolean(s.title_has_placeholder);
  j.member_number("level", s.level);
  j.member_number("line", s.line);
  j.member_number("column", s.column);
  j.member_number("end_line", s.end_line);
  write_content(j, doc, contents, idx);
  j.key("children");
  j.begin_array();
  for (int32_t c : s.children) {
    j.item();
    write_section(j, doc, contents, c);
  }
  j.end_array();
  j.end_object();
}

}  // namespace

void write_document_json(std::string& out, const Document& doc) {
  JsonOut j(out);
  j.begin_object();
  j.member("path", safe(doc.source.path()));
  j.member_number("lines", doc.source.line_count());
  j.key("front_matter");
  if (doc.front_matter.present) {
    j.begin_object();
    j.member_number("line", doc.front_matter.line);
    j.member_number("end_line", doc.front_matter.end_line);
    j.key("entries");
    j.begin_array();
    for (const auto& e : doc.front_matter.entries) {
      j.item();
      j.begin_object();
      j.member("key", safe(e.key));
      j.member("value", safe(e.value));
      j.member_number("line", e.line);
      j.member_number("column", e.column);
      j.end_object();
    }
    j.end_array();
    if (!doc.front_matter.error.empty()) {
      j.key("error");
      j.begin_object();
      j.member("message", safe(doc.front_matter.error));
      j.member_number("line", doc.front_matter.error_line);
      j.member_number("column", doc.front_matter.error_column);
      j.end_object();
    }
    j.end_object();
  } else {
    j.null();
  }
  const uint32_t first_heading = doc.sections.empty() ? doc.source.line_count() + 1 : doc.sections[0].line;
  const SectionContents contents(doc);
  j.key("preamble");
  j.begin_object();
  j.member_number("line", 1);
  j.member_number("end_line", first_heading > 1 ? first_heading - 1 : 0);
  write_content(j, doc, contents, kPreamble);
  j.end_object();
  j.key("sections");
  j.begin_array();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].parent >= 0) continue;
    j.item();
    write_section(j, doc, contents, static_cast<int32_t>(i));
  }
  j.end_array();
  j.end_object();
}

}  // namespace specgate
