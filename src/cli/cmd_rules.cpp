// `specgate rules`: the rule names, default severities and what each checks.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/edit_distance.h"
#include "rules/registry.h"

namespace specgate::cli {

namespace {

int print_rule_doc(const std::string& name) {
  std::vector<std::string_view> names;
  for (const RuleInfo& r : known_rules()) {
    if (r.name == name && !r.documentation.empty()) {
      std::cout << r.documentation;
      return 0;
    }
    names.push_back(r.name);
  }
  const std::string near = nearest_name(name, names);
  fmt::print(stderr, "specgate: unknown rule '{}'{}\n", name,
             near.empty() ? std::string("; 'specgate rules' lists them") : "; did you mean '" + near + "'?");
  return 2;
}

}  // namespace

void register_rules(CLI::App& app, int& exit_code) {
  auto format = std::make_shared<std::string>("text");
  auto name = std::make_shared<std::string>();
  auto* sub = app.add_subcommand("rules", "List the rules, their default severity and what they check");
  sub->footer("'specgate rules NAME' prints a rule's page (docs/rules/NAME.md, carried in the binary).\n"
              "Change severities or turn rules off in .specgate.yaml:\n\n  rules:\n    section-order: off\n"
              "    unknown-section: note");
  // The names in the type, as an IsMember check would show them: completions and the man page
  // offer them (cli/command_tree reads that list); an unknown name still gets "did you mean".
  std::string names;
  for (const RuleInfo& r : known_rules()) names += (names.empty() ? "" : ",") + std::string(r.name);
  sub->add_option("NAME", *name, "Print this rule's documentation")->type_name("RULE:{" + names + "}");
  add_format_option(*sub, *format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  sub->callback([format, name, &exit_code] {
    if (!name->empty()) {
      exit_code = print_rule_doc(*name);
      return;
    }
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
