#include "workspace/run.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "model/load.h"
#include "rules/registry.h"
#include "workspace/ordered_hand_off.h"

namespace specgate {

namespace {

void check_file(size_t i, const std::vector<std::string>& paths, const Checker& checker, const Config& config,
                const RunOptions& options, SpecIndex& index, FileOutcome& out) {
  out.reported = options.report.empty() || options.report[i];
  std::string error;
  std::optional<Document> doc;
  if (auto given = options.contents.find(paths[i]); given != options.contents.end()) {
    if (looks_binary(given->second))
      error = paths[i] + ": looks like a binary file (it contains NUL bytes), not Markdown";
    else
      doc = build_document(SourceText(paths[i], given->second));
  } else {
    doc = load_document(paths[i], error);
  }
  if (!doc) {
    if (out.reported) out.error = error;
    index.path = paths[i];
    return;
  }
  index = build_spec_index(*doc, config);
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
FileOutcome process_file(size_t i, const std::vector<std::string>& paths, const Checker& checker,
                         const Config& config, const RunOptions& options, SpecIndex& index) {
  FileOutcome out;
  try {
    check_file(i, paths, checker, config, options, index, out);
  } catch (const std::exception& e) {
    out.error = paths[i] + ": internal error: " + e.what();
  }
  return out;
}

// At most this many checked files wait for an earlier, slower one before being reported.
constexpr size_t kHandOffWindow = 64;

void add_excerpts(const SpecIndex& idx, FileReport& report, const std::vector<Diagnostic>& found) {
  for (const Diagnostic& d : found) {
    if (auto it = idx.lines.find(d.line); it != idx.lines.end()) report.excerpt_lines.emplace(d.line, it->second.text);
  }
}

}  // namespace

std::vector<std::vector<Diagnostic>> workspace_findings(const Checker& checker, const Config& config, bool complete,
                                                        const std::vector<SpecIndex>& index,
                                                        const std::vector<uint8_t>& checked) {
  std::vector<std::vector<Diagnostic>> by_file(index.size());
  WorkspaceContext ctx{index, config, complete};
  for (const auto& rule : all_workspace_rules()) {
    if (!checker.enabled(rule->name(), rule->enabled_by_default())) continue;
    std::vector<WorkspaceFinding> found;
    WorkspaceReporter reporter(rule->name(), found);
    rule->check(ctx, reporter);
    const Severity sev = checker.severity(rule->name(), rule->default_severity());
    for (auto& f : found) {
      if (!checked[f.file]) continue;
      const SpecIndex& idx = index[f.file];
      Diagnostic& d = f.diagnostic;
      if (idx.suppressions.suppressed(d.rule, d.line)) continue;
      d.severity = sev;
      if (auto it = idx.lines.find(d.line); it != idx.lines.end() && d.section.empty()) d.section = it->second.section;
      by_file[f.file].push_back(std::move(d));
    }
  }
  return by_file;
}

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
  run.index.resize(paths.size());
  const bool streaming = static_cast<bool>(options.on_file);
  if (!streaming) run.files.resize(paths.size());
  // Whether a file was checked without error: only those get cross-document findings. Bytes,
  // not vector<bool>: workers write neighbouring slots at once.
  std::vector<uint8_t> checked(paths.size(), 0);
  std::optional<OrderedHandOff<FileOutcome>> hand_off;
  if (streaming) hand_off.emplace(paths.size(), options.on_file, kHandOffWindow);

  // Runs on the file's worker; each call writes only slot i.
  auto one = [&](size_t i) {
    if (hand_off) hand_off->wait_turn(i);
    FileOutcome out = process_file(i, paths, checker, config, options, run.index[i]);
    checked[i] = out.reported && out.error.empty();
    if (hand_off) hand_off->done(i, std::move(out));
    else run.files[i] = std::move(out);
  };
  const unsigned jobs =
      static_cast<unsigned>(std::min<size_t>(options.jobs == 0 ? default_jobs() : options.jobs, paths.size()));
  if (jobs <= 1) {
    for (size_t i = 0; i < paths.size(); ++i) one(i);
  } else {
    // Workers take the next file from a shared counter.
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t i = next++; i < paths.size(); i = next++) one(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }

  std::vector<std::vector<Diagnostic>> found = workspace_findings(checker, config, options.complete, run.index, checked);
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i].empty()) continue;
    sort_diagnostics(found[i]);
    if (streaming) {
      FileReport r;
      r.path = paths[i];
      add_excerpts(run.index[i], r, found[i]);
      r.diagnostics = std::move(found[i]);
      run.cross.push_back(std::move(r));
    } else {
      FileReport& r = run.files[i].report;
      add_excerpts(run.index[i], r, found[i]);
      r.diagnostics.insert(r.diagnostics.end(), std::make_move_iterator(found[i].begin()),
                           std::make_move_iterator(found[i].end()));
      sort_diagnostics(r.diagnostics);
    }
  }
  return run;
}

}  // namespace specgate
