// The workspace as cross-document rules see it: every spec `check FOLDER` would check in each
// workspace folder (discovery with .gitignore and the config's include/exclude; templates left
// out and offered to auto-detection), each as its small SpecIndex record. Open buffers replace
// their file's record, so unsaved text wins; files changed on disk are read again.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "spec/index.h"

namespace specgate::lsp {

class Projects;
struct Project;

class WorkspaceIndex {
 public:
  // Discovers and indexes the specs of `folders` (absolute paths), reading files in parallel.
  void build(const std::vector<std::string>& folders, Projects& projects);
  // Whether `path` is one of the indexed specs.
  bool covers(const std::string& path) const { return by_path_.count(path) > 0; }
  // Replaces the record of an indexed spec; true when what cross-document rules read (IDs,
  // references, suppressions) changed, so other documents' findings may have too.
  bool update(const std::string& path, SpecIndex record);
  // Reads `path` from disk again (created or changed: indexed when it is under a folder and
  // discovery would take it, which build decides; here: when already indexed or a Markdown file
  // under a folder); removes it when it is gone.
  void reload(const std::string& path, Projects& projects);
  void remove(const std::string& path);

  // The cross-document findings of the indexed spec at `path`, checked with `project`.
  std::vector<Diagnostic> findings_for(const std::string& path, const Project& project) const;

  // Where the other parties of a cross-document finding are (the other declarations of a
  // duplicate ID, the declarations of a cycle's members): (path, line, column, length, what).
  struct Place {
    std::string path;
    uint32_t line = 0, column = 0, length = 0;
    std::string message;
  };
  std::vector<Place> related(const std::string& path, const Diagnostic& d) const;

  // Every record, sorted by path (for the language features: ID lookups, references).
  const std::vector<SpecIndex>& records() const { return records_; }
  const std::vector<std::string>& folders() const { return folders_; }
  // The record of a spec declaring `id` first, or null.
  const SpecIndex* declaring(const std::string& id) const;

 private:
  void reindex_paths();

  std::vector<std::string> folders_;
  std::vector<SpecIndex> records_;         // sorted by path
  std::map<std::string, size_t> by_path_;  // path -> position in records_
};

}  // namespace specgate::lsp
