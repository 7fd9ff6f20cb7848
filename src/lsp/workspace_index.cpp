#include "lsp/workspace_index.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "core/markdown_path.h"
#include "lsp/project.h"
#include "model/load.h"
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

bool same_record(const SpecIndex& a, const SpecIndex& b) {
  if (a.ids.size() != b.ids.size() || a.refs.size() != b.refs.size()) return false;
  for (size_t i = 0; i < a.ids.size(); ++i) {
    const auto &x = a.ids[i], &y = b.ids[i];
    if (x.id != y.id || x.source != y.source || x.line != y.line || x.column != y.column || x.length != y.length)
      return false;
  }
  for (size_t i = 0; i < a.refs.size(); ++i) {
    const auto &x = a.refs[i], &y = b.refs[i];
    if (x.id != y.id || x.kind != y.kind || x.line != y.line || x.column != y.column || x.length != y.length)
      return false;
  }
  // Suppressions and line notes change findings' visibility and sections: compared by the lines
  // they hold, which is cheap and errs on the side of "changed".
  if (a.lines.size() != b.lines.size()) return false;
  for (auto i = a.lines.begin(), j = b.lines.begin(); i != a.lines.end(); ++i, ++j)
    if (i->first != j->first || i->second.text != j->second.text || i->second.section != j->second.section) return false;
  return true;
}

// The IDs a "dependency cycle: A -> B -> A (...)" message names.
std::vector<std::string> cycle_members(const std::string& message) {
  std::vector<std::string> ids;
  const std::string head = "dependency cycle: ";
  if (message.rfind(head, 0) != 0) return ids;
  const std::string body = message.substr(head.size(), message.find(" (") - head.size());
  size_t at = 0;
  while (at <= body.size()) {
    const size_t arrow = body.find(" -> ", at);
    std::string id = body.substr(at, arrow == std::string::npos ? std::string::npos : arrow - at);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    if (arrow == std::string::npos) break;
    at = arrow + 4;
  }
  return ids;
}

}  // namespace

WorkspaceIndex::Made WorkspaceIndex::make(const std::string& path, const Config& config) {
  Made m;
  m.record.path = path;
  if (!stat_file(path, m.stamp.mtime, m.stamp.size)) return m;
  std::string error;
  std::optional<Document> doc = load_document(path, error);
  if (!doc) return m;  // kept as a record with nothing in it, as `check` keeps a file it cannot read
  m.record = build_spec_index(*doc, config);
  m.record.path = path;
  m.entry = summarize_spec(*doc, m.record);
  return m;
}

std::vector<std::string> WorkspaceIndex::discover(Projects& projects) const {
  std::vector<std::string> paths;
  for (const std::string& folder : folders_) {
    // The folder's own config decides discovery, as `check FOLDER` run from it does.
    Project& project = projects.for_path(folder + "/.");
    DiscoverOptions o;
    o.exclude = project.config.exclude;
    o.include = project.config.include;
    o.exclude_base = project.config.dir;
    Discovery found = specgate::discover({folder}, o);
    Scope scope = split_specs_and_templates(found, project.config, false);
    for (const FoundTemplate& t : scope.templates)
      if (!t.registered) project.registry.add_repository_template(t.path);
    paths.insert(paths.end(), scope.specs.begin(), scope.specs.end());
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

void WorkspaceIndex::build(const std::vector<std::string>& folders, Projects& projects) {
  folders_ = folders;
  built_ = true;
  records_.clear();
  directory_.clear();
  stamps_.clear();
  const std::vector<std::string> paths = discover(projects);
  // Each file's config, resolved here: Projects is not thread-safe.
  std::vector<const Config*> configs;
  configs.reserve(paths.size());
  for (const std::string& path : paths) configs.push_back(&projects.for_path(path).config);
  // Reading and indexing a spec is a parse (~1 ms for 20 KB): spread over the cores, each
  // worker on its own files.
  std::vector<Made> made(paths.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) made[i] = make(paths[i], *configs[i]);
  };
  const size_t jobs = std::min<size_t>(default_jobs(), paths.size() / 64 + 1);
  std::vector<std::thread> pool;
  for (size_t j = 1; j < jobs; ++j) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  insert(std::move(made));
  last_discovery_ = last_stat_ = std::chrono::steady_clock::now();
}

void WorkspaceIndex::insert(std::vector<Made> made) {
  for (Made& m : made) {
    const std::string path = m.record.path;
    if (!m.entry.path.empty()) {
      directory_.put(std::move(m.entry));
      stamps_[path] = m.stamp;
    }
    auto pos = std::lower_bound(records_.begin(), records_.end(), path,
                                [](const SpecIndex& r, const std::string& p) { return r.path < p; });
    if (pos != records_.end() && pos->path == path) *pos = std::move(m.record);
    else records_.insert(pos, std::move(m.record));
  }
  reindex_paths();
}

void WorkspaceIndex::reindex_paths() {
  by_path_.clear();
  for (size_t i = 0; i < records_.size(); ++i) by_path_[records_[i].path] = i;
  cross_.reset(&records_);
}

void WorkspaceIndex::replace(size_t i, SpecIndex record) {
  cross_.before_change(i);
  records_[i] = std::move(record);
  cross_.after_change(i);
}

uint64_t WorkspaceIndex::generation(const std::string& path) const {
  auto it = stamps_.find(path);
  return it == stamps_.end() ? 0 : it->second.generation;
}

const SpecIndex* WorkspaceIndex::record(const std::string& path) const {
  auto it = by_path_.find(path);
  return it == by_path_.end() ? nullptr : &records_[it->second];
}

bool WorkspaceIndex::update(const std::string& path, const Document& doc, const Config& config, uint64_t generation) {
  auto it = by_path_.find(path);
  SpecIndex record = build_spec_index(doc, config);
  record.path = path;
  directory_.put(summarize_spec(doc, record));
  // A file read for a request (generation 0) keeps its stamp: the next look at the disk decides.
  if (generation != 0) stamps_[path] = {0, 0, generation};
  if (it == by_path_.end()) return false;
  if (same_record(records_[it->second], record)) {
    records_[it->second] = std::move(record);  // equal in all the rules read
    return false;
  }
  replace(it->second, std::move(record));
  return true;
}

void WorkspaceIndex::reload(const std::string& path, Projects& projects) {
  const bool known = covers(path);
  if (!known) {
    // A new Markdown file under a folder joins the index (a rebuild would also apply the
    // config's include/exclude; a config change triggers that).
    const bool under = std::any_of(folders_.begin(), folders_.end(),
                                   [&](const std::string& f) { return path.rfind(f + "/", 0) == 0; });
    if (!under || !is_markdown_path(path)) return;
  }
  Made m = make(path, projects.for_path(path).config);
  if (m.entry.path.empty()) {
    remove(path);
    return;
  }
  if (!known) {
    std::vector<Made> one;
    one.push_back(std::move(m));
    insert(std::move(one));
    return;
  }
  stamps_[path] = m.stamp;
  directory_.put(std::move(m.entry));
  replace(by_path_[path], std::move(m.record));
}

void WorkspaceIndex::remove(const std::string& path) {
  directory_.remove(path);
  stamps_.erase(path);
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return;
  records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(it->second));
  reindex_paths();
}

