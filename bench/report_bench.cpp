// Cost of writing a large report in each format: 1,000 files with 10 findings each, every finding
// with an excerpt line, so the text layout (tabs, wide characters, trimming) is exercised too.
#include <benchmark/benchmark.h>

#include <sstream>

#include "report/report.h"

namespace {

const specgate::RunReport& big_report() {
  static const specgate::RunReport report = [] {
    specgate::RunReport r;
    for (int fi = 0; fi < 1000; ++fi) {
      specgate::FileReport f;
      f.path = "specs/area-" + std::to_string(fi % 17) + "/spec-" + std::to_string(fi) + ".md";
      f.template_name = "feature-tech-spec";
      f.template_reason = "front matter";
      for (uint32_t di = 0; di < 10; ++di) {
        const uint32_t line = 5 + di * 7;
        f.excerpt_lines[line] = di % 3 == 0 ? std::string("-\tItem with a tab and 状态 text") : std::string(180, 'x');
        f.diagnostics.push_back({"missing-section", static_cast<specgate::Severity>(di % 3), line, 3 + di * 10,
                                 line, 9 + di * 10, "required section 'Goals' is missing",
                                 "add a '## Goals' section", "Overview > Scope"});
      }
      r.files.push_back(std::move(f));
    }
    r.rules = {{"missing-section", specgate::Severity::Error, "A required section is absent.", true, {}}};
    return r;
  }();
  return report;
}

void BM_Report(benchmark::State& state, const char* name) {
  const auto& r = big_report();
  const specgate::OutputFormat& format = *specgate::find_output_format(name);
  size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    specgate::write_report(out, r, format);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["diagnostics"] = 10000;
  state.counters["output_bytes"] = static_cast<double>(bytes);
}

BENCHMARK_CAPTURE(BM_Report, text, "text")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Report, json, "json")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Report, sarif, "sarif")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Report, github, "github")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Report, junit, "junit")->Unit(benchmark::kMillisecond);

}  // namespace
