// The language features (src/navigate) as LSP methods: completion, hover, definition,
// references, document and workspace symbols, rename. Each handler turns the request's UTF-16
// position into the model's (line, byte), asks navigate/, and turns its answer back.
#include <algorithm>
#include <optional>

#include "core/file_io.h"
#include "lsp/session.h"
#include "lsp/uri.h"
#include "navigate/completion.h"
#include "navigate/hover.h"
#include "navigate/navigation.h"
#include "navigate/symbols.h"

namespace specgate::lsp {

namespace {

// LSP enumerations (3.17).
namespace kind {
inline constexpr int kSnippet = 15, kValue = 12, kReference = 18, kFile = 17, kConstant = 21;  // CompletionItemKind
inline constexpr int kFileSymbol = 1, kNamespace = 3, kKey = 20;                               // SymbolKind
}  // namespace kind

// The byte offset where line `p.line` of `source`'s text starts (the BOM is not part of line 1).
size_t line_start(const SourceText& source, uint32_t line) {
  return source.line_begin(line) + (line == 1 ? source.content_begin() : 0);
}

// A position of a text we hold as an Analysis.
struct Text {
  const SourceText& source;
  const LineIndex& lines;

  TextPos to_pos(const Json& position) const {
    const Position p{param(position, "line").get<uint32_t>(), param(position, "character").get<uint32_t>()};
    const size_t offset = lines.offset_of(p);
    const uint32_t line = source.line_of(offset);
    const size_t start = line_start(source, line);
    return {line, static_cast<uint32_t>(offset > start ? offset - start : 0)};
  }
  Json to_json(TextPos p) const {
    const Position lp = lines.position_of(std::min(line_start(source, p.line) + p.byte, source.text().size()));
    return {{"line", lp.line}, {"character", lp.character}};
  }
  Json to_json(const TextRange& r) const { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }
};

// Converts ranges in files other than the request's, reading each once (buffer or disk).
class OtherFiles {
 public:
  explicit OtherFiles(const SpecDirectory& specs) : specs_(specs) {}

  std::optional<Json> range(const std::string& path, const TextRange& r) {
    auto it = files_.find(path);
    if (it == files_.end()) {
      std::optional<std::string> text = specs_.read(path);
      if (!text) return std::nullopt;
      auto file = std::make_unique<File>(path, std::move(*text));
      it = files_.emplace(path, std::move(file)).first;
    }
    const File& f = *it->second;
    return Text{f.source, f.lines}.to_json(r);
  }

