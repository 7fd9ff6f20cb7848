#include "schema/placeholders.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/unescaped.h"
#include "core/text.h"

namespace specgate {

std::string_view placeholder_kind_name(PlaceholderKind k) {
  switch (k) {
    case PlaceholderKind::Bracket: return "bracket";
    case PlaceholderKind::Angle: return "angle";
    case PlaceholderKind::DateMask: return "date-mask";
    case PlaceholderKind::Marker: return "marker";
    case PlaceholderKind::XId: return "x-id";
    case PlaceholderKind::Variable: return "variable";
    case PlaceholderKind::Quantity: return "quantity";
  }
  return "bracket";
}

namespace {

bool is_word(char c) { return ascii_alpha(c) || ascii_digit(c) || c == '_'; }

bool word_boundary_before(std::string_view s, size_t i) { return i == 0 || !is_word(s[i - 1]); }
bool word_boundary_after(std::string_view s, size_t i) { return i >= s.size() || !is_word(s[i]); }

// Inside a quotation ("..." or “...”) the text is quoted material, not the author's own words:
// "TODO: implement X" cites a code comment, "signed by {SignerName}" shows a message template.
// Counts quotes incrementally: asked about increasing positions of one line, so a line with a
// hundred thousand markers stays linear.
class QuoteCounter {
 public:
  explicit QuoteCounter(std::string_view s) : s_(s) {}
  bool inside(size_t pos) {
    for (; next_ < pos && next_ < s_.size(); ++next_) {
      if (s_[next_] == '"') ++straight_;
      else if (s_.compare(next_, 3, "\xE2\x80\x9C") == 0) ++open_;
      else if (s_.compare(next_, 3, "\xE2\x80\x9D") == 0) ++close_;
    }
    return straight_ % 2 == 1 || open_ > close_;
  }

 private:
  std::string_view s_;
  size_t next_ = 0, straight_ = 0, open_ = 0, close_ = 0;
};

// `ranges` are sorted and disjoint (code_span_ranges builds them left to right).
bool in_ranges(const std::vector<std::pair<size_t, size_t>>& ranges, size_t pos) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), pos,
                             [](size_t p, const std::pair<size_t, size_t>& r) { return p < r.first; });
  return it != ranges.begin() && pos < std::prev(it)->second;
}

