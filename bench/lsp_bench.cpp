// The language server's own work, without the transport (docs/performance.md):
// - BM_LspDiagnosticsAfterChange: one keystroke in a 40 KB spec (../shared/corpus/real) open
//   as a file of the indexed 10k generated corpus (bench/.corpus/c10k), then its diagnostics
//   as publishDiagnostics carries them: the per-file check, the cross-document rules against
//   the whole index, the UTF-16 ranges. Target: p95 <= 5 ms. BM_LspDiagnosticsAfterNewLine: the
//   same when the change moves every ID and reference (the cross-document rules run again).
// - BM_LspColdIndex: discovering and indexing the 10k corpus, as at `initialized`. Target <= 2 s.
// Both skip when their inputs are missing (bench/compare generates the corpus).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/session.h"
#include "lsp/uri.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSpec = fs::path(SPECGATE_SOURCE_DIR) / ".." / "shared" / "corpus" / "real" /
                       "jscraik__jscraik__.spec__tech-spec-2026-01-20-github-profile-readme-automation.md";
const fs::path kCorpus = fs::path(SPECGATE_SOURCE_DIR) / "bench" / ".corpus" / "c10k";

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double p95(const std::vector<double>& v) {
  std::vector<double> s = v;
  std::sort(s.begin(), s.end());
  return s.empty() ? 0 : s[std::min(s.size() - 1, static_cast<size_t>(0.95 * static_cast<double>(s.size())))];
}

// `new_line`: the change inserts (then removes) a line at the top, so every ID and reference
// moves and the cross-document rules run again over the whole index; otherwise a character
// typed on line 10 leaves them in place and their findings are reused.
void diagnostics_after_change(benchmark::State& state, bool new_line) {
  const std::string text = read_all(kSpec);
  if (text.empty() || !fs::is_directory(kCorpus)) {
    state.SkipWithError("needs ../shared/corpus/real and bench/.corpus/c10k (bench/compare makes it)");
    return;
  }
  using namespace specgate::lsp;
  Session session;
  session.set_client(Json::object(), {fs::canonical(kCorpus).string()});
  session.rebuild_index();
  // A file of the corpus, so the cross-document rules run against the other 9,999.
  const std::string path = session.index().records().front().path;
  const std::string uri = path_to_uri(path);
  session.documents().open(uri, "markdown", 1, text);
  benchmark::DoNotOptimize(session.lsp_diagnostics(*session.analysis(uri)));
  int64_t version = 2;
  bool typed = false;
  const uint32_t line = new_line ? 0 : 9;
  for (auto _ : state) {
    const Range at = typed ? Range{{line, 0}, {line + (new_line ? 1u : 0u), new_line ? 0u : 1u}} : Range{{line, 0}, {line, 0}};
    session.documents().change(uri, version++, {{at, typed ? "" : (new_line ? "\n" : "x")}});
    typed = !typed;
    Json diags = session.lsp_diagnostics(*session.analysis(uri));
    benchmark::DoNotOptimize(diags);
  }
  state.counters["records"] = static_cast<double>(session.index().records().size());
}

void BM_LspDiagnosticsAfterChange(benchmark::State& state) { diagnostics_after_change(state, false); }
void BM_LspDiagnosticsAfterNewLine(benchmark::State& state) { diagnostics_after_change(state, true); }
BENCHMARK(BM_LspDiagnosticsAfterChange)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(200)
    ->ComputeStatistics("p95", p95)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_LspDiagnosticsAfterNewLine)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(100)
    ->ComputeStatistics("p95", p95)
    ->ReportAggregatesOnly(true);

void BM_LspColdIndex(benchmark::State& state) {
  if (!fs::is_directory(kCorpus)) {
    state.SkipWithError("needs bench/.corpus/c10k (bench/compare makes it)");
    return;
  }
  using namespace specgate::lsp;
  for (auto _ : state) {
    Session session;
    session.set_client(Json::object(), {fs::canonical(kCorpus).string()});
    session.rebuild_index();
    state.counters["records"] = static_cast<double>(session.index().records().size());
  }
}
BENCHMARK(BM_LspColdIndex)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);

}  // namespace
