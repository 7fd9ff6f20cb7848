#include "model/slug.h"

#include <algorithm>
#include <array>

#include "core/code_span.h"
#include "core/source.h"

namespace specgate {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// Non-ASCII code points github-slugger removes: punctuation, symbols, emoji and their joiners.
// Letters, digits and marks of every script stay. Block-level approximation of the Unicode
// categories; the blocks listed are the ones headings actually contain.
bool dropped_non_ascii(uint32_t cp) {
  if (cp >= 0xA0 && cp <= 0xBF) {
    return !(cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA ||
             (cp >= 0xBC && cp <= 0xBE));
  }
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp == 0x37E || cp == 0x387) return true;                  // Greek question mark, ano teleia
  if (cp >= 0x2000 && cp <= 0x206F) return true;                // general punctuation, ZWJ, dashes, quotes
  if (cp >= 0x20A0 && cp <= 0x20CF) return true;                // currency
  if (cp >= 0x2100 && cp <= 0x214F) return true;                // letterlike symbols (™, ℹ)
  if (cp >= 0x2190 && cp <= 0x2BFF) return true;                // arrows, math, technical, shapes, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return true;                // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return true;                // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return true;                // variation selectors (emoji presentation)
  if (cp >= 0xFE30 && cp <= 0xFE4F) return true;                // CJK compatibility forms
  if (cp == 0xFEFF || cp == 0xFFFD) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;                // fullwidth punctuation
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;              // emoji, pictographs, flags
  if (cp >= 0xE0000 && cp <= 0xE007F) return true;              // emoji tag sequences
  return false;
}

uint32_t lower(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp % 2 == 0 ? cp + 1 : cp;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1 ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

// Index of the ')' closing a link destination that starts at t[i] == '(', or npos.
size_t destination_end(std::string_view t, size_t i) {
  int depth = 0;
  for (size_t j = i; j < t.size(); ++j) {
    if (t[j] == '\\') {
      ++j;
      continue;
    }
    if (t[j] == '(') ++depth;
    if (t[j] == ')' && --depth == 0) return j;
  }
  return std::string_view::npos;
}

// Without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

bool word_char_at(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  const auto c = static_cast<unsigned char>(t[i]);
  return c >= 0x80 || is_ascii_alnum(static_cast<char>(c));
}

}  // namespace

std::string heading_plain_text(std::string_view t) {
  // Most headings hold no markup at all: then the text is the heading, trimmed.
  static constexpr auto kMarkup = [] {
    std::array<bool, 256> m{};
    for (unsigned char c : std::string_view("\\`![]<&*~_")) m[c] = true;
    return m;
  }();
  if (std::none_of(t.begin(), t.end(), [](char c) { return kMarkup[static_cast<unsigned char>(c)]; }))
    return std::string(trim_blanks(t));
  std::string out;
  out.reserve(t.size());
  size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '\\' && i + 1 < t.size() && is_ascii_punct(t[i + 1])) {
      out += t[i + 1];
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t run = 0;
      const size_t end = code_span_end(t, i, run);
      if (end != std::string_view::npos) {
        out.append(t.substr(i + run, end - run - (i + run)));
        i = end;
        continue;
      }
      i += run;
      continue;
    }
    if (c == '!' && i + 1 < t.size() && t[i + 1] == '[') {
      ++i;  // an image renders as its alt text
      continue;
    }
    if (c == '[' || c == ']') {
      if (c == ']' && i + 1 < t.size() && t[i + 1] == '(') {
        const size_t end = destination_end(t, i + 1);
        if (end != std::string_view::npos) {
          i = end + 1;
          continue;
        }
      }
      if (c == ']' && i + 1 < t.size() && t[i + 1] == '[') {
        const size_t end = t.find(']', i + 2);
        if (end != std::string_view::npos) {
          i = end + 1;
          continue;
        }
      }
      ++i;
      continue;
    }
    if (c == '<') {
      // An HTML tag or autolink: tags vanish, an autolink renders as its address.
      const size_t close = t.find('>', i + 1);
      if (close != std::string_view::npos && i + 1 < t.size() &&
          ((t[i + 1] >= 'a' && t[i + 1] <= 'z') || (t[i + 1] >= 'A' && t[i + 1] <= 'Z') || t[i + 1] == '/' ||
           t[i + 1] == '!')) {
        const std::string_view inner = t.substr(i + 1, close - i - 1);
        if (inner.find("://") != std::string_view::npos) out.append(inner);
        i = close + 1;
        continue;
      }
    }
    if (c == '&') {
      const size_t semi = t.find(';', i + 1);
      if (semi != std::string_view::npos && semi - i <= 8 && semi > i + 1) {
        bool entity = true;
        for (size_t k = i + 1; k < semi; ++k) entity = entity && (is_ascii_alnum(t[k]) || t[k] == '#');
        if (entity) {
          const std::string_view name = t.substr(i + 1, semi - i - 1);
          if (name == "nbsp" || name == "#32") out += ' ';
          i = semi + 1;
          continue;
        }
      }
    }
    if (c == '*' || c == '~') {
      ++i;
      continue;
    }
    if (c == '_') {
      // Emphasis delimiters sit at a word boundary; an underscore inside a word is text.
      size_t run = 0;
      while (i + run < t.size() && t[i + run] == '_') ++run;
      const bool inside = i > 0 && word_char_at(t, i - 1) && word_char_at(t, i + run);
      if (inside) out.append(run, '_');
      i += run;
      continue;
    }
    out += c;
    ++i;
  }
  return std::string(trim_blanks(out));
}

