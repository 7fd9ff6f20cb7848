// `specgate rules`: the rule names, default severities and what each checks.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "rules/registry.h"

namespace specgate::cli {

void register_rules(CLI::App& app, int& exit_code) {
  auto format = std::make_shared<std::string>("text");
  auto* sub = app.add_subcommand("rules", "List the rules, their default severity and what they check");
  sub->footer("Each rule is documented in docs/rules/NAME.md. Change severities or turn rules off in\n"
              ".specgate.yaml:\n\n  rules:\n    section-order: off\n    unknown-section: note");
  add_format_option(*sub, *format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  sub->callback([format, &exit_code] {
    if (*format == "json") {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const RuleInfo& r : known_rules())
        j.push_back({{"name", r.name}, {"severity", severity_name(r.default_severity)},
                     {"enabled", r.enabled_by_default}, {"summary", r.summary}});
      std::cout << j.dump(2) << "\n";
    } else {
      for (const RuleInfo& r : known_rules()) {
        fmt::print("{:<20} {:<8} {}{}\n", r.name, severity_name(r.default_severity), r.summary,
                   r.enabled_by_default ? "" : " (off by default)");
      }
    }
    exit_code = 0;
  });
}

}  // namespace specgate::cli
