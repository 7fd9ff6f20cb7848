#include "site/search_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/source.h"
#include "model/slug.h"

namespace specgate::site {

namespace {

constexpr size_t kTextBytes = 4000;  // enough prose to find a spec by; the index stays small

}  // namespace

void read_search_text(const Document& doc, SitePage& page) {
  SlugCounter slugs;
  for (const Section& s : doc.sections) {
    std::string text = heading_plain_text(s.title);
    const std::string slug = slugs.next(text);
    page.headings.push_back({std::move(text), slug});
  }
  std::string text;
  for (uint32_t n = 1; n <= doc.source.line_count() && text.size() < kTextBytes; ++n) {
    const LineKind k = doc.line_info(n).kind;
    if (k != LineKind::Paragraph && k != LineKind::Table) continue;
    std::string_view line = doc.source.line(n);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    if (!text.empty()) text += ' ';
    text.append(line);
  }
  if (text.size() > kTextBytes) {
    size_t cut = kTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text.resize(cut);
  }
  page.text = std::move(text);
  const auto anchors = document_anchors(doc);
  page.anchors.assign(anchors.begin(), anchors.end());
  std::sort(page.anchors.begin(), page.anchors.end());
}

std::string search_index_json(const Site& site, bool single_file) {
  nlohmann::ordered_json pages = nlohmann::ordered_json::array();
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const SitePage& p = site.pages[i];
    nlohmann::ordered_json headings = nlohmann::ordered_json::array();
    for (const HeadingEntry& h : p.headings)
      headings.push_back({{"text", h.text}, {"slug", single_file ? "P" + std::to_string(i) + "-" + h.slug : h.slug}});
    pages.push_back({{"id", p.summary.id.value_or("")},
                     {"title", p.summary.title.value_or(p.path)},
                     {"url", single_file ? "#P" + std::to_string(i) : url_path(p.out)},
                     {"path", p.path},
                     {"status", p.summary.status.value_or("")},
                     {"template", p.summary.template_name.value_or("")},
                     {"headings", std::move(headings)},
                     {"text", p.text}});
  }
  nlohmann::ordered_json root = {{"version", 1}, {"title", site.title}, {"pages", std::move(pages)}};
  return root.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace specgate::site
