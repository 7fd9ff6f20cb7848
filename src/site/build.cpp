#include "site/build.h"

#include <filesystem>
#include <fstream>
#include <atomic>
#include <thread>

#include "model/load.h"
#include "render/render.h"
#include "site/html_escape.h"
#include "site/index_page.h"
#include "site/layout.h"
#include "site/page.h"
#include "site/search_index.h"
#include "workspace/run.h"

namespace specgate::site {

namespace fs = std::filesystem;

Site collect_site(const std::vector<std::string>& files, const Checker& checker, const Config& config,
                  TemplateRegistry& registry, const SiteOptions& options, std::vector<std::string>& errors) {
  (void)registry;
  Site site;
  site.title = options.title;
  site.today = options.today;
  site.base_url = options.base_url;
  site.out_dir = path_key(options.out);
  std::vector<SitePage> pages(files.size());
  RunOptions ropts;
  ropts.jobs = options.jobs;
  ropts.complete = options.complete;
  ropts.per_file = [&pages, &config](size_t i, const Document& doc, const FileReport&) {
    pages[i].summary = read_spec_summary(doc, config);
    read_search_text(doc, pages[i]);
  };
  WorkspaceRun ws = run_workspace(files, checker, config, ropts);
  for (size_t i = 0; i < ws.files.size(); ++i) {
    FileOutcome& f = ws.files[i];
    if (!f.error.empty()) {
      errors.push_back(f.error);
      continue;
    }
    SitePage& p = pages[i];
    p.path = files[i];
    p.index = std::move(ws.index[i]);
    p.summary.path = files[i];
    if (const std::string* id = p.index.primary_id()) p.summary.id = *id;
    if (!f.report.template_name.empty()) p.summary.template_name = f.report.template_name;
    p.template_reason = f.report.template_reason;
    p.summary.errors = f.count(Severity::Error);
    p.summary.warnings = f.count(Severity::Warning);
    finish_summary(p.summary, config, options.today);
    p.findings = std::move(f.report.diagnostics);
    sort_diagnostics(p.findings);
    site.pages.push_back(std::move(p));
  }
  assign_output_names(site);
  site.link();
  return site;
}

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

std::string write_file(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return path.parent_path().string() + ": " + ec.message();
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << bytes;
  f.close();
  if (!f) return path.string() + ": cannot write";
  return "";
}

std::string page_title(const SitePage& p) {
  std::string t = p.summary.id ? *p.summary.id + ": " : "";
  return t + p.summary.title.value_or(p.path);
}

std::string canonical(const Site& site, const std::string& out) {
  if (site.base_url.empty()) return "";
  std::string base = site.base_url;
  if (base.back() != '/') base += '/';
  return base + url_path(out);
}

}  // namespace

std::string write_site(const Site& site, TemplateRegistry& registry, const SiteOptions& options) {
  const fs::path out_dir(options.out);
  const std::string search = search_index_json(site, options.single_file);
  std::string single;  // --single-file: every page's content, the shell goes around it at the end
  if (options.single_file) {
    single += render_index(site, true, search);
  } else {
    std::string index;
    open_page(index, site.title, site.title, "index.html", canonical(site, "index.html"));
    index += render_index(site, false, search);
    close_page(index, true);
    if (std::string e = write_file(out_dir / "index.html", index); !e.empty()) return e;
    if (std::string e = write_file(out_dir / "search.json", search + "\n"); !e.empty()) return e;
  }
  // A page from its spec, read again: one Document per worker at a time.
  auto render = [&](size_t i, std::string& content, std::string& error) {
    std::optional<Document> doc = load_document(site.pages[i].path, error);
    if (!doc) return;
    PageContext ctx;
    ctx.site = &site;
    ctx.page = i;
    ctx.single_file = options.single_file;
    ctx.diagram = options.diagram ? options.diagram : draw_diagram;
    ctx.schema = registry.choose(*doc, "").schema;
    content = render_spec_page(*doc, ctx);
  };
  if (options.single_file) {
    for (size_t i = 0; i < site.pages.size(); ++i) {
      std::string content, error;
      render(i, content, error);
      if (!error.empty()) return error;
      single += "<section class=\"sg-page\" id=\"P" + std::to_string(i) + "\"><header class=\"sg-top\"><b>";
      escape_html(page_title(site.pages[i]), single);
      single += "</b><a href=\"#SG-index\">Back to the index</a></header>";
      single += content;
      single += "</section>\n";
    }
  } else {
    // Pages are independent files: workers take the next page until none is left. What each
    // writes depends only on its page, so the bytes do not depend on the scheduling.
    std::vector<std::string> errors(site.pages.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < site.pages.size();) {
        std::string content;
        render(i, content, errors[i]);
        if (!errors[i].empty()) continue;
        const SitePage& p = site.pages[i];
        PageContext ctx;
        ctx.site = &site;
        ctx.page = i;
        std::string html;
        open_page(html, page_title(p) + " \xE2\x80\x94 " + site.title, site.title, home_url(ctx),
                  canonical(site, p.out), content);
        html += content;
        close_page(html, false);
        errors[i] = write_file(out_dir / p.out, html);
      }
    };
    const size_t n = std::min<size_t>(options.jobs ? options.jobs : default_jobs(), site.pages.size());
    std::vector<std::thread> threads;
    for (size_t t = 1; t < n; ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    for (const std::string& e : errors)
      if (!e.empty()) return e;
  }
  if (options.single_file) {
    std::string html;
    open_page(html, site.title, site.title, "#SG-index", canonical(site, "index.html"), single);
    html += single;
    close_page(html, true);
    if (std::string e = write_file(out_dir / "index.html", html); !e.empty()) return e;
  }
  return "";
}

}  // namespace specgate::site
