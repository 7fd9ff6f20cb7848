// Filling a template into a fresh spec (`specgate new`): the title, dates, the spec's own ID,
// the document status and --var values replace their placeholders; every other placeholder
// stays for the author. Code blocks are never touched.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "model/document.h"

namespace specgate {

struct FillOptions {
  std::string title;  // "" leaves the title placeholder
  std::vector<std::pair<std::string, std::string>> vars;  // --var KEY=VALUE, in order
  std::string id;     // the full ID ("TASK-12"); "" leaves ID placeholders
  Date today;
  int review_interval_days = 90;
  std::string template_ref;  // written as <!-- specgate: template=REF -->; "" writes none
};

struct FillResult {
  std::string text;
  std::vector<std::string> unused_vars;  // --var keys that matched no placeholder
};

// The ID family of the template's own ID placeholder: "TASK" for "# TASK-XXX: ...",
// "ARCH-SUPER" for "ARCH-SUPER-X", "SPEC-EPIC" for "**Spec ID:** SPEC-[EPIC-XXX]"; "" if none.
std::string template_id_family(const Document& tmpl);

FillResult fill_template(const Document& tmpl, const FillOptions& options);

// "Feature/Problem Name" and "feature_problem-name" compare equal: ASCII case and spaces,
// underscores and hyphens are folded away. Used to match --var keys to placeholders.
std::string fold_var_key(std::string_view key);

}  // namespace specgate
