#include "support/rule_fixtures.h"

#include "check/checker.h"
#include "cli/common.h"
#include "model/load.h"

namespace specgate::test {

std::string fixture_findings(const std::string& rule, const std::string& md_path) {
  std::string error;
  auto doc = load_document(md_path, error);
  if (!doc) return "load error: " + error + "\n";
  Config config;
  if (auto found = find_config(md_path)) {
    ConfigError ce;
    auto c = load_config(*found, ce);
    if (!c) return "config error: " + ce.message + "\n";
    config = *c;
  }
  TemplateRegistry registry(config);
  CheckOptions opts;
  opts.today = Date{2026, 11, 22};
  opts.enable.push_back(rule);  // rules that are off by default are tested too
  Checker checker(config, registry, opts);
  CheckResult r = checker.check(*doc);
  if (!r.fatal.empty()) return "fatal: " + r.fatal + "\n";
  std::string out;
  for (const auto& d : r.report.diagnostics) {
    if (d.rule != rule) continue;
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + std::string(severity_name(d.severity)) +
           ": " + d.message + "\n";
  }
  return out;
}

}  // namespace specgate::test
