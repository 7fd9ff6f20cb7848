#include "render/label_text.h"

#include <cstdint>

#include "render/render.h"

namespace specgate::render {
namespace {

void append_utf8(std::string& o, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    o += static_cast<char>(cp);
  } else if (cp < 0x800) {
    o += static_cast<char>(0xC0 | (cp >> 6));
    o += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    o += static_cast<char>(0xE0 | (cp >> 12));
    o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    o += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    o += static_cast<char>(0xF0 | (cp >> 18));
    o += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    o += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    o += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The encoded forms the validator's preprocessing writes for "#name;" and "#123;".
constexpr std::string_view kNamedOpen = "\xEF\xAC\x82\xC2\xB0";          // ﬂ°
constexpr std::string_view kNumOpen = "\xEF\xAC\x82\xC2\xB0\xC2\xB0";    // ﬂ°°
constexpr std::string_view kClose = "\xC2\xB6\xC3\x9F";                  // ¶ß

bool named_entity(std::string_view name, std::string& o) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"quot", "\""}, {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"apos", "'"},
      {"nbsp", "\xC2\xA0"}, {"copy", "\xC2\xA9"}, {"reg", "\xC2\xAE"}, {"deg", "\xC2\xB0"},
      {"hellip", "\xE2\x80\xA6"}, {"mdash", "\xE2\x80\x94"}, {"ndash", "\xE2\x80\x93"},
      {"larr", "\xE2\x86\x90"}, {"rarr", "\xE2\x86\x92"}, {"harr", "\xE2\x86\x94"},
      {"check", "\xE2\x9C\x93"}, {"times", "\xC3\x97"}, {"semi", ";"}, {"num", "#"},
      {"colon", ":"}, {"lbrace", "{"}, {"rbrace", "}"}, {"lpar", "("}, {"rpar", ")"},
      {"lsqb", "["}, {"rsqb", "]"}, {"vert", "|"}, {"bull", "\xE2\x80\xA2"},
      {"hearts", "\xE2\x99\xA5"}, {"spades", "\xE2\x99\xA0"}, {"clubs", "\xE2\x99\xA3"},
      {"diams", "\xE2\x99\xA6"}, {"euro", "\xE2\x82\xAC"}, {"pound", "\xC2\xA3"}, {"yen", "\xC2\xA5"},
      {"cent", "\xC2\xA2"}, {"sect", "\xC2\xA7"}, {"para", "\xC2\xB6"}, {"middot", "\xC2\xB7"},
      {"plusmn", "\xC2\xB1"}, {"divide", "\xC3\xB7"}, {"micro", "\xC2\xB5"}, {"laquo", "\xC2\xAB"},
      {"raquo", "\xC2\xBB"}, {"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
      {"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"}, {"trade", "\xE2\x84\xA2"},
      {"uarr", "\xE2\x86\x91"}, {"darr", "\xE2\x86\x93"}, {"rArr", "\xE2\x87\x92"},
      {"lArr", "\xE2\x87\x90"}, {"hArr", "\xE2\x87\x94"}, {"ne", "\xE2\x89\xA0"},
      {"le", "\xE2\x89\xA4"}, {"ge", "\xE2\x89\xA5"}, {"infin", "\xE2\x88\x9E"},
      {"frac12", "\xC2\xBD"}, {"frac14", "\xC2\xBC"}, {"frac34", "\xC2\xBE"}, {"sup2", "\xC2\xB2"},
      {"shy", "\xC2\xAD"}, {"iexcl", "\xC2\xA1"}, {"iquest", "\xC2\xBF"}};
  for (auto& [n, v] : kNames) {
    if (n == name) {
      o += v;
      return true;
    }
  }
  return false;
}

// Decodes the validator's entity encoding and the HTML entities a label may carry.
std::string decode_entities(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    bool num = s.substr(i, kNumOpen.size()) == kNumOpen;
    if (num || s.substr(i, kNamedOpen.size()) == kNamedOpen) {
      size_t b = i + (num ? kNumOpen.size() : kNamedOpen.size());
      size_t e = s.find(kClose, b);
      if (e != std::string_view::npos) {
        std::string_view inner = s.substr(b, e - b);
        if (num) {
          uint32_t cp = 0;
          for (char c : inner) cp = cp < 0x110000 ? cp * 10 + static_cast<uint32_t>(c - '0') : cp;
          append_utf8(o, cp);
        } else if (!named_entity(inner, o)) {
          o += '#';
          o.append(inner);
          o += ';';
        }
        i = e + kClose.size();
        continue;
      }
    }
    if (s[i] == '&') {
      size_t e = s.find(';', i);
      if (e != std::string_view::npos && e - i <= 10) {
        std::string_view inner = s.substr(i + 1, e - i - 1);
        if (!inner.empty() && inner[0] == '#') {
          uint32_t cp = 0;
          bool ok = inner.size() > 1;
          bool hex = ok && (inner[1] == 'x' || inner[1] == 'X');
          for (size_t k = hex ? 2 : 1; k < inner.size() && ok; ++k) {
            char c = inner[k];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) ok = false;
            else if (cp < 0x110000) cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
          }
          if (ok) {
            append_utf8(o, cp);
            i = e + 1;
            continue;
          }
        } else {
          std::string tmp;
          if (named_entity(inner, tmp)) {
            o += tmp;
            i = e + 1;
            continue;
          }
        }
      }
    }
    o += s[i++];
  }
  return o;
}

