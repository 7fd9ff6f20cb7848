#include "site/build.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>

#include "model/load.h"
#include "render/render.h"
#include "site/html_escape.h"
#include "site/index_page.h"
#include "site/layout.h"
#include "site/output.h"
#include "site/page.h"
#include "site/search_index.h"
#include "site/workers.h"
#include "workspace/ordered_hand_off.h"

namespace specgate::site {

namespace {

// specgate's own renderer: inline SVG for the types it draws, a note saying why for the rest.
std::string draw_diagram(std::string_view source, const std::string& id, std::string& note) {
  render::Options options;
  options.id = id;
  render::RenderResult r = render::render_svg(source, options);
  if (r.drawn()) return r.svg;
  if (!r.valid && !r.diagnostics.empty()) {
    note = "Mermaid would reject this diagram (line " + std::to_string(r.diagnostics.front().line) +
           ": " + r.diagnostics.front().message + "), so its source is shown.";
  } else if (!r.note.empty()) {
    note = r.note + "; its source is shown.";
  }
  return "";
}

std::string page_title(const SpecSummary& s, const std::string& path) {
  std::string t = s.id ? *s.id + ": " : "";
  return t + s.title.value_or(path);
}

std::string canonical(const Site& site, const std::string& out) {
  if (site.base_url.empty()) return "";
  std::string base = site.base_url;
  if (base.back() != '/') base += '/';
  return base + url_path(out);
}

// What the check adds to a page's dashboard row.
struct RowFacts {
  std::optional<std::string> template_name;
  size_t errors = 0, warnings = 0;
};

// A written page's results, handed on in page order.
struct PageResult {
  std::string error;
  std::string search;   // its search index entry
  std::string section;  // one file: the page's section
};

struct Pass {
  Gathered& g;
  const Checker& checker;
  const Config& config;
  TemplateRegistry& registry;
  const SiteOptions& options;
  const SiteOutput& output;
  std::vector<RowFacts>& rows;

