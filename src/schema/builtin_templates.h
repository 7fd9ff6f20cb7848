// The built-in templates (templates/*.md), embedded into the binary at build time.
#pragma once

#include <string_view>
#include <vector>

namespace specgate {

struct BuiltinTemplate {
  std::string_view name;  // file stem: "task", "system-spec", ...
  std::string_view text;  // the Markdown template
};

const std::vector<BuiltinTemplate>& builtin_templates();

}  // namespace specgate
