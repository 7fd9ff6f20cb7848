// Checks one spec: picks its template, runs every enabled rule, applies severities and inline
// suppressions, and returns a FileReport. One Checker serves a whole run, from many threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "model/document.h"
#include "report/report.h"
#include "rules/link_targets.h"
#include "schema/registry.h"

namespace specgate {

struct CheckOptions {
  std::string template_ref;  // --template
  Date today = today_utc();
  std::vector<std::string> enable;   // --enable RULE
  std::vector<std::string> disable;  // --disable RULE
  ReportNeeds needs;                  // what the report will show: skip the rest
  bool fixes = false;                 // rules attach fixes to their findings (RuleContext::want_fixes)
};

struct CheckResult {
  FileReport report;
  std::string fatal;  // the spec cannot be checked as asked (unknown template): exit 2
};

class Checker {
 public:
  Checker(const Config& config, TemplateRegistry& registry, CheckOptions options);

  // Validates rule names in config and options; returns messages (empty when all are known).
  std::vector<std::string> validate_rule_names() const;

  CheckResult check(const Document& doc) const;
  // Per-file and cross-document rules alike.
  std::vector<RuleInfo> rule_infos() const;

  // Whether a rule runs and at which severity, after config and --enable/--disable.
  bool enabled(std::string_view rule, bool by_default) const;
  Severity severity(std::string_view rule, Severity by_default) const;

 private:
  // What each of all_rules() does in this run, decided once instead of per file.
  struct RulePlan {
    bool enabled = false;
    Severity severity = Severity::Error;
  };

  const Config& config_;
  TemplateRegistry& registry_;
  CheckOptions options_;
  std::vector<RulePlan> plan_;  // parallel to all_rules()
  bool no_template_note_ = true;
  // Directory listings and anchors of link targets, for this run only (thread-safe).
  std::unique_ptr<LinkTargets> link_targets_ = std::make_unique<LinkTargets>();
};

}  // namespace specgate
