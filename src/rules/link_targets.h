// What a run knows about the files links point at, shared by every spec it checks and every
// worker thread: which names each directory holds (listed once) and the anchors of Markdown
// targets (parsed once). It lives as long as one Checker, so a later run sees later files.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace specgate {

class LinkTargets {
 public:
  using Anchors = std::unordered_set<std::string>;

  // False only when `path` certainly does not exist: its directory is missing, or was listed
  // and holds no name equal to the last component in any ASCII case. True means "stat it":
  // a name with other bytes, an unreadable or huge directory, ".", "..". A large tree's broken
  // links are mostly missing files in a few directories; a failed stat walks the path each time.
  bool may_exist(const std::string& path);

  // The anchors of the Markdown file at `path`, from `load` the first time (null: unreadable).
  template <typename Load>
  const Anchors* anchors_of(const std::string& path, Load load) {
    std::lock_guard<std::mutex> lock(anchors_mu_);
    auto it = anchors_.find(path);
    if (it == anchors_.end()) it = anchors_.emplace(path, load(path)).first;
    return it->second.get();
  }

 private:
  struct Listing {
    bool missing = false;  // the directory does not exist: nothing below it does
    bool listed = false;   // names holds every entry (ASCII-lowercased)
    std::unordered_set<std::string> names;
  };
  const Listing& listing(const std::string& dir);

  std::mutex dirs_mu_;
  std::unordered_map<std::string, std::unique_ptr<Listing>> dirs_;
  std::mutex anchors_mu_;
  std::unordered_map<std::string, std::unique_ptr<Anchors>> anchors_;
};

}  // namespace specgate