 private:
  struct File {
    File(const std::string& path, std::string text) : source(path, std::move(text)), lines(source.text()) {}
    SourceText source;
    LineIndex lines;
  };
  const SpecDirectory& specs_;
  std::map<std::string, std::unique_ptr<File>> files_;
};

// The request's document: its analysis and facts. Null analysis: not open and not readable.
struct Request {
  std::shared_ptr<const Analysis> analysis;
  std::optional<DocumentFacts> facts;
  std::optional<Text> text;
  TextPos pos;
};

Request request(Session& s, const Json& params, bool with_position = true) {
  Request r;
  r.analysis = s.analysis(param_uri(params));
  if (!r.analysis) return r;
  const Analysis& a = *r.analysis;
  static const Config kDefaults;
  const Config& config = a.project ? a.project->config : kDefaults;
  r.facts.emplace(document_facts(a.doc, config, a.schema()));
  r.text.emplace(Text{a.doc.source, a.lines});
  if (with_position) r.pos = r.text->to_pos(param(params, "position"));
  return r;
}

Json locations(Session& s, const Request& r, const std::vector<FileRange>& ranges, const SpecDirectory& specs) {
  Json out = Json::array();
  OtherFiles others(specs);
  for (const FileRange& fr : ranges) {
    if (fr.path == r.analysis->path) {
      out.push_back({{"uri", r.analysis->uri}, {"range", r.text->to_json(fr.range)}});
    } else if (auto range = others.range(fr.path, fr.range)) {
      out.push_back({{"uri", path_to_uri(fr.path)}, {"range", *range}});
    }
  }
  (void)s;
  return out;
}

int completion_kind(CompletionKind k) {
  switch (k) {
    case CompletionKind::Section: return kind::kSnippet;
    case CompletionKind::Value: return kind::kValue;
    case CompletionKind::SpecId: return kind::kReference;
    case CompletionKind::File: return kind::kFile;
    case CompletionKind::Anchor: return kind::kConstant;
  }
  return kind::kValue;
}

Json completion(Session& s, const Json& params) {
  Request r = request(s, params);
  if (!r.analysis) return nullptr;
  const Completions c = complete(*r.facts, s.specs(), r.pos);
  Json items = Json::array();
  for (const CompletionItem& i : c.items) {
    Json item = {{"label", i.label},
                 {"kind", completion_kind(i.kind)},
                 {"insertTextFormat", 1},
                 {"textEdit", {{"range", r.text->to_json(i.range)}, {"newText", i.insert_text}}}};
    if (!i.detail.empty()) item["detail"] = i.detail;
    if (!i.documentation.empty()) item["documentation"] = {{"kind", "markdown"}, {"value", i.documentation}};
    if (!i.sort_text.empty()) item["sortText"] = i.sort_text;
    if (!i.filter_text.empty()) item["filterText"] = i.filter_text;
    items.push_back(std::move(item));
  }
  return {{"isIncomplete", c.incomplete}, {"items", std::move(items)}};
}

Json hover_request(Session& s, const Json& params) {
  Request r = request(s, params);
  if (!r.analysis) return nullptr;
  const std::optional<Hover> h = hover(*r.facts, s.specs(), r.pos, r.analysis->diagnostics);
  if (!h) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", h->markdown}}}, {"range", r.text->to_json(h->range)}};
}

Json definition_request(Session& s, const Json& params) {
  Request r = request(s, params);
  if (!r.analysis) return nullptr;
  const SpecDirectory& specs = s.specs();
  return locations(s, r, definition(*r.facts, specs, r.pos), specs);
}

Json references_request(Session& s, const Json& params) {
  Request r = request(s, params);
  if (!r.analysis) return nullptr;
  bool declarations = false;
  if (auto c = params.find("context"); c != params.end() && c->is_object())
    declarations = c->value("includeDeclaration", false);
  const SpecDirectory& specs = s.specs();
  return locations(s, r, references(*r.facts, specs, r.pos, declarations), specs);
}

Json document_symbol(const Text& text, const DocumentSymbol& d) {
  Json children = Json::array();
  for (const DocumentSymbol& c : d.children) children.push_back(document_symbol(text, c));
  Json out = {{"name", d.name},
              {"kind", kind::kNamespace},
              {"range", text.to_json(d.range)},
              {"selectionRange", text.to_json(d.selection)},
              {"children", std::move(children)}};
  if (!d.detail.empty()) out["detail"] = d.detail;
  return out;
}

Json document_symbols_request(Session& s, const Json& params) {
  Request r = request(s, params, /*with_position=*/false);
  if (!r.analysis) return nullptr;
  Json out = Json::array();
  for (const DocumentSymbol& d : document_symbols(*r.facts)) out.push_back(document_symbol(*r.text, d));
  return out;
}

Json workspace_symbols_request(Session& s, const Json& params) {
  const SpecDirectory& specs = s.specs();
  const std::string query = params.is_object() ? params.value("query", "") : "";
  Json out = Json::array();
  for (const WorkspaceSymbol& w : workspace_symbols(specs, query)) {
    // One line, whose text up to the end the symbol carries: no file is read for it.
    const TextRange& r = w.location.range;
    const std::string_view head = w.head;
    const auto at = [&](TextPos p) {
      return Json{{"line", p.line - 1}, {"character", utf16_length(head.substr(0, std::min<size_t>(p.byte, head.size())))}};
    };
    out.push_back({{"name", w.name},
                   {"kind", w.kind == SymbolKind::SpecId ? kind::kKey : kind::kFileSymbol},
                   {"containerName", w.container},
                   {"location", {{"uri", path_to_uri(w.location.path)}, {"range", {{"start", at(r.start)}, {"end", at(r.end)}}}}}});
  }
  return out;
}

Json prepare_rename_request(Session& s, const Json& params) {
  Request r = request(s, params);
  if (!r.analysis) return nullptr;
  const std::optional<IdAtCursor> id = prepare_rename(*r.facts, r.pos);
  if (!id) return nullptr;
  return {{"range", r.text->to_json(id->range)}, {"placeholder", id->id}};
}

// Whether the client applies RenameFile operations in a WorkspaceEdit.
bool client_renames_files(const Session& s) {
  const Json& caps = s.client_capabilities();
  const auto w = caps.find("workspace");
  if (w == caps.end() || !w->is_object()) return false;
  const auto e = w->find("workspaceEdit");
  if (e == w->end() || !e->is_object()) return false;
  const auto ops = e->find("resourceOperations");
  return ops != e->end() && ops->is_array() && std::find(ops->begin(), ops->end(), Json("rename")) != ops->end();
}

Json rename_request(Session& s, const Json& params) {
  Request r = request(s, params);
  if (!r.analysis) return nullptr;
  const SpecDirectory& specs = s.specs();
  const bool rename_files = client_renames_files(s);
  const RenameResult result = rename_id(*r.facts, specs, r.pos, param_string(params, "newName"), rename_files);
  if (!result.error.empty()) throw RpcError(rpc::kRequestFailed, result.error);
  // A document the client has open is named by its URI, with its version.
  const auto uri_of = [&](const std::string& path) {
    if (path == r.analysis->path) return r.analysis->uri;
    const OpenDocument* open = s.documents().find_path(path);
    return open != nullptr ? open->uri : path_to_uri(path);
  };
  Json changes = Json::object();
  Json document_changes = Json::array();
  OtherFiles others(specs);
  for (const auto& [path, edits] : result.edits) {
    const bool self = path == r.analysis->path;
    Json list = Json::array();
    for (const RenameEdit& e : edits) {
      std::optional<Json> range = self ? std::optional<Json>(r.text->to_json(e.range)) : others.range(path, e.range);
      if (range) list.push_back({{"range", *range}, {"newText", e.text}});
    }
    Json version = nullptr;  // a file not open: as on disk
    if (self && r.analysis->version) version = *r.analysis->version;
    else if (const OpenDocument* open = self ? nullptr : s.documents().find_path(path)) version = open->version;
    document_changes.push_back({{"textDocument", {{"uri", uri_of(path)}, {"version", std::move(version)}}}, {"edits", list}});
    changes[uri_of(path)] = std::move(list);
  }
  if (result.files.empty()) return {{"changes", std::move(changes)}};
  // The files named after the ID move after their text is edited (the edits name the old URIs).
  for (const FileMove& m : result.files)
    document_changes.push_back({{"kind", "rename"}, {"oldUri", uri_of(m.from)}, {"newUri", path_to_uri(m.to)}});
  return {{"documentChanges", std::move(document_changes)}};
}

}  // namespace

void register_features(HandlerTable& table) {
  table.requests["textDocument/completion"] = completion;
  table.requests["textDocument/hover"] = hover_request;
  table.requests["textDocument/definition"] = definition_request;
  table.requests["textDocument/references"] = references_request;
  table.requests["textDocument/documentSymbol"] = document_symbols_request;
  table.requests["workspace/symbol"] = workspace_symbols_request;
  table.requests["textDocument/prepareRename"] = prepare_rename_request;
  table.requests["textDocument/rename"] = rename_request;
  table.capabilities["completionProvider"] = {{"triggerCharacters", {"#", "(", "-"}}, {"resolveProvider", false}};
  table.capabilities["hoverProvider"] = true;
  table.capabilities["definitionProvider"] = true;
  table.capabilities["referencesProvider"] = true;
  table.capabilities["documentSymbolProvider"] = true;
  table.capabilities["workspaceSymbolProvider"] = true;
  table.capabilities["renameProvider"] = {{"prepareProvider", true}};
}

}  // namespace specgate::lsp
