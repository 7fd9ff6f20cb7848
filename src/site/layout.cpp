#include "site/layout.h"

#include <set>

#include "site/assets.h"
#include "site/html_escape.h"
#include "site/sha256.h"

namespace specgate::site {

void collect_style_hashes(std::string_view content, std::set<std::string>& hashes) {
  // Only the renderer's SVG carries <style> in a body: the sanitizer drops every one a spec writes.
  for (size_t at = content.find("<style>"); at != std::string_view::npos; at = content.find("<style>", at)) {
    const size_t begin = at + 7, end = content.find("</style>", begin);
    if (end == std::string_view::npos) break;
    hashes.insert(sha256_base64(content.substr(begin, end - begin)));
    at = end;
  }
}

std::string content_security_policy(std::set<std::string> style_hashes) {
  style_hashes.insert(sha256_base64(kStyle));
  std::string policy = "default-src 'none'; style-src";
  for (const std::string& h : style_hashes) policy += " 'sha256-" + h + "'";
  policy += "; script-src 'sha256-" + sha256_base64(kScript) + "'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
  return policy;
}

std::string content_security_policy(std::string_view content) {
  std::set<std::string> styles;
  collect_style_hashes(content, styles);
  return content_security_policy(std::move(styles));
}

void open_page(std::string& out, std::string_view title, std::string_view site_title, std::string_view home_url,
               std::string_view canonical, std::string_view content) {
  std::set<std::string> styles;
  collect_style_hashes(content, styles);
  open_page(out, title, site_title, home_url, canonical, styles);
}

void open_page(std::string& out, std::string_view title, std::string_view site_title, std::string_view home_url,
               std::string_view canonical, const std::set<std::string>& style_hashes) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + escape_html(content_security_policy(style_hashes)) + "\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"specgate\">\n<title>";
  escape_html(title, out);
  out += "</title>\n";
  if (!canonical.empty()) out += "<link rel=\"canonical\" href=\"" + escape_html(canonical) + "\">\n";
  out += "<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<header class=\"sg-top\"><a class=\"sg-home\" href=\"";
  escape_html(home_url, out);
  out += "\">";
  escape_html(site_title, out);
  out += "</a><a href=\"";
  // One file: the index is a section of the same page, so its table is just a fragment away.
  if (home_url.find('#') == std::string_view::npos) escape_html(home_url, out);
  out += "#SG-specs\">All specs</a></header>\n";
}

void close_page(std::string& out, bool script) {
  if (script) {
    out += "<script>";
    out += kScript;
    out += "</script>\n";
  }
  out += "</body>\n</html>\n";
}

}  // namespace specgate::site
