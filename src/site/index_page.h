// The dashboard: totals on top ("3 approved, 2 in review, 1 overdue"), the search box and
// filters (shown once the script runs), and a row per spec with its ID, title, template, status
// badge, owner, dates, gate progress and findings. A table that works without JavaScript.
#pragma once

#include <string>
#include <string_view>

#include "site/site.h"

namespace specgate::site {

// `single_file`: pages are sections of the same file. The search index (site/search_index.h)
// follows it in a data block the script reads: kSearchDataOpen, the index through
// json_for_script (site/html_escape.h), kSearchDataClose.
std::string render_index(const Site& site, bool single_file);

inline constexpr std::string_view kSearchDataOpen = "<script type=\"application/json\" id=\"SG-search-data\">";
inline constexpr std::string_view kSearchDataClose = "</script>\n";

}  // namespace specgate::site
