#include "lsp/folders.h"

#include <algorithm>

#include "lsp/progress.h"
#include "lsp/project.h"
#include "lsp/session.h"
#include "lsp/uri.h"
#include "workspace/discover.h"
#include "workspace/scope.h"

namespace specgate::lsp {

std::set<std::string> folder_specs(Projects& projects, const std::string& folder) {
  // The folder's own config decides, as for `check FOLDER` run from it (WorkspaceIndex::build).
  const Config& config = projects.for_path(folder + "/.").config;
  DiscoverOptions o;
  o.exclude = config.exclude;
  o.include = config.include;
  o.exclude_base = config.dir;
  const Scope scope = split_specs_and_templates(discover({folder}, o), config, false);
  return {scope.specs.begin(), scope.specs.end()};
}

std::vector<std::string> changed_folders(std::vector<std::string> folders, const std::vector<std::string>& added,
                                         const std::vector<std::string>& removed) {
  std::erase_if(folders, [&](const std::string& f) { return std::find(removed.begin(), removed.end(), f) != removed.end(); });
  for (const std::string& f : added)
    if (std::find(folders.begin(), folders.end(), f) == folders.end()) folders.push_back(f);
  return folders;
}

std::string folder_of(const std::vector<std::string>& folders, const std::string& path) {
  std::string best;
  for (const std::string& f : folders)
    if (path.rfind(f + "/", 0) == 0 && f.size() > best.size()) best = f;
  return best;
}

namespace {

std::vector<std::string> folder_paths(const Json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const Json& f : list)
    if (f.is_object() && f.contains("uri") && f["uri"].is_string())
      if (auto p = uri_to_path(f["uri"].get<std::string>())) out.push_back(*p);
  return out;
}

}  // namespace

void register_workspace_folders(HandlerTable& table) {
  // Folders added: indexed under their own configs; removed: their specs leave the index, and
  // with them the cross-document findings they caused in the documents still open.
  table.notifications["workspace/didChangeWorkspaceFolders"] = [](Session& s, const Json& params) {
    const Json& event = param(params, "event");
    std::vector<std::string> folders =
        changed_folders(s.workspace_folders(), folder_paths(event.value("added", Json())), folder_paths(event.value("removed", Json())));
    if (folders == s.workspace_folders()) return;
    s.set_workspace_folders(std::move(folders));
    // Templates a removed folder registered, and the config-less default directory, go with it.
    s.projects().clear();
    with_progress(s, "specgate: indexing the workspace", [&s] {
      s.rebuild_index();
      s.schedule_publish_all();
      return indexed_message(s.index().records().size());
    });
  };
}

}  // namespace specgate::lsp
