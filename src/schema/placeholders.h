// Recognizes template placeholders in a line of Markdown: `[Name]`, `<name>`, `YYYY-MM-DD`,
// `TBD`/`TODO`, X-ids (`TASK-XXX`), `{variable}`, `X hours`. Links, checkboxes, footnotes,
// HTML tags, autolinks and e-mail addresses are not placeholders.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace specgate {

enum class PlaceholderKind { Bracket, Angle, DateMask, Marker, XId, Variable, Quantity };
std::string_view placeholder_kind_name(PlaceholderKind k);

struct PlaceholderHit {
  PlaceholderKind kind;
  size_t begin = 0;  // byte offsets within the line
  size_t end = 0;
  bool in_code = false;  // inside an inline code span
  bool in_quotes = false;  // inside a double-quoted string ("..." or “...”): quoted material
  std::string_view text(std::string_view line) const { return line.substr(begin, end - begin); }
};

struct PlaceholderOptions {
  bool variables = true;  // report `{variable}` (off inside a title_template value)
  bool code_spans = true;  // also scan inside inline code spans (hits are marked in_code)
};

std::vector<PlaceholderHit> find_placeholders(std::string_view line, const PlaceholderOptions& options = {});

// Byte ranges [begin, end) of inline code spans in a line (backtick runs matched by equal runs).
std::vector<std::pair<size_t, size_t>> code_span_ranges(std::string_view line);

// Index of the first byte at or after `from` that can start a word form (a capital letter or
// '{'), or s.size(). Exposed for its test.
size_t next_form_start(std::string_view s, size_t from);

// True when `name` (lowercase, no brackets) is an HTML element name.
bool is_html_tag_name(std::string_view name);

}  // namespace specgate
