// What a `specgate site` run is asked to do: where to, in which layout, with which title.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/date.h"

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

}  // namespace specgate::site
