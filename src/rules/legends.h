// Legends: the lines where a spec explains its own notation — `- **[P]**: Can run in parallel`,
// `[Story] label = the user story`, `**Legend**: ✅ Pass | ❌ Violation`. They are the template's
// content, kept on purpose, not instructions or unfilled slots; a bracket a legend defines is a
// label wherever the document uses it. Read by placeholder and template-text.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "model/document.h"
#include "rules/rule.h"

namespace specgate {

struct Legends {
  std::unordered_set<std::string> defined_brackets;  // "Story" for `**[Story]**: ...`
  std::vector<bool> line;  // line[n - 1]: line n belongs to a legend
  bool on(uint32_t l) const { return l >= 1 && l <= line.size() && line[l - 1]; }
};

// The inner text of the bracket a definition line defines ("P" for `**[P]**: Can run ...`,
// `[P] tasks = different files`), or "" when `content` (a line from its content on) is none.
std::string defined_bracket(std::string_view content);

Legends find_legends(const Document& doc);

// find_legends(ctx.doc), made once per check: the first call keeps them in ctx.
const Legends& legends_of(const RuleContext& ctx);

}  // namespace specgate
