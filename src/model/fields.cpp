#include "model/fields.h"

#include "model/normalize.h"

namespace specgate {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Parses `**Key:**` or `**Key**:` at `i`. On success returns the offset just past the colon
// (and its closing markup) and sets key.
size_t match_field_key(std::string_view line, size_t i, std::string& key) {
  if (line.compare(i, 2, "**") != 0) return 0;
  const size_t close = line.find("**", i + 2);
  if (close == std::string_view::npos || close == i + 2) return 0;
  std::string_view inner = line.substr(i + 2, close - i - 2);
  // A key written as code inside the bold, a house style: **`Ticket ID:`** or **`Status`**:.
  if (inner.size() > 2 && inner.front() == '`' && inner.back() == '`' &&
      inner.find('`', 1) == inner.size() - 1)
    inner = inner.substr(1, inner.size() - 2);
  size_t after = close + 2;
  if (inner.back() == ':') {
    inner.remove_suffix(1);
  } else if (after < line.size() && line[after] == ':') {
    ++after;
  } else {
    return 0;
  }
  inner = trim(inner);
  // A checkbox, a long sentence or nested markup is not a field label.
  if (inner.empty() || inner.size() > 80 || inner.front() == '[' || inner.find('*') != std::string_view::npos ||
      inner.find(':') != std::string_view::npos)
    return 0;
  // Field values start after the colon; "**Note:**text" without a space is still a field.
  key.assign(inner);
  return after;
}

}  // namespace

size_t content_start(std::string_view line) {
  size_t i = 0;
  for (;;) {
    while (i < line.size() && is_space(line[i])) ++i;
    if (i < line.size() && line[i] == '>') { ++i; continue; }
    break;
  }
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') && i + 1 < line.size() &&
      is_space(line[i + 1])) {
    i += 1;
  } else {
    size_t d = i;
    while (d < line.size() && d - i < 9 && line[d] >= '0' && line[d] <= '9') ++d;
    if (d > i && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && is_space(line[d + 1])) i = d + 1;
    else return i;
  }
  while (i < line.size() && is_space(line[i])) ++i;
  return i;
}

std::vector<RawField> extract_fields(std::string_view line) { return extract_fields(line, content_start(line)); }

std::vector<RawField> extract_fields(std::string_view line, size_t start) {
  std::vector<RawField> out;
  if (start >= line.size() || line.compare(start, 2, "**") != 0) return out;

  size_t pos = start;
  std::string key;
  size_t after = match_field_key(line, pos, key);
  if (after == 0) return out;
  for (;;) {
    RawField f;
    f.key = key;
    f.key_offset = pos;
    size_t v = after;
    while (v < line.size() && is_space(line[v])) ++v;
    f.value_offset = v;
    // The value runs to the next field label preceded by a space or a pipe.
    size_t next = std::string_view::npos;
    size_t next_after = 0;
    std::string next_key;
    for (size_t k = line.find("**", v); k != std::string_view::npos; k = line.find("**", k + 2)) {
      if (k == 0 || !(is_space(line[k - 1]) || line[k - 1] == '|')) continue;
      size_t a = match_field_key(line, k, next_key);
      if (a != 0) {
        next = k;
        next_after = a;
        break;
      }
    }
    std::string_view value = line.substr(v, (next == std::string_view::npos ? line.size() : next) - v);
    value = trim(value);
    // Separators between fields on one line: "|", "—", "–", ";", ",".
    for (bool changed = true; changed && !value.empty();) {
      changed = false;
      for (std::string_view sep : {"|", "\xE2\x80\x94", "\xE2\x80\x93", ";", ","}) {
        if (value.size() >= sep.size() && value.substr(value.size() - sep.size()) == sep && next != std::string_view::npos) {
          value = trim(value.substr(0, value.size() - sep.size()));
          changed = true;
        }
      }
    }
    f.value.assign(value);
    out.push_back(std::move(f));
    if (next == std::string_view::npos) break;
    pos = next;
    after = next_after;
    key = next_key;
  }
  return out;
}

}  // namespace specgate
