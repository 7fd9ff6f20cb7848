// The buffers the client has open (didOpen/didChange/didClose): their text and version, kept
// in step with incremental changes. Unsaved text here takes precedence over the file on disk.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lsp/positions.h"

namespace specgate::lsp {

struct OpenDocument {
  std::string uri;          // as the client sent it: every message about the buffer uses it
  std::string path;         // the local file it stands for; "" for a non-file URI (untitled:)
  std::string language_id;
  int64_t version = 0;
  std::string text;
  uint64_t generation = 0;  // bumped on every change, for caches keyed by content
};

struct ContentChange {
  std::optional<Range> range;  // none: `text` replaces the whole buffer
  std::string text;
};

class Documents {
 public:
  OpenDocument& open(const std::string& uri, const std::string& language_id, int64_t version, std::string text);
  // Applies the changes in order (each range is in the text left by the one before). False when
  // the URI is not open.
  bool change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes);
  bool close(const std::string& uri);

  const OpenDocument* find(const std::string& uri) const;
  // The open buffer for a local path, if any.
  const OpenDocument* find_path(const std::string& path) const;
  const std::map<std::string, OpenDocument>& all() const { return docs_; }

 private:
  std::map<std::string, OpenDocument> docs_;  // by URI
  uint64_t next_generation_ = 1;
};

// Applies one change to `text` (positions in UTF-16, see positions.h).
void apply_change(std::string& text, const ContentChange& change);

}  // namespace specgate::lsp
