#include "navigate/rename_files.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "navigate/cursor.h"

namespace specgate {

namespace {

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string mapped(std::string_view s, char (*f)(char)) {
  std::string out(s);
  for (char& c : out) c = f(c);
  return out;
}

}  // namespace

std::string renamed_file_name(std::string_view name, std::string_view old_id, std::string_view new_id) {
  if (old_id.empty() || name.size() < old_id.size()) return "";
  const std::string_view prefix = name.substr(0, old_id.size());
  if (mapped(prefix, lower) != mapped(old_id, lower)) return "";
  if (name.size() > old_id.size() && is_alnum(name[old_id.size()])) return "";  // ABC-123 is not ABC-12
  // The case the name was written in: as the ID, all lower, or all upper.
  std::string replacement(new_id);
  if (prefix != old_id) {
    if (prefix == mapped(prefix, lower)) replacement = mapped(new_id, lower);
    else if (prefix == mapped(prefix, upper)) replacement = mapped(new_id, upper);
  }
  return replacement + std::string(name.substr(old_id.size()));
}

std::vector<FileMove> files_named_after(const DocumentFacts& f, const SpecDirectory& specs, const std::string& old_id,
                                        const std::string& new_id) {
  std::vector<std::string> declaring;
  for (const SpecEntry* e : specs.declaring(old_id)) declaring.push_back(e->path);
  // The document as analysed: its directory entry may be older than the buffer.
  const std::string& self = f.doc.source.path();
  std::erase(declaring, self);
  if (std::any_of(f.index.ids.begin(), f.index.ids.end(), [&](const IdDeclaration& d) { return d.id == old_id; }))
    declaring.push_back(self);
  std::sort(declaring.begin(), declaring.end());
  std::vector<FileMove> out;
  for (const std::string& from : declaring) {
    const std::filesystem::path p(from);
    const std::string name = renamed_file_name(p.filename().string(), old_id, new_id);
    if (name.empty()) continue;
    const std::string to = (p.parent_path() / name).string();
    std::error_code ec;
    // Never over another file (or one this rename makes), and only a file that is on disk.
    if (to == from || !std::filesystem::is_regular_file(from, ec) || std::filesystem::exists(to, ec)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const FileMove& m) { return m.to == to; })) continue;
    out.push_back({from, to});
  }
  return out;
}

std::vector<LinkEdit> link_edits(const DocumentFacts& f, const SpecDirectory& specs, const std::vector<FileMove>& moves,
                                 const std::string& old_id, const std::string& new_id) {
  std::vector<LinkEdit> out;
  if (moves.empty()) return out;
  std::set<std::string> moved;
  for (const FileMove& m : moves) moved.insert(m.from);
  const std::string& self = f.doc.source.path();
  std::vector<std::string> paths{self};
  for (const auto& [path, e] : specs.specs()) {
    if (path == self) continue;
    if (std::any_of(e.linked.begin(), e.linked.end(), [&](const std::string& l) { return moved.count(l) > 0; }))
      paths.push_back(path);
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& path : paths) {
    std::optional<Document> other;
    const Document* doc = &f.doc;
    if (path != self) {
      std::optional<std::string> text = specs.read(path);
      if (!text) continue;
      other = build_document(SourceText(path, std::move(*text)));
      doc = &*other;
    }
    for (const LinkAtCursor& l : relative_links(*doc)) {
      if (l.file.empty() || !moved.count(link_path(path, l))) continue;
      const std::string_view line = doc->source.line(l.range.start.line);
      const std::string_view written = line.substr(l.range.start.byte, l.range.end.byte - l.range.start.byte);
      const std::string_view file = written.substr(0, written.find_first_of("#?"));
      const size_t slash = file.rfind('/');
      const size_t at = slash == std::string_view::npos ? 0 : slash + 1;
      const std::string segment = renamed_file_name(file.substr(at), old_id, new_id);
      if (segment.empty()) continue;  // written in a way the rename cannot follow (escaped)
      const auto b = static_cast<uint32_t>(l.range.start.byte + at);
      const auto e = static_cast<uint32_t>(l.range.start.byte + file.size());
      out.push_back({path, {{l.range.start.line, b}, {l.range.start.line, e}}, segment});
    }
  }
  return out;
}

}  // namespace specgate
