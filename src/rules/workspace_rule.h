// A cross-document rule: it sees the per-file index records of the whole run (never the
// Documents, which are gone by then) and reports findings in any of the files. One file per rule
// in src/rules/, listed in registry.cpp, documented in docs/rules/NAME.md, with fixture
// workspaces in tests/fixtures/workspaces/NAME/{fires,silent}/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "spec/index.h"

namespace specgate {

struct WorkspaceContext {
  const std::vector<SpecIndex>& files;  // sorted by path; a finding names its file by index
  const Config& config;
  // The run covers whole directories (or globs), so an ID nobody declares is really missing.
  // A run over single files cannot know that.
  bool complete = false;
};

// The record of the file at `path` (as discovered: lexically normal, e.g. the target of a
// relative link resolved against the linking file's directory), or null when the run has none.
const SpecIndex* find_spec(const WorkspaceContext& ctx, const std::string& path);

struct WorkspaceFinding {
  size_t file = 0;
  Diagnostic diagnostic;
};

class WorkspaceReporter {
 public:
  WorkspaceReporter(std::string_view rule, std::vector<WorkspaceFinding>& out) : rule_(rule), out_(out) {}
  // A range on one line of files[file], in characters: [column, column + length).
  void report(size_t file, uint32_t line, uint32_t column, uint32_t length, std::string message,
              std::string hint = "");

 private:
  std::string_view rule_;
  std::vector<WorkspaceFinding>& out_;
};

class WorkspaceRule {
 public:
  virtual ~WorkspaceRule() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view summary() const = 0;
  virtual Severity default_severity() const { return Severity::Error; }
  virtual bool enabled_by_default() const { return true; }
  virtual void check(const WorkspaceContext& ctx, WorkspaceReporter& out) const = 0;
};

}  // namespace specgate
