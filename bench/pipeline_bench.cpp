// The check pipeline stage by stage, on one real 40 KB spec (../shared/corpus/real) held to the
// system-spec template (seed 003): md4c alone, our block tree, the document model, schema
// inference, section matching, every rule on its own, the text report, and the whole check.
// BM_WholeCheck/1 vs /10 (the spec repeated ten times) shows whether cost is linear in input.
// Targets (docs/performance.md): whole check of the 40 KB spec <= 2 ms; /10 <= 11x /1.
#include <benchmark/benchmark.h>
#include <md4c.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "check/checker.h"
#include "core/file_io.h"
#include "markdown/block_tree.h"
#include "model/document.h"
#include "report/report.h"
#include "rules/registry.h"
#include "schema/infer.h"
#include "schema/match.h"
#include "schema/registry.h"

namespace {

namespace fs = std::filesystem;

const fs::path kShared = fs::path(SPECGATE_SOURCE_DIR) / ".." / "shared";
const fs::path kSpec = kShared / "corpus" / "real" / "jscraik__jscraik__.spec__tech-spec-2026-01-20-github-profile-readme-automation.md";

std::string read_or_empty(const fs::path& p) {
  specgate::ReadResult r = specgate::read_file(p.string());
  return r.ok ? std::move(r.bytes) : std::string();
}

fs::path template_path() {
  std::error_code ec;
  for (fs::directory_iterator it(kShared / "seeds", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind("003_", 0) == 0) return it->path();
  }
  return {};
}

// Everything a rule needs, built once.
struct Fixture {
  std::string spec_text;
  std::string template_file;
  specgate::Config config;
  std::unique_ptr<specgate::TemplateRegistry> registry;
  const specgate::Schema* schema = nullptr;
  std::unique_ptr<specgate::Document> doc;
  specgate::SectionMatch match;