// "[spot price, variance]": a comma list of short lowercase phrases is notation (a vector, a set
// of names). Slots read otherwise: "[e.g., 4th project]" names an example, "[Name, Title]" has
// capitals.
bool lowercase_list(std::string_view inner) {
  size_t items = 0, start = 0;
  while (start <= inner.size()) {
    const size_t comma = inner.find(',', start);
    std::string_view item = trim(inner.substr(start, (comma == std::string_view::npos ? inner.size() : comma) - start));
    if (item.empty() || item == "e.g." || item == "i.e." || item == "etc." || item == "etc") return false;
    size_t words = 1;
    for (char c : item) {
      if (c == ' ') ++words;
      else if (!(c >= 'a' && c <= 'z') && !ascii_digit(c) && c != '-' && c != '_') return false;
    }
    if (words > 3) return false;
    ++items;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return items >= 2;
}

// `[..]`: not a link `[x](y)` / `[x][y]`, reference definition `[x]: url`, checkbox, footnote
// `[^1]`, citation `[1]`, GitHub alert `[!NOTE]` or wiki link `[[x]]`.
void scan_brackets(std::string_view s, std::vector<PlaceholderHit>& out) {
  const UnescapedFinder find(s);
  for (size_t i = find.next(0, '['); i != std::string_view::npos; i = find.next(i + 1, '[')) {
    if (i + 1 < s.size() && s[i + 1] == '[') {  // wiki link or nested: skip the pair
      size_t close = s.find("]]", i + 2);
      if (close == std::string_view::npos) return;
      i = close + 1;
      continue;
    }
    // Find the matching ']' (nesting allowed once, as in "[[a]]" handled above).
    size_t depth = 0, j = i;
    for (; j < s.size(); ++j) {
      if (s[j] == '\\') { ++j; continue; }
      if (s[j] == '[') ++depth;
      else if (s[j] == ']' && --depth == 0) break;
    }
    if (j >= s.size()) return;
    std::string_view inner = s.substr(i + 1, j - i - 1);
    const char next = j + 1 < s.size() ? s[j + 1] : '\0';
    bool skip = inner.empty() || next == '(' || next == '[' || (next == ':' && i == s.find_first_not_of(" \t")) ||
                inner == " " || inner == "x" || inner == "X" || inner[0] == '^' || inner[0] == '!';
    if (!skip) {
      // Citations and array indexes: "[1]", "[12]", "[i]".
      bool all_digits = std::all_of(inner.begin(), inner.end(), [](char c) { return ascii_digit(c); });
      if (all_digits || inner.size() == 1) skip = true;
    }
    // A bracket directly after a word is an index or a type ("arr[0]", "string[]"), not a placeholder.
    if (!skip && i > 0 && (is_word(s[i - 1]) || s[i - 1] == ']' || s[i - 1] == ')')) skip = true;
    if (!skip && inner.find(',') != std::string_view::npos) {
      // A list value: "[bank_connection, period]", "[1, 2, 3]" (items are single tokens).
      bool list = true;
      size_t start = 0;
      while (start <= inner.size()) {
        size_t comma = inner.find(',', start);
        std::string_view item = inner.substr(start, (comma == std::string_view::npos ? inner.size() : comma) - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'')) item = item.substr(1, item.size() - 2);
        if (item.empty() || !std::all_of(item.begin(), item.end(), [](char c) { return is_word(c) || c == '-' || c == '.'; }))
          list = false;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
      if (list || lowercase_list(inner)) skip = true;
    }
    if (!skip) {
      // Status tags in capitals ("[AGREE]", "[WIP]", "[P0]") are labels, not placeholders.
      bool tag = inner.size() <= 15 && std::all_of(inner.begin(), inner.end(), [](char c) {
                   return ascii_upper(c) || ascii_digit(c) || c == '_' || c == '-';
                 }) && ascii_upper(inner[0]) && inner.find("XX") == std::string_view::npos;
      if (tag) skip = true;
    }
    if (!skip) {
      // "[ ] text" style boxes with other marks, and pure punctuation, are not placeholders.
      bool has_alpha = std::any_of(inner.begin(), inner.end(), [](char c) { return ascii_alpha(c); });
      if (!has_alpha) skip = true;
    }
    if (!skip) out.push_back({PlaceholderKind::Bracket, i, j + 1});
    i = j;
  }
}

// `<..>`: not HTML (`<br>`, `</div>`, `<!-- -->`, `<img src=..>`), autolinks or e-mails, and not
// comparison operators ("a < b > c", "<= 5").
void scan_angles(std::string_view s, std::vector<PlaceholderHit>& out) {
  size_t next_gt = std::string_view::npos;
  const UnescapedFinder find(s);
  for (size_t i = find.next(0, '<'); i != std::string_view::npos; i = find.next(i + 1, '<')) {
    if (i + 1 >= s.size()) return;
    const char first = s[i + 1];
    if (first == ' ' || first == '=' || first == '<' || first == '-' || first == '!' || first == '/' ||
        first == '>' || ascii_digit(first))
      continue;
    // The next '>' is shared by every '<' before it: found once, not once per '<' (quadratic
    // on "<a <a <a ... >").
    if (next_gt == std::string_view::npos || next_gt <= i) next_gt = s.find('>', i + 1);
    const size_t j = next_gt;
    if (j == std::string_view::npos) return;
    std::string_view inner = s.substr(i + 1, j - i - 1);
    if (inner.empty() || inner.back() == ' ' || inner.back() == '-' || inner.back() == '=') continue;
    if (inner.find('<') != std::string_view::npos) continue;
    // Autolinks and e-mail addresses.
    size_t colon = inner.find(':');
    if (colon != std::string_view::npos && colon >= 2 &&
        std::all_of(inner.begin(), inner.begin() + colon, [](char c) { return ascii_alpha(c) || c == '+' || c == '.' || c == '-'; }) &&
        inner.find(' ') == std::string_view::npos)
      continue;
    if (inner.find('@') != std::string_view::npos && inner.find(' ') == std::string_view::npos) continue;
    // HTML tags: a known element name, followed by nothing, attributes or '/'.
    size_t n = 0;
    while (n < inner.size() && (ascii_alpha(inner[n]) || ascii_digit(inner[n]) || inner[n] == '-')) ++n;
    std::string name(inner.substr(0, n));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (n > 0 && is_html_tag_name(name)) {
      // A tag is bare, self-closing, or has attributes; "<link or \"N/A\">" is prose.
      std::string_view rest = inner.substr(n);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
      const bool single_word = rest.find(' ') == std::string_view::npos;
      if (rest.empty() || rest.front() == '/' || rest.find('=') != std::string_view::npos ||
          (single_word && n < inner.size() && inner[n] == ' '))
        continue;
    }
    // Generic type syntax glued to a word: "Vec<String>", "Map<K, V>".
    if (i > 0 && is_word(s[i - 1])) { i = j; continue; }
    if (!std::any_of(inner.begin(), inner.end(), [](char c) { return ascii_alpha(c); })) continue;
    out.push_back({PlaceholderKind::Angle, i, j + 1});
    i = j;
  }
}

// "a TBD comment", "the TBD placeholder": the marker named as a thing, not left as one.
bool names_itself(std::string_view s, size_t after) {
  for (std::string_view noun : {" comment", " placeholder", " marker"}) {
    if (s.compare(after, noun.size(), noun) == 0 && word_boundary_after(s, after + noun.size())) return true;
  }
  return false;
}

void scan_words(std::string_view s, const PlaceholderOptions& options, std::vector<PlaceholderHit>& out) {
  QuoteCounter quotes(s);
  size_t run_end = 0, run_last_dash = std::string_view::npos;
  bool run_tail_all_x = false;
  for (size_t i = next_form_start(s, 0); i < s.size(); i = next_form_start(s, i + 1)) {
    const char c = s[i];
    if (c == 'Y' && s.compare(i, 10, "YYYY-MM-DD") == 0 && word_boundary_before(s, i) &&
        word_boundary_after(s, i + 10)) {
      out.push_back({PlaceholderKind::DateMask, i, i + 10});
      i += 9;
      continue;
    }
    if (!word_boundary_before(s, i)) continue;
    // A capital then a small letter starts an ordinary word ("The", "Service"): no form below
    // starts so, and nothing inside a word is at a word boundary. Go on after the word.
    if (ascii_upper(c) && i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z') {
      size_t e = i + 2;
      while (e < s.size() && is_word(s[e])) ++e;
      i = e - 1;
      continue;
    }
    if (c == 'T' || c == 'F') {
      for (std::string_view marker : {"TBD", "TODO", "TBC", "FIXME"}) {
        if (s.compare(i, marker.size(), marker) == 0 && word_boundary_after(s, i + marker.size()) &&
            !quotes.inside(i) && !names_itself(s, i + marker.size())) {
          out.push_back({PlaceholderKind::Marker, i, i + marker.size()});
          break;
        }
      }
    }
    // X-ids: TASK-XXX, ARCH-SUPER-X, EPIC-XXX (uppercase words, then a run of X).
    if (ascii_upper(c)) {
      // Every start inside one run of capitals and dashes ("A-A-A-...") shares its end and last
      // dash: scan each run once, not once per start.
      if (i >= run_end) {
        run_end = i;
        run_last_dash = std::string_view::npos;
        while (run_end < s.size() && (ascii_upper(s[run_end]) || s[run_end] == '-')) {
          if (s[run_end] == '-') run_last_dash = run_end;
          ++run_end;
        }
        run_tail_all_x = run_last_dash != std::string_view::npos &&
                         std::all_of(s.begin() + run_last_dash + 1, s.begin() + run_end, [](char ch) { return ch == 'X'; });
      }
      const size_t j = run_end;
      const size_t last_dash = run_last_dash;
      if (last_dash != std::string_view::npos && last_dash > i && last_dash + 1 < j &&
          word_boundary_after(s, j) && s[last_dash - 1] != '-') {
        if (run_tail_all_x && ascii_upper(s[i]) && s[i] != 'X') {
          out.push_back({PlaceholderKind::XId, i, j});
          i = j - 1;
          continue;
        }
      }
    }
    // "X hours", "Y days", "N points": a lone capital letter as a number.
    if ((c == 'X' || c == 'Y' || c == 'Z' || c == 'N') && word_boundary_after(s, i + 1) && i + 2 < s.size() &&
        s[i + 1] == ' ') {
      static constexpr std::array<std::string_view, 12> units = {"hours", "hour", "days", "day", "weeks", "week",
                                                                "points", "point", "minutes", "ms", "sprints", "months"};
      for (std::string_view u : units) {
        if (s.compare(i + 2, u.size(), u) == 0 && word_boundary_after(s, i + 2 + u.size())) {
          out.push_back({PlaceholderKind::Quantity, i, i + 2 + u.size()});
          break;
        }
      }
    }
    if (c == '{' && options.variables) {
      size_t j = i + 1;
      while (j < s.size() && is_word(s[j])) ++j;
      // Not `${x}`, `{{x}}`, URL path parameters (`/users/{id}`) or quoted message templates.
      // A file-name pattern's variable ("{Class}.spec.md") is notation too.
      const bool path_param = (i > 0 && (s[i - 1] == '/' || s[i - 1] == '=')) ||
                              (j + 1 < s.size() && s[j + 1] == '/') ||
                              (j + 2 < s.size() && s[j + 1] == '.' && ascii_alpha(s[j + 2]));
      if (j > i + 1 && j < s.size() && s[j] == '}' && (i == 0 || (s[i - 1] != '{' && s[i - 1] != '$')) &&
          !path_param && !quotes.inside(i)) {
        out.push_back({PlaceholderKind::Variable, i, j + 1});
        i = j;
      }
    }
  }
}

}  // namespace

