#include "rules/link_targets.h"

#include <cerrno>

#include <dirent.h>

#include "model/normalize.h"

namespace specgate {

namespace {

// Past this many entries a listing costs more than the stats it saves.
constexpr size_t kMaxListed = 100000;

}  // namespace

const LinkTargets::Listing& LinkTargets::listing(const std::string& dir) {
  // Called with dirs_mu_ held: the first worker to ask lists, the other waits for the result.
  auto& slot = dirs_[dir];
  if (slot) return *slot;
  slot = std::make_unique<Listing>();
  DIR* d = ::opendir(dir.c_str());
  if (!d) {
    // Missing, or a file where a directory should be: so is every path below it. Anything
    // else (permissions) leaves the answer to stat.
    slot->missing = errno == ENOENT || errno == ENOTDIR;
    return *slot;
  }
  bool complete = true;
  for (;;) {
    errno = 0;  // readdir's end and its failure differ only by errno
    const dirent* e = ::readdir(d);
    if (!e) {
      complete = errno == 0;
      break;
    }
    if (slot->names.size() >= kMaxListed) {
      complete = false;
      break;
    }
    slot->names.insert(to_lower_ascii(e->d_name));
  }
  ::closedir(d);
  slot->listed = complete;
  if (!complete) slot->names.clear();
  return *slot;
}

bool LinkTargets::may_exist(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") return true;
  for (char c : name) {
    // Case folding beyond ASCII (a case-insensitive mount) is the file system's to judge.
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::lock_guard<std::mutex> lock(dirs_mu_);
  const Listing& l = listing(dir);
  if (l.missing) return false;
  if (!l.listed) return true;
  return l.names.count(to_lower_ascii(name)) > 0;
}

}  // namespace specgate