  Fixture() {
    spec_text = read_or_empty(kSpec);
    template_file = template_path().string();
    if (spec_text.empty() || template_file.empty()) return;
    registry = std::make_unique<specgate::TemplateRegistry>(config);
    std::string error;
    schema = registry->resolve(template_file, "", error);
    doc = std::make_unique<specgate::Document>(specgate::build_document(specgate::SourceText(kSpec.string(), spec_text)));
    if (schema) match = specgate::match_sections(*schema, *doc);
  }
  bool ok() const { return schema && doc; }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

bool skip_without_fixture(benchmark::State& state) {
  if (fixture().ok()) return false;
  state.SkipWithError("needs ../shared (corpus/real and seeds)");
  return true;
}

void set_bytes(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

int md_noop_block(MD_BLOCKTYPE, void*, void*) { return 0; }
int md_noop_span(MD_SPANTYPE, void*, void*) { return 0; }
int md_noop_text(MD_TEXTTYPE, const MD_CHAR*, MD_SIZE, void*) { return 0; }

void BM_Md4cOnly(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const std::string& text = fixture().spec_text;
  MD_PARSER p{};
  p.flags = MD_DIALECT_GITHUB;
  p.enter_block = md_noop_block;
  p.leave_block = md_noop_block;
  p.enter_span = md_noop_span;
  p.leave_span = md_noop_span;
  p.text = md_noop_text;
  for (auto _ : state) benchmark::DoNotOptimize(md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &p, nullptr));
  set_bytes(state, text.size());
}
BENCHMARK(BM_Md4cOnly)->Unit(benchmark::kMicrosecond);

void BM_SourceText(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const std::string& text = fixture().spec_text;
  for (auto _ : state) {
    specgate::SourceText src("spec.md", text);
    benchmark::DoNotOptimize(src.line_count());
  }
  set_bytes(state, text.size());
}
BENCHMARK(BM_SourceText)->Unit(benchmark::kMicrosecond);

void BM_ParseBlocks(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const specgate::SourceText& src = fixture().doc->source;
  for (auto _ : state) benchmark::DoNotOptimize(specgate::markdown::parse_blocks(src, 0));
  set_bytes(state, src.text().size());
}
BENCHMARK(BM_ParseBlocks)->Unit(benchmark::kMicrosecond);

void BM_BuildDocument(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const std::string& text = fixture().spec_text;
  for (auto _ : state) benchmark::DoNotOptimize(specgate::build_document(specgate::SourceText("spec.md", text)));
  set_bytes(state, text.size());
}
BENCHMARK(BM_BuildDocument)->Unit(benchmark::kMicrosecond);

void BM_InferSchema(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const std::string text = read_or_empty(fixture().template_file);
  for (auto _ : state) {
    specgate::Document d = specgate::build_document(specgate::SourceText("template.md", text));
    benchmark::DoNotOptimize(specgate::infer_schema(d, "template"));
  }
  set_bytes(state, text.size());
}
BENCHMARK(BM_InferSchema)->Unit(benchmark::kMicrosecond);

void BM_MatchSections(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(specgate::match_sections(*f.schema, *f.doc));
}
BENCHMARK(BM_MatchSections)->Unit(benchmark::kMicrosecond);

// One rule alone over the fixture document.
void BM_Rule(benchmark::State& state, const specgate::Rule* rule) {
  if (skip_without_fixture(state)) return;
  const Fixture& f = fixture();
  specgate::RuleContext ctx{*f.doc, f.schema, &f.match, f.config, specgate::Date{2026, 1, 31}};
  size_t found = 0;
  for (auto _ : state) {
    std::vector<specgate::Diagnostic> diags;
    specgate::Reporter reporter(*f.doc, rule->name(), diags);
    rule->check(ctx, reporter);
    found = diags.size();
    benchmark::DoNotOptimize(diags.data());
  }
  state.counters["findings"] = static_cast<double>(found);
  set_bytes(state, f.spec_text.size());
}

const bool kRulesRegistered = [] {
  for (const auto& r : specgate::all_rules()) {
    benchmark::RegisterBenchmark(("BM_Rule/" + std::string(r->name())).c_str(), BM_Rule, r.get())
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

specgate::CheckOptions check_options() {
  specgate::CheckOptions o;
  o.template_ref = fixture().template_file;
  o.today = specgate::Date{2026, 1, 31};
  o.enable = {"unknown-section"};  // every rule on
  return o;
}

void BM_ReportText(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const Fixture& f = fixture();
  specgate::Checker checker(f.config, *f.registry, check_options());
  specgate::RunReport run;
  run.files.push_back(checker.check(*f.doc).report);
  for (auto _ : state) {
    std::ostringstream out;
    specgate::write_text(out, run, {});
    benchmark::DoNotOptimize(out.str().size());
  }
  state.counters["findings"] = static_cast<double>(run.files[0].diagnostics.size());
}
BENCHMARK(BM_ReportText)->Unit(benchmark::kMicrosecond);

// The whole pipeline for one file as `specgate check` runs it: model, template choice, every
// rule, suppressions, and the text report. Arg: how many copies of the spec, end to end.
void BM_WholeCheck(benchmark::State& state) {
  if (skip_without_fixture(state)) return;
  const Fixture& f = fixture();
  std::string text;
  for (int64_t i = 0; i < state.range(0); ++i) text += f.spec_text;
  specgate::Checker checker(f.config, *f.registry, check_options());
  size_t findings = 0;
  for (auto _ : state) {
    specgate::RunReport run;
    specgate::Document doc = specgate::build_document(specgate::SourceText(kSpec.string(), text));
    run.files.push_back(checker.check(doc).report);
    findings = run.files[0].diagnostics.size();
    std::ostringstream out;
    specgate::write_text(out, run, {});
    benchmark::DoNotOptimize(out.str().size());
  }
  state.counters["findings"] = static_cast<double>(findings);
  set_bytes(state, text.size());
}
BENCHMARK(BM_WholeCheck)->Arg(1)->Arg(10)->Unit(benchmark::kMicrosecond);

}  // namespace
