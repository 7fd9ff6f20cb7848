// One spec's page: its findings (a list on top, a marker before each block they point into), its
// template conformance, the spec rendered as GitHub renders it (sanitized, IDs and links
// resolved, Mermaid drawn or shown as source) and a side panel of metadata, dependencies and
// backlinks.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "model/document.h"
#include "schema/schema.h"
#include "site/site.h"
#include "status/spec_summary.h"

namespace specgate::site {

// What the check found for the page's own spec: known only while its page is being written.
struct CheckedSpec {
  SpecSummary summary;  // the site's row with the template and finding counts filled in
  std::string template_reason;
  std::vector<Diagnostic> findings;  // the check's, cross-document ones included, by position
};

struct PageContext {
  const Site* site = nullptr;
  size_t page = 0;           // index into site->pages
  const CheckedSpec* checked = nullptr;  // the page's own findings and row; required
  bool single_file = false;  // one HTML file: pages are sections, their ids carry a prefix
  const Schema* schema = nullptr;  // the spec's template, for the conformance list; may be null
  // Draws a Mermaid diagram as inline SVG whose root has id `id`; "" (or no function) shows the
  // source with `note` (why it was not drawn) or a general one.
  std::function<std::string(std::string_view source, const std::string& id, std::string& note)> diagram;
};

// The prefix of every id on page i in a single-file site ("" otherwise).
std::string id_prefix(const PageContext& ctx);
// The URL of page `to` as written on the page being rendered.
std::string page_url(const PageContext& ctx, size_t to);
// The URL of the index (dashboard) as written on the page being rendered.
std::string home_url(const PageContext& ctx);

// The page's content, without the HTML shell (site/layout.h).
std::string render_spec_page(const Document& doc, const PageContext& ctx);

// The spec's Markdown body as sanitized HTML (the <article>'s content), for tests as well.
// `anchors`: when given, receives the lines whose block anchor (#L<line>) made it to the page.
std::string render_spec_body(const Document& doc, const PageContext& ctx, std::set<uint32_t>* anchors = nullptr);

// "sg-st-done", "sg-st-review", ...: the badge colour for a status.
std::string status_class(std::string_view status);

}  // namespace specgate::site
