#include "lsp/documents.h"

#include "lsp/uri.h"

namespace specgate::lsp {

void apply_change(std::string& text, const ContentChange& change) {
  if (!change.range) {
    text = change.text;
    return;
  }
  const LineIndex lines(text);
  size_t b = lines.offset_of(change.range->start);
  size_t e = lines.offset_of(change.range->end);
  if (e < b) std::swap(b, e);  // a reversed range is a client bug; take the span it covers
  text.replace(b, e - b, change.text);
}

OpenDocument& Documents::open(const std::string& uri, const std::string& language_id, int64_t version,
                              std::string text) {
  OpenDocument& d = docs_[uri];
  d.uri = uri;
  d.path = uri_to_path(uri).value_or("");
  d.language_id = language_id;
  d.version = version;
  d.text = std::move(text);
  d.generation = next_generation_++;
  return d;
}

bool Documents::change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes) {
  auto it = docs_.find(uri);
  if (it == docs_.end()) return false;
  for (const ContentChange& c : changes) apply_change(it->second.text, c);
  it->second.version = version;
  it->second.generation = next_generation_++;
  return true;
}

bool Documents::close(const std::string& uri) { return docs_.erase(uri) > 0; }

const OpenDocument* Documents::find(const std::string& uri) const {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

const OpenDocument* Documents::find_path(const std::string& path) const {
  for (const auto& [uri, d] : docs_)
    if (!d.path.empty() && d.path == path) return &d;
  return nullptr;
}

}  // namespace specgate::lsp
