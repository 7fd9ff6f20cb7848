// The prebuilt search index: per spec its ID, title, page URL, status, template, headings (text
// and anchor) and prose. Written as search.json beside the pages and embedded in the index page,
// where a small script searches it: no server, no external service. It is written in pieces, one
// entry per page as the page is written, so the whole index is never held in memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "site/site.h"
#include "status/spec_summary.h"

namespace specgate::site {

// The headings and prose a page contributes to the index, read while its Document is in memory.
struct SearchText {
  std::vector<HeadingEntry> headings;
  std::string text;  // cut to a few KB
};
SearchText read_search_text(const Document& doc);

// The index is head + the entries joined by "," + kSearchIndexTail: the same bytes as one JSON
// document dumped whole. `single_file`: page URLs are the pages' fragments in one file.
std::string search_index_head(const std::string& site_title);
std::string search_entry_json(const SitePage& page, const SpecSummary& summary, const SearchText& text, size_t i,
                              bool single_file);
inline constexpr std::string_view kSearchIndexTail = "]}";

}  // namespace specgate::site