size_t next_form_start(std::string_view s, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes at a time (SSE2 is part of x86-64): a byte mask of 'A'..'Z' and '{', whose
  // lowest bit is the answer. The range test is one signed compare after shifting 'A' to -128.
  const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));
  const __m128i below = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i brace = _mm_set1_epi8('{');
  while (i + 16 <= s.size()) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, shift), below);
    const int mask = _mm_movemask_epi8(_mm_or_si128(upper, _mm_cmpeq_epi8(x, brace)));
    if (mask != 0) return i + static_cast<size_t>(std::countr_zero(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  // Eight bytes at a time: a word with no byte in 'A'..'Z' and none equal to '{' is skipped whole
  // (bit tricks from "Bit Twiddling Hacks": hasbetween and haszero, exact as yes/no tests).
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  while (i + 8 <= s.size()) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    const uint64_t low = x & kLow7;
    const uint64_t upper = (kOnes * (127 + 'Z' + 1) - low) & ~x & (low + kOnes * (127 - ('A' - 1))) & kHigh;
    const uint64_t brace_x = x ^ (kOnes * '{');
    const uint64_t brace = (brace_x - kOnes) & ~brace_x & kHigh;
    if (upper | brace) {
      // The lowest flagged byte is exact: `upper` is exact in every byte, and `brace` flags a
      // byte wrongly only above a real '{', which is flagged itself.
      if constexpr (std::endian::native == std::endian::little) return i + std::countr_zero(upper | brace) / 8;
      break;
    }
    i += 8;
  }
  for (; i < s.size(); ++i) {
    if (ascii_upper(s[i]) || s[i] == '{') return i;
  }
  return s.size();
}

