#include "support/html_audit.h"

#include <algorithm>
#include <cctype>

namespace specgate::test {

namespace {

bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  return out;
}

// Enough of the browser's character reference decoding to see through what a payload hides in
// an attribute: &amp; &quot; &lt; &gt; &#N; &#xN; and a few named ones.
std::string decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '#') {
      size_t j = i + 2;
      const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      unsigned long v = 0;
      const size_t d = j;
      while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j])) && (hex || std::isdigit(static_cast<unsigned char>(s[j])))) {
        v = v * (hex ? 16 : 10) + (std::isdigit(static_cast<unsigned char>(s[j])) ? s[j] - '0' : (s[j] | 0x20) - 'a' + 10);
        if (v > 0x10FFFF) v = 0xFFFD;
        ++j;
      }
      if (j > d) {
        out += v < 0x80 ? static_cast<char>(v) : '?';
        i = (j < s.size() && s[j] == ';') ? j : j - 1;
        continue;
      }
    }
    bool done = false;
    for (auto [name, ch] : {std::pair<std::string_view, char>{"&amp;", '&'}, {"&quot;", '"'}, {"&lt;", '<'},
                            {"&gt;", '>'}, {"&apos;", '\''}, {"&colon;", ':'}, {"&Tab;", '\t'}, {"&NewLine;", '\n'}}) {
      if (s.substr(i, name.size()) == name) {
        out += ch;
        i += name.size() - 1;
        done = true;
        break;
      }
    }
    if (!done) out += '&';
  }
  return out;
}

}  // namespace

std::vector<HtmlTag> html_tags(std::string_view s) {
  std::vector<HtmlTag> tags;
  size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
      HtmlTag t;
      t.name = s[i + 1] == '!' ? "!" : "?";
      const size_t e = s.find('>', i);
      t.raw_text = std::string(s.substr(i, (e == std::string_view::npos ? s.size() : e) - i));
      tags.push_back(t);
      i = e == std::string_view::npos ? s.size() : e + 1;
      continue;
    }
    size_t p = i + 1;
    HtmlTag t;
    if (p < s.size() && s[p] == '/') {
      t.end = true;
      ++p;
    }
    if (p >= s.size() || !alpha(s[p])) {
      ++i;
      continue;
    }
    size_t n = p;
    while (n < s.size() && !space(s[n]) && s[n] != '/' && s[n] != '>') ++n;
    t.name = lower(s.substr(p, n - p));
    p = n;
    for (;;) {
      while (p < s.size() && (space(s[p]) || s[p] == '/')) ++p;
      if (p >= s.size() || s[p] == '>') break;
      size_t an = p + 1;
      while (an < s.size() && !space(s[an]) && s[an] != '/' && s[an] != '>' && s[an] != '=') ++an;
      std::string name = lower(s.substr(p, an - p)), value;
      p = an;
      while (p < s.size() && space(s[p])) ++p;
      if (p < s.size() && s[p] == '=') {
        ++p;
        while (p < s.size() && space(s[p])) ++p;
        if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
          const size_t close = s.find(s[p], p + 1);
          const size_t e = close == std::string_view::npos ? s.size() : close;
          value = decode(s.substr(p + 1, e - p - 1));
          p = std::min(s.size(), e + 1);
        } else {
          size_t e = p;
          while (e < s.size() && !space(s[e]) && s[e] != '>') ++e;
          value = decode(s.substr(p, e - p));
          p = e;
        }
      }
      t.attrs.emplace_back(std::move(name), std::move(value));
    }
    i = std::min(s.size(), p + 1);
    if (!t.end && (t.name == "script" || t.name == "style" || t.name == "textarea" || t.name == "title")) {
      size_t e = i;
      for (;;) {
        e = s.find("</", e);
        if (e == std::string_view::npos || lower(s.substr(e + 2, t.name.size())) == t.name) break;
        e += 2;
      }
      if (e == std::string_view::npos) e = s.size();
      t.raw_text = std::string(s.substr(i, e - i));
      i = e;
    }
    tags.push_back(std::move(t));
  }
  return tags;
}

