#include "navigate/cursor.h"

#include <filesystem>

#include "core/text.h"
#include "spec/ids.h"

namespace specgate {

std::optional<IdAtCursor> id_at_cursor(const Document& doc, TextPos pos) {
  if (doc.line_info(pos.line).kind == LineKind::Code) return std::nullopt;
  const std::string_view line = doc.source.line(pos.line);
  for (const IdToken& t : find_ids(line)) {
    if (pos.byte >= t.offset && pos.byte <= t.offset + t.length) {
      const auto b = static_cast<uint32_t>(t.offset);
      return IdAtCursor{std::string(line.substr(t.offset, t.length)),
                        {{pos.line, b}, {pos.line, b + static_cast<uint32_t>(t.length)}}};
    }
  }
  return std::nullopt;
}

std::vector<LinkAtCursor> relative_links(const Document& doc) {
  std::vector<LinkAtCursor> out;
  for (const Link& link : doc.links) {
    if (link.autolink || link.target.empty() || doc.line_info(link.line).kind == LineKind::Code) continue;
    const std::string_view target = trim(link.target);
    if (target.empty() || target.front() == '/' || has_url_scheme(target)) continue;
    const std::string_view line = doc.source.line(link.line);
    // The target as written: after "(" (inline link) or ": " (reference definition); the first
    // such place no earlier link on the line took.
    size_t at = std::string_view::npos;
    for (std::string_view lead : {"(", ": "}) {
      for (size_t p = line.find(link.target); p != std::string_view::npos && at == std::string_view::npos;
           p = line.find(link.target, p + 1)) {
        if (p < lead.size() || line.compare(p - lead.size(), lead.size(), lead) != 0) continue;
        bool taken = false;
        for (const LinkAtCursor& l : out) taken = taken || (l.range.start.line == link.line && l.range.start.byte == p);
        if (!taken) at = p;
      }
    }
    if (at == std::string_view::npos) continue;
    const size_t hash = target.find('#');
    std::string_view file = target.substr(0, hash);
    file = file.substr(0, file.find('?'));
    LinkAtCursor l;
    l.file = percent_decode(file);
    if (hash != std::string_view::npos) l.fragment = percent_decode(target.substr(hash + 1));
    l.range = {{link.line, static_cast<uint32_t>(at)}, {link.line, static_cast<uint32_t>(at + link.target.size())}};
    out.push_back(std::move(l));
  }
  return out;
}

std::optional<LinkAtCursor> link_at_cursor(const Document& doc, TextPos pos) {
  for (LinkAtCursor& l : relative_links(doc)) {
    if (l.range.start.line == pos.line && l.range.contains(pos)) return std::move(l);
  }
  return std::nullopt;
}

std::string link_path(const std::string& document, const LinkAtCursor& link) {
  if (link.file.empty()) return document;
  return (std::filesystem::path(document_dir(document)) / link.file).lexically_normal().string();
}

TextRange field_value_range(const Document& doc, const Field& f) {
  const std::string_view line = doc.source.line(f.line);
  // Front matter fields have no value_offset: their value's column is exact.
  const uint32_t b = f.front_matter ? byte_of_column(line, f.value_column) : std::min<uint32_t>(f.value_offset, line.size());
  uint32_t e = b;
  if (!f.value.empty() && line.compare(b, f.value.size(), f.value) == 0) {
    e = b + static_cast<uint32_t>(f.value.size());
  } else if (!f.value.empty()) {
    e = static_cast<uint32_t>(line.size());  // a quoted or folded value: the rest of the line
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t')) --e;
  }
  return {{f.line, b}, {f.line, e}};
}

int32_t field_at_cursor(const Document& doc, TextPos pos) {
  // Several fields on one line: the last one whose key starts at or before the cursor.
  int32_t best = -1;
  for (int32_t i = 0; i < static_cast<int32_t>(doc.fields.size()); ++i) {
    const Field& f = doc.fields[i];
    if (f.line == pos.line && byte_of_column(doc.source.line(f.line), f.column) <= pos.byte) best = i;
  }
  return best;
}

std::string document_dir(const std::string& path) { return std::filesystem::path(path).parent_path().string(); }

}  // namespace specgate
