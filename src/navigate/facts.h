// What the language features know about one document and about the workspace around it, made
// from the model's own facts (sections, fields, IDs and references of spec/index.h, the chosen
// template's schema and section match); nothing here re-reads Markdown on its own.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "navigate/position.h"
#include "model/document.h"
#include "schema/match.h"
#include "schema/registry.h"
#include "spec/index.h"

namespace specgate {

// One open or on-disk document, analysed as `check` does: its template, the section match (loose
// wordings and stand-ins included), each field's template spec and its IDs. Refers to the
// Document, which must outlive it (or is owned, when analyze_document built it).
struct DocumentFacts {
  explicit DocumentFacts(const Document& d) : doc(d) {}

  std::shared_ptr<const Document> owned;  // set when the facts built the document
  const Document& doc;
  const Config* config = nullptr;
  const Schema* schema = nullptr;  // null: no template applies (the registry outlives the facts)
  SectionMatch match;
  std::vector<const FieldSpec*> field_specs;  // parallel to doc.fields; null when not in the template
  SpecIndex index;
};

// The facts of a document whose template was chosen already (as the checker chose it; null: none).
DocumentFacts document_facts(const Document& doc, const Config& config, const Schema* schema);

// Builds the document from `text` and chooses its template as `check` does; `template_ref` as
// `check --template`, "" to let the registry choose (front matter, config, detection).
DocumentFacts analyze_document(const std::string& path, std::string text, const Config& config,
                               TemplateRegistry& registry, const std::string& template_ref = "");

// What navigation keeps about each spec of the workspace: small, so a 10k-spec workspace costs
// little; positions into the file are recomputed from its text when a request needs them.
struct SpecId {
  std::string id;
  IdSource source = IdSource::Title;
  TextRange range;  // where it is declared (line 1, empty, for a file name)
  // The line up to range.end: enough to convert the range to another encoding's columns
  // without reading the file again (workspace symbols list thousands).
  std::string head;
};

struct SpecEntry {
  std::string path;
  std::vector<SpecId> ids;   // SpecIndex::ids in its order: ids[0] is the spec's ID
  std::string title;         // the H1 without its ID ("Add retry budget"), markup as written
  TextRange title_range;     // the heading's text; line 0 when the spec has no heading
  std::string title_head;    // its line up to title_range.end (see SpecId::head)
  std::string status, owner;       // field values as written, "" when absent
  std::vector<std::string> mentions;  // every distinct ID the spec mentions outside code, sorted
  std::vector<std::string> linked;    // the files its relative links point at (lexically normal), sorted

  const std::string* primary_id() const { return ids.empty() ? nullptr : &ids.front().id; }
};

SpecEntry summarize_spec(const Document& doc, const SpecIndex& index);

// Every ID written in the document outside code blocks: the mentions references and rename go by.
struct IdMention {
  std::string id;
  TextRange range;
};
std::vector<IdMention> id_mentions(const Document& doc);

// The workspace as navigation sees it: specs by path, and where to read any file's current text
// (an open buffer wins over the disk; nullopt when unreadable).
class SpecDirectory {
 public:
  using ReadText = std::function<std::optional<std::string>(const std::string& path)>;
  explicit SpecDirectory(ReadText read) : read_(std::move(read)) {}

  void put(SpecEntry entry);
  void remove(const std::string& path);
  void clear() { specs_.clear(); }
  const std::map<std::string, SpecEntry>& specs() const { return specs_; }
  const SpecEntry* find(const std::string& path) const;
  // The specs declaring `id`, strongest declaration first then by path.
  std::vector<const SpecEntry*> declaring(std::string_view id) const;
  std::optional<std::string> read(const std::string& path) const { return read_ ? read_(path) : std::nullopt; }

 private:
  std::map<std::string, SpecEntry> specs_;
  ReadText read_;
};

}  // namespace specgate
