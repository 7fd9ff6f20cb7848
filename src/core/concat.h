// Joins pieces into one string with a single allocation. Findings are built by the tens of
// thousands per run; a chain of operator+ reallocates at nearly every piece.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace specgate {

inline std::string concat(std::initializer_list<std::string_view> pieces) {
  size_t n = 0;
  for (std::string_view p : pieces) n += p.size();
  std::string out;
  out.reserve(n);
  for (std::string_view p : pieces) out.append(p);
  return out;
}

}  // namespace specgate
