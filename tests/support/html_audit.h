// Reading the site's generated HTML as a browser's tokenizer would, independently of the
// sanitizer that wrote it (src/site/sanitize.cpp): a bug there must not be mirrored here.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace specgate::test {

struct HtmlTag {
  std::string name;  // lower case
  bool end = false;
  std::vector<std::pair<std::string, std::string>> attrs;  // lower-case name, value (entities decoded)
  std::string raw_text;  // <script>/<style>: the content up to the end tag
};

std::vector<HtmlTag> html_tags(std::string_view html);

// Everything in `html` that could run code or load something: a tag outside the allowlist, an
// on* or style attribute, a javascript:/vbscript:/data: URL (data:image/png|gif|jpeg|webp in an
// img excepted), a <script> or <style> that is not the site's own, a <meta>/<link> that is not
// the site's. Empty when the page is safe.
std::vector<std::string> html_dangers(std::string_view html, std::string_view own_style, std::string_view own_script);

struct HtmlLinks {
  std::set<std::string> ids;        // every id and <a name>
  std::vector<std::string> hrefs;   // every <a href> and <img src>, as written (decoded)
};
HtmlLinks html_links(std::string_view html);

}  // namespace specgate::test