std::string github_slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      // A run of ASCII is written straight into the buffer (a slug is never longer than its text).
      size_t n = out.size();
      out.resize(n + text.size() - i);
      for (; i < text.size() && static_cast<unsigned char>(text[i]) < 0x80; ++i) {
        const char c = text[i];
        if (c == ' ') out[n++] = '-';
        else if (c == '-' || c == '_') out[n++] = c;
        else if (is_ascii_alnum(c)) out[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      out.resize(n);
      continue;
    }
    const size_t n = utf8_seq_len(text, i);
    size_t len = 0;
    const uint32_t cp = decode_utf8(text, i, len);
    if (!dropped_non_ascii(cp)) append_utf8(out, lower(cp));
    i += n;
  }
  return out;
}

const std::string& SlugCounter::next(std::string_view text) {
  auto [it, fresh] = slugs_.insert(github_slug(text));
  if (fresh) return *it;
  const std::string original = *it;
  int& n = repeats_[original];
  std::string slug;
  do {
    slug = original + "-" + std::to_string(++n);
  } while (slugs_.count(slug));
  return *slugs_.insert(std::move(slug)).first;
}

namespace {

// Values of `id="..."` and `name="..."` attributes inside HTML tags on one line.
void html_ids(std::string_view line, std::unordered_set<std::string>& out) {
  size_t lt = 0;
  while ((lt = line.find('<', lt)) != std::string_view::npos) {
    const size_t gt = line.find('>', lt);
    if (gt == std::string_view::npos) return;
    const std::string_view tag = line.substr(lt, gt - lt);
    for (std::string_view attr : {"id=", "name="}) {
      size_t p = 0;
      while ((p = tag.find(attr, p)) != std::string_view::npos) {
        const bool boundary = p > 0 && (tag[p - 1] == ' ' || tag[p - 1] == '\t');
        size_t v = p + attr.size();
        p = v;
        if (!boundary || v >= tag.size()) continue;
        const char q = tag[v];
        if (q == '"' || q == '\'') {
          const size_t end = tag.find(q, v + 1);
          if (end != std::string_view::npos) out.insert(std::string(tag.substr(v + 1, end - v - 1)));
        } else {
          const size_t end = tag.find_first_of(" \t/>", v);
          out.insert(std::string(tag.substr(v, end == std::string_view::npos ? std::string_view::npos : end - v)));
        }
      }
    }
    lt = gt + 1;
  }
}

}  // namespace

std::unordered_set<std::string> document_anchors(const Document& doc) {
  SlugCounter slugs;
  for (const Section& s : doc.sections) slugs.next(heading_plain_text(s.title));
  std::unordered_set<std::string> anchors = slugs.take_slugs();
  // HTML ids: only lines with a '<' can hold one; find those with memchr over the whole text.
  const std::string_view text = doc.source.text();
  uint32_t line = 1;
  for (size_t at = text.find('<'); at != std::string_view::npos;) {
    line = doc.source.line_of(at, line);
    const LineKind k = doc.line_info(line).kind;
    const std::string_view l = doc.source.line(line);
    if (k != LineKind::Code && k != LineKind::FrontMatter && l.find('=') != std::string_view::npos)
      html_ids(l, anchors);
    if (line >= doc.source.line_count()) break;
    at = text.find('<', doc.source.line_begin(line + 1));
  }
  return anchors;
}

}  // namespace specgate
