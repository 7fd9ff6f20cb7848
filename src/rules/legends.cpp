#include "rules/legends.h"

#include "core/text.h"
#include "model/normalize.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

void skip_stars(std::string_view s, size_t& i) {
  while (i < s.size() && (s[i] == '*' || s[i] == '_')) ++i;
}

// `(R) = required`, `✅ = done`: a short mark then " = " and its meaning.
bool mark_legend(std::string_view s) {
  // The mark is at most 12 bytes: the first " = " that counts lies in the first 15 (searching the
  // whole line found, on most lines, a later one or none, at a memchr per space).
  const size_t eq = s.substr(0, 15).find(" = ");
  if (eq == std::string_view::npos || eq == 0 || eq > 12) return false;
  const std::string_view mark = s.substr(0, eq);
  return mark.find(' ') == std::string_view::npos && count_chars(mark) <= 5;
}

// A legend's key: `**Legend**:`, `Key:`, `Legend`.
bool legend_key(std::string_view key) { return iequals(key, "legend") || iequals(key, "key"); }

}  // namespace

std::string defined_bracket(std::string_view s) {
  size_t i = 0;
  skip_stars(s, i);
  if (i >= s.size() || s[i] != '[') return {};
  const size_t close = s.find(']', i + 1);
  if (close == std::string_view::npos || close == i + 1) return {};
  const std::string_view inner = s.substr(i + 1, close - i - 1);
  if (inner.find('[') != std::string_view::npos || inner == " " || inner == "x" || inner == "X") return {};
  size_t j = close + 1;
  skip_stars(s, j);
  // Up to two words between the bracket and the definition's mark: "[Story] Label**:", "[P] tasks =".
  for (int words = 0; words < 3; ++words) {
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size()) return {};
    if (s[j] == ':' || s[j] == '=') return std::string(inner);
    if (s.compare(j, 3, "\xE2\x80\x94") == 0 || (s[j] == '-' && j + 1 < s.size() && s[j + 1] == ' '))
      return std::string(inner);
    if (words == 2) return {};
    const size_t w = j;
    while (j < s.size() && ascii_alpha(s[j])) ++j;
    if (j == w) return {};
    skip_stars(s, j);
  }
  return {};
}

Legends find_legends(const Document& doc) {
  Legends out;
  const uint32_t n = doc.source.line_count();
  out.line.assign(n, false);
  std::vector<uint32_t> definitions;
  for (uint32_t l = 1; l <= n; ++l) {
    const LineInfo& info = doc.line_info(l);
    if (info.kind != LineKind::Paragraph) continue;
    const std::string_view content = doc.content(l);
    if (mark_legend(content)) out.line[l - 1] = true;
    std::string inner = defined_bracket(content);
    if (inner.empty()) continue;
    // `**[Entity 1]**: [What it represents]` is the template's slot for a definition, not one.
    bool slot = false;
    for (const PlaceholderHit& h : find_placeholders(content)) {
      const std::string_view t = h.text(content);
      if (t.size() != inner.size() + 2 || t.substr(1, inner.size()) != inner) slot = true;
    }
    if (slot) continue;
    out.defined_brackets.insert(std::move(inner));
    definitions.push_back(l);
  }
  // A list holding a definition is the legend whole: its other items ("Include exact file paths
  // in descriptions") are notes on the notation, kept with it.
  for (uint32_t l : definitions) {
    if (out.line[l - 1]) continue;  // in a list already marked
    const Block* list = nullptr;
    for (const Block& b : doc.blocks) {
      if (b.line > l) break;  // blocks are in document order
      if (b.kind == BlockKind::List && b.line <= l && l <= b.end_line && (!list || b.depth > list->depth)) list = &b;
    }
    if (!list) {
      out.line[l - 1] = true;
      continue;
    }
    for (uint32_t m = list->line; m <= list->end_line && m <= n; ++m) out.line[m - 1] = true;
  }
  for (const Field& f : doc.fields) {
    if (legend_key(f.key) && f.line >= 1 && f.line <= n) out.line[f.line - 1] = true;
  }
  return out;
}

const Legends& legends_of(const RuleContext& ctx) {
  if (!ctx.legends) ctx.legends = std::make_shared<const Legends>(find_legends(ctx.doc));
  return *ctx.legends;
}

}  // namespace specgate