bool is_html_tag_name(std::string_view name) {
  static constexpr std::array<std::string_view, 72> tags = {
      "a", "abbr", "b", "blockquote", "body", "br", "button", "caption", "center", "cite", "code", "col",
      "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font",
      "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe",
      "img", "input", "ins", "kbd", "label", "li", "link", "mark", "meta", "nav", "ol", "p", "picture",
      "pre", "q", "s", "samp", "script", "section", "small", "source", "span", "strike", "strong", "style",
      "sub", "summary", "sup", "table", "tbody", "td", "th", "tr", "u"};
  if (std::find(tags.begin(), tags.end(), name) != tags.end()) return true;
  static constexpr std::array<std::string_view, 8> more = {"ul", "var", "video", "audio", "thead", "tfoot", "textarea", "svg"};
  return std::find(more.begin(), more.end(), name) != more.end();
}

std::vector<std::pair<size_t, size_t>> code_span_ranges(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> ranges;
  if (s.find('`') == std::string_view::npos) return ranges;
  // Start offsets of the maximal backtick runs, by length: the closing run for an opener is
  // the first run of its length after it, found by binary search instead of a rescan of the
  // rest of the line per opener (quadratic on a long line of unmatched runs).
  std::unordered_map<size_t, std::vector<size_t>> runs;
  for (size_t p = 0; p < s.size();) {
    if (s[p] != '`') { ++p; continue; }
    size_t r = 0;
    while (p + r < s.size() && s[p + r] == '`') ++r;
    runs[r].push_back(p);
    p += r;
  }
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\') { i += 2; continue; }
    if (s[i] != '`') { ++i; continue; }
    size_t run = 0;
    while (i + run < s.size() && s[i + run] == '`') ++run;
    // s[i + run] is not a backtick, so every run after it is a maximal run.
    const auto& same = runs[run];
    auto it = std::lower_bound(same.begin(), same.end(), i + run);
    if (it != same.end()) {
      ranges.emplace_back(i, *it + run);
      i = *it + run;
    } else {
      i += run;
    }
  }
  return ranges;
}

