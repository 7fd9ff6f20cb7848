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
  if (s.find('\r') == std::string_view::npos) {  // LF only (most text): jump from line to line
    for (size_t i = s.find('\n'); i != std::string_view::npos; i = s.find('\n', i + 1))
      starts.push_back(static_cast<uint32_t>(i + 1));
    return;
  }
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
  const uint32_t cp = decode_utf8(s, i, len);
  return len == 1 ? static_cast<unsigned char>(s[i]) : cp;
}

bool in_unicode_text(uint32_t c) {
  // The BMP letter ranges Mermaid's lexers (flowchart, class) accept as UNICODE_TEXT, condensed to their outer bounds
  // where the gaps are not letters anyway.
  static const uint32_t r[][2] = {
      {0xAA, 0xAA},     {0xB5, 0xB5},     {0xBA, 0xBA},     {0xC0, 0xD6},     {0xD8, 0xF6},
      {0xF8, 0x2C1},    {0x2C6, 0x2D1},   {0x2E0, 0x2E4},   {0x2EC, 0x2EC},   {0x2EE, 0x2EE},
      {0x370, 0x374},   {0x376, 0x377},   {0x37A, 0x37D},   {0x386, 0x386},   {0x388, 0x38A},
      {0x38C, 0x38C},   {0x38E, 0x3A1},   {0x3A3, 0x3F5},   {0x3F7, 0x481},   {0x48A, 0x527},
      {0x531, 0x556},   {0x559, 0x559},   {0x561, 0x587},   {0x5D0, 0x5EA},   {0x5F0, 0x5F2},
      {0x620, 0x64A},   {0x66E, 0x66F},   {0x671, 0x6D3},   {0x6D5, 0x6D5},   {0x6E5, 0x6E6},
      {0x6EE, 0x6EF},   {0x6FA, 0x6FC},   {0x6FF, 0x6FF},   {0x710, 0x710},   {0x712, 0x72F},
      {0x74D, 0x7A5},   {0x7B1, 0x7B1},   {0x7CA, 0x7EA},   {0x7F4, 0x7F5},   {0x7FA, 0x7FA},
      {0x800, 0x815},   {0x904, 0x939},   {0x93D, 0x93D},   {0x950, 0x950},   {0x958, 0x961},
      {0x971, 0x97F},   {0x985, 0x9B9},   {0xA05, 0xA39},   {0xA59, 0xA5E},   {0xA72, 0xA74},
      {0xA85, 0xAB9},   {0xB05, 0xB39},   {0xB5C, 0xB71},   {0xB83, 0xBB9},   {0xC05, 0xC39},
      {0xC58, 0xC61},   {0xC85, 0xCB9},   {0xCDE, 0xCF2},   {0xD05, 0xD3A},   {0xD3D, 0xD3D},
      {0xD4E, 0xD4E},   {0xD60, 0xD61},   {0xD7A, 0xD7F},   {0xD85, 0xDC6},   {0xE01, 0xE30},
      {0xE32, 0xE33},   {0xE40, 0xE46},   {0xE81, 0xEB0},   {0xEB2, 0xEB3},   {0xEBD, 0xEC6},
      {0xEDC, 0xEDF},   {0xF00, 0xF00},   {0xF40, 0xF6C},   {0xF88, 0xF8C},   {0x1000, 0x102A},
      {0x103F, 0x103F}, {0x1050, 0x1055}, {0x105A, 0x1081}, {0x108E, 0x108E}, {0x10A0, 0x10FC},
      {0x1100, 0x135A}, {0x1380, 0x138F}, {0x13A0, 0x13F4}, {0x1401, 0x166C}, {0x166F, 0x167F},
      {0x1681, 0x169A}, {0x16A0, 0x16EA}, {0x1700, 0x1770}, {0x1780, 0x17B3}, {0x17D7, 0x17DC},
      {0x1820, 0x18F5}, {0x1900, 0x191C}, {0x1950, 0x19C7}, {0x1A00, 0x1A54}, {0x1AA7, 0x1AA7},
      {0x1B05, 0x1B33}, {0x1B45, 0x1B4B}, {0x1B83, 0x1BA0}, {0x1BAE, 0x1BAF}, {0x1BBA, 0x1BE5},
      {0x1C00, 0x1C23}, {0x1C4D, 0x1C4F}, {0x1C5A, 0x1C7D}, {0x1CE9, 0x1CF6}, {0x1D00, 0x1DBF},
      {0x1E00, 0x1FFC}, {0x2071, 0x2071}, {0x207F, 0x207F}, {0x2090, 0x209C}, {0x2102, 0x2102},
      {0x2107, 0x2107}, {0x210A, 0x2113}, {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124},
      {0x2126, 0x2126}, {0x2128, 0x2128}, {0x212A, 0x212D}, {0x212F, 0x2139}, {0x213C, 0x213F},
      {0x2145, 0x2149}, {0x214E, 0x214E}, {0x2183, 0x2184}, {0x2C00, 0x2CF3}, {0x2D00, 0x2DDE},
      {0x2E2F, 0x2E2F}, {0x3005, 0x3006}, {0x3031, 0x3035}, {0x303B, 0x303C}, {0x3041, 0x3096},
      {0x309D, 0x309F}, {0x30A1, 0x30FA}, {0x30FC, 0x30FF}, {0x3105, 0x312D}, {0x3131, 0x318E},
      {0x31A0, 0x31BA}, {0x31F0, 0x31FF}, {0x3400, 0x4DB5}, {0x4E00, 0x9FCC}, {0xA000, 0xA48C},
      {0xA4D0, 0xA4FD}, {0xA500, 0xA60C}, {0xA610, 0xA61F}, {0xA62A, 0xA62B}, {0xA640, 0xA66E},
      {0xA67F, 0xA697}, {0xA6A0, 0xA6E5}, {0xA717, 0xA71F}, {0xA722, 0xA788}, {0xA78B, 0xA78E},
      {0xA790, 0xA793}, {0xA7A0, 0xA7AA}, {0xA7F8, 0xA801}, {0xA803, 0xA805}, {0xA807, 0xA80A},
      {0xA80C, 0xA822}, {0xA840, 0xA873}, {0xA882, 0xA8B3}, {0xA8F2, 0xA8F7}, {0xA8FB, 0xA8FB},
      {0xA90A, 0xA925}, {0xA930, 0xA946}, {0xA960, 0xA97C}, {0xA984, 0xA9B2}, {0xA9CF, 0xA9CF},
      {0xAA00, 0xAA28}, {0xAA40, 0xAA4B}, {0xAA60, 0xAA76}, {0xAA7A, 0xAA7A}, {0xAA80, 0xAAAF},
      {0xAAB1, 0xAAB1}, {0xAAB5, 0xAAB6}, {0xAAB9, 0xAABD}, {0xAAC0, 0xAAC0}, {0xAAC2, 0xAAC2},
      {0xAADB, 0xAADD}, {0xAAE0, 0xAAEA}, {0xAAF2, 0xAAF4}, {0xAB01, 0xAB2E}, {0xABC0, 0xABE2},
      {0xAC00, 0xD7A3}, {0xD7B0, 0xD7FB}, {0xF900, 0xFAD9}, {0xFB00, 0xFB06}, {0xFB13, 0xFB17},
      {0xFB1D, 0xFB1D}, {0xFB1F, 0xFB28}, {0xFB2A, 0xFB44}, {0xFB46, 0xFBB1}, {0xFBD3, 0xFD3D},
      {0xFD50, 0xFD8F}, {0xFD92, 0xFDC7}, {0xFDF0, 0xFDFB}, {0xFE70, 0xFEFC}, {0xFF21, 0xFF3A},
      {0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0xFFC2, 0xFFC7}, {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7},
      {0xFFDA, 0xFFDC}};
  size_t lo = 0, hi = sizeof(r) / sizeof(r[0]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c < r[mid][0]) hi = mid;
    else if (c > r[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

size_t js_space_non_ascii(std::string_view s, size_t i) {
  size_t len = 0;
  uint32_t cp = decode(s, i, len);
  bool space = cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
               cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
  return space ? len : 0;
}

size_t js_dot_non_ascii(std::string_view s, size_t i) {
  size_t len = 0;
  uint32_t cp = decode(s, i, len);
  return (cp == 0x2028 || cp == 0x2029) ? 0 : len;
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
  size_t n = std::min<size_t>(len, 40);
  while (n < len && off + n < text.size() && (static_cast<unsigned char>(text[off + n]) & 0xC0) == 0x80) --n;  // whole characters
  std::string_view t = text.substr(off, n);
  size_t nl = t.find('\n');
  if (nl != std::string_view::npos) t = t.substr(0, nl);
  if (t.empty()) return "end of line";
  return "'" + std::string(t) + "'";
}

}  // namespace specgate::mermaid
