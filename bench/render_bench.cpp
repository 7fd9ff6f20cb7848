// The renderer (#19): every flowchart and state diagram of the Mermaid docs corpus drawn to
// SVG (time per diagram, and the median over diagrams as a counter), a generated 200-node
// flowchart drawn whole, and its layout alone (the part bench/graphviz_layout.c times for
// Graphviz's dot). Targets: median <= 2 ms per corpus diagram, <= 20 ms for 200 nodes.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mermaid/validator.h"
#include "render/layered_layout.h"
#include "render/render.h"

namespace {

std::vector<std::string> renderable_docs() {
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
    std::string src = ss.str();
    specgate::render::RenderResult r = specgate::render::render_svg(src);
    if (r.drawn()) out.push_back(std::move(src));
  }
  return out;
}

// A random DAG (fixed seed): a tree plus one extra edge for every fourth node, as in the
// Graphviz comparison.
std::string flowchart_200() {
  std::string s = "flowchart TD\n";
  unsigned x = 1;
  auto next = [&]() { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
  for (int i = 1; i < 200; ++i) {
    s += "  n" + std::to_string(next() % i) + "[Node " + std::to_string(next() % i) + "] --> n" + std::to_string(i) + "\n";
    if (i % 4 == 0) s += "  n" + std::to_string(next() % i) + " --> n" + std::to_string(i) + "\n";
  }
  return s;
}

void BM_RenderCorpusPerDiagram(benchmark::State& state) {
  static const std::vector<std::string> docs = renderable_docs();
  if (docs.empty()) {
    state.SkipWithError("no ../shared corpus");
    return;
  }
  std::vector<double> each(docs.size());
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      auto t0 = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(specgate::render::render_svg(docs[i]));
      each[i] = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    }
  }
  std::vector<double> sorted = each;
  std::sort(sorted.begin(), sorted.end());
  state.counters["diagrams"] = static_cast<double>(docs.size());
  state.counters["median_us"] = sorted[sorted.size() / 2];
  state.counters["max_us"] = sorted.back();
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(docs.size()));
}
BENCHMARK(BM_RenderCorpusPerDiagram)->Unit(benchmark::kMillisecond);

void BM_Render200NodeFlowchart(benchmark::State& state) {
  const std::string src = flowchart_200();
  for (auto _ : state) benchmark::DoNotOptimize(specgate::render::render_svg(src));
}
BENCHMARK(BM_Render200NodeFlowchart)->Unit(benchmark::kMillisecond);

void BM_Layout200Nodes(benchmark::State& state) {
  specgate::render::LayoutGraph g;
  unsigned x = 1;
  auto next = [&]() { return x = x * 1103515245u + 12345u, (x >> 16) & 0x7fff; };
  g.nodes.assign(200, {72, 36});
  for (size_t i = 1; i < 200; ++i) {
    g.edges.push_back({next() % i, i, 1, 0, 0});
    if (i % 4 == 0) g.edges.push_back({next() % i, i, 1, 0, 0});
  }
  for (auto _ : state) benchmark::DoNotOptimize(specgate::render::layered_layout(g));
}
BENCHMARK(BM_Layout200Nodes)->Unit(benchmark::kMillisecond);

}  // namespace
