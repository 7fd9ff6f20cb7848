// Findings as LSP diagnostics: the rule name as the code, its page as codeDescription, the
// hint after the message; and the pull model (textDocument/diagnostic).
#include <cstdio>
#include <cstdlib>
#include <map>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include <algorithm>

#include "core/source.h"
#include "lsp/session.h"
#include "lsp/uri.h"
#include "rules/rule_docs.h"

namespace specgate::lsp {

namespace {

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Note: return 3;  // Information
  }
  return 3;
}

// specgate has no web site: unless the client names a base URL, each rule's page (carried in
// the binary) is written once to the user's cache directory and linked there, so "open the
// rule's documentation" works offline and matches the binary's version.
std::string local_rule_doc_uri(const std::string& rule) {
  static std::set<std::string> written;
  static std::string dir = [] {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    std::string base = cache != nullptr && *cache == '/' ? cache : home != nullptr ? std::string(home) + "/.cache" : "";
    return base.empty() ? base : base + "/specgate/" SPECGATE_VERSION "/rules";
  }();
  if (dir.empty()) return "";
  const std::string path = dir + "/" + rule + ".md";
  if (!written.count(rule)) {
    const std::string_view page = rule_doc(rule);
    if (page.empty()) return "";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    {
      std::ofstream out(tmp, std::ios::binary);
      out.write(page.data(), static_cast<std::streamsize>(page.size()));
      if (!out) return "";
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return "";
    written.insert(rule);
  }
  return path_to_uri(path);
}

// specgate's 1-based character column in a line's text as a UTF-16 offset.
uint32_t char_column_to_utf16(std::string_view line, uint32_t column) {
  size_t i = 0;
  for (uint32_t c = 1; c < column && i < line.size(); ++c) i += utf8_seq_len(line, i);
  return static_cast<uint32_t>(utf16_length(line.substr(0, std::min(i, line.size()))));
}

Json position_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

}  // namespace

Json range_json(const Range& r) { return {{"start", position_json(r.start)}, {"end", position_json(r.end)}}; }

std::string rule_doc_uri(const Settings& settings, const std::string& rule) {
  if (!settings.rule_docs_base.empty()) return settings.rule_docs_base + rule + ".md";
  return local_rule_doc_uri(rule);
}

Json Session::lsp_diagnostics(const Analysis& a) {
  Json out = Json::array();
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const Diagnostic& d = a.diagnostics[i];
    Json j = {{"range", range_json(a.range(d))},
              {"severity", lsp_severity(d.severity)},
              {"code", d.rule},
              {"source", "specgate"},
              {"message", d.hint.empty() ? d.message : d.message + "\nhint: " + d.hint}};
    if (std::string href = rule_doc_uri(settings_, d.rule); !href.empty()) j["codeDescription"] = {{"href", href}};
    if (std::vector<WorkspaceIndex::Place> places = index_.related(a.path, d); !places.empty()) {
      Json related = Json::array();
      for (const auto& p : places) {
        const SpecIndex* r = index_.record(p.path);
        std::string_view line;
        if (r != nullptr)
          if (auto it = r->lines.find(p.line); it != r->lines.end()) line = it->second.text;
        const uint32_t c0 = char_column_to_utf16(line, p.column), c1 = char_column_to_utf16(line, p.column + p.length);
        related.push_back({{"location", {{"uri", path_to_uri(p.path)}, {"range", range_json({{p.line - 1, c0}, {p.line - 1, c1}})}}},
                           {"message", p.message}});
      }
      j["relatedInformation"] = std::move(related);
    }
    // Which finding this is, so a code action request can find its fixes again.
    j["data"] = {{"uri", a.uri}, {"index", i}, {"section", d.section}};
    out.push_back(std::move(j));
  }
  if (!a.fatal.empty())
    out.push_back({{"range", range_json({})}, {"severity", 1}, {"source", "specgate"}, {"message", a.fatal}});
  return out;
}

