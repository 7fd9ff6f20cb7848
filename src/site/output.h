// Where a site is written. Every file goes first into a staging folder inside OUT; only when the
// whole site has been written are they moved into place (a rename each), so a run that fails
// half way leaves OUT as it was — and removes OUT again when the run created it.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <type_traits>

namespace specgate::site {

class SiteOutput {
 public:
  explicit SiteOutput(std::string out);
  ~SiteOutput();  // a staging folder not published is removed
  SiteOutput(const SiteOutput&) = delete;
  SiteOutput& operator=(const SiteOutput&) = delete;

  // Creates OUT (when missing) and the staging folder. Returns "" or what went wrong.
  std::string open();
  // Where `relative` (a path under OUT) is staged.
  std::filesystem::path staged(const std::string& relative) const;
  // Writes a whole file under the staging folder. Returns "" or what went wrong.
  std::string write(const std::string& relative, std::string_view bytes) const;
  // Moves every staged file into OUT (replacing files of the same name; others are left alone).
  std::string publish();

 private:
  std::filesystem::path out_;
  std::filesystem::path staging_;
  bool created_out_ = false;
  bool published_ = false;
};

// A file written in pieces (a page stream, the search index), with the first error kept.
class StreamFile {
 public:
  StreamFile() = default;
  ~StreamFile();
  StreamFile(const StreamFile&) = delete;
  StreamFile& operator=(const StreamFile&) = delete;

  // For writing, from the start or (`append`) after what the file holds; "" or what went wrong.
  std::string open(const std::filesystem::path& path, bool append = false);
  void write(std::string_view bytes);
  std::string close();  // "" or the first error
  // Streams the whole of `path` to `sink` in pieces of at most a few hundred KB.
  template <typename Sink>
  static std::string read_in_pieces(const std::filesystem::path& path, Sink&& sink);

 private:
  static std::string read_pieces(const std::filesystem::path& path, void (*fn)(void*, std::string_view), void* ctx);
  std::FILE* f_ = nullptr;
  std::string path_;
  std::string error_;
};

template <typename Sink>
std::string StreamFile::read_in_pieces(const std::filesystem::path& path, Sink&& sink) {
  return read_pieces(
      path, [](void* ctx, std::string_view piece) { (*static_cast<std::remove_reference_t<Sink>*>(ctx))(piece); },
      &sink);
}

}  // namespace specgate::site
