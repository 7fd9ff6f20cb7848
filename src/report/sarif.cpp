// SARIF 2.1.0 for code-scanning services and editors. One run; rules come from the report's rule
// table, plus any rule a diagnostic names that the table lacks, so every ruleIndex resolves.
#include <nlohmann/json.hpp>

#include <unordered_map>

#include "report/escape.h"
#include "report/report.h"

namespace specgate {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// specgate has no web site, so helpUri (which must be an absolute URI) is left out; the rule's
// page in the repository is named in the help text and in properties instead.
std::string rule_doc_path(const std::string& name) { return "docs/rules/" + name + ".md"; }

Json rule_json(const RuleInfo& rule) {
  Json j;
  j["id"] = rule.name;
  j["shortDescription"] = Json{{"text", rule.summary.empty() ? rule.name : rule.summary}};
  j["help"] = Json{{"text", "See " + rule_doc_path(rule.name) + " in the specgate sources."}};
  j["defaultConfiguration"] =
      Json{{"enabled", rule.enabled_by_default}, {"level", std::string(sarif_level(rule.default_severity))}};
  j["properties"] = Json{{"documentation", rule_doc_path(rule.name)}};
  return j;
}

Json region_json(const Diagnostic& d, const FileReport& file) {
  Json r;
  r["startLine"] = d.line;
  if (d.column > 0) r["startColumn"] = d.column;
  // SARIF regions may not run backwards; an end before the start is dropped, not reported.
  if (d.end_line >= d.line && d.end_line > 0) {
    const bool same_line = d.end_line == d.line;
    if (!same_line || (d.column > 0 && d.end_column >= d.column)) {
      r["endLine"] = d.end_line;
      if (d.end_column > 0 && (!same_line || d.column > 0)) r["endColumn"] = d.end_column;
    }
  }
  auto it = file.excerpt_lines.find(d.line);
  if (it != file.excerpt_lines.end()) r["snippet"] = Json{{"text", it->second}};
  return r;
}

}  // namespace

void write_sarif(std::ostream& out, const RunReport& report) {
  Json rules = Json::array();
  std::unordered_map<std::string, size_t> rule_index;
  auto add_rule = [&](const RuleInfo& info) {
    if (rule_index.count(info.name)) return;
    rule_index.emplace(info.name, rules.size());
    rules.push_back(rule_json(info));
  };
  for (const RuleInfo& r : report.rules) add_rule(r);
  for (const FileReport& f : report.files) {
    for (const Diagnostic& d : f.diagnostics) {
      if (!rule_index.count(d.rule)) add_rule(RuleInfo{d.rule, d.severity, d.rule, true});
    }
  }

  Json artifacts = Json::array();
  Json results = Json::array();
  for (size_t fi = 0; fi < report.files.size(); ++fi) {
    const FileReport& f = report.files[fi];
    const std::string uri = report::path_to_uri(f.path);
    artifacts.push_back(Json{{"location", Json{{"uri", uri}}}, {"roles", Json::array({"analysisTarget"})}});
    for (const Diagnostic& d : f.diagnostics) {
      Json res;
      res["ruleId"] = d.rule;
      res["ruleIndex"] = rule_index.at(d.rule);
      res["level"] = std::string(sarif_level(d.severity));
      std::string text = d.message;
      if (!d.hint.empty()) text += "\nhint: " + d.hint;
      res["message"] = Json{{"text", text}};
      Json physical;
      physical["artifactLocation"] = Json{{"uri", uri}, {"index", fi}};
      if (d.line > 0) physical["region"] = region_json(d, f);
      res["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
      if (!d.section.empty()) res["properties"] = Json{{"section", d.section}};
      results.push_back(std::move(res));
    }
  }

  Json driver;
  driver["name"] = "specgate";
  driver["version"] = SPECGATE_VERSION;
  driver["semanticVersion"] = SPECGATE_VERSION;
  driver["rules"] = std::move(rules);

  Json run;
  run["tool"] = Json{{"driver", std::move(driver)}};
  // specgate counts columns in code points, not the UTF-16 units SARIF viewers assume otherwise.
  run["columnKind"] = "unicodeCodePoints";
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);

  Json root;
  root["$schema"] = kSchemaUri;
  root["version"] = "2.1.0";
  root["runs"] = Json::array({std::move(run)});
  out << root.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace specgate
