#include "workspace/run.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "model/load.h"
#include "rules/workspace_rule.h"

namespace specgate {

namespace {

void check_file(size_t i, const std::vector<std::string>& paths, const Checker& checker, const Config& config,
                const RunOptions& options, WorkspaceRun& run) {
  FileOutcome& out = run.files[i];
  out.reported = options.report.empty() || options.report[i];
  std::string error;
  auto doc = load_document(paths[i], error);
  if (!doc) {
    if (out.reported) out.error = error;
    run.index[i].path = paths[i];
    return;
  }
  run.index[i] = build_spec_index(*doc, config, options.index);
  if (!out.reported) return;
  CheckResult r = checker.check(*doc);
  if (!r.fatal.empty()) {
    out.error = r.fatal;
    return;
  }
  out.report = std::move(r.report);
  if (options.per_file) options.per_file(i, *doc, out.report);
  if (!options.keep_diagnostics) {
    for (const auto& d : out.report.diagnostics) ++out.counts[static_cast<int>(d.severity)];
    out.report.diagnostics = {};
    out.report.excerpt_lines = {};
  }
}

// An exception must not escape a worker thread (that would terminate the run with no report).
void process_file(size_t i, const std::vector<std::string>& paths, const Checker& checker, const Config& config,
                  const RunOptions& options, WorkspaceRun& run) {
  try {
    check_file(i, paths, checker, config, options, run);
  } catch (const std::exception& e) {
    run.files[i].error = paths[i] + ": internal error: " + e.what();
  }
}

void apply_workspace_rules(const Checker& checker, const Config& config, bool complete, WorkspaceRun& run) {
  WorkspaceContext ctx{run.index, config, complete};
  for (const auto& rule : all_workspace_rules()) {
    if (!checker.enabled(rule->name(), rule->enabled_by_default())) continue;
    std::vector<WorkspaceFinding> found;
    WorkspaceReporter reporter(rule->name(), found);
    rule->check(ctx, reporter);
    const Severity sev = checker.severity(rule->name(), rule->default_severity());
    for (auto& f : found) {
      FileOutcome& out = run.files[f.file];
      const SpecIndex& idx = run.index[f.file];
      if (!out.reported || !out.error.empty()) continue;
      Diagnostic& d = f.diagnostic;
      if (idx.suppressions.suppressed(d.rule, d.line)) continue;
      d.severity = sev;
      if (auto it = idx.lines.find(d.line); it != idx.lines.end()) {
        if (d.section.empty()) d.section = it->second.section;
        out.report.excerpt_lines.emplace(d.line, it->second.text);
      }
      out.report.diagnostics.push_back(std::move(d));
    }
  }
  for (auto& f : run.files) sort_diagnostics(f.report.diagnostics);
}

}  // namespace

size_t FileOutcome::count(Severity s) const {
  size_t n = counts[static_cast<int>(s)];
  for (const auto& d : report.diagnostics) n += d.severity == s ? 1 : 0;
  return n;
}

unsigned default_jobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

WorkspaceRun run_workspace(const std::vector<std::string>& paths, const Checker& checker, const Config& config,
                           const RunOptions& options) {
  WorkspaceRun run;
  run.files.resize(paths.size());
  run.index.resize(paths.size());
  const unsigned jobs =
      static_cast<unsigned>(std::min<size_t>(options.jobs == 0 ? default_jobs() : options.jobs, paths.size()));
  if (jobs <= 1) {
    for (size_t i = 0; i < paths.size(); ++i) process_file(i, paths, checker, config, options, run);
  } else {
    // Workers take the next file from a shared counter; each writes only its own slots.
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t i = next++; i < paths.size(); i = next++) process_file(i, paths, checker, config, options, run);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  apply_workspace_rules(checker, config, options.complete, run);
  return run;
}

}  // namespace specgate
