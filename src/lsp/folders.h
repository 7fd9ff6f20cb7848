// Workspace folders after start (workspace/didChangeWorkspaceFolders) and which files on disk
// belong to the index: the specs `check FOLDER` would find in a folder, under that folder's own
// `.specgate.yaml` (include/exclude, .gitignore, templates left out).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace specgate::lsp {

class Projects;

// The specs discovery takes in `folder` (absolute), as `check FOLDER` would check them.
std::set<std::string> folder_specs(Projects& projects, const std::string& folder);

// The folder list after a didChangeWorkspaceFolders event: `removed` dropped, `added` appended
// (once each, in the client's order); all absolute paths.
std::vector<std::string> changed_folders(std::vector<std::string> folders, const std::vector<std::string>& added,
                                         const std::vector<std::string>& removed);

// The workspace folder that holds `path` (the deepest, when folders nest), "" when none does.
std::string folder_of(const std::vector<std::string>& folders, const std::string& path);

}  // namespace specgate::lsp
