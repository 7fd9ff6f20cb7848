// How cost grows with one document's size and number of sections: a spec made of 1, 10, 100
// and 1,000 copies of a template filled in from itself (the built-in system-spec template, ~70
// headings a copy, so 1,000 copies hold ~70,000 sections), checked against that template, and
// printed as the `parse --format json` model. Google Benchmark fits each series' complexity;
// every stage must stay linear (or n log n): a scan of every section per section once made
// 1,000 copies take 35x (check) and 100x (parse JSON) the time of 100. Needs no ../shared.
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>
#include <string>

#include "check/checker.h"
#include "core/malloc_conf.h"
#include "model/document.h"
#include "model/model_json.h"
#include "report/report.h"
#include "schema/builtin_templates.h"
#include "schema/registry.h"

// The binary's allocator settings (src/cli/main.cpp), so that these figures are the binary's:
// without huge pages, page faults alone make 1,000 copies cost far more than 10x 100.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = specgate::kMallocConf;
}

namespace {

constexpr std::string_view kTemplate = "system-spec";

std::string_view template_text() {
  for (const specgate::BuiltinTemplate& t : specgate::builtin_templates()) {
    if (t.name == kTemplate) return t.text;
  }
  return {};
}

// Counts what is written and keeps none of it, like `> /dev/null`: an ostringstream growing to
// the 78 MB report of 1,000 copies would time its own reallocations.
class NullStream : public std::ostream {
 public:
  NullStream() : std::ostream(&buf_) {}
  std::streamsize written() const { return buf_.written; }

 private:
  struct Buf : std::streambuf {
    std::streamsize written = 0;
    int overflow(int c) override {
      ++written;
      return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
      written += n;
      return n;
    }
  } buf_;
};

std::string copies(int64_t n) {
  const std::string_view one = template_text();
  std::string text;
  text.reserve(one.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) text += one;
  return text;
}

void BM_CopiesCheck(benchmark::State& state) {
  if (template_text().empty()) {
    state.SkipWithError("no built-in template 'system-spec'");
    return;
  }
  const std::string text = copies(state.range(0));
  specgate::Config config;
  specgate::TemplateRegistry registry(config);
  specgate::CheckOptions options;
  options.template_ref = std::string(kTemplate);
  options.today = specgate::Date{2026, 1, 31};
  options.enable = {"unknown-section"};  // every rule on
  specgate::Checker checker(config, registry, options);
  size_t findings = 0;
  for (auto _ : state) {
    specgate::RunReport run;
    specgate::Document doc = specgate::build_document(specgate::SourceText("copies.md", text));
    run.files.push_back(checker.check(doc).report);
    findings = run.files[0].diagnostics.size();
    NullStream out;
    specgate::write_text(out, run, {});
    benchmark::DoNotOptimize(out.written());
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CopiesCheck)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->MinTime(2.0)->Complexity()->Unit(benchmark::kMillisecond);

void BM_CopiesParseJson(benchmark::State& state) {
  if (template_text().empty()) {
    state.SkipWithError("no built-in template 'system-spec'");
    return;
  }
  const std::string text = copies(state.range(0));
  for (auto _ : state) {
    specgate::Document doc = specgate::build_document(specgate::SourceText("copies.md", text));
    const std::string json =
        specgate::document_to_json(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    benchmark::DoNotOptimize(json.size());
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CopiesParseJson)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->MinTime(2.0)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace
