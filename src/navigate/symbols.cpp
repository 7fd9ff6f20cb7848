#include "navigate/symbols.h"

#include <algorithm>

#include "core/concat.h"
#include "core/text.h"
#include "spec/ids.h"

namespace specgate {

namespace {

DocumentSymbol symbol_of(const DocumentFacts& f, int32_t i) {
  const Document& doc = f.doc;
  const Section& s = doc.sections[i];
  DocumentSymbol sym;
  sym.name = s.title.empty() ? std::string(s.level, '#') : s.title;
  sym.level = s.level;
  sym.selection = range_of_chars(doc.source, s.line, s.column, static_cast<uint32_t>(count_chars(s.title)));
  const uint32_t last = std::max(s.line, std::min(s.end_line, doc.source.line_count()));
  sym.range = {{s.line, 0}, {last, static_cast<uint32_t>(doc.source.line(last).size())}};
  if (f.schema && static_cast<size_t>(i) < f.match.spec_of.size() && f.match.spec_of[i] >= 0) {
    const SectionSpec& spec = f.schema->sections[f.match.spec_of[i]];
    if (spec.title != s.title) sym.detail = concat({"template: ", spec.title});
  }
  for (int32_t c : s.children) sym.children.push_back(symbol_of(f, c));
  return sym;
}

// Whether `query` occurs in `text`, ASCII case ignored.
bool matches(std::string_view query, std::string_view text) {
  if (query.size() > text.size()) return false;
  for (size_t i = 0; i + query.size() <= text.size(); ++i) {
    if (iequals(text.substr(i, query.size()), query)) return true;
  }
  return false;
}

}  // namespace

std::vector<DocumentSymbol> document_symbols(const DocumentFacts& f) {
  std::vector<DocumentSymbol> out;
  for (int32_t i = 0; i < static_cast<int32_t>(f.doc.sections.size()); ++i) {
    if (f.doc.sections[i].parent < 0) out.push_back(symbol_of(f, i));
  }
  return out;
}

std::vector<WorkspaceSymbol> workspace_symbols(const SpecDirectory& specs, std::string_view query, size_t limit) {
  std::vector<WorkspaceSymbol> out;
  for (const auto& [path, e] : specs.specs()) {
    bool any = false;
    for (const SpecId& id : e.ids) {
      if (id.source == IdSource::FileName && any) continue;  // the file name repeats a declared ID
      any = true;
      std::string name = e.title.empty() ? id.id : concat({id.id, ": ", e.title});
      if (!matches(query, name)) continue;
      out.push_back({std::move(name), path, SymbolKind::SpecId, {path, id.range}, id.head});
    }
    if (!any && !e.title.empty() && matches(query, e.title))
      out.push_back({e.title, path, SymbolKind::Title, {path, e.title_range}, e.title_head});
  }
  std::stable_sort(out.begin(), out.end(), [](const WorkspaceSymbol& a, const WorkspaceSymbol& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.kind == SymbolKind::SpecId ? id_less(a.name, b.name) : a.name < b.name;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace specgate
