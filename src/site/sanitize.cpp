#include "site/sanitize.h"

#include <algorithm>
#include <array>
#include <vector>

#include "model/slug.h"
#include "site/html_escape.h"

namespace specgate::site {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// What GitHub's sanitizer keeps (its allowlist, less what a static page does not need).
bool allowed_element(std::string_view n) {
  return one_of(n, {"a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "dd", "del",
                    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
                    "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt",
                    "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table",
                    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr"});
}

bool void_element(std::string_view n) { return one_of(n, {"br", "hr", "img", "input", "wbr"}); }

// Elements dropped together with everything up to their end tag: what runs code, loads
// documents, or switches the parser into another mode (raw text, foreign content).
bool dropped_with_content(std::string_view n) {
  return one_of(n, {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript",
                    "noembed", "noframes", "template", "textarea", "title", "xmp", "svg", "math", "select",
                    "head", "plaintext", "listing", "audio", "video", "canvas", "form", "button"});
}

bool all_digits(std::string_view v, size_t max) {
  if (v.empty() || v.size() > max) return false;
  return std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool safe_token(std::string_view v, std::string_view extra) {
  if (v.empty() || v.size() > 120) return false;
  return std::all_of(v.begin(), v.end(), [&](char c) {
    return is_alpha(c) || (c >= '0' && c <= '9') || extra.find(c) != std::string_view::npos;
  });
}

// Classes a spec may carry: the ones md4c writes (task lists, code languages); never the site's own.
std::string allowed_classes(std::string_view value) {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && is_space(value[i])) ++i;
    size_t j = i;
    while (j < value.size() && !is_space(value[j])) ++j;
    const std::string_view c = value.substr(i, j - i);
    const bool ok = c == "task-list-item" || c == "task-list-item-checkbox" ||
                    (c.rfind("language-", 0) == 0 && safe_token(c, "-_+#."));
    if (ok) out += (out.empty() ? "" : " ") + std::string(c);
    i = j;
  }
  return out;
}

struct Attr {
  std::string name;   // lower case
  std::string value;  // decoded
  bool has_value = false;
};

struct Tag {
  std::string name;  // lower case
  std::vector<Attr> attrs;
  bool end = false;
  size_t next = 0;  // position after '>'
};

// Reads a tag starting at s[i] == '<'. False when it does not close: the caller writes the
// text as text.
bool read_tag(std::string_view s, size_t i, Tag& tag) {
  size_t p = i + 1;
  if (p < s.size() && s[p] == '/') {
    tag.end = true;
    ++p;
  }
  if (p >= s.size() || !is_alpha(s[p])) return false;
  while (p < s.size() && !is_space(s[p]) && s[p] != '/' && s[p] != '>') tag.name += lower(s[p++]);
  for (;;) {
    while (p < s.size() && (is_space(s[p]) || s[p] == '/')) ++p;
    if (p >= s.size()) return false;
    if (s[p] == '>') {
      tag.next = p + 1;
      return true;
    }
    Attr a;
    // An attribute name runs to a space, '/', '>' or '='; a leading '=' belongs to it.
    do a.name += lower(s[p++]);
    while (p < s.size() && !is_space(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=');
    size_t q = p;
    while (q < s.size() && is_space(s[q])) ++q;
    if (q < s.size() && s[q] == '=') {
      ++q;
      while (q < s.size() && is_space(s[q])) ++q;
      if (q >= s.size()) return false;
      std::string raw;
      if (s[q] == '"' || s[q] == '\'') {
        const char quote = s[q];
        const size_t close = s.find(quote, q + 1);
        if (close == std::string_view::npos) return false;
        raw = s.substr(q + 1, close - q - 1);
        p = close + 1;
      } else {
        size_t e = q;
        while (e < s.size() && !is_space(s[e]) && s[e] != '>') ++e;
        raw = s.substr(q, e - q);
        p = e;
      }
      a.value = decode_entities(raw);
      a.has_value = true;
    }
    tag.attrs.push_back(std::move(a));
  }
}

// Escaped text: a character reference that is complete stays as written, a bare '&' and the
// characters that could open markup are escaped.
void escape_text(std::string_view s, std::string& out) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&') {
      size_t j = i + 1;
      if (j < s.size() && s[j] == '#') {
        ++j;
        if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
      }
      const size_t start = j;
      while (j < s.size() && j - start < 32 && (is_alpha(s[j]) || (s[j] >= '0' && s[j] <= '9'))) ++j;
      if (j > start && j < s.size() && s[j] == ';') {
        out.append(s.substr(i, j - i + 1));
        i = j;
      } else {
        out += "&amp;";
      }
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\0') {
      out += "\xEF\xBF\xBD";
    } else {
      out += c;
    }
  }
}

class Sanitizer {
 public:
  Sanitizer(std::string_view in, const SanitizeHooks& hooks) : in_(in), hooks_(hooks) {}

