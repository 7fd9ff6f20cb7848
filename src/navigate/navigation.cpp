#include "navigate/navigation.h"

#include <algorithm>
#include <filesystem>

#include "core/concat.h"
#include "core/text.h"
#include "model/slug.h"
#include "spec/ids.h"

namespace specgate {

namespace {

bool is_declaration(const SpecEntry* e, const std::string& id, const TextRange& r) {
  if (!e) return false;
  for (const SpecId& d : e->ids)
    if (d.id == id && d.range == r) return true;
  return false;
}

// The mentions of `id` in one document, as file ranges.
void mentions_in(const Document& doc, const SpecEntry* entry, const std::string& id, bool include_declaration,
                 std::vector<FileRange>& out) {
  for (const IdMention& m : id_mentions(doc)) {
    if (m.id != id) continue;
    if (!include_declaration && is_declaration(entry, id, m.range)) continue;
    out.push_back({doc.source.path(), m.range});
  }
}

// Calls visit(doc, entry) for the current document and every spec that mentions `id`, in path
// order; the current document as analysed, with its own declarations.
template <class Visit>
void for_each_mentioning(const DocumentFacts& f, const SpecDirectory& specs, const std::string& id, Visit visit) {
  const std::string& self = f.doc.source.path();
  std::vector<std::string> paths;
  for (const auto& [path, e] : specs.specs()) {
    if (path != self && std::binary_search(e.mentions.begin(), e.mentions.end(), id)) paths.push_back(path);
  }
  paths.push_back(self);
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    if (path == self) {
      // The buffer as analysed, with its own declarations (the directory's entry may be older).
      const SpecEntry entry = summarize_spec(f.doc, f.index);
      visit(f.doc, &entry);
      continue;
    }
    std::optional<std::string> text = specs.read(path);
    if (!text) continue;
    const Document doc = build_document(SourceText(path, std::move(*text)));
    visit(doc, specs.find(path));
  }
}

std::vector<FileRange> id_references(const DocumentFacts& f, const SpecDirectory& specs, const std::string& id,
                                     bool include_declaration) {
  std::vector<FileRange> out;
  for_each_mentioning(f, specs, id, [&](const Document& doc, const SpecEntry* entry) {
    mentions_in(doc, entry, id, include_declaration, out);
  });
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

// The heading slug of the section whose heading is on `line`, "" when none is.
std::string heading_anchor(const Document& doc, uint32_t line) {
  SlugCounter slugs;
  for (const Section& s : doc.sections) {
    const std::string& slug = slugs.next(heading_plain_text(s.title));
    if (s.line == line) return slug;
  }
  return "";
}

// Links to `path` (to its heading `anchor` only, when not empty) from every spec; with
// `include_declaration`, the heading itself first.
std::vector<FileRange> link_references(const DocumentFacts& f, const SpecDirectory& specs, const std::string& path,
                                       const std::string& anchor, bool include_declaration) {
  std::vector<FileRange> out;
  const std::string& self = f.doc.source.path();
  std::vector<std::string> paths{self};
  for (const auto& [p, e] : specs.specs()) {
    if (p != self && std::binary_search(e.linked.begin(), e.linked.end(), path)) paths.push_back(p);
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& p : paths) {
    std::optional<Document> other;
    const Document* doc = &f.doc;
    if (p != self) {
      std::optional<std::string> text = specs.read(p);
      if (!text) continue;
      other = build_document(SourceText(p, std::move(*text)));
      doc = &*other;
    }
    for (const LinkAtCursor& l : relative_links(*doc)) {
      if (link_path(p, l) == path && (anchor.empty() || lower(l.fragment) == anchor)) out.push_back({p, l.range});
    }
  }
  if (include_declaration && !anchor.empty()) {
    std::optional<Document> other;
    const Document* doc = &f.doc;
    if (path != self) {
      if (std::optional<std::string> text = specs.read(path)) other = build_document(SourceText(path, std::move(*text)));
      doc = other ? &*other : nullptr;
    }
    SlugCounter slugs;
    for (const Section& s : doc ? doc->sections : std::vector<Section>{}) {
      if (slugs.next(heading_plain_text(s.title)) == anchor) {
        out.insert(out.begin(), {path, range_of_chars(doc->source, s.line, s.column, static_cast<uint32_t>(count_chars(s.title)))});
        break;
      }
    }
  }
  return out;
}

}  // namespace

std::vector<FileRange> definition(const DocumentFacts& f, const SpecDirectory& specs, TextPos pos) {
  std::vector<FileRange> out;
  // A link first: "STORY-1-parent.md" holds an ID, but the cursor is on the file name.
  auto link = link_at_cursor(f.doc, pos);
  if (!link) {
    if (auto id = id_at_cursor(f.doc, pos)) {
      for (const SpecEntry* e : specs.declaring(id->id)) {
        for (const SpecId& d : e->ids)
          if (d.id == id->id) out.push_back({e->path, d.range});
      }
      return out;
    }
    return out;
  }
  const std::string& self = f.doc.source.path();
  const std::string path = link_path(self, *link);
  std::optional<Document> other;
  const Document* target = &f.doc;
  if (path != self) {
    std::optional<std::string> text = specs.read(path);
    if (!text) {
      // Not readable as text (a directory, an image): the file itself, when it exists.
      std::error_code ec;
      if (std::filesystem::exists(path, ec)) out.push_back({path, {{1, 0}, {1, 0}}});
      return out;
    }
    other = build_document(SourceText(path, std::move(*text)));
    target = &*other;
  }
  if (!link->fragment.empty()) {
    std::string want = link->fragment;
    std::transform(want.begin(), want.end(), want.begin(), [](unsigned char c) { return std::tolower(c); });
    SlugCounter slugs;
    for (const Section& s : target->sections) {
      if (slugs.next(heading_plain_text(s.title)) == want) {
        out.push_back({path, range_of_chars(target->source, s.line, s.column, static_cast<uint32_t>(count_chars(s.title)))});
        return out;
      }
    }
  }
  if (path != self) out.push_back({path, {{1, 0}, {1, 0}}});
  return out;
}

std::vector<FileRange> references(const DocumentFacts& f, const SpecDirectory& specs, TextPos pos,
                                  bool include_declaration) {
  // A link: the links to the same file (and anchor). A heading: the links to its anchor.
  if (auto link = link_at_cursor(f.doc, pos))
    return link_references(f, specs, link_path(f.doc.source.path(), *link), lower(link->fragment), include_declaration);
  if (auto id = id_at_cursor(f.doc, pos)) return id_references(f, specs, id->id, include_declaration);
  if (f.doc.line_info(pos.line).kind == LineKind::Heading) {
    const std::string anchor = heading_anchor(f.doc, pos.line);
    if (!anchor.empty()) return link_references(f, specs, f.doc.source.path(), anchor, include_declaration);
  }
  return {};
}

std::optional<IdAtCursor> prepare_rename(const DocumentFacts& f, TextPos pos) { return id_at_cursor(f.doc, pos); }

RenameResult rename_id(const DocumentFacts& f, const SpecDirectory& specs, TextPos pos, const std::string& new_id,
                       bool rename_files) {
  RenameResult r;
  auto id = id_at_cursor(f.doc, pos);
  if (!id) {
    r.error = "the cursor is not on a spec ID";
    return r;
  }
  const std::vector<IdToken> tokens = find_ids(new_id);
  if (tokens.size() != 1 || tokens[0].offset != 0 || tokens[0].length != new_id.size()) {
    r.error = concat({"'", new_id, "' is not a spec ID (capital words joined by '-' and a number: TASK-12)"});
    return r;
  }
  if (new_id == id->id) return r;
  for (const SpecEntry* e : specs.declaring(new_id)) {
    r.error = concat({new_id, " is already declared by ", e->path});
    return r;
  }
  for_each_mentioning(f, specs, id->id, [&](const Document& doc, const SpecEntry* entry) {
    std::vector<FileRange> refs;
    mentions_in(doc, entry, id->id, /*include_declaration=*/true, refs);
    const std::vector<LinkAtCursor> links = relative_links(doc);
    for (const FileRange& ref : refs) {
      // In a link's target the ID is part of a path: renaming the text alone would break the link.
      const bool in_target = std::any_of(links.begin(), links.end(), [&](const LinkAtCursor& l) {
        return l.range.start <= ref.range.start && ref.range.end <= l.range.end;
      });
      if (!in_target) r.edits[ref.path].push_back({ref.range, new_id});
    }
  });
  if (rename_files) {
    r.files = files_named_after(f, specs, id->id, new_id);
    for (LinkEdit& e : link_edits(f, specs, r.files, id->id, new_id)) r.edits[e.path].push_back({e.range, std::move(e.text)});
    for (auto& [path, edits] : r.edits)
      std::sort(edits.begin(), edits.end(), [](const RenameEdit& a, const RenameEdit& b) { return a.range.start < b.range.start; });
  }
  return r;
}

}  // namespace specgate
