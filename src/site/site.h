// `specgate site`: what the site knows about the specs once the check has run over them all —
// each spec's status row, IDs and references, findings and search text — and how specs find
// each other (by ID, by path). Pages are then rendered one at a time from this (site/write.h).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/diagnostic.h"
#include "spec/index.h"
#include "status/spec_summary.h"

namespace specgate::site {

struct HeadingEntry {
  std::string text;  // plain text
  std::string slug;  // GitHub's anchor
};

struct SitePage {
  std::string path;  // the spec, as discovered
  std::string out;   // its page, relative to the output directory ("specs/TASK-1.html")
  SpecSummary summary;
  SpecIndex index;
  std::string template_reason;
  std::vector<Diagnostic> findings;  // the check's, cross-document ones included, by position
  std::vector<HeadingEntry> headings;
  std::vector<std::string> anchors;  // every #fragment the page offers (model/slug.h), sorted
  std::string text;  // the spec's prose for search, cut to a few KB
};

struct Site {
  std::string title = "Specs";
  Date today;
  // Where the site is written (path_key form): links to files that are not specs (images,
  // code) are written relative to it, so they work from file://.
  std::string out_dir;
  std::string base_url;  // --base-url: the site's address, for the canonical links; may be ""
  std::vector<SitePage> pages;  // path order
  std::map<std::string, size_t> by_id;    // a declared ID -> the first page (path order) declaring it
  std::map<std::string, size_t> by_path;  // lexically normal absolute path -> page
  struct Link {
    size_t from;
    RefKind kind;
    std::string via;
  };
  std::vector<std::vector<Link>> backlinks;  // per page: pages whose references name one of its IDs

  // Fills by_id, by_path and backlinks from the pages.
  void link();
  // The page for a spec path as the filesystem names it, or nullptr.
  const SitePage* page_at_path(const std::string& path) const;
};

// The normalized absolute path used as by_path's key.
std::string path_key(const std::string& path);

// Output names: each spec's path relative to the specs' common directory, under "specs/", with
// ".html" for its Markdown extension; a name already taken gets "-2", "-3".
void assign_output_names(Site& site);

// A path relative to the output directory written as a URL (each segment percent-encoded).
std::string url_path(const std::string& relative);
// The URL of page `to` from page `from_out` (both relative to the output directory).
std::string relative_url(const std::string& from_out, const std::string& to_out);

}  // namespace specgate::site
