#include "config/naming.h"

#include <array>
#include <utility>

namespace specgate {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kBuiltin = {{
    {"super-task", "{id}-{slug}.md"},
    {"feature-spec", "directives/spec/{date}_spec_{slug}.md"},
    {"epic-spec", "{id}-{slug}.md"},
    {"system-spec", "tech-spec-{date}-{slug}.md"},
    {"task", "{id}-{slug}.md"},
}};

constexpr std::array<std::string_view, 5> kTokens = {"id", "n", "slug", "date", "template"};

}  // namespace

std::string_view builtin_naming(std::string_view template_name) {
  for (const auto& [name, pattern] : kBuiltin) {
    if (name == template_name) return pattern;
  }
  return "";
}

std::string validate_naming(std::string_view pattern) {
  if (pattern.empty()) return "the file name pattern is empty";
  if (pattern.front() == '/' || pattern.front() == '\\' || pattern.find(':') != std::string_view::npos)
    return "the file name pattern must be a relative path";
  if (pattern.find('\\') != std::string_view::npos) return "use '/' to separate folders in a file name pattern";
  if (pattern.back() == '/') return "the file name pattern must end in a file name";
  size_t start = 0;
  while (start <= pattern.size()) {
    size_t slash = pattern.find('/', start);
    std::string_view part = pattern.substr(start, (slash == std::string_view::npos ? pattern.size() : slash) - start);
    if (part.empty() || part == "." || part == "..")
      return "the file name pattern may not contain empty, '.' or '..' folders";
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '}') return "unmatched '}' in the file name pattern";
    if (pattern[i] != '{') continue;
    size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) return "unmatched '{' in the file name pattern";
    std::string_view token = pattern.substr(i + 1, close - i - 1);
    bool known = false;
    for (std::string_view t : kTokens) known = known || t == token;
    if (!known)
      return "unknown token {" + std::string(token) + "} in the file name pattern (known: {id}, {n}, {slug}, {date}, {template})";
    i = close;
  }
  return "";
}

bool naming_needs_id(std::string_view pattern) {
  return pattern.find("{id}") != std::string_view::npos || pattern.find("{n}") != std::string_view::npos;
}

std::string naming_family(std::string_view pattern) {
  size_t n = pattern.find("{n}");
  if (n == std::string_view::npos || n < 2 || pattern[n - 1] != '-') return "";
  size_t b = n - 1;
  while (b > 0 && ((pattern[b - 1] >= 'A' && pattern[b - 1] <= 'Z') || pattern[b - 1] == '-')) --b;
  std::string family(pattern.substr(b, n - 1 - b));
  while (!family.empty() && family.front() == '-') family.erase(0, 1);
  return family;
}

std::string expand_naming(std::string_view pattern, const NameParts& parts) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) {
      out.append(pattern.substr(i));
      break;
    }
    std::string_view token = pattern.substr(i + 1, close - i - 1);
    if (token == "id") out += parts.id;
    else if (token == "n") out += parts.number;
    else if (token == "slug") out += parts.slug;
    else if (token == "date") out += parts.date;
    else if (token == "template") out += parts.template_name;
    i = close;
  }
  return out;
}

}  // namespace specgate
