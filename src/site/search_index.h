// The prebuilt search index: per spec its ID, title, page URL, status, template, headings (text
// and anchor) and prose. Written as search.json beside the pages and embedded in the index page,
// where a small script searches it: no server, no external service.
#pragma once

#include <string>

#include "model/document.h"
#include "site/site.h"

namespace specgate::site {

// The headings and prose a page contributes to the index, read while its Document is in memory.
void read_search_text(const Document& doc, SitePage& page);

// The index as JSON. `single_file`: page URLs are the pages' fragments in one file.
std::string search_index_json(const Site& site, bool single_file);

}  // namespace specgate::site
