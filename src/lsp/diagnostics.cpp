// Findings as LSP diagnostics: the rule name as the code, its page as codeDescription, the
// hint after the message; and the pull model (textDocument/diagnostic).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

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
    // Which finding this is, so a code action request can find its fixes again.
    j["data"] = {{"uri", a.uri}, {"index", i}, {"section", d.section}};
    out.push_back(std::move(j));
  }
  if (!a.fatal.empty())
    out.push_back({{"range", range_json({})}, {"severity", 1}, {"source", "specgate"}, {"message", a.fatal}});
  return out;
}

void register_diagnostics(HandlerTable& table) {
  table.capabilities["diagnosticProvider"] = {
      {"identifier", "specgate"}, {"interFileDependencies", true}, {"workspaceDiagnostics", false}};
  table.requests["textDocument/diagnostic"] = [](Session& s, const Json& params) -> Json {
    std::shared_ptr<const Analysis> a = s.analysis(param_uri(params));
    if (!a) throw RpcError(rpc::kInvalidParams, "no such document: " + param_uri(params));
    return {{"kind", "full"}, {"items", s.lsp_diagnostics(*a)}};
  };
}

}  // namespace specgate::lsp
