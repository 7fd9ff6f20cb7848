// Checking a set of files on a pool of worker threads, then the cross-document rules over the
// per-file index records. Each worker holds one Document at a time. With RunOptions::on_file,
// each file's outcome is handed over in path order as soon as it and every file before it are
// done, so what outlives a file is only its SpecIndex: memory stays flat however many files and
// findings there are. Without it, outcomes are kept in WorkspaceRun::files.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "check/checker.h"
#include "report/report.h"
#include "spec/index.h"

namespace specgate {

struct FileOutcome;

struct RunOptions {
  unsigned jobs = 0;      // 0: one per core
  bool complete = false;  // the run covers whole directories (see WorkspaceContext::complete)
  // Parallel to the file list; false: index the file for cross-document rules but do not check
  // or report it (--changed). Empty: every file is checked.
  std::vector<bool> report;
  // Files whose text is given rather than read (`check -`: standard input under --stdin-filename).
  std::map<std::string, std::string> contents;
  // false: keep only the number of findings per severity (FileOutcome::counts), not the findings,
  // for callers that only count (status).
  bool keep_diagnostics = true;
  // Called on the worker thread for every checked file while its Document is alive; `i` is the
  // file's position. For per-file extras such as `status` rows; must only touch slot i.
  std::function<void(size_t i, const Document& doc, const FileReport& report)> per_file;
  // Takes each file's outcome, in path order, one call at a time (on whichever worker finished
  // the file). The cross-document findings then come in WorkspaceRun::cross rather than merged
  // into the outcomes.
  std::function<void(size_t i, FileOutcome&& outcome)> on_file;
};

struct FileOutcome {
  FileReport report;
  std::string error;  // could not be read or checked (exit 2), "PATH: reason"
  bool reported = true;
  size_t counts[3] = {0, 0, 0};  // findings dropped by keep_diagnostics = false, by Severity

  size_t count(Severity s) const;  // findings of a severity, kept or dropped
};

struct WorkspaceRun {
  std::vector<FileOutcome> files;  // parallel to the input paths; empty with RunOptions::on_file
  std::vector<SpecIndex> index;    // parallel to the input paths
  // With RunOptions::on_file: the cross-document findings of each file that has any (path, the
  // findings sorted by position, their excerpt lines), in path order.
  std::vector<FileReport> cross;
};

unsigned default_jobs();

// The cross-document rules' findings over `index` (sorted by path), by file position, for the
// files whose `checked` byte is set: suppressions applied, severities and sections set. The
// language server runs it for one edited file against the indexed workspace.
std::vector<std::vector<Diagnostic>> workspace_findings(const Checker& checker, const Config& config, bool complete,
                                                        const std::vector<SpecIndex>& index,
                                                        const std::vector<uint8_t>& checked);

// `paths` must be sorted; results keep their order whatever the scheduling.
WorkspaceRun run_workspace(const std::vector<std::string>& paths, const Checker& checker, const Config& config,
                           const RunOptions& options);

}  // namespace specgate
