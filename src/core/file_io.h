// Reading and writing files with errors as values. Writes are atomic: a temporary file in the
// target's directory, then rename, so a crash never leaves a partial file behind.
#pragma once

#include <optional>
#include <string>

namespace specgate {

struct ReadResult {
  bool ok = false;
  std::string bytes;
  std::string error;  // "cannot open: No such file or directory", ...
};

// Reads a whole file; refuses directories and files over `max_bytes`. Pipes and devices are read
// to their end (process substitution, `-`); a FIFO nobody writes to reads as empty instead of
// blocking forever.
ReadResult read_file(const std::string& path, size_t max_bytes = size_t(1) << 30);

// The largest Markdown file specgate reads (a spec, a template, a diagram file). Real specs are
// far smaller; past this a file is generated data, and refusing it keeps memory and time bounded.
inline constexpr size_t kMaxMarkdownBytes = size_t(32) << 20;

struct WriteOptions {
  bool overwrite = false;  // replace an existing file (--force)
  // Rewriting a file in place (check --fix): the new file keeps the old one's mode, and a file
  // without write permission is refused (a rename would otherwise replace it regardless).
  bool in_place = false;
};

// Writes `bytes` to `path` atomically. Returns an error message, or nullopt on success.
// Never replaces an existing file unless options.overwrite, and never writes through a symlink.
std::optional<std::string> write_file_atomic(const std::string& path, const std::string& bytes,
                                             const WriteOptions& options = {});

}  // namespace specgate
