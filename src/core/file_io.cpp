#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace specgate {

ReadResult read_file(const std::string& path, size_t max_bytes) {
  ReadResult r;
  // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait forever.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    r.error = std::string("cannot open: ") + std::strerror(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    r.error = std::string("cannot stat: ") + std::strerror(errno);
    ::close(fd);
    return r;
  }
  if (S_ISDIR(st.st_mode)) {
    r.error = "is a directory, not a file";
    ::close(fd);
    return r;
  }
  // Back to blocking reads: a pipe with a writer delivers all its data; one without a writer
  // (a FIFO nobody opened) reports end of file at once.
  if (!S_ISREG(st.st_mode)) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes) {
    r.error = "file is too large (" + std::to_string(st.st_size) + " bytes; the limit is " +
              std::to_string(max_bytes) + ")";
    ::close(fd);
    return r;
  }
  // One allocation for regular files; pipes and devices grow as they are read.
  if (S_ISREG(st.st_mode)) r.bytes.resize(static_cast<size_t>(st.st_size));
  size_t used = 0;
  // A regular file read to its stat size is probed for more with a small read before the buffer
  // is doubled (and zero-filled) only to find the end of file.
  bool probe = S_ISREG(st.st_mode);
  for (;;) {
    if (used == r.bytes.size()) {
      if (r.bytes.size() >= max_bytes) {
        r.error = "file is too large (over " + std::to_string(max_bytes) + " bytes)";
        ::close(fd);
        return r;
      }
      if (probe) {
        char more[512];
        const ssize_t n = ::read(fd, more, sizeof more);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          r.error = std::string("cannot read: ") + std::strerror(errno);
          ::close(fd);
          return r;
        }
        if (n == 0) break;
        probe = false;  // the file grew: read the rest as a stream
        r.bytes.resize(std::max<size_t>(4096, r.bytes.size() * 2));
        std::memcpy(r.bytes.data() + used, more, static_cast<size_t>(n));
        used += static_cast<size_t>(n);
        continue;
      }
      r.bytes.resize(std::max<size_t>(4096, r.bytes.size() * 2));
    }
    ssize_t n = ::read(fd, r.bytes.data() + used, r.bytes.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      r.error = std::string("cannot read: ") + std::strerror(errno);
      ::close(fd);
      return r;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  r.bytes.resize(used);
  r.ok = true;
  return r;
}

std::optional<std::string> write_file_atomic(const std::string& path, const std::string& bytes,
                                             const WriteOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target(path);
  auto st = fs::symlink_status(target, ec);
  if (!ec && fs::exists(st)) {
    if (fs::is_symlink(st)) return "refusing to write through a symbolic link: " + path;
    if (fs::is_directory(st)) return "is a directory: " + path;
    if (!options.overwrite && !options.in_place) return "file exists: " + path + " (use --force to replace it)";
  }
  mode_t mode = 0644;
  if (options.in_place) {
    struct stat old {};
    if (::stat(path.c_str(), &old) != 0) return "cannot write " + path + ": " + std::strerror(errno);
    // Root may write anything: the mode bits, not access(), say the file is meant to stay as it is.
    if ((old.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0)
      return "cannot write " + path + ": the file is read-only";
    mode = old.st_mode & 07777;
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return "cannot create directory " + dir.string() + ": " + ec.message();
  }
  std::string tmpl = (dir / ("." + target.filename().string() + ".specgate-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return "cannot write " + path + ": " + err;
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, mode);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    return "cannot write " + path + ": " + std::strerror(errno);
  }
  if (!options.overwrite && !options.in_place) {
    // link() fails if the target appeared meanwhile, so a racing writer is never clobbered.
    if (::link(tmpl.c_str(), path.c_str()) != 0) {
      std::string err = errno == EEXIST ? "file exists: " + path + " (use --force to replace it)"
                                        : "cannot write " + path + ": " + std::strerror(errno);
      ::unlink(tmpl.c_str());
      return err;
    }
    ::unlink(tmpl.c_str());
    return std::nullopt;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    std::string err = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return "cannot write " + path + ": " + err;
  }
  return std::nullopt;
}

}  // namespace specgate
