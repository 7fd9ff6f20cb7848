// The allowlist HTML sanitizer every rendered spec goes through: md4c's output with the spec's
// raw HTML in it goes in, and only the elements and attributes GitHub keeps come out, every
// attribute re-quoted and escaped, every URL checked (site/html_escape.h safe_url). Script,
// style, frames, objects, SVG and MathML go with their content; comments are dropped (the page
// renderer's own markers excepted, through a hook); unknown tags are dropped, their text kept.
// Headings get GitHub's anchors (model/slug.h) and open tags are closed at the end, so nothing a
// spec writes can reach the page around it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace specgate::site {

struct SanitizeHooks {
  // A link's or image's URL that passed the check; returns the URL to write ("" drops the
  // attribute) and may add a class ("sg-missing") and a title.
  std::function<std::string(std::string_view url, bool image, std::string& css_class, std::string& title)> url;
  // Escaped text outside links and <pre>: appends it to `out`, possibly with links added
  // (spec IDs). Without a hook the text is appended as is.
  std::function<void(std::string_view escaped_text, std::string& out)> text;
  // An HTML comment's body: trusted HTML to put in its place, or "" to drop it.
  std::function<std::string(std::string_view comment)> comment;
  // Heading anchors: give each h1-h6 without an id GitHub's slug of its text.
  bool heading_ids = true;
  // Put before every id and name the spec gives or gets (heading anchors included): pages of a
  // single-file site share one id space.
  std::string id_prefix;
};

std::string sanitize_html(std::string_view html, const SanitizeHooks& hooks = {});

}  // namespace specgate::site
