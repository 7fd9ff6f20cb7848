// The HTML shell around every page: charset, viewport, a Content-Security-Policy that lets the
// page load nothing from anywhere (only its own inline style and script, by hash, and images from
// its own files), the style sheet, and the top bar.
#pragma once

#include <string>
#include <string_view>

namespace specgate::site {

// The policy's text: default-src 'none', the style's and script's hashes, images 'self' and data:.
const std::string& content_security_policy();

// Opens the document up to and including the top bar. `title` and `site_title` are plain text.
// `canonical`: an absolute URL of the page (--base-url), or "".
void open_page(std::string& out, std::string_view title, std::string_view site_title, std::string_view home_url,
               std::string_view canonical);
// Closes it; `script`: the index's search, sorting and filtering script goes in.
void close_page(std::string& out, bool script);

}  // namespace specgate::site
