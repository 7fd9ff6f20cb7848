#include "lsp/workspace_index.h"

#include <algorithm>

#include "core/markdown_path.h"
#include "lsp/project.h"
#include "model/load.h"
#include "workspace/discover.h"
#include "workspace/run.h"
#include "workspace/scope.h"

namespace specgate::lsp {

namespace {

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

void WorkspaceIndex::build(const std::vector<std::string>& folders, Projects& projects) {
  folders_ = folders;
  records_.clear();
  std::vector<std::string> paths;
  for (const std::string& folder : folders) {
    // The folder's own config decides discovery, as `check FOLDER` run from it does.
    Project& project = projects.for_path(folder + "/.");
    DiscoverOptions o;
    o.exclude = project.config.exclude;
    o.include = project.config.include;
    o.exclude_base = project.config.dir;
    Discovery found = discover({folder}, o);
    Scope scope = split_specs_and_templates(found, project.config, false);
    for (const FoundTemplate& t : scope.templates)
      if (!t.registered) project.registry.add_repository_template(t.path);
    paths.insert(paths.end(), scope.specs.begin(), scope.specs.end());
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  if (!paths.empty()) {
    // Index only: run_workspace reads and indexes every file on the thread pool and checks none.
    Project& project = projects.for_path(paths.front());
    RunOptions ropts;
    ropts.report.assign(paths.size(), false);
    ropts.keep_diagnostics = false;
    ropts.complete = true;
    WorkspaceRun run = run_workspace(paths, project.checker, project.config, ropts);
    records_ = std::move(run.index);
  }
  reindex_paths();
}

void WorkspaceIndex::reindex_paths() {
  by_path_.clear();
  for (size_t i = 0; i < records_.size(); ++i) by_path_[records_[i].path] = i;
}

bool WorkspaceIndex::update(const std::string& path, SpecIndex record) {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return false;
  SpecIndex& slot = records_[it->second];
  record.path = path;
  const bool changed = !same_record(slot, record);
  slot = std::move(record);
  return changed;
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
  std::string error;
  std::optional<Document> doc = load_document(path, error);
  if (!doc) {
    remove(path);
    return;
  }
  SpecIndex record = build_spec_index(*doc, projects.for_path(path).config);
  record.path = path;
  if (known) {
    records_[by_path_[path]] = std::move(record);
    return;
  }
  auto pos = std::lower_bound(records_.begin(), records_.end(), path,
                              [](const SpecIndex& r, const std::string& p) { return r.path < p; });
  records_.insert(pos, std::move(record));
  reindex_paths();
}

void WorkspaceIndex::remove(const std::string& path) {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return;
  records_.erase(records_.begin() + static_cast<std::ptrdiff_t>(it->second));
  reindex_paths();
}

std::vector<Diagnostic> WorkspaceIndex::findings_for(const std::string& path, const Project& project) const {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) return {};
  std::vector<uint8_t> checked(records_.size(), 0);
  checked[it->second] = 1;
  auto found = workspace_findings(project.checker, project.config, true, records_, checked);
  // Messages name other files as `check` run in the workspace folder does: relative to it.
  for (Diagnostic& d : found[it->second]) {
    for (const std::string& folder : folders_) {
      const std::string prefix = folder + "/";
      for (size_t at = d.message.find(prefix); at != std::string::npos; at = d.message.find(prefix, at))
        d.message.erase(at, prefix.size());
    }
  }
  return std::move(found[it->second]);
}

const SpecIndex* WorkspaceIndex::declaring(const std::string& id) const {
  for (const SpecIndex& r : records_)
    for (const IdDeclaration& d : r.ids)
      if (d.id == id) return &r;
  return nullptr;
}

std::vector<WorkspaceIndex::Place> WorkspaceIndex::related(const std::string& path, const Diagnostic& d) const {
  std::vector<Place> out;
  if (d.rule == "duplicate-id") {
    const size_t q1 = d.message.find('\''), q2 = d.message.find('\'', q1 + 1);
    if (q1 == std::string::npos || q2 == std::string::npos) return out;
    const std::string id = d.message.substr(q1 + 1, q2 - q1 - 1);
    for (const SpecIndex& r : records_) {
      if (r.path == path) continue;
      for (const IdDeclaration& decl : r.ids)
        if (decl.id == id)
          out.push_back({r.path, decl.line, decl.column, decl.length,
                         "'" + id + "' also declared here (" + std::string(id_source_name(decl.source)) + ")"});
    }
  } else if (d.rule == "dependency-cycle") {
    for (const std::string& id : cycle_members(d.message)) {
      for (const SpecIndex& r : records_) {
        if (r.ids.empty() || r.ids.front().id != id) continue;
        const IdDeclaration& decl = r.ids.front();
        out.push_back({r.path, decl.line, decl.column, decl.length, "'" + id + "' in the cycle"});
        break;
      }
    }
  }
  return out;
}

}  // namespace specgate::lsp
