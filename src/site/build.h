// The site's second pass: each page is checked, rendered and written in one go (read, check,
// render, write, drop), on worker threads; its search entry (and in one file, its section) is
// handed on in page order to a stream on disk. Memory then holds a Document and a page per
// worker plus what the first pass gathered (site/gather.h), however many specs there are.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "check/checker.h"
#include "config/config.h"
#include "core/diagnostic.h"
#include "schema/registry.h"
#include "site/gather.h"
#include "site/options.h"
#include "site/site.h"

namespace specgate::site {

// What a run held, for tests that hold it to its bound.
struct SiteStats {
  size_t pages_written = 0;
  // The most page results (search entry, and in one file the page's HTML) rendered but not yet
  // streamed at any one time: bounded by the hand-off window, not by the number of pages.
  size_t most_pages_held = 0;
};

// How many pages may wait for an earlier, slower one before their results are streamed.
inline constexpr size_t kPageWindow = 32;

// Checks and writes every page, then the dashboard and the search index, into a staging folder
// that is moved into options.out only when all of it was written (site/output.h). Fills the
// pages' dashboard rows (template, finding counts) as it goes. Returns "" or what went wrong.
std::string write_site(Gathered& gathered, const Checker& checker, const Config& config, TemplateRegistry& registry,
                       const SiteOptions& options, SiteStats* stats = nullptr);

}  // namespace specgate::site