bool ci_prefix(std::string_view s, size_t i, std::string_view w) {
  if (s.size() - i < w.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != w[k]) return false;
  }
  return true;
}

// Splits at <br>, <br/>, <br /> and drops other tags ("<" + letter or "/" ... ">"); with
// markdown, newlines break lines and ** / * / __ / _ markers around words are dropped.
std::vector<std::string> split_lines(std::string_view s, bool markdown) {
  std::vector<std::string> lines(1);
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '<' && ci_prefix(s, i, "<br")) {
      size_t e = s.find('>', i);
      std::string_view mid = e == std::string_view::npos ? "" : s.substr(i + 3, e - i - 3);
      if (e != std::string_view::npos && mid.find_first_not_of(" /\t") == std::string_view::npos) {
        lines.emplace_back();
        i = e + 1;
        continue;
      }
    }
    if (c == '<' && i + 1 < s.size() &&
        ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || (s[i + 1] >= 'A' && s[i + 1] <= 'Z') || s[i + 1] == '/')) {
      size_t e = s.find('>', i);
      if (e != std::string_view::npos) {
        i = e + 1;
        continue;
      }
    }
    if (c == '\n') {
      if (markdown) lines.emplace_back();
      else lines.back() += ' ';
      ++i;
      continue;
    }
    if (markdown && (c == '*' || c == '_')) {
      ++i;
      continue;
    }
    lines.back() += c;
    ++i;
  }
  for (std::string& l : lines) {
    size_t b = l.find_first_not_of(" \t");
    size_t e = l.find_last_not_of(" \t");
    l = b == std::string::npos ? std::string() : l.substr(b, e - b + 1);
  }
  return lines;
}

}  // namespace

size_t label_chars(const std::vector<std::string>& lines) {
  size_t n = 0;
  for (const std::string& l : lines)
    for (char c : l) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> label_lines(std::string_view written, bool markdown) {
  // Tags and line breaks first, entities after: `#lt;img#gt;` is the text "<img>" in Mermaid
  // (the codes are decoded into the label's text, never parsed as markup), so it is kept as
  // text here and escaped by the writer, not dropped as a tag.
  std::vector<std::string> lines = split_lines(written, markdown);
  for (std::string& l : lines) l = decode_entities(l);
  // Bounded: a huge label would make a huge box and a slow measurement for nothing.
  size_t budget = kMaxLabelChars;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::string& l = lines[k];
    size_t chars = 0, cut = std::string::npos;
    for (size_t i = 0; i < l.size(); ++i) {
      if ((static_cast<unsigned char>(l[i]) & 0xC0) == 0x80) continue;
      if (chars == budget) {
        cut = i;
        break;
      }
      ++chars;
    }
    if (cut != std::string::npos || (chars == budget && k + 1 < lines.size())) {
      if (cut != std::string::npos) l.resize(cut);
      l += "\xE2\x80\xA6";
      lines.resize(k + 1);
      break;
    }
    budget -= chars;
  }
  // Also bound the line count (a label of 2,000 "<br>" is 2,000 empty lines otherwise).
  if (lines.size() > 200) {
    lines.resize(200);
    lines.back() += "\xE2\x80\xA6";
  }
  return lines;
}

}  // namespace specgate::render
