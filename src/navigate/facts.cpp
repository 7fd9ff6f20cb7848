#include "navigate/facts.h"

#include <algorithm>

#include "core/text.h"
#include "navigate/cursor.h"
#include "rules/field_specs.h"
#include "rules/rule.h"
#include "schema/loose_match.h"
#include "schema/stand_in.h"
#include "spec/fields.h"
#include "spec/ids.h"

namespace specgate {

DocumentFacts document_facts(const Document& doc, const Config& config, const Schema* schema) {
  DocumentFacts f(doc);
  f.config = &config;
  f.schema = schema;
  if (schema) {
    // The checker's matching (check/checker.cpp), so features agree with the diagnostics.
    f.match = match_sections(*schema, doc);
    match_loosely(*schema, doc, f.match);
    find_stand_ins(*schema, doc, f.match);
    RuleContext ctx{doc, schema, &f.match, config, today_utc()};
    f.field_specs = field_specs_of(ctx);
  }
  f.field_specs.resize(doc.fields.size(), nullptr);
  f.index = build_spec_index(doc, config);
  return f;
}

DocumentFacts analyze_document(const std::string& path, std::string text, const Config& config,
                               TemplateRegistry& registry, const std::string& template_ref) {
  auto doc = std::make_shared<const Document>(build_document(SourceText(path, std::move(text))));
  TemplateChoice choice = registry.choose(*doc, template_ref);
  DocumentFacts f = document_facts(*doc, config, choice.error.empty() ? choice.schema : nullptr);
  f.owned = std::move(doc);
  return f;
}

SpecEntry summarize_spec(const Document& doc, const SpecIndex& index) {
  SpecEntry e;
  e.path = doc.source.path();
  const auto head = [&](const TextRange& r) { return std::string(doc.source.line(r.end.line).substr(0, r.end.byte)); };
  for (const IdDeclaration& d : index.ids) {
    const TextRange r = range_of_chars(doc.source, d.line, d.column, d.length);
    e.ids.push_back({d.id, d.source, r, head(r)});
  }
  const int32_t ts = title_section(doc);
  if (ts != kPreamble) {
    const Section& s = doc.sections[ts];
    const TitleId tid = title_id(s.title);
    e.title = tid.id.empty() ? s.title : tid.rest;
    e.title_range = range_of_chars(doc.source, s.line, s.column, static_cast<uint32_t>(count_chars(s.title)));
    e.title_head = head(e.title_range);
  } else {
    e.title_range = {{0, 0}, {0, 0}};
  }
  if (const Field* st = doc.status_field()) e.status = st->value;
  if (const Field* o = doc.find_field({"Owner", "Assignee", "Author", "Assigned To", "Lead"})) e.owner = o->value;
  for (const IdMention& m : id_mentions(doc)) e.mentions.push_back(m.id);
  std::sort(e.mentions.begin(), e.mentions.end());
  e.mentions.erase(std::unique(e.mentions.begin(), e.mentions.end()), e.mentions.end());
  for (const LinkAtCursor& l : relative_links(doc)) e.linked.push_back(link_path(e.path, l));
  std::sort(e.linked.begin(), e.linked.end());
  e.linked.erase(std::unique(e.linked.begin(), e.linked.end()), e.linked.end());
  return e;
}

std::vector<IdMention> id_mentions(const Document& doc) {
  std::vector<IdMention> out;
  for (uint32_t l = 1; l <= doc.source.line_count(); ++l) {
    if (doc.line_info(l).kind == LineKind::Code) continue;  // code is quoted, not a reference
    const std::string_view line = doc.source.line(l);
    if (line.empty()) continue;
    for (const IdToken& t : find_ids(line)) {
      const auto b = static_cast<uint32_t>(t.offset);
      out.push_back({std::string(line.substr(t.offset, t.length)), {{l, b}, {l, b + static_cast<uint32_t>(t.length)}}});
    }
  }
  return out;
}

void SpecDirectory::put(SpecEntry entry) {
  std::string key = entry.path;
  specs_.insert_or_assign(std::move(key), std::move(entry));
}

void SpecDirectory::remove(const std::string& path) { specs_.erase(path); }

const SpecEntry* SpecDirectory::find(const std::string& path) const {
  auto it = specs_.find(path);
  return it == specs_.end() ? nullptr : &it->second;
}

std::vector<const SpecEntry*> SpecDirectory::declaring(std::string_view id) const {
  std::vector<std::pair<size_t, const SpecEntry*>> found;  // (rank of the declaration, spec)
  for (const auto& [path, e] : specs_) {
    for (size_t i = 0; i < e.ids.size(); ++i) {
      if (e.ids[i].id == id) {
        found.emplace_back(static_cast<size_t>(e.ids[i].source), &e);
        break;
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const SpecEntry*> out;
  for (const auto& [rank, e] : found) out.push_back(e);
  return out;
}

}  // namespace specgate
