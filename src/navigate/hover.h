// Hover: on a spec ID, the spec that declares it (title, status, owner, path); on a field, what
// the template allows there; on a finding, its rule's documentation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "navigate/facts.h"
#include "navigate/position.h"

namespace specgate {

struct Hover {
  std::string markdown;
  TextRange range;
};

// `findings`: the diagnostics the editor shows for this document (model positions), so a hover
// explains exactly those. Parts that apply are joined by rules (an ID inside a field value: both).
std::optional<Hover> hover(const DocumentFacts& facts, const SpecDirectory& specs, TextPos pos,
                           const std::vector<Diagnostic>& findings = {});

// The rule page's summary for a hover: its title line's rule, severity line and "What it checks",
// without the examples that follow; "" when the rule has no page.
std::string rule_hover_text(std::string_view rule);

}  // namespace specgate
