// The small per-file record cross-document rules work from: which IDs a spec declares about
// itself, which IDs it refers to and how, and its suppression comments. Built from the Document
// while it is in memory; the Document itself is not kept.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/config.h"
#include "model/document.h"

namespace specgate {

enum class IdSource : uint8_t { FrontMatter, Field, Title, FileName };
std::string_view id_source_name(IdSource s);  // "front matter 'id'", "ID field", "title", "file name"

struct IdDeclaration {
  std::string id;
  IdSource source = IdSource::Title;
  std::string key;  // the field or front matter key, for messages
  uint32_t line = 1, column = 1, length = 0;
};

// How a reference relates this spec (X) to the referenced one (Y).
enum class RefKind : uint8_t {
  DependsOn,  // X waits for Y: Blocked By, Depends On, Dependencies, Blocking Tasks
  Blocks,     // Y waits for X: Blocks, Blocked Tasks
  Parent,     // Parent Story, Epic
  Related,    // Related Tasks, See Also, tracking links
};

struct Reference {
  std::string id;
  RefKind kind = RefKind::Related;
  std::string via;  // the field key or section title the reference sits in
  uint32_t line = 0, column = 0, length = 0;
};

struct SpecIndex {
  std::string path;
  std::vector<IdDeclaration> ids;  // distinct IDs, strongest source first; ids[0] is the spec's ID
  std::vector<Reference> refs;     // document order, one per (line, ID)
  struct LineNote {
    std::string text;     // the source line, for excerpts
    std::string section;  // "A > B", for messages
  };
  std::map<uint32_t, LineNote> lines;  // only the lines the records point at
  Suppressions suppressions;  // the Document's, kept for the cross-document findings

  const std::string* primary_id() const { return ids.empty() ? nullptr : &ids.front().id; }
};

SpecIndex build_spec_index(const Document& doc, const Config& config);

// The spec's own ID from its H1 title ("TASK-123: Title" -> "TASK-123"), with the rest of the
// title; both empty when the title does not start with an ID.
struct TitleId {
  std::string id;
  std::string rest;  // the title after the ID and its separator
  size_t offset = 0, length = 0;  // of the ID within the title
};
TitleId title_id(std::string_view title);

// The spec's H1 (or first heading when there is no H1); kPreamble when it has no heading.
int32_t title_section(const Document& doc);

}  // namespace specgate