  std::string run() {
    out_.reserve(in_.size() + in_.size() / 8);
    size_t text_start = 0;
    size_t i = 0;
    auto flush_text = [&](size_t end) {
      if (end > text_start) text(in_.substr(text_start, end - text_start));
    };
    while (i < in_.size()) {
      const size_t lt = in_.find('<', i);
      if (lt == std::string_view::npos) break;
      if (in_.compare(lt, 4, "<!--") == 0) {
        flush_text(lt);
        size_t end = in_.find("-->", lt + 4);
        const std::string_view body = in_.substr(lt + 4, (end == std::string_view::npos ? in_.size() : end) - lt - 4);
        if (hooks_.comment) out_ += hooks_.comment(body);
        i = text_start = end == std::string_view::npos ? in_.size() : end + 3;
        continue;
      }
      if (lt + 1 < in_.size() && (in_[lt + 1] == '!' || in_[lt + 1] == '?')) {
        // <!DOCTYPE>, <![CDATA[, <?php: bogus comments to a browser; dropped.
        flush_text(lt);
        const size_t end = in_.find('>', lt);
        i = text_start = end == std::string_view::npos ? in_.size() : end + 1;
        continue;
      }
      Tag tag;
      if (!read_tag(in_, lt, tag)) {
        i = lt + 1;  // stays text, escaped
        continue;
      }
      flush_text(lt);
      i = text_start = tag.next;
      if (tag.end) {
        end_tag(tag.name);
      } else if (dropped_with_content(tag.name)) {
        i = text_start = skip_content(tag.name, tag.next);
      } else if (allowed_element(tag.name)) {
        start_tag(tag);
      }
    }
    flush_text(in_.size());
    while (!open_.empty()) close_top();
    return std::move(out_);
  }

 private:
  struct Open {
    std::string name;
    size_t heading_at = 0;  // headings: where the id goes, in out_
    std::string heading_text;
  };

  // Past the end tag of `name` (counting nested ones of the same name), or the end of input.
  size_t skip_content(const std::string& name, size_t from) {
    if (name == "plaintext") return in_.size();
    int depth = 1;
    size_t p = from;
    while (p < in_.size()) {
      const size_t lt = in_.find('<', p);
      if (lt == std::string_view::npos) return in_.size();
      Tag t;
      if (!read_tag(in_, lt, t)) {
        p = lt + 1;
        continue;
      }
      p = t.next;
      if (t.name != name) continue;
      if (t.end && --depth == 0) return p;
      if (!t.end) ++depth;
    }
    return in_.size();
  }

  bool inside(std::string_view name) const {
    return std::any_of(open_.begin(), open_.end(), [&](const Open& o) { return o.name == name; });
  }

  Open* open_heading() {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it)
      if (it->heading_at) return &*it;
    return nullptr;
  }

  void text(std::string_view raw) {
    std::string escaped;
    escape_text(raw, escaped);
    if (Open* h = open_heading()) h->heading_text += decode_entities(escaped);
    if (hooks_.text && !inside("a") && !inside("pre")) hooks_.text(escaped, out_);
    else out_ += escaped;
  }

  void attr(std::string_view name, std::string_view value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    escape_html(value, out_);
    out_ += '"';
  }