  // Reads, checks and renders page i; writes it unless the site is one file.
  PageResult page(size_t i) const {
    PageResult out;
    const Site& site = g.site;
    const SitePage& p = site.pages[i];
    std::optional<Document> doc = load_document(p.path, out.error);
    if (!doc) return out;
    CheckResult r = checker.check(*doc);
    if (!r.fatal.empty()) {
      out.error = r.fatal;
      return out;
    }
    CheckedSpec c;
    c.summary = p.summary;
    if (!r.report.template_name.empty()) c.summary.template_name = r.report.template_name;
    c.template_reason = std::move(r.report.template_reason);
    c.findings = std::move(r.report.diagnostics);
    std::vector<Diagnostic>& cross = g.cross[i];  // this worker's slot alone
    c.findings.insert(c.findings.end(), std::make_move_iterator(cross.begin()), std::make_move_iterator(cross.end()));
    cross = {};
    sort_diagnostics(c.findings);
    for (const Diagnostic& d : c.findings) {
      c.summary.errors += d.severity == Severity::Error;
      c.summary.warnings += d.severity == Severity::Warning;
    }
    finish_summary(c.summary, config, options.today);
    rows[i] = {c.summary.template_name, c.summary.errors, c.summary.warnings};

    PageContext ctx;
    ctx.site = &site;
    ctx.page = i;
    ctx.checked = &c;
    ctx.single_file = options.single_file;
    ctx.diagram = options.diagram ? options.diagram : draw_diagram;
    ctx.schema = registry.choose(*doc, "").schema;
    const std::string content = render_spec_page(*doc, ctx);
    out.search = search_entry_json(p, c.summary, read_search_text(*doc), i, options.single_file);
    const std::string title = page_title(c.summary, p.path);
    if (options.single_file) {
      out.section = "<section class=\"sg-page\" id=\"P" + std::to_string(i) + "\"><header class=\"sg-top\"><b>";
      escape_html(title, out.section);
      out.section += "</b><a href=\"#SG-index\">Back to the index</a></header>";
      out.section += content;
      out.section += "</section>\n";
    } else {
      std::string html;
      open_page(html, title + " \xE2\x80\x94 " + site.title, site.title, home_url(ctx), canonical(site, p.out), content);
      html += content;
      close_page(html, false);
      out.error = output.write(p.out, html);
    }
    return out;
  }
};

// The search index streamed through json_for_script into `to`.
std::string embed_search(const std::filesystem::path& search, StreamFile& to) {
  std::string buf;
  return StreamFile::read_in_pieces(search, [&](std::string_view piece) {
    buf.clear();
    json_for_script(piece, buf);
    to.write(buf);
  });
}

}  // namespace

std::string write_site(Gathered& g, const Checker& checker, const Config& config, TemplateRegistry& registry,
                       const SiteOptions& options, SiteStats* stats) {
  Site& site = g.site;
  SiteOutput output(options.out);
  if (std::string e = output.open(); !e.empty()) return e;
  const bool one = options.single_file;
  // Streams: the search index (search.json itself unless the site is one file), and in one file
  // the pages' sections, which go after the dashboard.
  const std::string search_name = one ? ".search.part" : "search.json";
  StreamFile search, sections;
  if (std::string e = search.open(output.staged(search_name)); !e.empty()) return e;
  if (one) {
    if (std::string e = sections.open(output.staged(".pages.part")); !e.empty()) return e;
  }
  search.write(search_index_head(site.title));

  std::vector<RowFacts> rows(site.pages.size());
  std::set<std::string> style_hashes;  // one file: its policy must allow every diagram's style
  std::string first_error;
  std::atomic<size_t> held{0}, most_held{0};
  OrderedHandOff<PageResult>::Sink sink = [&](size_t i, PageResult&& r) {
    held.fetch_sub(1);
    if (!r.error.empty()) {
      if (first_error.empty()) first_error = std::move(r.error);
      return;
    }
    if (i) search.write(",");
    search.write(r.search);
    if (one) {
      collect_style_hashes(r.section, style_hashes);
      sections.write(r.section);
    }
  };
  OrderedHandOff<PageResult> hand_off(site.pages.size(), sink, kPageWindow);
  const Pass pass{g, checker, config, registry, options, output, rows};
  for_each_index(site.pages.size(), options.jobs, [&](size_t i) {
    hand_off.wait_turn(i);
    PageResult r;
    try {
      r = pass.page(i);
    } catch (const std::exception& e) {
      r = {};
      r.error = site.pages[i].path + ": internal error: " + e.what();
    }
    const size_t now = held.fetch_add(1) + 1;
    for (size_t m = most_held.load(); now > m && !most_held.compare_exchange_weak(m, now);) {
    }
    hand_off.done(i, std::move(r));
  });
  search.write(kSearchIndexTail);
  if (std::string e = search.close(); !e.empty()) return e;
  if (std::string e = sections.close(); !e.empty()) return e;
  if (!first_error.empty()) return first_error;

  // The dashboard, now that every row is complete.
  for (size_t i = 0; i < site.pages.size(); ++i) {
    SpecSummary& s = site.pages[i].summary;
    if (rows[i].template_name) s.template_name = std::move(rows[i].template_name);
    s.errors = rows[i].errors;
    s.warnings = rows[i].warnings;
    finish_summary(s, config, options.today);
  }
  const std::string dashboard = render_index(site, one);
  StreamFile index;
  if (std::string e = index.open(output.staged("index.html")); !e.empty()) return e;
  std::string head;
  if (one) {
    collect_style_hashes(dashboard, style_hashes);
    open_page(head, site.title, site.title, "#SG-index", canonical(site, "index.html"), style_hashes);
  } else {
    open_page(head, site.title, site.title, "index.html", canonical(site, "index.html"));
  }
  index.write(head);
  index.write(dashboard);
  index.write(kSearchDataOpen);
  if (std::string e = embed_search(output.staged(search_name), index); !e.empty()) return e;
  index.write(kSearchDataClose);
  if (one) {
    if (std::string e = StreamFile::read_in_pieces(output.staged(".pages.part"),
                                                   [&](std::string_view piece) { index.write(piece); });
        !e.empty())
      return e;
  }
  std::string tail;
  close_page(tail, true);
  index.write(tail);
  if (std::string e = index.close(); !e.empty()) return e;

  std::error_code ec;
  if (one) {
    std::filesystem::remove(output.staged(".search.part"), ec);
    std::filesystem::remove(output.staged(".pages.part"), ec);
  } else {
    // search.json ends with a newline; the copy in index.html does not.
    StreamFile f;
    if (std::string e = f.open(output.staged("search.json"), true); !e.empty()) return e;
    f.write("\n");
    if (std::string e = f.close(); !e.empty()) return e;
  }
  if (stats) {
    stats->pages_written = site.pages.size();
    stats->most_pages_held = most_held.load();
  }
  return output.publish();
}

}  // namespace specgate::site