std::vector<std::string> html_dangers(std::string_view html, std::string_view own_style, std::string_view own_script) {
  static const std::set<std::string> kAllowed = {
      // the page shell
      "html", "head", "meta", "title", "style", "script", "body", "header", "main", "aside", "section", "article",
      "link", "progress", "select", "option", "figure",
      // what a spec's Markdown may become
      "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn",
      "div", "dl", "dt", "em", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins",
      "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike",
      "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u",
      "ul", "var", "wbr",
      // specgate's own Mermaid drawings (render/svg_writer.h), inline
      "svg", "g", "path", "rect", "text", "tspan", "defs", "marker", "line", "polyline", "polygon", "circle",
      "ellipse", "desc"};
  std::vector<std::string> out;
  for (const HtmlTag& t : html_tags(html)) {
    if (t.name == "!") {
      if (lower(t.raw_text) != "<!doctype html") out.push_back("markup declaration " + t.raw_text);
      continue;
    }
    if (t.name == "?") {
      out.push_back("processing instruction " + t.raw_text);
      continue;
    }
    if (!kAllowed.count(t.name)) {
      out.push_back("<" + std::string(t.end ? "/" : "") + t.name + ">");
      continue;
    }
    if (t.end) continue;
    for (const auto& [name, value] : t.attrs) {
      if (name.rfind("on", 0) == 0 || name == "style" || name == "formaction" || name == "action" ||
          name == "srcdoc" || name == "xlink:href" || name == "background" || (name == "http-equiv" && t.name != "meta"))
        out.push_back("<" + t.name + " " + name + "=\"" + value + "\">");
      if (name == "href" || name == "src") {
        std::string v;
        for (char c : value)
          if (static_cast<unsigned char>(c) > 0x20) v += c;
        v = lower(v);
        const bool image_data = t.name == "img" && name == "src" &&
                                (v.rfind("data:image/png;", 0) == 0 || v.rfind("data:image/gif;", 0) == 0 ||
                                 v.rfind("data:image/jpeg;", 0) == 0 || v.rfind("data:image/webp;", 0) == 0);
        if (v.rfind("javascript:", 0) == 0 || v.rfind("vbscript:", 0) == 0 || (v.rfind("data:", 0) == 0 && !image_data))
          out.push_back("<" + t.name + " " + name + "=\"" + value + "\">");
      }
    }
    auto attr = [&](std::string_view n) -> std::string {
      for (const auto& [name, value] : t.attrs)
        if (name == n) return value;
      return "";
    };
    if (t.name == "script") {
      const bool data = attr("type") == "application/json" && t.raw_text.find('<') == std::string::npos;
      if (!data && t.raw_text != own_script) out.push_back("a <script> that is not the site's");
      if (!attr("src").empty()) out.push_back("<script src>");
    }
    if (t.name == "style" && t.raw_text != own_style) {
      // A diagram's style block: plain rules, nothing that loads or evaluates.
      const std::string css = lower(t.raw_text);
      bool bad = css.find("@import") != std::string::npos || css.find("expression") != std::string::npos ||
                 css.find("javascript") != std::string::npos || css.find('<') != std::string::npos;
      for (size_t u = css.find("url("); u != std::string::npos; u = css.find("url(", u + 4))
        if (css.compare(u + 4, 1, "#") != 0) bad = true;
      if (bad) out.push_back("a <style> that loads or evaluates: " + t.raw_text.substr(0, 200));
    }
    if (t.name == "meta") {
      const std::string he = lower(attr("http-equiv")), nm = attr("name");
      const bool ok = (t.attrs.size() == 1 && t.attrs[0].first == "charset") || he == "content-security-policy" ||
                      nm == "viewport" || nm == "referrer" || nm == "generator";
      if (!ok) out.push_back("a <meta> that is not the site's");
    }
    if (t.name == "link" && attr("rel") != "canonical") out.push_back("a <link> that is not a canonical link");
    if (t.name == "input" && attr("type") != "checkbox" && attr("type") != "search")
      out.push_back("<input type=" + attr("type") + ">");
  }
  return out;
}

HtmlLinks html_links(std::string_view html) {
  HtmlLinks links;
  for (const HtmlTag& t : html_tags(html)) {
    if (t.end) continue;
    for (const auto& [name, value] : t.attrs) {
      if (name == "id" || (name == "name" && t.name == "a")) links.ids.insert(value);
      if ((name == "href" && t.name == "a") || (name == "src" && t.name == "img")) links.hrefs.push_back(value);
    }
  }
  return links;
}

}  // namespace specgate::test
