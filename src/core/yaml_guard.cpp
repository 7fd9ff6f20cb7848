#include "core/yaml_guard.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <vector>

namespace specgate {

size_t yaml_nesting_estimate(std::string_view text) {
  size_t flow = 0, max_flow = 0, max_block = 0;
  std::vector<size_t> indents;  // open block indentation levels
  size_t i = 0;
  while (i < text.size()) {
    const size_t eol = std::min(text.find_first_of("\r\n", i), text.size());
    const std::string_view line = text.substr(i, eol - i);
    i = eol + 1;
    size_t p = 0;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    if (p == line.size() || line[p] == '#') continue;
    while (!indents.empty() && indents.back() >= p) indents.pop_back();
    indents.push_back(p);
    size_t compact = 0;  // "- - - x" nests one sequence per indicator
    while (p + 1 < line.size() && (line[p] == '-' || line[p] == '?') && (line[p + 1] == ' ' || line[p + 1] == '\t')) {
      ++compact;
      p += 2;
      while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    }
    max_block = std::max(max_block, indents.size() + compact);
    // Brackets inside quoted strings count too: an overestimate only for strings with dozens
    // of unbalanced brackets, never an underestimate.
    for (char c : line.substr(p)) {
      if (c == '[' || c == '{') max_flow = std::max(max_flow, ++flow);
      else if ((c == ']' || c == '}') && flow > 0) --flow;
    }
  }
  return max_block + max_flow;
}

std::optional<YAML::Node> load_yaml(const std::string& text) {
  if (yaml_too_deep(text)) return std::nullopt;
  return YAML::Load(text);
}

}  // namespace specgate
