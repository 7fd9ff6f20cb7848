// The one index of the workspace's specs, for the cross-document rules and the language
// features alike: every spec `check FOLDER` would check in each workspace folder (discovery with
// .gitignore and the config's include/exclude; templates left out and offered to
// auto-detection), each made once from its model into its SpecIndex record (IDs, references,
// suppressions: what the rules read) and its SpecEntry (title, status, mentions, links: what
// navigate/ reads). Open buffers replace their file's record and entry, so unsaved text wins; an
// open Markdown buffer outside the folders gets an entry only (the rules do not see it, as
// `check FOLDER` would not). The cross-document findings are kept up to date from each change's
// delta (workspace/cross_index.h), not by a pass over every record.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/document.h"
#include "navigate/facts.h"
#include "spec/index.h"
#include "workspace/cross_index.h"

namespace specgate::lsp {

class Projects;
struct Project;

class WorkspaceIndex {
 public:
  // `read` gives a file's current text to the language features (an open buffer wins).
  explicit WorkspaceIndex(SpecDirectory::ReadText read) : directory_(std::move(read)) {}

  // Discovers and indexes the specs of `folders` (absolute paths), reading files in parallel.
  void build(const std::vector<std::string>& folders, Projects& projects);
  // Whether `path` is one of the indexed specs (the cross-document rules see it).
  bool covers(const std::string& path) const { return by_path_.count(path) > 0; }
  // An open buffer's model (`generation` of its text): the record and entry of an indexed spec
  // replaced, or the entry of a Markdown file outside the index put. True when what the
  // cross-document rules read (IDs, references, the lines they sit on, suppressions) changed, so
  // other documents' findings may have too.
  bool update(const std::string& path, const Document& doc, const Config& config, uint64_t generation);
  // The buffer generation the entry of `path` was made from; 0 when made from the disk or absent.
  uint64_t generation(const std::string& path) const;
  // Reads `path` from disk again (created or changed: indexed when it is under a folder and
  // discovery would take it, which build decides; here: when already indexed or a Markdown file
  // under a folder); removes it when it is gone.
  void reload(const std::string& path, Projects& projects);
  void remove(const std::string& path);
  // Entries made from buffers that are no longer open go back to their files on disk (or, outside
  // the index, away). True when any did.
  bool release_closed(const std::function<bool(const std::string& path)>& is_open, Projects& projects);
  // Files changed on disk (looked at at most every 2 s) and new files in the folders (at most
  // every 15 s), for clients that do not report them; `is_open` files are left to their buffers.
  // True when anything changed.
  bool refresh(const std::function<bool(const std::string& path)>& is_open, Projects& projects);

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

  // Every record, sorted by path.
  const std::vector<SpecIndex>& records() const { return records_; }
  const SpecIndex* record(const std::string& path) const;
  const std::vector<std::string>& folders() const { return folders_; }
  bool built() const { return built_; }
  // The language features' view (navigate/facts.h): the entries of the records and of the open
  // buffers outside them.
  const SpecDirectory& directory() const { return directory_; }

 private:
  struct Stamp {
    int64_t mtime = 0;
    uint64_t size = 0;
    uint64_t generation = 0;  // of the open buffer the entry was made from; 0: made from the disk
  };
  struct Made {
    SpecIndex record;
    SpecEntry entry;
    Stamp stamp;
  };
  static Made make(const std::string& path, const Config& config);  // from the disk; empty path: unreadable
  // Puts specs not indexed yet (then the positions move: the cross-document index starts again).
  void insert(std::vector<Made> made);
  void replace(size_t i, SpecIndex record);
  void reindex_paths();
  std::vector<std::string> discover(Projects& projects) const;

  std::vector<std::string> folders_;
  bool built_ = false;
  std::vector<SpecIndex> records_;         // sorted by path
  std::map<std::string, size_t> by_path_;  // path -> position in records_
  SpecDirectory directory_;                // an entry per record, and per open buffer outside
  std::map<std::string, Stamp> stamps_;    // per entry of directory_
  CrossIndex cross_;
  std::chrono::steady_clock::time_point last_stat_{}, last_discovery_{};
};

}  // namespace specgate::lsp
