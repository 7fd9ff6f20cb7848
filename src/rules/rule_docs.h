// The rule pages (docs/rules/NAME.md), embedded into the binary at build time
// (cmake/embed_templates.cmake): `specgate rules NAME` prints one, SARIF carries it as help.
#pragma once

#include <string_view>
#include <vector>

namespace specgate {

struct RuleDoc {
  std::string_view name;  // file stem: the rule name
  std::string_view text;  // the page's Markdown
};

const std::vector<RuleDoc>& rule_docs();  // generated, sorted by name
// The page of rule `name`, "" when it has none.
std::string_view rule_doc(std::string_view name);

}  // namespace specgate
