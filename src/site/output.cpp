#include "site/output.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <unistd.h>

namespace specgate::site {

namespace fs = std::filesystem;

namespace {

// A folder's entries, listed before any is moved (readdir is unspecified while entries leave).
std::vector<fs::path> entries(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Moves `from` (a staged file or folder) to `to`: a whole folder when `to` does not exist yet,
// else file by file, so files already in OUT that this run did not write are kept.
std::string move_into(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  const fs::file_status target = fs::symlink_status(to, ec);
  if (!fs::exists(target)) {
    fs::rename(from, to, ec);
    return ec ? to.string() + ": " + ec.message() : "";
  }
  if (fs::is_directory(from)) {
    if (!fs::is_directory(target)) return to.string() + ": exists and is not a directory";
    for (const fs::path& e : entries(from, ec)) {
      if (std::string err = move_into(e, to / e.filename()); !err.empty()) return err;
    }
    return ec ? from.string() + ": " + ec.message() : "";
  }
  if (fs::is_directory(target)) return to.string() + ": is a directory";
  fs::rename(from, to, ec);  // replaces the file (or symlink) atomically
  return ec ? to.string() + ": " + ec.message() : "";
}

}  // namespace

SiteOutput::SiteOutput(std::string out) : out_(std::move(out)) {}

SiteOutput::~SiteOutput() {
  if (staging_.empty() || published_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (created_out_) fs::remove(out_, ec);  // only when empty: nothing else was put there
}

std::string SiteOutput::open() {
  std::error_code ec;
  created_out_ = !fs::exists(fs::symlink_status(out_, ec));
  fs::create_directories(out_, ec);
  if (ec) return out_.string() + ": " + ec.message();
  // Hidden, and named after the process: two runs into the same OUT do not share one.
  staging_ = out_ / (".specgate-site-" + std::to_string(::getpid()) + ".tmp");
  fs::remove_all(staging_, ec);
  fs::create_directory(staging_, ec);
  if (ec) {
    const std::string err = staging_.string() + ": " + ec.message();
    staging_.clear();
    return err;
  }
  return "";
}

fs::path SiteOutput::staged(const std::string& relative) const { return staging_ / relative; }

std::string SiteOutput::write(const std::string& relative, std::string_view bytes) const {
  const fs::path path = staged(relative);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return path.parent_path().string() + ": " + ec.message();
  StreamFile f;
  if (std::string e = f.open(path); !e.empty()) return e;
  f.write(bytes);
  return f.close();
}

std::string SiteOutput::publish() {
  std::error_code ec;
  for (const fs::path& e : entries(staging_, ec)) {
    if (std::string err = move_into(e, out_ / e.filename()); !err.empty()) return err;
  }
  if (ec) return staging_.string() + ": " + ec.message();
  fs::remove_all(staging_, ec);
  published_ = true;
  return "";
}

StreamFile::~StreamFile() {
  if (f_) std::fclose(f_);
}

std::string StreamFile::open(const fs::path& path, bool append) {
  path_ = path.string();
  f_ = std::fopen(path_.c_str(), append ? "ab" : "wb");
  if (!f_) return path_ + ": " + std::strerror(errno);
  return "";
}

void StreamFile::write(std::string_view bytes) {
  if (!f_ || !error_.empty() || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), f_) != bytes.size()) error_ = path_ + ": cannot write";
}

std::string StreamFile::close() {
  if (f_ && std::fclose(f_) != 0 && error_.empty()) error_ = path_ + ": cannot write";
  f_ = nullptr;
  return error_;
}

std::string StreamFile::read_pieces(const fs::path& path, void (*fn)(void*, std::string_view), void* ctx) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return path.string() + ": " + std::strerror(errno);
  std::string buf(256 * 1024, '\0');
  for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), f)) > 0;) fn(ctx, std::string_view(buf.data(), n));
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  return failed ? path.string() + ": cannot read" : "";
}

}  // namespace specgate::site
