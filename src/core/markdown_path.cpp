#include "core/markdown_path.h"

#include <array>

namespace specgate {

bool is_markdown_path(std::string_view path) {
  const std::string_view name = path.substr(path.rfind('/') + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name == "..") return false;
  const std::string_view ext = name.substr(dot + 1);
  static constexpr std::array<std::string_view, 4> kExtensions{"md", "markdown", "mdown", "mkd"};
  for (std::string_view want : kExtensions) {
    if (ext.size() != want.size()) continue;
    bool same = true;
    for (size_t i = 0; i < ext.size() && same; ++i) {
      const char c = ext[i] >= 'A' && ext[i] <= 'Z' ? static_cast<char>(ext[i] - 'A' + 'a') : ext[i];
      same = c == want[i];
    }
    if (same) return true;
  }
  return false;
}

}  // namespace specgate
