#include "site/page.h"

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "core/markdown_path.h"
#include "core/text.h"
#include "markdown/html.h"
#include "schema/match.h"
#include "site/html_escape.h"
#include "site/sanitize.h"
#include "spec/ids.h"

namespace specgate::site {

namespace fs = std::filesystem;

std::string id_prefix(const PageContext& ctx) { return ctx.single_file ? "P" + std::to_string(ctx.page) + "-" : ""; }

std::string page_url(const PageContext& ctx, size_t to) {
  if (ctx.single_file) return "#P" + std::to_string(to);
  return relative_url(ctx.site->pages[ctx.page].out, ctx.site->pages[to].out);
}

std::string home_url(const PageContext& ctx) {
  if (ctx.single_file) return "#SG-index";
  return relative_url(ctx.site->pages[ctx.page].out, "index.html");
}

std::string status_class(std::string_view status) {
  std::string s;
  for (char c : status) s += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  auto has = [&](std::string_view w) { return s.find(w) != std::string::npos; };
  if (has("block") || has("reject") || has("deprecat") || has("supersed") || has("cancel") || has("abandon"))
    return "sg-st-blocked";
  if (has("review")) return "sg-st-review";
  if (has("approved") || has("done") || has("complete") || has("accepted") || has("shipped") || has("released") ||
      has("closed") || has("implemented") || has("ready"))
    return "sg-st-done";
  if (has("draft") || has("progress") || has("proposed") || has("to do") || has("todo") || has("planned") || has("open"))
    return "sg-st-draft";
  return "";
}

namespace {

std::string fnv_hex(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return fmt::format("{:016x}", h);
}

bool has_scheme(std::string_view url) {
  for (char c : url) {
    if (c == ':') return true;
    if (c == '/' || c == '?' || c == '#') return false;
  }
  return false;
}

// The diagram's type: the first word of its first line that is not blank, a comment or config.
std::string diagram_type(std::string_view source) {
  size_t i = 0;
  bool in_config = false;
  while (i < source.size()) {
    size_t e = source.find('\n', i);
    if (e == std::string_view::npos) e = source.size();
    std::string_view line = source.substr(i, e - i);
    i = e + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line == "---") {
      in_config = !in_config;
      continue;
    }
    if (in_config || line.empty() || line.rfind("%%", 0) == 0) continue;
    size_t w = 0;
    while (w < line.size() && line[w] != ' ' && line[w] != '\t' && line[w] != ';') ++w;
    return std::string(line.substr(0, w));
  }
  return "";
}

bool has_anchor(const SitePage& page, std::string_view fragment) { return page.anchors.contains(percent_decode(fragment)); }

const char* severity_word(Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note"; }

struct Body {
  const Document& doc;
  const PageContext& ctx;
  const SitePage& page;
  const CheckedSpec& checked;
  std::string pre;    // id prefix
  std::string nonce;  // marks the renderer's own comments in the Markdown it renders
  std::map<uint32_t, std::vector<size_t>> marks;  // block start line -> findings
  std::set<std::string> referenced;               // IDs this spec refers to (missing ones are marked)
  // Block anchors that reached the page: a marker inside raw HTML the sanitizer drops (a
  // <script> block left open) is gone, and the findings list must not link to it.
  mutable std::set<uint32_t> emitted;

  std::string finding_mark(size_t k) const {
    const Diagnostic& d = checked.findings[k];
    std::string out = "<a class=\"sg-sev-" + std::string(severity_word(d.severity)) + "\" href=\"#" + pre + "F" +
                      std::to_string(k) + "\">";
    out += fmt::format("line {}: {}: ", d.line, severity_word(d.severity));
    escape_html(d.message, out);
    out += " <code>";
    escape_html(d.rule, out);
    out += "</code></a>";
    return out;
  }

  std::string comment(std::string_view body) const {
    const std::string head = "sg-" + nonce + ":";
    if (body.size() <= head.size() + 1 || body.compare(0, head.size(), head) != 0) return "";
    const char kind = body[head.size()];
    const std::string_view num = body.substr(head.size() + 1);
    const uint32_t n = static_cast<uint32_t>(std::strtoul(std::string(num).c_str(), nullptr, 10));
    if (kind == 'L') {
      emitted.insert(n);
      std::string out = "<span class=\"sg-anchor\" id=\"" + pre + "L" + std::to_string(n) + "\"></span>";
      auto it = marks.find(n);
      if (it != marks.end()) {
        out += "<div class=\"sg-marks\">";
        for (size_t k : it->second) out += finding_mark(k);
        out += "</div>";
      }
      return out;
    }
    if (kind == 'M' && n < doc.code_blocks.size()) return diagram(doc.code_blocks[n], n);
    return "";
  }

  std::string diagram(const CodeBlock& cb, uint32_t n) const {
    std::string out = "<figure class=\"sg-diagram\" id=\"" + pre + "D" + std::to_string(n) + "\">";
    std::string note;
    std::string svg = ctx.diagram ? ctx.diagram(cb.content, pre + "D" + std::to_string(n) + "-svg", note) : "";
    if (!svg.empty()) {
      out += svg;
    } else {
      const std::string type = diagram_type(cb.content);
      out += "<p class=\"sg-note\">Mermaid diagram";
      if (!type.empty()) {
        out += " (";
        escape_html(type, out);
        out += ")";
      }
      out += ": ";
      escape_html(note.empty() ? "specgate does not draw this type yet, so its source is shown." : note, out);
      out += "</p>";
      out += "<pre><code class=\"language-mermaid\">";
      escape_html(cb.content, out);
      out += "</code></pre>";
    }
    out += "</figure>";
    return out;
  }

  void text(std::string_view escaped, std::string& out) const {
    const Site& site = *ctx.site;
    size_t last = 0;
    for (const IdToken& t : find_ids(escaped)) {
      const std::string id(escaped.substr(t.offset, t.length));
      auto it = site.by_id.find(id);
      std::string link;
      if (it != site.by_id.end()) {
        if (it->second == ctx.page) continue;
        const SitePage& to = site.pages[it->second];
        link = "<a class=\"sg-id\" href=\"" + escape_html(page_url(ctx, it->second)) + "\" title=\"" +
               escape_html(to.summary.title.value_or(to.path)) + "\">" + id + "</a>";
      } else if (referenced.count(id)) {
        link = "<span class=\"sg-missing\" title=\"no spec in this site declares " + id + "\">" + id + "</span>";
      } else {
        continue;
      }
      out.append(escaped.substr(last, t.offset - last));
      out += link;
      last = t.offset + t.length;
    }
    out.append(escaped.substr(last));
  }

  std::string url(std::string_view url, bool image, std::string& css_class, std::string& title) const {
    if (url.empty()) return "";
    if (url.front() == '#') {
      if (!has_anchor(page, url.substr(1))) {
        css_class = "sg-missing";
        title = "no anchor " + std::string(url) + " on this page";
        return "";
      }
      return ctx.single_file ? "#" + pre + std::string(url.substr(1)) : std::string(url);
    }
    if (has_scheme(url) || url.rfind("//", 0) == 0) return std::string(url);
    std::string_view path = url, fragment;
    if (const size_t hash = url.find('#'); hash != std::string_view::npos) {
      path = url.substr(0, hash);
      fragment = url.substr(hash + 1);
    }
    if (const size_t q = path.find('?'); q != std::string_view::npos) path = path.substr(0, q);
    const std::string decoded = percent_decode(path);
    if (decoded.empty()) return std::string(url);
    const fs::path target = decoded.front() == '/' ? fs::path(decoded)
                                                   : fs::path(path_key(page.path)).parent_path() / decoded;
    const Site& site = *ctx.site;
    auto it = site.by_path.find(target.lexically_normal().generic_string());
    if (it != site.by_path.end() && !image) {
      if (!fragment.empty() && !has_anchor(site.pages[it->second], fragment)) {
        // The page exists but not the heading: go to the page, and say so.
        css_class = "sg-missing";
        title = "no anchor #" + std::string(fragment) + " in " + site.pages[it->second].path;
        fragment = {};
      }
      if (fragment.empty()) return page_url(ctx, it->second);
      if (ctx.single_file) return "#P" + std::to_string(it->second) + "-" + std::string(fragment);
      return page_url(ctx, it->second) + "#" + std::string(fragment);
    }
    if (is_markdown_path(decoded) && !image) {
      css_class = "sg-missing";
      title = "not in this site: " + decoded;
      return "";
    }
    // Another file (an image, a script in the repository): relative to where the page is.
    if (site.out_dir.empty()) return std::string(url);
    const fs::path page_dir = ctx.single_file ? fs::path(site.out_dir) : (fs::path(site.out_dir) / page.out).parent_path();
    std::string rel = target.lexically_normal().lexically_relative(page_dir).generic_string();
    if (rel.empty()) return std::string(url);
    return url_path(rel) + (fragment.empty() ? "" : "#" + std::string(fragment));
  }
};

}  // namespace

std::string render_spec_body(const Document& doc, const PageContext& ctx, std::set<uint32_t>* anchors) {
  const SitePage& page = ctx.site->pages[ctx.page];
  Body body{doc, ctx, page, *ctx.checked, id_prefix(ctx), fnv_hex(doc.source.text()), {}, {}, {}};
  for (const Reference& r : page.index.refs) body.referenced.insert(r.id);

  const uint32_t first = doc.front_matter.present ? doc.front_matter.end_line + 1 : 1;
  std::vector<uint32_t> starts;
  for (const Block& b : doc.blocks)
    if (b.depth == 0 && b.line >= first) starts.push_back(b.line);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (size_t k = 0; k < body.checked.findings.size(); ++k) {
    const uint32_t line = body.checked.findings[k].line;
    auto it = std::upper_bound(starts.begin(), starts.end(), line);
    if (it == starts.begin()) continue;  // front matter or before the first block: the list only
    body.marks[*std::prev(it)].push_back(k);
  }
  std::unordered_map<uint32_t, uint32_t> mermaid;  // fence line -> code block
  for (size_t i = 0; i < doc.code_blocks.size(); ++i) {
    const CodeBlock& cb = doc.code_blocks[i];
    std::string lang;
    for (char c : cb.language) lang += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    if (cb.fenced && cb.closed && lang == "mermaid") mermaid.emplace(cb.line, static_cast<uint32_t>(i));
  }

  // The Markdown rendered, with a comment before each top-level block (its anchor and finding
  // markers go there) and one in place of each Mermaid block (its drawing goes there).
  std::string md;
  md.reserve(doc.source.text().size() + starts.size() * 32);
  const std::string head = "<!--sg-" + body.nonce + ":";
  size_t next_start = 0;
  for (uint32_t n = first; n <= doc.source.line_count(); ++n) {
    while (next_start < starts.size() && starts[next_start] < n) ++next_start;
    if (next_start < starts.size() && starts[next_start] == n) md += head + "L" + std::to_string(n) + "-->\n";
    const std::string_view line = doc.source.line(n);
    if (auto it = mermaid.find(n); it != mermaid.end()) {
      const size_t fence = line.find_first_of("`~");
      md.append(line.substr(0, fence == std::string_view::npos ? 0 : fence));
      md += head + "M" + std::to_string(it->second) + "-->\n";
      n = std::max(n, doc.code_blocks[it->second].end_line);
      continue;
    }
    md.append(line);
    md += '\n';
  }

  SanitizeHooks hooks;
  hooks.id_prefix = body.pre;
  hooks.comment = [&](std::string_view c) { return body.comment(c); };
  hooks.text = [&](std::string_view t, std::string& out) { body.text(t, out); };
  hooks.url = [&](std::string_view u, bool image, std::string& cls, std::string& title) {
    return body.url(u, image, cls, title);
  };
  std::string html = sanitize_html(markdown::render_html(md), hooks);
  if (anchors) *anchors = std::move(body.emitted);
  return html;
}

namespace {

void field_row(std::string& out, std::string_view label, const std::string& html) {
  if (html.empty()) return;
  out += "<dt>";
  out += label;
  out += "</dt><dd>";
  out += html;
  out += "</dd>";
}

std::string text_or_empty(const std::optional<std::string>& v) { return v ? escape_html(*v) : ""; }

const char* kind_title(RefKind k) {
  switch (k) {
    case RefKind::DependsOn: return "Depends on";
    case RefKind::Blocks: return "Blocks";
    case RefKind::Parent: return "Parent";
    case RefKind::Related: return "Related";
  }
  return "Related";
}

std::string id_link(const PageContext& ctx, const std::string& id) {
  const Site& site = *ctx.site;
  auto it = site.by_id.find(id);
  if (it == site.by_id.end())
    return "<span class=\"sg-missing\" title=\"no spec in this site declares " + escape_html(id) + "\">" +
           escape_html(id) + "</span>";
  const SitePage& to = site.pages[it->second];
  std::string out = "<a href=\"" + escape_html(page_url(ctx, it->second)) + "\">" + escape_html(id) + "</a>";
  if (to.summary.title) out += " " + escape_html(*to.summary.title);
  return out;
}

void findings_list(std::string& out, const PageContext& ctx, const std::string& pre,
                   const std::map<uint32_t, uint32_t>& anchor_of) {
  const std::vector<Diagnostic>& findings = ctx.checked->findings;
  size_t n[3] = {0, 0, 0};
  for (const Diagnostic& d : findings) ++n[static_cast<int>(d.severity)];
  out += "<section class=\"sg-findings\" id=\"" + pre + "SG-findings\"><h2>";
  if (findings.empty()) {
    out += "No findings</h2></section>";
    return;
  }
  out += fmt::format("Findings: {} error{}, {} warning{}, {} note{}", n[2], n[2] == 1 ? "" : "s", n[1],
                     n[1] == 1 ? "" : "s", n[0], n[0] == 1 ? "" : "s");
  out += "</h2><ol>";
  for (size_t k = 0; k < findings.size(); ++k) {
    const Diagnostic& d = findings[k];
    out += "<li class=\"sg-sev-" + std::string(severity_word(d.severity)) + "\" id=\"" + pre + "F" + std::to_string(k) +
           "\">";
    auto it = anchor_of.find(d.line);
    const std::string where = d.line ? fmt::format("{}:{}", d.line, d.column) : "file";
    if (it != anchor_of.end()) out += "<a href=\"#" + pre + "L" + std::to_string(it->second) + "\">" + where + "</a>";
    else out += where;
    out += fmt::format(" {}: ", severity_word(d.severity));
    escape_html(d.message, out);
    out += " <code>";
    escape_html(d.rule, out);
    out += "</code>";
    if (!d.hint.empty()) {
      out += "<br><span class=\"sg-hint\">";
      escape_html(d.hint, out);
      out += "</span>";
    }
    out += "</li>";
  }
  out += "</ol></section>";
}

void conformance(std::string& out, const Document& doc, const PageContext& ctx) {
  if (!ctx.schema) return;
  const Schema& schema = *ctx.schema;
  const SectionMatch m = match_sections(schema, doc);
  size_t required = 0, present = 0;
  std::string items;
  for (size_t k = 0; k < schema.sections.size(); ++k) {
    const SectionSpec& s = schema.sections[k];
    if (s.optional) continue;
    ++required;
    const bool here = !m.instances[k].empty() || m.label_line(k) != 0;
    present += here;
    items += here ? "<li class=\"sg-present\">" : "<li class=\"sg-absent\">";
    escape_html(display_title(s.title), items);
    if (!here) items += " (missing)";
    items += "</li>";
  }
  out += "<details class=\"sg-conf\"><summary>Template <b>";
  escape_html(schema.name, out);
  out += fmt::format("</b>: {} of {} required sections present</summary><ul>", present, required);
  out += items;
  out += "</ul></details>";
}

void side_panel(std::string& out, const PageContext& ctx) {
  const Site& site = *ctx.site;
  const SitePage& page = site.pages[ctx.page];
  const SpecSummary& s = ctx.checked->summary;
  out += "<aside class=\"sg-side\" id=\"" + id_prefix(ctx) + "SG-meta\"><h2>Metadata</h2><dl>";
  field_row(out, "ID", text_or_empty(s.id));
  if (s.status) field_row(out, "Status", "<span class=\"sg-badge " + status_class(*s.status) + "\">" + escape_html(*s.status) + "</span>");
  field_row(out, "Template", s.template_name ? escape_html(*s.template_name) + (ctx.checked->template_reason.empty() ? "" : " <span class=\"sg-hint\">(" + escape_html(ctx.checked->template_reason) + ")</span>") : "");
  field_row(out, "Owner", text_or_empty(s.owner));
  field_row(out, "Priority", text_or_empty(s.priority));
  if (s.points) field_row(out, "Points", fmt::format("{}", *s.points));
  if (s.created) field_row(out, "Created", s.created->iso());
  if (s.last_updated) field_row(out, "Updated", s.last_updated->iso());
  if (s.next_review)
    field_row(out, "Next review", s.overdue ? "<span class=\"sg-overdue\">" + s.next_review->iso() + " (overdue)</span>" : s.next_review->iso());
  for (const GateProgress& g : s.gates)
    field_row(out, escape_html(g.section), fmt::format("<progress max=\"{}\" value=\"{}\"></progress> {}/{}", g.total, g.done, g.done, g.total));
  field_row(out, "Findings", fmt::format("{} error{}, {} warning{}", s.errors, s.errors == 1 ? "" : "s", s.warnings, s.warnings == 1 ? "" : "s"));
  out += "</dl><p class=\"sg-path\">";
  escape_html(page.path, out);
  out += "</p>";

  std::map<RefKind, std::vector<std::string>> by_kind;
  std::set<std::pair<RefKind, std::string>> seen;
  for (const Reference& r : page.index.refs) {
    if (s.id && r.id == *s.id) continue;
    if (seen.insert({r.kind, r.id}).second) by_kind[r.kind].push_back(r.id);
  }
  for (const auto& [kind, ids] : by_kind) {
    out += "<h2>";
    out += kind_title(kind);
    out += "</h2><ul>";
    for (const std::string& id : ids) out += "<li>" + id_link(ctx, id) + "</li>";
    out += "</ul>";
  }
  out += "<h2>Referenced by</h2>";
  if (site.backlinks[ctx.page].empty()) {
    out += "<p class=\"sg-hint\">No spec refers to this one.</p>";
  } else {
    out += "<ul>";
    for (const Site::Link& l : site.backlinks[ctx.page]) {
      const SitePage& from = site.pages[l.from];
      out += "<li><a href=\"" + escape_html(page_url(ctx, l.from)) + "\">" +
             escape_html(from.summary.id.value_or(from.path)) + "</a> ";
      if (from.summary.title) escape_html(*from.summary.title, out);
      out += " <span class=\"sg-hint\">(";
      escape_html(l.via.empty() ? kind_title(l.kind) : l.via, out);
      out += ")</span></li>";
    }
    out += "</ul>";
  }
  out += "</aside>";
}

}  // namespace

std::string render_spec_page(const Document& doc, const PageContext& ctx) {
  const std::string pre = id_prefix(ctx);
  // Which block anchor each finding's line falls under, for the list's links.
  std::vector<uint32_t> starts;
  const uint32_t first = doc.front_matter.present ? doc.front_matter.end_line + 1 : 1;
  for (const Block& b : doc.blocks)
    if (b.depth == 0 && b.line >= first) starts.push_back(b.line);
  std::sort(starts.begin(), starts.end());
  std::set<uint32_t> emitted;
  const std::string body = render_spec_body(doc, ctx, &emitted);
  std::map<uint32_t, uint32_t> anchor_of;
  for (const Diagnostic& d : ctx.checked->findings) {
    auto it = std::upper_bound(starts.begin(), starts.end(), d.line);
    if (it != starts.begin() && emitted.count(*std::prev(it))) anchor_of[d.line] = *std::prev(it);
  }
  std::string out = "<div class=\"sg-wrap\"><main class=\"sg-main\">";
  findings_list(out, ctx, pre, anchor_of);
  conformance(out, doc, ctx);
  out += "<article class=\"markdown-body\">";
  out += body;
  out += "</article></main>";
  side_panel(out, ctx);
  out += "</div>";
  return out;
}

}  // namespace specgate::site
