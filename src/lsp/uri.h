// file: URIs as LSP clients send them ("file:///home/a/My%20Specs/x.md") and the local paths
// they name. Only the file scheme names something on disk.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace specgate::lsp {

// The absolute path of a file: URI (percent-decoded, lexically normal); nullopt for another scheme.
std::optional<std::string> uri_to_path(std::string_view uri);
// A file: URI for an absolute path, percent-encoding what RFC 3986 does not allow in a path.
std::string path_to_uri(std::string_view path);

}  // namespace specgate::lsp
