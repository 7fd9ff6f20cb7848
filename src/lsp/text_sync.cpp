// Text synchronisation: the client's buffers (incremental changes) and when their diagnostics
// are published: debounced while typing, or on save when the client asks for "onSave".
#include <map>
#include <set>

#include "core/markdown_path.h"
#include "lsp/folders.h"
#include "lsp/progress.h"
#include "lsp/session.h"
#include "lsp/uri.h"

namespace specgate::lsp {

namespace {

Range range_param(const Json& r) {
  auto pos = [](const Json& p) {
    return Position{param(p, "line").get<uint32_t>(), param(p, "character").get<uint32_t>()};
  };
  return {pos(param(r, "start")), pos(param(r, "end"))};
}

bool is_config_file(const std::string& path) {
  return path.ends_with("/.specgate.yaml") || path.ends_with("/.specgate.yml");
}

// A client that also sends other files (a .specgate.yaml it shows) gets no Markdown findings on them.
bool is_markdown_document(const OpenDocument& d) {
  return d.language_id == "markdown" || d.language_id.empty() || is_markdown_path(d.path);
}

// A file created on disk joins the index when discovery of its workspace folder takes it
// (include/exclude, .gitignore, not a template), as a `check FOLDER` run would; each folder is
// walked once per batch of events.
bool is_new_spec(Session& s, const std::string& path, std::map<std::string, std::set<std::string>>& walked) {
  const std::string folder = folder_of(s.workspace_folders(), path);
  if (folder.empty() || !is_markdown_path(path)) return false;
  auto it = walked.find(folder);
  if (it == walked.end()) it = walked.emplace(folder, folder_specs(s.projects(), folder)).first;
  return it->second.count(path) > 0;
}

// A config or template changed: every analysis is stale, and open documents are published anew.
void configuration_changed(Session& s) {
  s.projects().clear();
  s.rebuild_index();  // include/exclude and the repository templates come from the config
  s.schedule_publish_all();
}

}  // namespace

void register_text_sync(HandlerTable& table) {
  table.capabilities["textDocumentSync"] = {
      {"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", false}}}};

  table.notifications["textDocument/didOpen"] = [](Session& s, const Json& params) {
    const Json& doc = param(params, "textDocument");
    const OpenDocument& d = s.documents().open(param_string(doc, "uri"), doc.value("languageId", ""),
                                               doc.value("version", int64_t{0}), param_string(doc, "text"));
    if (is_markdown_document(d)) s.schedule_publish(d.uri, true);
  };
  table.notifications["textDocument/didChange"] = [](Session& s, const Json& params) {
    const std::string uri = param_uri(params);
    std::vector<ContentChange> changes;
    for (const Json& c : param(params, "contentChanges")) {
      ContentChange change;
      change.text = param_string(c, "text");
      if (c.contains("range")) change.range = range_param(c["range"]);
      changes.push_back(std::move(change));
    }
    const int64_t version = param(params, "textDocument").value("version", int64_t{0});
    if (!s.documents().change(uri, version, changes)) throw RpcError(rpc::kInvalidParams, "document not open: " + uri);
    const OpenDocument* d = s.documents().find(uri);
    if (s.settings().on_type && is_markdown_document(*d)) s.schedule_publish(uri);
  };
  table.notifications["textDocument/didSave"] = [](Session& s, const Json& params) {
    const std::string uri = param_uri(params);
    const OpenDocument* d = s.documents().find(uri);
    if (d == nullptr) return;
    if (is_config_file(d->path)) configuration_changed(s);
    else if (is_markdown_document(*d)) s.schedule_publish(uri, true);
  };
  table.notifications["textDocument/didClose"] = [](Session& s, const Json& params) {
    const std::string uri = param_uri(params);
    const OpenDocument* d = s.documents().find(uri);
    const std::string path = d != nullptr ? d->path : "";
    s.documents().close(uri);
    s.clear_published(uri);
    // Unsaved text is gone: the file on disk counts again for the other documents.
    if (!path.empty() && s.index().covers(path)) {
      s.index().reload(path, s.projects());
      s.invalidate_all();
      s.schedule_publish_all(false);
    }
  };
  // The client is ready: index the workspace, and ask to hear about files changed outside
  // the editor when the client can watch them for us.
  table.notifications["initialized"] = [](Session& s, const Json&) {
    with_progress(s, "specgate: indexing the workspace", [&s] {
      s.rebuild_index();
      return indexed_message(s.index().records().size());
    });
    const Json& caps = s.client_capabilities();
    const Json* watched = nullptr;
    if (caps.contains("workspace") && caps["workspace"].is_object() && caps["workspace"].contains("didChangeWatchedFiles"))
      watched = &caps["workspace"]["didChangeWatchedFiles"];
    if (watched != nullptr && watched->is_object() && watched->value("dynamicRegistration", false)) {
      s.request("client/registerCapability",
                {{"registrations",
                  {{{"id", "specgate-watch"},
                    {"method", "workspace/didChangeWatchedFiles"},
                    {"registerOptions",
                     {{"watchers",
                       {{{"globPattern", "**/*.{md,markdown,mdown,mkd}"}}, {{"globPattern", "**/.specgate.{yaml,yml}"}},
                        {{"globPattern", "**/.gitignore"}}}}}}}}}});
    }
  };
  table.notifications["workspace/didChangeConfiguration"] = [](Session& s, const Json& params) {
    if (auto it = params.find("settings"); it != params.end() && it->is_object()) {
      s.update_settings(it->contains("specgate") ? (*it)["specgate"] : *it);
      s.invalidate_all();
      s.schedule_publish_all();
    }
  };
  table.notifications["workspace/didChangeWatchedFiles"] = [](Session& s, const Json& params) {
    bool rebuild = false, changed = false;
    std::map<std::string, std::set<std::string>> walked;  // folder -> its specs, for this batch
    for (const Json& change : params.value("changes", Json::array())) {
      if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string()) continue;
      const std::optional<std::string> path = uri_to_path(change["uri"].get<std::string>());
      if (!path) continue;
      if (is_config_file(*path) || path->ends_with("/.gitignore")) {
        rebuild = true;
        continue;
      }
      if (s.documents().find_path(*path) != nullptr) continue;  // the open buffer wins
      if (change.value("type", 0) == 3 /* deleted */) {
        // A deleted directory is reported as itself: its specs go too.
        std::vector<std::string> gone{*path};
        for (const SpecIndex& r : s.index().records())
          if (r.path.rfind(*path + "/", 0) == 0) gone.push_back(r.path);
        for (const std::string& g : gone) s.index().remove(g);
      } else if (s.index().covers(*path) || is_new_spec(s, *path, walked)) {
        s.index().reload(*path, s.projects());
      } else {
        continue;
      }
      changed = true;
    }
    if (rebuild) configuration_changed(s);
    else if (changed) {
      s.invalidate_all();
      s.schedule_publish_all(false);
    }
  };
}

}  // namespace specgate::lsp