bool WorkspaceIndex::release_closed(const std::function<bool(const std::string&)>& is_open, Projects& projects) {
  std::vector<std::string> closed;
  for (const auto& [path, stamp] : stamps_)
    if (stamp.generation != 0 && !is_open(path)) closed.push_back(path);
  for (const std::string& path : closed) {
    if (covers(path)) {
      reload(path, projects);
    } else {
      directory_.remove(path);
      stamps_.erase(path);
    }
  }
  return !closed.empty();
}

bool WorkspaceIndex::refresh(const std::function<bool(const std::string&)>& is_open, Projects& projects) {
  const auto now = std::chrono::steady_clock::now();
  bool changed = false;
  if (now - last_discovery_ > kRediscover) {
    last_discovery_ = now;
    std::vector<Made> made;
    for (const std::string& path : discover(projects))
      if (!by_path_.count(path) && !is_open(path)) made.push_back(make(path, projects.for_path(path).config));
    std::erase_if(made, [](const Made& m) { return m.entry.path.empty(); });
    if (!made.empty()) {
      insert(std::move(made));
      changed = true;
    }
  }
  if (now - last_stat_ > kRestat) {
    last_stat_ = now;
    std::vector<std::string> stale;
    for (const auto& [path, stamp] : stamps_) {
      if (stamp.generation != 0 || is_open(path)) continue;
      Stamp on_disk;
      if (!stat_file(path, on_disk.mtime, on_disk.size) || on_disk.mtime != stamp.mtime || on_disk.size != stamp.size)
        stale.push_back(path);
    }
    for (const std::string& path : stale) reload(path, projects);
    changed |= !stale.empty();
  }
  return changed;
}

std::vector<Diagnostic> WorkspaceIndex::findings_for(const std::string& path, const Project& project) const {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return {};
  std::vector<Diagnostic> found = cross_.findings(it->second, project.checker, project.config, true);
  // Messages name other files as `check` run in the workspace folder does: relative to it.
  for (Diagnostic& d : found) {
    for (const std::string& folder : folders_) {
      const std::string prefix = folder + "/";
      for (size_t at = d.message.find(prefix); at != std::string::npos; at = d.message.find(prefix, at))
        d.message.erase(at, prefix.size());
    }
  }
  return found;
}

std::vector<WorkspaceIndex::Place> WorkspaceIndex::related(const std::string& path, const Diagnostic& d) const {
  std::vector<Place> out;
  if (d.rule == "duplicate-id") {
    const size_t q1 = d.message.find('\''), q2 = d.message.find('\'', q1 + 1);
    if (q1 == std::string::npos || q2 == std::string::npos) return out;
    const std::string id = d.message.substr(q1 + 1, q2 - q1 - 1);
    for (size_t f : cross_.declarers(id)) {
      const SpecIndex& r = records_[f];
      if (r.path == path) continue;
      for (const IdDeclaration& decl : r.ids)
        if (decl.id == id)
          out.push_back({r.path, decl.line, decl.column, decl.length,
                         "'" + id + "' also declared here (" + std::string(id_source_name(decl.source)) + ")"});
    }
  } else if (d.rule == "dependency-cycle") {
    for (const std::string& id : cycle_members(d.message)) {
      for (size_t f : cross_.declarers(id)) {
        const SpecIndex& r = records_[f];
        if (r.ids.front().id != id) continue;
        const IdDeclaration& decl = r.ids.front();
        out.push_back({r.path, decl.line, decl.column, decl.length, "'" + id + "' in the cycle"});
        break;
      }
    }
  }
  return out;
}

}  // namespace specgate::lsp
