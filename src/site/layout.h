// The HTML shell around every page: charset, viewport, a Content-Security-Policy that lets the
// page load nothing from anywhere (only its own inline style and script, by hash, and images from
// its own files), the style sheet, and the top bar.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace specgate::site {

// The policy's text: default-src 'none', the style's and script's hashes (and those of the
// <style> blocks in `content`: the inline SVG diagrams'), images 'self' and data:.
std::string content_security_policy(std::string_view content = {});
// The same from the hashes of the content's style blocks, gathered with collect_style_hashes
// (for a page written in pieces: the single file).
std::string content_security_policy(std::set<std::string> style_hashes);
void collect_style_hashes(std::string_view content, std::set<std::string>& hashes);

// Opens the document up to and including the top bar. `title` and `site_title` are plain text.
// `canonical`: an absolute URL of the page (--base-url), or "".
// `content`: the page's body, whose diagrams' style blocks the policy must allow.
void open_page(std::string& out, std::string_view title, std::string_view site_title, std::string_view home_url,
               std::string_view canonical, std::string_view content = {});
void open_page(std::string& out, std::string_view title, std::string_view site_title, std::string_view home_url,
               std::string_view canonical, const std::set<std::string>& style_hashes);
// Closes it; `script`: the index's search, sorting and filtering script goes in.
void close_page(std::string& out, bool script);

}  // namespace specgate::site
