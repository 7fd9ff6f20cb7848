// Lexical path checks that need no file system.
#pragma once

#include <filesystem>
#include <string_view>

namespace specgate {

// Whether lexically_normal would leave `p` as it is: no empty, "." or ".." component, except the
// leading '/' of an absolute path and a trailing '/'. Most links and directories are such paths,
// and normalising costs microseconds each.
inline bool is_normal_path(std::string_view p, bool absolute_ok) {
  if (p.empty()) return false;
  size_t begin = 0;
  if (p.front() == '/') {
    if (!absolute_ok) return false;
    if (p.size() == 1) return true;
    begin = 1;
  }
  while (true) {
    const size_t end = p.find('/', begin);
    const std::string_view part = p.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == std::string_view::npos || end + 1 == p.size()) return true;
    begin = end + 1;
  }
}

// (dir / rel).lexically_normal(), without normalising in the common cases: both parts already
// normal, and `rel` possibly starting with "../" steps that each drop one of dir's components.
inline std::filesystem::path lexically_joined(const std::filesystem::path& dir, std::string_view rel) {
  const std::string& d = dir.native();
  if (d.empty() || (is_normal_path(d, true) && (d == "/" || d.back() != '/'))) {
    std::filesystem::path base = dir;
    std::string_view r = rel;
    while (r.substr(0, 3) == "../" && !base.empty() && base.native() != "/") {
      base = base.parent_path();
      r.remove_prefix(3);
    }
    if (is_normal_path(r, false)) return base / std::filesystem::path(r);
  }
  return (dir / std::filesystem::path(rel)).lexically_normal();
}

}  // namespace specgate
