// Validates every diagram of the Mermaid docs corpus (../shared/corpus/mermaid/docs); the
// reported time is per diagram. Target: median <= 10 us single-thread.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mermaid/validator.h"

namespace {

std::vector<std::string> load_docs() {
  std::vector<std::string> out;
  std::filesystem::path dir = std::filesystem::path(SPECGATE_SOURCE_DIR) / ".." / "shared" / "corpus" / "mermaid" / "docs";
  if (!std::filesystem::exists(dir)) return out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".mmd") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

void BM_MermaidDocsPerDiagram(benchmark::State& state) {
  static const std::vector<std::string> docs = load_docs();
  if (docs.empty()) {
    state.SkipWithError("no ../shared corpus");
    return;
  }
  for (auto _ : state) {
    for (const std::string& d : docs) benchmark::DoNotOptimize(specgate::mermaid::validate(d));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
  state.counters["us_per_diagram"] = benchmark::Counter(
      static_cast<double>(state.iterations() * docs.size()),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::OneK::kIs1000);
}
BENCHMARK(BM_MermaidDocsPerDiagram)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace
