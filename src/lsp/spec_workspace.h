// The workspace's specs as the language features see them (navigate/facts.h): found as `check
// FOLDER` finds them (the project's include/exclude, .gitignore, templates left out) in every
// workspace folder, an open buffer standing for its file, files on disk read again when they
// change. Built on the first request that needs the workspace, then kept in step cheaply.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "navigate/facts.h"

namespace specgate::lsp {

class Session;

class SpecWorkspace {
 public:
  explicit SpecWorkspace(Session& session);

  // The directory, brought up to date with the open buffers and (at most every kRestat) the disk.
  const SpecDirectory& sync();

 private:
  struct Stamp {
    int64_t mtime = 0;
    uint64_t size = 0;
    uint64_t generation = 0;  // of the open buffer the entry was made from; 0: made from the disk
  };
  void discover();
  void load(const std::string& path, const std::string& text, Stamp stamp);
  void reload_from_disk(const std::string& path);

  Session& session_;
  SpecDirectory specs_;
  std::map<std::string, Stamp> stamps_;
  std::vector<std::string> folders_;  // the folders discovery walked
  bool discovered_ = false;
  std::chrono::steady_clock::time_point last_stat_{}, last_discovery_{};
};

}  // namespace specgate::lsp
