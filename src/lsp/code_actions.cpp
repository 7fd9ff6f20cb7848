// Code actions from the fix engine (src/fix): each fix attached to a finding in the requested
// range becomes a quick fix (safe fixes preferred, the editor-only ones offered beside them), and
// `source.fixAll.specgate` applies every safe fix until none applies, exactly as `check --fix`.
#include <algorithm>

#include "fix/apply.h"
#include "lsp/session.h"

namespace specgate::lsp {

Json range_json(const Range& r);  // lsp/diagnostics.cpp

namespace {

Range range_param(const Json& r) {
  auto pos = [](const Json& p) { return Position{p.at("line").get<uint32_t>(), p.at("character").get<uint32_t>()}; };
  return {pos(r.at("start")), pos(r.at("end"))};
}

bool before(Position a, Position b) { return a.line < b.line || (a.line == b.line && a.character < b.character); }
bool overlaps(const Range& a, const Range& b) { return !before(a.end, b.start) && !before(b.end, a.start); }

bool wants(const Json& only, std::string_view kind) {
  if (!only.is_array()) return true;
  for (const Json& k : only) {
    if (!k.is_string()) continue;
    const std::string s = k.get<std::string>();
    // A requested kind covers its sub-kinds: "source" asks for "source.fixAll.specgate".
    if (kind == s || (kind.size() > s.size() && kind.substr(0, s.size()) == s && kind[s.size()] == '.')) return true;
  }
  return false;
}

// A WorkspaceEdit for one document: versioned when the client takes documentChanges.
Json workspace_edit(Session& s, const Analysis& a, Json edits) {
  const Json& caps = s.client_capabilities();
  const bool versioned = caps.contains("workspace") && caps["workspace"].is_object() &&
                         caps["workspace"].contains("workspaceEdit") && caps["workspace"]["workspaceEdit"].is_object() &&
                         caps["workspace"]["workspaceEdit"].value("documentChanges", false);
  if (versioned) {
    Json doc = {{"uri", a.uri}, {"version", a.version ? Json(*a.version) : Json(nullptr)}};
    return {{"documentChanges", Json::array({{{"textDocument", doc}, {"edits", std::move(edits)}}})}};
  }
  return {{"changes", {{a.uri, std::move(edits)}}}};
}

Json text_edit(const Analysis& a, size_t begin, size_t end, const std::string& text) {
  return {{"range", range_json({a.lines.position_of(begin), a.lines.position_of(end)})}, {"newText", text}};
}

// The whole-document fix as one edit: the changed middle between the common prefix and suffix,
// so the editor keeps the cursor and folds outside it.
Json minimal_edit(const Analysis& a, const std::string& after) {
  const std::string_view before_text = a.doc.source.text();
  size_t p = 0;
  const size_t n = std::min(before_text.size(), after.size());
  while (p < n && before_text[p] == after[p]) ++p;
  // Never split a UTF-8 sequence: back up to a character start.
  while (p > 0 && (static_cast<unsigned char>(before_text[p]) & 0xC0) == 0x80) --p;
  size_t q = 0;
  while (q < n - p && before_text[before_text.size() - 1 - q] == after[after.size() - 1 - q]) ++q;
  while (q > 0 && (static_cast<unsigned char>(before_text[before_text.size() - q]) & 0xC0) == 0x80) --q;
  return text_edit(a, p, before_text.size() - q, after.substr(p, after.size() - q - p));
}

}  // namespace

void register_code_actions(HandlerTable& table) {
  table.capabilities["codeActionProvider"] = {{"codeActionKinds", {"quickfix", "source.fixAll.specgate"}}};
  table.requests["textDocument/codeAction"] = [](Session& s, const Json& params) -> Json {
    std::shared_ptr<const Analysis> a = s.analysis(param_uri(params));
    Json actions = Json::array();
    if (!a) return actions;
    const Range asked = range_param(param(params, "range"));
    const Json context = params.value("context", Json::object());
    const Json only = context.is_object() ? context.value("only", Json(nullptr)) : Json(nullptr);
    const Json shown = s.lsp_diagnostics(*a);
    if (wants(only, "quickfix")) {
      for (size_t i = 0; i < a->diagnostics.size(); ++i) {
        const Diagnostic& d = a->diagnostics[i];
        if (d.fixes.empty() || !overlaps(a->range(d), asked)) continue;
        // An unambiguous fix is the one an editor applies on its own ("preferred").
        const size_t safe = static_cast<size_t>(std::count_if(d.fixes.begin(), d.fixes.end(), [](const Fix& f) { return f.safe; }));
        for (const Fix& f : d.fixes) {
          if (f.edits.empty()) continue;
          bool refused = false;
          for (const TextEdit& e : f.edits) refused = refused || !edit_refusal(a->doc, d.rule, e).empty();
          if (refused) continue;
          Json edits = Json::array();
          for (const TextEdit& e : f.edits) edits.push_back(text_edit(*a, e.begin, e.end, e.text));
          Json action = {{"title", f.title},
                         {"kind", "quickfix"},
                         {"diagnostics", Json::array({shown[i]})},
                         {"edit", workspace_edit(s, *a, std::move(edits))}};
          if (f.safe && safe == 1) action["isPreferred"] = true;
          actions.push_back(std::move(action));
        }
      }
    }
    if (wants(only, "source.fixAll.specgate") && only.is_array()) {
      // Only when asked for: computing it checks the document again, pass after pass.
      FixedText fixed = fix_text(a->project->checker, a->path, std::string(a->doc.source.text()));
      if (fixed.applied > 0 && fixed.text != a->doc.source.text()) {
        actions.push_back({{"title", "Fix all safe specgate findings (" + std::to_string(fixed.applied) + ")"},
                           {"kind", "source.fixAll.specgate"},
                           {"edit", workspace_edit(s, *a, Json::array({minimal_edit(*a, fixed.text)}))}});
      }
    }
    return actions;
  };
}

}  // namespace specgate::lsp
