#include "model/load.h"

#include "core/file_io.h"

namespace specgate {

bool looks_binary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::optional<Document> load_document(const std::string& path, std::string& error) {
  ReadResult r = read_file(path, kMaxMarkdownBytes);
  if (!r.ok) {
    error = path + ": " + r.error;
    return std::nullopt;
  }
  if (looks_binary(r.bytes)) {
    error = path + ": looks like a binary file (it contains NUL bytes), not Markdown";
    return std::nullopt;
  }
  return build_document(SourceText(path, std::move(r.bytes)));
}

}  // namespace specgate
