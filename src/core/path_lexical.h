// Lexical path checks that need no file system.
#pragma once

#include <filesystem>
#include <string>
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

// (dir / rel).lexically_normal() as a string, without std::filesystem in the common cases (both
// parts already normal, `rel` possibly starting with "../" steps that each drop one of dir's
// components): a path object splits and allocates its components, microseconds per link.
inline std::string lexically_joined(std::string_view dir, std::string_view rel) {
  if (dir.empty() || (is_normal_path(dir, true) && (dir == "/" || dir.back() != '/'))) {
    std::string_view base = dir;
    std::string_view r = rel;
    while (r.substr(0, 3) == "../" && !base.empty() && base != "/") {
      const size_t slash = base.rfind('/');  // parent_path() of a normal path
      base = slash == std::string_view::npos ? std::string_view() : base.substr(0, slash == 0 ? 1 : slash);
      r.remove_prefix(3);
    }
    if (is_normal_path(r, false)) {
      std::string out;
      out.reserve(base.size() + 1 + r.size());
      out += base;
      if (!out.empty() && out.back() != '/') out += '/';
      out += r;
      return out;
    }
  }
  return (std::filesystem::path(dir) / std::filesystem::path(rel)).lexically_normal().native();
}

}  // namespace specgate
