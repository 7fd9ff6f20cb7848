// Building a site: check every spec once (as `check` and `status` do) and keep what the pages
// need, then render and write the pages one at a time, each from its file read again, so memory
// holds one Document per worker however many specs there are.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "check/checker.h"
#include "config/config.h"
#include "schema/registry.h"
#include "site/site.h"

namespace specgate::site {

struct SiteOptions {
  std::string out;           // the output directory
  bool single_file = false;  // one file, OUT/index.html, with every page in it
  std::string title = "Specs";
  std::string base_url;      // the site's address when published ("" when not)
  unsigned jobs = 0;
  bool complete = false;     // the run covers whole directories (cross-document rules)
  Date today;
  // Draws a Mermaid diagram as SVG (see PageContext::diagram); unset: specgate's renderer
  // (render/render.h) for the types it draws.
  std::function<std::string(std::string_view source, const std::string& id, std::string& note)> diagram;
};

// Checks `files` (sorted) and fills a Site; unreadable files go to `errors` ("PATH: reason").
Site collect_site(const std::vector<std::string>& files, const Checker& checker, const Config& config,
                  TemplateRegistry& registry, const SiteOptions& options, std::vector<std::string>& errors);

// Writes the site. Returns "" or what went wrong.
std::string write_site(const Site& site, TemplateRegistry& registry, const SiteOptions& options);

}  // namespace specgate::site
