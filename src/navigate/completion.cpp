#include "navigate/completion.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/concat.h"
#include "core/text.h"
#include "model/slug.h"
#include "navigate/cursor.h"
#include "spec/ids.h"

namespace specgate {

namespace {

// A sort text that keeps the order items were made in (clients sort them as strings).
std::string sort_key(size_t n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%05zu", n);
  return buf;
}

// Whether `part` occurs in `text`, ASCII case ignored.
bool contains_folded(std::string_view text, std::string_view part) {
  for (size_t i = 0; i + part.size() <= text.size(); ++i)
    if (iequals(text.substr(i, part.size()), part)) return true;
  return false;
}

std::string without_trailing_newlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string id_detail(const SpecEntry& e) {
  std::string d = e.title;
  if (!e.status.empty()) d = d.empty() ? e.status : concat({d, " \xE2\x80\x94 ", e.status});
  return d;
}

// Spec IDs starting with `prefix` (ASCII case ignored), in reading order (TASK-2 before TASK-10).
void add_ids(Completions& out, const SpecDirectory& specs, std::string_view prefix, std::string_view must_start,
             TextRange range) {
  std::vector<std::pair<std::string_view, const SpecEntry*>> found;
  for (const auto& [path, e] : specs.specs()) {
    for (const SpecId& id : e.ids) {
      if (id.id.size() < prefix.size() || !iequals(std::string_view(id.id).substr(0, prefix.size()), prefix)) continue;
      if (!must_start.empty() && id.id.compare(0, must_start.size(), must_start) != 0) continue;
      found.emplace_back(id.id, &e);
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? id_less(a.first, b.first) : a.second->path < b.second->path;
  });
  found.erase(std::unique(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
              found.end());
  if (found.size() > kMaxCompletions) {
    found.resize(kMaxCompletions);
    out.incomplete = true;
  }
  for (size_t i = 0; i < found.size(); ++i) {
    const SpecEntry& e = *found[i].second;
    CompletionItem item;
    item.kind = CompletionKind::SpecId;
    item.label = std::string(found[i].first);
    item.detail = id_detail(e);
    item.documentation = concat({"`", e.path, "`"});
    item.insert_text = item.label;
    item.range = range;
    item.sort_text = sort_key(i);
    out.items.push_back(std::move(item));
  }
}

// The spec-ID-like word ending at the cursor: capitals, digits, '-' and '_'.
TextRange id_prefix_range(std::string_view line, TextPos pos) {
  uint32_t b = std::min<uint32_t>(pos.byte, line.size());
  while (b > 0 && (ascii_upper(line[b - 1]) || ascii_digit(line[b - 1]) || line[b - 1] == '-' || line[b - 1] == '_')) --b;
  return {{pos.line, b}, pos};
}

// Sections of the template with no instance in the spec, parents only (a parent's skeleton
// brings its subsections): the required ones first, then the optional ones, in template order.
void add_sections(Completions& out, const DocumentFacts& f, TextPos pos) {
  const Schema& s = *f.schema;
  const std::string_view line = f.doc.source.line(pos.line);
  const TextRange range{{pos.line, 0}, {pos.line, static_cast<uint32_t>(line.size())}};
  for (size_t k = 0; k < s.sections.size(); ++k) {
    const SectionSpec& spec = s.sections[k];
    if (spec.level == 1 && spec.parent < 0) continue;  // the title: every spec words its own
    if (!f.match.instances[k].empty() || f.match.label_line(k)) continue;
    if (spec.parent >= 0 && f.match.instances[spec.parent].empty()) continue;  // comes with its parent
    const std::string hashes(static_cast<size_t>(spec.level), '#');
    CompletionItem item;
    item.kind = CompletionKind::Section;
    item.label = concat({hashes, " ", spec.title});
    item.detail = concat({spec.optional ? "optional" : "required", " section of template '", s.name, "'"});
    item.insert_text = without_trailing_newlines(spec.skeleton.empty() ? item.label : spec.skeleton);
    item.documentation = concat({"```markdown\n", item.insert_text, "\n```"});
    item.range = range;
    item.sort_text = concat({spec.optional ? "1-" : "0-", sort_key(k)});
    out.items.push_back(std::move(item));
  }
}

void add_choices(Completions& out, const DocumentFacts& f, const Field& field, const FieldSpec& spec,
                 const SpecDirectory& specs, TextPos pos, Date today) {
  const TextRange value = field_value_range(f.doc, field);
  // The value as written is replaced; a cursor past it (trailing blanks) still replaces it.
  const TextRange range{value.start, std::max(value.end, pos)};
  switch (spec.type) {
    case FieldType::Choice:
      for (size_t i = 0; i < spec.choices.size(); ++i) {
        CompletionItem item;
        item.kind = CompletionKind::Value;
        item.label = spec.choices[i];
        item.detail = concat({"allowed value of '", spec.key, "'"});
        item.insert_text = spec.choices[i];
        item.range = range;
        item.sort_text = sort_key(i);
        out.items.push_back(std::move(item));
      }
      break;
    case FieldType::Date: {
      CompletionItem item;
      item.kind = CompletionKind::Value;
      item.label = today.iso();
      item.detail = "today";
      item.insert_text = item.label;
      item.range = range;
      out.items.push_back(std::move(item));
      break;
    }
    case FieldType::Id: {
      const std::string_view line = f.doc.source.line(pos.line);
      const TextRange word = id_prefix_range(line, pos);
      const std::string_view typed = line.substr(word.start.byte, word.end.byte - word.start.byte);
      // An ID field names another spec of its family ("Parent Story: STORY-"): only those until
      // a prefix is typed.
      std::string family = spec.id_prefix;
      if (!typed.empty()) family.clear();
      add_ids(out, specs, typed, family, word.start.byte >= value.start.byte ? word : range);
      break;
    }
    default:
      break;
  }
}

// `[text](target`: files of the workspace by their path from this spec's directory, or after
// '#' the anchors of the target (this document when the file part is empty).
bool add_link_targets(Completions& out, const DocumentFacts& f, const SpecDirectory& specs, TextPos pos) {
  const std::string_view line = f.doc.source.line(pos.line);
  const std::string_view before = line.substr(0, std::min<size_t>(pos.byte, line.size()));
  const size_t open = before.rfind("](");
  if (open == std::string_view::npos) return false;
  const size_t start = open + 2;
  const std::string_view typed = before.substr(start);
  if (typed.find_first_of(") \t") != std::string_view::npos) return false;
  size_t end = pos.byte;
  while (end < line.size() && line[end] != ')' && line[end] != ' ' && line[end] != '\t') ++end;
  const std::string dir = document_dir(f.doc.source.path());
  const size_t hash = typed.find('#');
  if (hash == std::string_view::npos) {
    const TextRange range{{pos.line, static_cast<uint32_t>(start)}, {pos.line, static_cast<uint32_t>(end)}};
    for (const auto& [path, e] : specs.specs()) {
      if (path == f.doc.source.path()) continue;
      const std::string rel = std::filesystem::path(path).lexically_relative(dir.empty() ? "." : dir).generic_string();
      // What was typed narrows a large workspace (clients filter the rest their own way).
      if (rel.empty() || !contains_folded(rel, typed)) continue;
      if (out.items.size() == kMaxCompletions) {
        out.incomplete = true;
        break;
      }
      CompletionItem item;
      item.kind = CompletionKind::File;
      item.label = rel;
      item.detail = e.primary_id() ? concat({*e.primary_id(), ": ", e.title}) : e.title;
      item.insert_text = rel;
      item.range = range;
      out.items.push_back(std::move(item));
    }
    return true;
  }
  // Anchors: heading slugs as GitHub makes them, in document order.
  const std::string file(typed.substr(0, hash));
  std::optional<Document> other;
  const Document* target = &f.doc;
  if (!file.empty()) {
    const std::string path = (std::filesystem::path(dir) / file).lexically_normal().string();
    std::optional<std::string> text = specs.read(path);
    if (!text) return true;
    other = build_document(SourceText(path, std::move(*text)));
    target = &*other;
  }
  const TextRange range{{pos.line, static_cast<uint32_t>(start + hash + 1)}, {pos.line, static_cast<uint32_t>(end)}};
  SlugCounter slugs;
  for (size_t i = 0; i < target->sections.size(); ++i) {
    const Section& s = target->sections[i];
    CompletionItem item;
    item.kind = CompletionKind::Anchor;
    item.label = slugs.next(heading_plain_text(s.title));
    item.detail = concat({std::string(s.level, '#'), " ", s.title});
    item.insert_text = item.label;
    item.range = range;
    item.sort_text = sort_key(i);
    out.items.push_back(std::move(item));
  }
  return true;
}

}  // namespace

Completions complete(const DocumentFacts& f, const SpecDirectory& specs, TextPos pos, Date today) {
  Completions out;
  const Document& doc = f.doc;
  if (pos.line < 1 || pos.line > std::max<uint32_t>(doc.source.line_count(), 1)) return out;
  const LineInfo& li = doc.line_info(pos.line);
  if (li.kind == LineKind::Code) return out;
  const std::string_view line = doc.source.line(pos.line);
  pos.byte = std::min<uint32_t>(pos.byte, line.size());
  if (add_link_targets(out, f, specs, pos)) return out;
  // A heading being typed, or an empty line outside the front matter: the missing sections.
  const std::string_view before = trim(line.substr(0, pos.byte));
  if (f.schema && li.kind != LineKind::FrontMatter && !li.in_list && (before.empty() || before.front() == '#') &&
      trim(line).size() == before.size()) {
    add_sections(out, f, pos);
    return out;
  }
  // A field's value: what its template spec allows.
  const int32_t fi = field_at_cursor(doc, pos);
  if (fi >= 0) {
    const Field& field = doc.fields[fi];
    const TextRange value = field_value_range(doc, field);
    const FieldSpec* spec = f.field_specs[fi];
    if (spec && pos.byte >= value.start.byte) {
      add_choices(out, f, field, *spec, specs, pos, today);
      if (!out.items.empty() || spec->type == FieldType::Id) return out;
    }
  }
  // Anywhere else: a spec ID being typed.
  const TextRange word = id_prefix_range(line, pos);
  const std::string_view typed = line.substr(word.start.byte, word.end.byte - word.start.byte);
  if (!typed.empty() && ascii_upper(typed.front())) add_ids(out, specs, typed, "", word);
  return out;
}

}  // namespace specgate
