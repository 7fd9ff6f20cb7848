// The dashboard: totals on top ("3 approved, 2 in review, 1 overdue"), the search box and
// filters (shown once the script runs), and a row per spec with its ID, title, template, status
// badge, owner, dates, gate progress and findings. A table that works without JavaScript.
#pragma once

#include <string>

#include "site/site.h"

namespace specgate::site {

// `single_file`: pages are sections of the same file. `search_json`: the search index
// (site/search_index.h), embedded as a data block the script reads.
std::string render_index(const Site& site, bool single_file, const std::string& search_json);

}  // namespace specgate::site
