#include "site/html_escape.h"

#include <cstdint>

#include "core/source.h"

namespace specgate::site {

void escape_html(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\0': out += "\xEF\xBF\xBD"; break;
      default: out += c;
    }
  }
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  escape_html(text, out);
  return out;
}

namespace {

// A decoded reference as the page will hold it: NUL and lone surrogates become U+FFFD, as
// browsers make them, so no reference smuggles either into the output.
void append_code_point(uint32_t cp, std::string& out) {
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  append_utf8(out, cp);
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    // Numeric: &#123; &#x7B; (the ';' may be missing, as browsers allow).
    if (i + 2 < s.size() && s[i + 1] == '#') {
      size_t j = i + 2;
      const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      const size_t digits = j;
      uint32_t cp = 0;
      while (j < s.size() && (hex ? is_hex(s[j]) : (s[j] >= '0' && s[j] <= '9'))) {
        const char c = s[j];
        const uint32_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        if (cp < 0x110000) cp = cp * (hex ? 16 : 10) + d;
        ++j;
      }
      if (j > digits) {
        append_code_point(cp, out);
        i = j < s.size() && s[j] == ';' ? j + 1 : j;
        continue;
      }
    }
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", "\xC2\xA0"},
        {"&Tab;", "\t"}, {"&NewLine;", "\n"}, {"&colon;", ":"}, {"&sol;", "/"}, {"&lpar;", "("}, {"&rpar;", ")"},
    };
    bool matched = false;
    for (const auto& [name, value] : kNamed) {
      if (s.substr(i, name.size()) == name) {
        out += value;
        i += name.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += s[i++];
  }
  return out;
}

std::string safe_url(std::string_view url, bool image) {
  // Browsers drop ASCII tab and newline anywhere in a URL and trim controls and spaces at its
  // ends ("java\tscript:"); judge and keep the URL as the browser will read it.
  std::string clean;
  for (char c : url) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    clean += c;
  }
  size_t b = 0, e = clean.size();
  while (b < e && static_cast<unsigned char>(clean[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(clean[e - 1]) <= 0x20) --e;
  clean = clean.substr(b, e - b);
  for (char c : clean)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "";
  // A scheme is letters, digits, + - . before the first ':' that comes before any / ? #.
  size_t colon = std::string::npos;
  for (size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    if (c == ':') {
      colon = i;
      break;
    }
    if (c == '/' || c == '?' || c == '#') break;
  }
  if (colon == std::string::npos) return clean;  // relative or a fragment
  std::string scheme;
  for (size_t i = 0; i < colon; ++i) scheme += static_cast<char>(clean[i] >= 'A' && clean[i] <= 'Z' ? clean[i] | 0x20 : clean[i]);
  if (scheme == "http" || scheme == "https" || scheme == "mailto") return clean;
  if (image && scheme == "data") {
    std::string head;
    for (size_t i = 0; i < clean.size() && i < 30; ++i)
      head += static_cast<char>(clean[i] >= 'A' && clean[i] <= 'Z' ? clean[i] | 0x20 : clean[i]);
    // SVG is left out: an SVG image is a document that can carry script.
    for (std::string_view ok : {"data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/webp;"})
      if (head.rfind(ok, 0) == 0) return clean;
  }
  return "";
}

void json_for_script(std::string_view json, std::string& out) {
  out.reserve(out.size() + json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
}

std::string json_for_script(std::string_view json) {
  std::string out;
  json_for_script(json, out);
  return out;
}

}  // namespace specgate::site
