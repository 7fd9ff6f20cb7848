// Reading a file into a Document, with a clear error when it cannot be read.
#pragma once

#include <optional>
#include <string>

#include "model/document.h"

namespace specgate {

// On failure returns nullopt and sets `error` to "PATH: reason".
std::optional<Document> load_document(const std::string& path, std::string& error);

// True when the bytes look like a binary file (a NUL byte in the first 8 KiB).
bool looks_binary(std::string_view bytes);

}  // namespace specgate
