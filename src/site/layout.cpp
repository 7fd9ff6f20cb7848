#include "site/layout.h"

#include "site/assets.h"
#include "site/html_escape.h"
#include "site/sha256.h"

namespace specgate::site {

const std::string& content_security_policy() {
  static const std::string policy = "default-src 'none'; style-src 'sha256-" + sha256_base64(kStyle) +
                                    "'; script-src 'sha256-" + sha256_base64(kScript) +
                                    "'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
  return policy;
}

void open_page(std::string& out, std::string_view title, std::string_view site_title, std::string_view home_url,
               std::string_view canonical) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + escape_html(content_security_policy()) + "\">\n";
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
