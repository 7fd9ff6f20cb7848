// The site's first pass: what every page needs from every other spec, and nothing else. Each
// spec is read once and dropped; what is kept is its dashboard row (header facts), IDs and
// references, anchors and output name, and the cross-document findings (which need every spec's
// index). Findings, HTML and search text come in the second pass, page by page (site/build.h).
#pragma once

#include <string>
#include <vector>

#include "check/checker.h"
#include "config/config.h"
#include "core/diagnostic.h"
#include "schema/registry.h"
#include "site/options.h"
#include "site/site.h"

namespace specgate::site {

struct Gathered {
  Site site;
  std::vector<std::vector<Diagnostic>> cross;  // per page: its cross-document findings, by position
};

// Reads `files` (sorted). A file that cannot be read, or that names a template that cannot be
// used, gets no page: its error goes to `errors` ("PATH: reason"), in path order.
Gathered gather_site(const std::vector<std::string>& files, const Checker& checker, const Config& config,
                     TemplateRegistry& registry, const SiteOptions& options, std::vector<std::string>& errors);

}  // namespace specgate::site