  void start_tag(const Tag& tag) {
    const std::string& n = tag.name;
    if (n == "a" && inside("a")) return;  // no nested links
    std::string css_class, title, url_class, url_title;
    bool checkbox = false, keep_id = true;
    std::string attrs;
    auto add = [&](std::string_view name, std::string_view value) {
      std::string one;
      std::swap(one, out_);
      attr(name, value);
      std::swap(one, out_);
      attrs += one;
    };
    bool has_id = false;
    for (const Attr& a : tag.attrs) {
      const std::string& an = a.name;
      const std::string& v = a.value;
      if (an == "title" || an == "alt" || an == "lang") {
        if (an == "title") title = v;
        else add(an, v);
      } else if (an == "align" || an == "valign") {
        if (one_of(v, {"left", "right", "center", "justify", "top", "middle", "bottom"})) add(an, v);
      } else if ((an == "id" || an == "name") && keep_id) {
        // Kept for in-page links (`<a name="x">`); the site's own ids contain capitals, so a
        // heading slug never meets one, and a spec's id only ever lands on its own page.
        if (safe_token(v, "-_.:")) {
          add(an, hooks_.id_prefix + v);
          has_id = has_id || an == "id";
        }
      } else if (an == "href" && n == "a") {
        std::string url = safe_url(v, false);
        if (!url.empty() && hooks_.url) url = hooks_.url(url, false, url_class, url_title);
        if (!url.empty()) add("href", url);
      } else if (an == "src" && n == "img") {
        std::string url = safe_url(v, true);
        if (!url.empty() && hooks_.url) url = hooks_.url(url, true, url_class, url_title);
        if (!url.empty()) add("src", url);
      } else if ((an == "width" || an == "height") && (n == "img" || n == "td" || n == "th" || n == "table")) {
        if (all_digits(v, 5) || (v.size() > 1 && v.back() == '%' && all_digits(v.substr(0, v.size() - 1), 3))) add(an, v);
      } else if ((an == "colspan" || an == "rowspan") && (n == "td" || n == "th")) {
        if (all_digits(v, 3)) add(an, v);
      } else if (an == "start" && n == "ol") {
        if (all_digits(v, 9)) add(an, v);
      } else if (an == "open" && n == "details") {
        add(an, "");
      } else if (an == "type" && n == "input") {
        checkbox = v == "checkbox";
      } else if (an == "checked" && n == "input") {
        add("checked", "");
      } else if (an == "datetime" && n == "time") {
        if (safe_token(v, "-:+TZ. ")) add(an, v);
      } else if (an == "class") {
        css_class = allowed_classes(v);
      }
    }
    if (n == "input") {
      if (!checkbox) return;  // only task-list boxes; a text field on a static page is a phishing form
      attrs = " type=\"checkbox\" disabled" + attrs;
    }
    if (!url_class.empty()) css_class += (css_class.empty() ? "" : " ") + url_class;
    if (!url_title.empty()) title = url_title;
    if (!css_class.empty()) add("class", css_class);
    if (!title.empty()) add("title", title);
    out_ += '<';
    out_ += n;
    const size_t id_at = out_.size();
    out_ += attrs;
    out_ += '>';
    if (void_element(n)) return;
    Open o{n, 0, {}};
    const bool heading = n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6';
    if (heading && !has_id && hooks_.heading_ids) o.heading_at = id_at;
    open_.push_back(std::move(o));
  }

  void close_top() {
    Open& o = open_.back();
    if (o.heading_at) {
      const std::string& slug = slugs_.next(o.heading_text);
      out_.insert(o.heading_at, " id=\"" + escape_html(hooks_.id_prefix + slug) + "\"");
    }
    out_ += "</";
    out_ += o.name;
    out_ += '>';
    open_.pop_back();
  }

  void end_tag(const std::string& name) {
    if (!allowed_element(name) || void_element(name)) return;
    if (!inside(name)) return;
    while (open_.back().name != name) close_top();
    close_top();
  }

  std::string_view in_;
  const SanitizeHooks& hooks_;
  std::string out_;
  std::vector<Open> open_;
  SlugCounter slugs_;
};

}  // namespace

std::string sanitize_html(std::string_view html, const SanitizeHooks& hooks) { return Sanitizer(html, hooks).run(); }

}  // namespace specgate::site
