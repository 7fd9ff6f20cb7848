#include "mermaid/scan.h"

#include <algorithm>

#include "core/source.h"

namespace specgate::mermaid {

size_t MappedText::source_offset(size_t out) const {
  if (segs.empty()) return out;
  auto it = std::upper_bound(segs.begin(), segs.end(), out,
                             [](size_t v, const Segment& s) { return v < s.out; });
  if (it == segs.begin()) return segs.front().src;
  --it;
  return it->synthetic ? it->src : it->src + (out - it->out);
}

MappedText apply_edits(const MappedText& in, const std::vector<Edit>& edits) {
  MappedText out;
  out.text.reserve(in.text.size());
  // Copies in.text[a, b) keeping its origin, one output segment per input segment touched.
  auto copy = [&](size_t a, size_t b) {
    if (a >= b) return;
    auto it = std::upper_bound(in.segs.begin(), in.segs.end(), a,
                               [](size_t v, const Segment& s) { return v < s.out; });
    if (it != in.segs.begin()) --it;
    size_t pos = a;
    while (pos < b) {
      size_t seg_end = (it + 1 != in.segs.end()) ? (it + 1)->out : in.text.size();
      size_t stop = std::min(seg_end, b);
      Segment s;
      s.out = static_cast<uint32_t>(out.text.size());
      s.synthetic = it->synthetic;
      s.src = static_cast<uint32_t>(it->synthetic ? it->src : it->src + (pos - it->out));
      out.segs.push_back(s);
      out.text.append(in.text, pos, stop - pos);
      pos = stop;
      if (pos >= seg_end && it + 1 != in.segs.end()) ++it;
    }
  };
  size_t pos = 0;
  for (const Edit& e : edits) {
    copy(pos, e.begin);
    if (!e.replacement.empty()) {
      Segment s;
      s.out = static_cast<uint32_t>(out.text.size());
      s.src = static_cast<uint32_t>(in.source_offset(e.begin));
      s.synthetic = true;
      out.segs.push_back(s);
      out.text += e.replacement;
    }
    pos = e.end;
  }
  copy(pos, in.text.size());
  if (out.segs.empty()) out.segs.push_back(Segment{0, static_cast<uint32_t>(in.source_offset(in.text.size())), true});
  return out;
}

void index_lines(std::string_view s, std::vector<uint32_t>& starts) {
  starts.clear();
  starts.push_back(0);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      starts.push_back(static_cast<uint32_t>(i + 1));
    } else if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      starts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

void Prepared::locate(size_t off, uint32_t& line, uint32_t& column) const {
  size_t so = mapped.source_offset(off);
  if (so > src.size()) so = src.size();
  auto it = std::upper_bound(src_lines.begin(), src_lines.end(), static_cast<uint32_t>(so));
  size_t idx = static_cast<size_t>(it - src_lines.begin()) - 1;
  line = static_cast<uint32_t>(idx + 1);
  size_t begin = src_lines[idx];
  if (idx == 0 && bom) begin = std::min<size_t>(3, so);
  column = static_cast<uint32_t>(count_chars(src.substr(begin, so - begin)) + 1);
}

Diagnostic diag_at(const Prepared& p, size_t off, std::string message, std::string found,
                   std::string expected, std::string hint) {
  Diagnostic d;
  p.locate(off, d.line, d.column);
  d.message = std::move(message);
  d.found = std::move(found);
  d.expected = std::move(expected);
  d.hint = std::move(hint);
  return d;
}

uint32_t decode(std::string_view s, size_t i, size_t& len) {
  len = utf8_seq_len(s, i);
  auto b = static_cast<unsigned char>(s[i]);
  if (len == 1) return b;
  uint32_t cp = len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return cp;
}

size_t js_space(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
  auto b = static_cast<unsigned char>(c);
  if (b < 0xC2) return 0;
  size_t len = 0;
  uint32_t cp = decode(s, i, len);
  bool space = cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
               cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
  return space ? len : 0;
}

size_t js_dot(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] == '\n' || s[i] == '\r') return 0;
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  size_t len = 0;
  uint32_t cp = decode(s, i, len);
  return (cp == 0x2028 || cp == 0x2029) ? 0 : len;
}

bool lit(std::string_view s, size_t i, std::string_view word) {
  return i <= s.size() && s.size() - i >= word.size() && s.compare(i, word.size(), word) == 0;
}

bool lit_ci(std::string_view s, size_t i, std::string_view word) {
  if (i > s.size() || s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower(s[i + k]) != lower(word[k])) return false;
  return true;
}

size_t skip_space(std::string_view s, size_t i) {
  while (size_t n = js_space(s, i)) i += n;
  return i;
}

size_t skip_blank(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

size_t line_end(std::string_view s, size_t i) {
  size_t e = s.find('\n', i);
  return e == std::string_view::npos ? s.size() : e;
}

std::string describe(std::string_view text, size_t off, size_t len) {
  if (off >= text.size()) return "end of diagram";
  if (len == 0 || text[off] == '\n') return "end of line";
  std::string_view t = text.substr(off, std::min<size_t>(len, 40));
  size_t nl = t.find('\n');
  if (nl != std::string_view::npos) t = t.substr(0, nl);
  if (t.empty()) return "end of line";
  return "'" + std::string(t) + "'";
}

}  // namespace specgate::mermaid
