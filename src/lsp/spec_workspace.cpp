#include "lsp/spec_workspace.h"

#include <sys/stat.h>

#include <atomic>
#include <thread>

#include "core/file_io.h"
#include "core/markdown_path.h"
#include "lsp/session.h"
#include "spec/index.h"
#include "workspace/discover.h"
#include "workspace/run.h"
#include "workspace/scope.h"

namespace specgate::lsp {

namespace {

// Files on disk are looked at again at most this often: a request costs a stat per spec then.
constexpr auto kRestat = std::chrono::seconds(2);
// New files in the folders are looked for at most this often.
constexpr auto kRediscover = std::chrono::seconds(15);

bool stat_file(const std::string& path, int64_t& mtime, uint64_t& size) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  size = static_cast<uint64_t>(st.st_size);
  return true;
}

}  // namespace

SpecWorkspace::SpecWorkspace(Session& session)
    : session_(session), specs_([this](const std::string& path) -> std::optional<std::string> {
        if (const OpenDocument* d = session_.documents().find_path(path)) return d->text;
        ReadResult r = read_file(path, kMaxMarkdownBytes);
        return r.ok ? std::optional<std::string>(std::move(r.bytes)) : std::nullopt;
      }) {}

void SpecWorkspace::load(const std::string& path, const std::string& text, Stamp stamp) {
  const Config& config = session_.projects().for_path(path).config;
  const Document doc = build_document(SourceText(path, text));
  specs_.put(summarize_spec(doc, build_spec_index(doc, config)));
  stamps_[path] = stamp;
}

void SpecWorkspace::reload_from_disk(const std::string& path) {
  Stamp stamp;
  ReadResult r;
  if (stat_file(path, stamp.mtime, stamp.size)) r = read_file(path, kMaxMarkdownBytes);
  if (!r.ok) {
    specs_.remove(path);
    stamps_.erase(path);
    return;
  }
  load(path, r.bytes, stamp);
}

void SpecWorkspace::discover() {
  folders_ = session_.workspace_folders();
  // The files not known yet, with their configs (resolved here: Projects is not thread-safe).
  std::vector<std::pair<std::string, const Config*>> todo;
  for (const std::string& folder : folders_) {
    const Config& config = session_.projects().for_path(folder + "/.specgate-folder").config;
    DiscoverOptions options;
    options.exclude = config.exclude;
    options.include = config.include;
    options.exclude_base = config.dir;
    const Discovery found = specgate::discover({folder}, options);
    for (const std::string& path : split_specs_and_templates(found, config, false).specs) {
      if (!stamps_.count(path)) todo.emplace_back(path, &session_.projects().for_path(path).config);
    }
  }
  // Reading and summarising a spec is a parse (~1 ms for 20 KB): a large workspace's first
  // request spreads them over the cores; only this loop's workers run, each on its own files.
  std::vector<std::optional<std::pair<SpecEntry, Stamp>>> made(todo.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < todo.size(); i = next++) {
      const auto& [path, config] = todo[i];
      Stamp stamp;
      if (!stat_file(path, stamp.mtime, stamp.size)) continue;
      ReadResult r = read_file(path, kMaxMarkdownBytes);
      if (!r.ok) continue;
      const Document doc = build_document(SourceText(path, std::move(r.bytes)));
      made[i].emplace(summarize_spec(doc, build_spec_index(doc, *config)), stamp);
    }
  };
  const size_t jobs = std::min<size_t>(default_jobs(), todo.size() / 64 + 1);
  std::vector<std::thread> pool;
  for (size_t j = 1; j < jobs; ++j) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (size_t i = 0; i < todo.size(); ++i) {
    if (!made[i]) continue;
    stamps_[todo[i].first] = made[i]->second;
    specs_.put(std::move(made[i]->first));
  }
  discovered_ = true;
  last_discovery_ = last_stat_ = std::chrono::steady_clock::now();
}

const SpecDirectory& SpecWorkspace::sync() {
  const auto now = std::chrono::steady_clock::now();
  if (discovered_ && folders_ != session_.workspace_folders()) {
    // Folders added or removed: start again rather than keep specs of a folder that left.
    specs_.clear();
    stamps_.clear();
    discovered_ = false;
  }
  if (!discovered_ || now - last_discovery_ > kRediscover) discover();
  // Files on disk that changed, or are gone.
  if (now - last_stat_ > kRestat) {
    last_stat_ = now;
    std::vector<std::string> stale;
    for (const auto& [path, stamp] : stamps_) {
      if (stamp.generation != 0) continue;
      Stamp now_stamp;
      if (!stat_file(path, now_stamp.mtime, now_stamp.size) || now_stamp.mtime != stamp.mtime ||
          now_stamp.size != stamp.size)
        stale.push_back(path);
    }
    for (const std::string& path : stale) reload_from_disk(path);
  }
  // Open buffers stand for their files; a closed one gives its file back to the disk.
  std::vector<std::string> closed;
  for (const auto& [path, stamp] : stamps_) {
    if (stamp.generation != 0 && !session_.documents().find_path(path)) closed.push_back(path);
  }
  for (const std::string& path : closed) reload_from_disk(path);
  for (const auto& [uri, d] : session_.documents().all()) {
    if (d.path.empty() || !is_markdown_path(d.path)) continue;
    auto it = stamps_.find(d.path);
    if (it == stamps_.end() || it->second.generation != d.generation) load(d.path, d.text, {0, 0, d.generation});
  }
  return specs_;
}

}  // namespace specgate::lsp
