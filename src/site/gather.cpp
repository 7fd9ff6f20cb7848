#include "site/gather.h"

#include <optional>

#include "model/load.h"
#include "model/slug.h"
#include "site/workers.h"
#include "spec/index.h"
#include "status/spec_summary.h"
#include "workspace/run.h"

namespace specgate::site {

namespace {

// One spec's share of the first pass, until the pages are numbered.
struct Gleaned {
  std::string error;
  SpecSummary summary;
  AnchorSet anchors;
};

void glean(const std::string& path, const Config& config, TemplateRegistry& registry, SpecIndex& index,
           Gleaned& out) {
  std::optional<Document> doc = load_document(path, out.error);
  if (!doc) {
    index.path = path;
    return;
  }
  // Indexed even when it cannot be checked: its IDs still count for the others (as in `check`).
  index = build_spec_index(*doc, config);
  // The check would stop at a template the spec names but that cannot be used: no page.
  if (std::string e = registry.named_template_error(*doc); !e.empty()) {
    out.error = doc->source.path() + ": " + e;
    return;
  }
  out.summary = read_spec_summary(*doc, config);
  out.anchors = AnchorSet(document_anchors(*doc));
}

}  // namespace

Gathered gather_site(const std::vector<std::string>& files, const Checker& checker, const Config& config,
                     TemplateRegistry& registry, const SiteOptions& options, std::vector<std::string>& errors) {
  std::vector<SpecIndex> index(files.size());
  std::vector<Gleaned> gleaned(files.size());
  for_each_index(files.size(), options.jobs, [&](size_t i) {
    try {
      glean(files[i], config, registry, index[i], gleaned[i]);
    } catch (const std::exception& e) {
      gleaned[i].error = files[i] + ": internal error: " + e.what();
    }
  });
  // Cross-document findings go to the specs that will be checked, as `check` gives them.
  std::vector<uint8_t> checked(files.size());
  for (size_t i = 0; i < files.size(); ++i) checked[i] = gleaned[i].error.empty();
  std::vector<std::vector<Diagnostic>> found = workspace_findings(checker, config, options.complete, index, checked);

  Gathered g;
  Site& site = g.site;
  site.title = options.title;
  site.today = options.today;
  site.base_url = options.base_url;
  site.out_dir = path_key(options.out);
  for (size_t i = 0; i < files.size(); ++i) {
    Gleaned& s = gleaned[i];
    if (!s.error.empty()) {
      errors.push_back(std::move(s.error));
      continue;
    }
    SitePage p;
    p.path = files[i];
    p.summary = std::move(s.summary);
    p.summary.path = files[i];
    if (const std::string* id = index[i].primary_id()) p.summary.id = *id;
    p.index.path = std::move(index[i].path);
    p.index.ids = std::move(index[i].ids);
    p.index.refs = std::move(index[i].refs);  // the lines and suppressions served the findings above
    p.anchors = std::move(s.anchors);
    site.pages.push_back(std::move(p));
    sort_diagnostics(found[i]);
    g.cross.push_back(std::move(found[i]));
    index[i] = SpecIndex();
  }
  assign_output_names(site);
  site.link();
  return g;
}

}  // namespace specgate::site
