#include "targets.h"

#include <string>

#include "check/checker.h"
#include "config/config.h"
#include "export/template_json.h"
#include "template_metadata/template_metadata.h"
#include "mermaid/validator.h"
#include "render/render.h"
#include "model/document.h"
#include "model/model_json.h"
#include "schema/infer.h"
#include "schema/registry.h"
#include "schema/schema_io.h"

namespace specgate::fuzz {

namespace {

std::string bytes_of(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A fixed date keeps runs reproducible.
CheckOptions fixed_options() {
  CheckOptions o;
  o.today = Date{2026, 1, 15};
  return o;
}

}  // namespace

void markdown(const uint8_t* data, size_t size) {
  Document doc = build_document(SourceText("fuzz.md", bytes_of(data, size)));
  for (size_t i = 0; i < doc.sections.size(); ++i) (void)doc.section_path(static_cast<int32_t>(i));
  // The same error handler as `specgate parse --format json`: invalid UTF-8 must not throw.
  (void)document_to_json(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

void mermaid(const uint8_t* data, size_t size) {
  const std::string text = bytes_of(data, size);
  (void)mermaid::validate(text);
  // And drawn, when the type is drawn: layout and the SVG writer see every fuzzed diagram too.
  (void)render::render_svg(text);
}

void infer(const uint8_t* data, size_t size) {
  Document doc = build_document(SourceText("fuzz-template.md", bytes_of(data, size)));
  Schema schema = infer_schema(doc, "fuzz");
  const auto json = schema_to_json(schema);
  std::string error;
  (void)schema_from_json(nlohmann::json::parse(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)), error);
  (void)schema_to_yaml(schema);
}

void check(const uint8_t* data, size_t size) {
  const std::string all = bytes_of(data, size);
  const size_t sep = all.find(kSpecSeparator);
  const std::string tmpl = sep == std::string::npos ? all : all.substr(0, sep);
  const std::string spec = sep == std::string::npos ? all : all.substr(sep + kSpecSeparator.size());

  static const Config config;
  TemplateRegistry registry(config);
  registry.set_override_schema(infer_schema(build_document(SourceText("fuzz-template.md", tmpl)), "fuzz"));
  Checker checker(config, registry, fixed_options());
  const Document doc = build_document(SourceText("fuzz-spec.md", spec));
  (void)checker.check(doc);

  // Without an override the registry auto-detects among the built-in templates. Built once:
  // it only caches the built-ins' schemas, and inferring them on every input would dominate.
  static TemplateRegistry builtin(config);
  static const Checker detect(config, builtin, fixed_options());
  (void)detect.check(doc);
}

void yaml(const uint8_t* data, size_t size) {
  const std::string text = bytes_of(data, size);
  ConfigError error;
  (void)load_config_text("fuzz.yaml", text, error);
  Document doc = build_document(SourceText("fuzz.md", "---\n" + text + "\n---\n# Title\n"));
  (void)doc.front_matter.entries.size();
}

void template_json(const uint8_t* data, size_t size) {
  exporter::ParseOutcome parsed = exporter::parse_template_metadata(bytes_of(data, size));
  if (!parsed.metadata) return;
  (void)exporter::validate(*parsed.metadata);
  (void)exporter::render_template_json(*parsed.metadata);
}

Entry entry(std::string_view name) {
  if (name == "markdown") return markdown;
  if (name == "mermaid") return mermaid;
  if (name == "infer") return infer;
  if (name == "check") return check;
  if (name == "yaml") return yaml;
  if (name == "template_json") return template_json;
  return nullptr;
}

}  // namespace specgate::fuzz
