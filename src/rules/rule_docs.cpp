#include "rules/rule_docs.h"

namespace specgate {

std::string_view rule_doc(std::string_view name) {
  for (const RuleDoc& d : rule_docs())
    if (d.name == name) return d.text;
  return {};
}

}  // namespace specgate
