#include "spec/ids.h"

#include "core/text.h"

namespace specgate {

namespace {

bool word(char c) { return ascii_alnum(c) || c == '_'; }

}  // namespace

IdToken id_at(std::string_view s, size_t pos, bool underscores) {
  auto sep = [&](char c) { return c == '-' || (underscores && c == '_'); };
  size_t i = pos;
  if (i >= s.size() || !ascii_upper(s[i])) return {};
  for (;;) {
    // A word of capitals and digits, then a separator.
    while (i < s.size() && (ascii_upper(s[i]) || ascii_digit(s[i]))) ++i;
    if (i + 1 >= s.size() || !sep(s[i])) return {};
    ++i;
    if (ascii_digit(s[i])) {
      while (i < s.size() && ascii_digit(s[i])) ++i;
      if (i < s.size() && (ascii_alpha(s[i]) || (!underscores && s[i] == '_'))) return {};
      return {pos, i - pos};
    }
    if (!ascii_upper(s[i])) return {};
  }
}

std::vector<IdToken> find_ids(std::string_view s) {
  std::vector<IdToken> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!ascii_upper(s[i]) || (i > 0 && (word(s[i - 1]) || s[i - 1] == '-'))) continue;
    IdToken t = id_at(s, i);
    if (t.length == 0) continue;
    out.push_back(t);
    i += t.length - 1;
  }
  return out;
}

std::string id_text(std::string_view s, const IdToken& t) {
  std::string id(s.substr(t.offset, t.length));
  for (char& c : id) {
    if (c == '_') c = '-';
  }
  return id;
}

std::string id_family(std::string_view id, const std::vector<std::string>& families) {
  std::string best;
  for (const auto& f : families) {
    if (f.empty() || id.size() <= f.size() + 1 || id[f.size()] != '-') continue;
    if (!iequals(id.substr(0, f.size()), f)) continue;
    if (f.size() > best.size()) best = f;
  }
  return best;
}

}  // namespace specgate

namespace specgate {

bool id_less(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (ascii_digit(a[i]) && ascii_digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && ascii_digit(a[ie])) ++ie;
      while (je < b.size() && ascii_digit(b[je])) ++je;
      std::string_view na = a.substr(i, ie - i), nb = b.substr(j, je - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ie;
      j = je;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i;
    ++j;
  }
  if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
  return a < b;
}

}  // namespace specgate
