#include "site/search_index.h"

#include <nlohmann/json.hpp>

#include "core/source.h"
#include "model/slug.h"

namespace specgate::site {

namespace {

constexpr size_t kTextBytes = 4000;  // enough prose to find a spec by; the index stays small

}  // namespace

SearchText read_search_text(const Document& doc) {
  SearchText out;
  SlugCounter slugs;
  for (const Section& s : doc.sections) {
    std::string text = heading_plain_text(s.title);
    const std::string slug = slugs.next(text);
    out.headings.push_back({std::move(text), slug});
  }
  std::string& text = out.text;
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
  return out;
}

namespace {

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

std::string search_index_head(const std::string& site_title) {
  // What dumping {"version":1,"title":T,"pages":[...]} whole writes before the first entry.
  return "{\"version\":1,\"title\":" + dump(site_title) + ",\"pages\":[";
}

std::string search_entry_json(const SitePage& p, const SpecSummary& s, const SearchText& text, size_t i,
                              bool single_file) {
  nlohmann::ordered_json headings = nlohmann::ordered_json::array();
  for (const HeadingEntry& h : text.headings)
    headings.push_back({{"text", h.text}, {"slug", single_file ? "P" + std::to_string(i) + "-" + h.slug : h.slug}});
  const nlohmann::ordered_json entry = {{"id", s.id.value_or("")},
                                        {"title", s.title.value_or(p.path)},
                                        {"url", single_file ? "#P" + std::to_string(i) : url_path(p.out)},
                                        {"path", p.path},
                                        {"status", s.status.value_or("")},
                                        {"template", s.template_name.value_or("")},
                                        {"headings", std::move(headings)},
                                        {"text", text.text}};
  return dump(entry);
}

}  // namespace specgate::site