namespace {

// A report's result ID: a hash of exactly what it holds, so an unchanged answer is recognised
// whatever happened in between (an edit undone, a rebuild of the index) and needs no bookkeeping.
std::string result_id(const Json& items) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : items.dump(-1, ' ', false, Json::error_handler_t::replace)) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// A full report, or "unchanged" when the client already holds this result.
Json report(const Json& items, const std::string& previous) {
  const std::string id = result_id(items);
  if (id == previous) return {{"kind", "unchanged"}, {"resultId", id}};
  return {{"kind", "full"}, {"resultId", id}, {"items", items}};
}

// The client's previous result ID for a document, "" when none.
std::string previous_id(const Json& params, const char* key) {
  if (!params.is_object()) return "";
  auto it = params.find(key);
  return it != params.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

void register_diagnostics(HandlerTable& table) {
  table.capabilities["diagnosticProvider"] = {
      {"identifier", "specgate"}, {"interFileDependencies", true}, {"workspaceDiagnostics", true}};
  table.requests["textDocument/diagnostic"] = [](Session& s, const Json& params) -> Json {
    const std::string uri = param_uri(params);
    std::shared_ptr<const Analysis> a = s.analysis(uri);
    if (!a) throw RpcError(rpc::kInvalidParams, "no such document: " + uri);
    const Json items = s.lsp_diagnostics(*a);
    Json out = report(items, previous_id(params, "previousResultId"));
    if (out["kind"] == "unchanged") return out;
    // The documents a cross-document finding names (the other declarations of a duplicate ID,
    // a cycle's members) have findings of their own about the same thing: reported alongside.
    Json related = Json::object();
    for (const Json& d : items) {
      if (!d.contains("relatedInformation")) continue;
      for (const Json& r : d["relatedInformation"]) {
        const std::string other = r["location"]["uri"].get<std::string>();
        if (other == uri || related.contains(other)) continue;
        const std::optional<std::string> path = uri_to_path(other);
        const OpenDocument* open = path ? s.documents().find_path(*path) : nullptr;
        if (std::shared_ptr<const Analysis> o = s.analysis(open != nullptr ? open->uri : other))
          related[open != nullptr ? open->uri : other] = report(s.lsp_diagnostics(*o), "");
      }
    }
    if (!related.empty()) out["relatedDocuments"] = std::move(related);
    return out;
  };
  // Every indexed spec and every open document, each as a full report, or as unchanged when
  // the client sent the result ID it holds (previousResultIds).
  table.requests["workspace/diagnostic"] = [](Session& s, const Json& params) -> Json {
    std::map<std::string, std::string> previous;
    if (params.is_object())
      if (auto it = params.find("previousResultIds"); it != params.end() && it->is_array())
        for (const Json& p : *it)
          if (p.is_object() && p.contains("uri") && p["uri"].is_string() && p.contains("value") && p["value"].is_string())
            previous[p["uri"].get<std::string>()] = p["value"].get<std::string>();
    std::vector<std::string> uris;
    for (const SpecIndex& r : s.index().records()) {
      const OpenDocument* open = s.documents().find_path(r.path);
      uris.push_back(open != nullptr ? open->uri : path_to_uri(r.path));
    }
    for (const auto& [uri, d] : s.documents().all())
      if (std::find(uris.begin(), uris.end(), uri) == uris.end()) uris.push_back(uri);
    Json items = Json::array();
    for (const std::string& uri : uris) {
      std::shared_ptr<const Analysis> a = s.analysis(uri);
      if (!a) continue;
      auto prev = previous.find(uri);
      Json item = report(s.lsp_diagnostics(*a), prev != previous.end() ? prev->second : "");
      item["uri"] = uri;
      item["version"] = a->version ? Json(*a->version) : Json(nullptr);
      items.push_back(std::move(item));
    }
    return {{"items", std::move(items)}};
  };
}

}  // namespace specgate::lsp