std::vector<PlaceholderHit> find_placeholders(std::string_view line, const PlaceholderOptions& options) {
  std::vector<PlaceholderHit> hits;
  // A bracket or angle form needs its opening character; memchr rules most lines out at once.
  if (line.find('[') != std::string_view::npos) scan_brackets(line, hits);
  if (line.find('<') != std::string_view::npos) scan_angles(line, hits);
  scan_words(line, options, hits);
  if (hits.empty()) return hits;
  const auto code = code_span_ranges(line);
  for (auto& h : hits) h.in_code = in_ranges(code, h.begin);
  std::sort(hits.begin(), hits.end(), [](const PlaceholderHit& a, const PlaceholderHit& b) { return a.begin < b.begin; });
  QuoteCounter quotes(line);  // asked at increasing positions: one pass over the line
  for (auto& h : hits) h.in_quotes = quotes.inside(h.begin);
  if (!options.code_spans) {
    hits.erase(std::remove_if(hits.begin(), hits.end(), [](const PlaceholderHit& h) { return h.in_code; }), hits.end());
  }
  // Drop hits nested inside an earlier one ("[TASK-XXX]" reports once).
  std::vector<PlaceholderHit> out;
  for (const auto& h : hits) {
    if (!out.empty() && h.begin < out.back().end) continue;
    out.push_back(h);
  }
  return out;
}

}  // namespace specgate
