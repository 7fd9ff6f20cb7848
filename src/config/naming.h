// File names for new specs: patterns such as "TASK-{n}-{slug}.md" or
// "directives/spec/{date}_spec_{slug}.md", one per template (built-in defaults, or `naming:` in
// .specgate.yaml).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace specgate {

struct NameParts {
  std::string id;        // {id}: the full ID, "TASK-12"
  std::string number;    // {n}: its number, "12"
  std::string slug;      // {slug}
  std::string date;      // {date}: YYYY-MM-DD
  std::string template_name;  // {template}
};

// The built-in convention for a built-in template name, or "" when it has none.
std::string_view builtin_naming(std::string_view template_name);

// Checks a pattern: a relative path of plain components (no "..", no absolute path), only the
// tokens {id} {n} {slug} {date} {template}, ending in a file name. Returns the problem, or "".
std::string validate_naming(std::string_view pattern);
// True when the pattern uses {id} or {n}.
bool naming_needs_id(std::string_view pattern);
// The ID family a pattern spells out before {n} ("TASK" for "TASK-{n}-{slug}.md"), or "".
std::string naming_family(std::string_view pattern);
// Substitutes the tokens. The pattern must have passed validate_naming().
std::string expand_naming(std::string_view pattern, const NameParts& parts);

}  // namespace specgate
