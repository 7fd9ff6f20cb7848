// `specgate site`: what every page needs to know about every other spec — its output name, title
// and ID, IDs and references (for links and backlinks), anchors and its dashboard row — and how
// specs find each other (by ID, by path). Gathered in a first pass (site/gather.h); each page is
// then checked, rendered and written on its own (site/build.h), so a spec's findings, HTML and
// search text never outlive its page.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

// A page's anchors (every #fragment it offers, model/slug.h), packed in one string: links from
// other pages are checked against them, so every page's set lives for the whole run.
class AnchorSet {
 public:
  AnchorSet() = default;
  template <typename Range>
  explicit AnchorSet(const Range& anchors) {
    std::vector<std::string_view> sorted(anchors.begin(), anchors.end());
    std::sort(sorted.begin(), sorted.end());
    size_t bytes = 0;
    for (std::string_view a : sorted) bytes += a.size();
    text_.reserve(bytes);
    ends_.reserve(sorted.size());
    for (std::string_view a : sorted) {
      text_.append(a);
      ends_.push_back(static_cast<uint32_t>(text_.size()));
    }
  }
  bool contains(std::string_view anchor) const;
  size_t size() const { return ends_.size(); }

 private:
  std::string text_;            // the anchors, sorted, back to back
  std::vector<uint32_t> ends_;  // where each ends in text_
};

struct SitePage {
  std::string path;  // the spec, as discovered
  std::string out;   // its page, relative to the output directory ("specs/TASK-1.html")
  // The dashboard row. Header facts from the first pass; the template and finding counts come
  // from the check and are filled in once the page is written.
  SpecSummary summary;
  SpecIndex index;  // IDs and references only (the lines and suppressions are dropped once used)
  AnchorSet anchors;
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
