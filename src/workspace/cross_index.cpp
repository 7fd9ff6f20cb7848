#include "workspace/cross_index.h"

#include <algorithm>
#include <queue>
#include <unordered_set>

#include "core/strongly_connected.h"
#include "rules/cross_document_messages.h"
#include "rules/registry.h"
#include "spec/ids.h"

namespace specgate {

namespace {

void insert_sorted(std::vector<size_t>& v, size_t x) {
  auto it = std::lower_bound(v.begin(), v.end(), x);
  if (it == v.end() || *it != x) v.insert(it, x);
}

template <class Map>
void erase_sorted(Map& map, const std::string& key, size_t x) {
  auto m = map.find(key);
  if (m == map.end()) return;
  auto it = std::lower_bound(m->second.begin(), m->second.end(), x);
  if (it != m->second.end() && *it == x) m->second.erase(it);
  if (m->second.empty()) map.erase(m);
}

bool blocking(RefKind k) { return k == RefKind::DependsOn || k == RefKind::Blocks; }

}  // namespace

CrossIndex::Shape CrossIndex::shape_of(const SpecIndex& r) {
  Shape s;
  for (const IdDeclaration& d : r.ids) s.ids.push_back(d.id);
  for (const Reference& ref : r.refs)
    if (blocking(ref.kind)) s.blocking.emplace_back(ref.id, ref.kind);
  return s;
}

void CrossIndex::reset(const std::vector<SpecIndex>* files) {
  files_ = files;
  declarers_.clear();
  referrers_.clear();
  families_known_ = false;
  family_count_.clear();
  component_.assign(files->size(), nullptr);
  for (size_t i = 0; i < files->size(); ++i) add(i);
  std::vector<size_t> all(files->size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  settle(std::move(all));
}

void CrossIndex::add(size_t i) {
  const SpecIndex& r = (*files_)[i];
  for (const IdDeclaration& d : r.ids) {
    insert_sorted(declarers_[d.id], i);
    if (families_known_)
      if (std::string fam = id_family(d.id, families_); !fam.empty()) ++family_count_[fam];
  }
  for (const Reference& ref : r.refs) insert_sorted(referrers_[ref.id], i);
}

void CrossIndex::remove(size_t i) {
  const SpecIndex& r = (*files_)[i];
  for (const IdDeclaration& d : r.ids) {
    erase_sorted(declarers_, d.id, i);
    if (families_known_)
      if (std::string fam = id_family(d.id, families_); !fam.empty())
        if (auto it = family_count_.find(fam); it != family_count_.end() && --it->second == 0) family_count_.erase(it);
  }
  for (const Reference& ref : r.refs) erase_sorted(referrers_, ref.id, i);
}

void CrossIndex::before_change(size_t i) {
  old_shape_ = shape_of((*files_)[i]);
  old_dirty_.clear();
  mark(i, {}, old_dirty_);  // the targets its edges reach now
  remove(i);
}

void CrossIndex::after_change(size_t i) {
  add(i);
  Shape now = shape_of((*files_)[i]);
  if (now == old_shape_) return;  // moved text only: every edge and component stays
  // The IDs it began or stopped declaring change whom references to them reach.
  std::vector<std::string> a = old_shape_.ids, b = now.ids, changed;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(changed));
  std::vector<size_t> dirty = std::move(old_dirty_);
  mark(i, changed, dirty);
  // A new primary ID reorders the walks through i: its component is found again (i is marked).
  settle(std::move(dirty));
}

void CrossIndex::mark(size_t i, const std::vector<std::string>& ids, std::vector<size_t>& dirty) const {
  dirty.push_back(i);
  for (const Reference& r : (*files_)[i].refs) {
    if (!blocking(r.kind)) continue;
    if (const long y = owner(r.id); y >= 0) dirty.push_back(static_cast<size_t>(y));
  }
  for (const std::string& id : ids) {
    for (auto* map : {&declarers_, &referrers_})
      if (auto it = map->find(id); it != map->end()) dirty.insert(dirty.end(), it->second.begin(), it->second.end());
  }
}

long CrossIndex::owner(const std::string& id) const {
  auto it = declarers_.find(id);
  if (it == declarers_.end() || it->second.size() != 1) return -1;
  return static_cast<long>(it->second.front());
}

const std::vector<size_t>& CrossIndex::declarers(const std::string& id) const {
  static const std::vector<size_t> kNone;
  auto it = declarers_.find(id);
  return it == declarers_.end() ? kNone : it->second;
}

// As rules/dependency_cycle.cpp builds a node's edges: a "depends on" reference written in v
// leads from v; a "blocks" reference written in x naming v leads from v to x. In the order the
// rule pushes them (writer's path, then the reference's place), then by the target's ID, one per
// target.
std::vector<CrossIndex::Edge> CrossIndex::edges_from(size_t v) const {
  const std::vector<SpecIndex>& files = *files_;
  std::vector<Edge> out;
  const SpecIndex& rv = files[v];
  if (rv.ids.empty()) return out;  // no ID: nobody's reference reaches it, and its own count for nothing
  for (size_t k = 0; k < rv.refs.size(); ++k) {
    const Reference& r = rv.refs[k];
    if (!blocking(r.kind)) continue;
    const long y = owner(r.id);
    if (y < 0) continue;
    if (r.kind == RefKind::DependsOn) out.push_back({static_cast<size_t>(y), v, k});
    else if (static_cast<size_t>(y) == v) out.push_back({v, v, k});
  }
  for (const IdDeclaration& d : rv.ids) {
    if (owner(d.id) != static_cast<long>(v)) continue;
    auto it = referrers_.find(d.id);
    if (it == referrers_.end()) continue;
    for (size_t x : it->second) {
      if (x == v || files[x].ids.empty()) continue;
      for (size_t k = 0; k < files[x].refs.size(); ++k) {
        const Reference& r = files[x].refs[k];
        if (r.kind == RefKind::Blocks && r.id == d.id) out.push_back({x, x, k});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) { return std::tie(a.file, a.ref) < std::tie(b.file, b.ref); });
  std::stable_sort(out.begin(), out.end(), [&](const Edge& a, const Edge& b) { return id_less(primary(a.to), primary(b.to)); });
  out.erase(std::unique(out.begin(), out.end(), [](const Edge& a, const Edge& b) { return a.to == b.to; }), out.end());
  return out;
}

CrossIndex::Edge CrossIndex::edge(size_t v, size_t w) const {
  for (const Edge& e : edges_from(v))
    if (e.to == w) return e;
  return {w, v, 0};  // not reached: a component's cycle follows existing edges
}

const std::string& CrossIndex::written(const Edge& e) const {
  const Reference& r = (*files_)[e.file].refs[e.ref];
  return r.kind == RefKind::DependsOn ? r.id : primary(e.to);
}

void CrossIndex::settle(std::vector<size_t> roots) {
  // Whole components of the marked nodes: an edge gone can split one from any of its nodes.
  const size_t marked = roots.size();
  for (size_t k = 0; k < marked; ++k)
    if (const auto& c = component_[roots[k]]) roots.insert(roots.end(), c->nodes.begin(), c->nodes.end());
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  // Tarjan's algorithm from the roots only. Every node it reaches gets its exact component (a
  // component is reached whole); a node it does not reach kept its own: no edge that changed
  // leads to it, and none on a cycle through it was taken away.
  std::unordered_map<size_t, std::vector<size_t>> adj;  // the targets of each node reached
  auto target = [&](size_t v, size_t k) {
    auto [it, fresh] = adj.try_emplace(v);
    if (fresh)
      for (const Edge& e : edges_from(v)) it->second.push_back(e.to);
    return k < it->second.size() ? it->second[k] : kNoTarget;
  };
  strongly_connected_components(files_->size(), roots, target, [&](std::vector<size_t>&& comp) {
    if (comp.size() < 2) {
      component_[comp.front()] = nullptr;
      return;
    }
    auto c = std::make_shared<Component>();
    std::sort(comp.begin(), comp.end());
    c->nodes = std::move(comp);
    // The walk starts at the smallest ID (the first such node in path order).
    size_t start = c->nodes.front();
    for (size_t x : c->nodes)
      if (id_less(primary(x), primary(start))) start = x;
    c->cycle = shortest_cycle(*c, start);
    for (size_t x : c->nodes) component_[x] = c;
  });
}

// As the rule's walk: breadth first from `start` inside the component, edges in their order,
// until one leads back to it.
std::vector<size_t> CrossIndex::shortest_cycle(const Component& c, size_t start) const {
  auto inside = [&](size_t x) { return std::binary_search(c.nodes.begin(), c.nodes.end(), x); };
  std::unordered_map<size_t, size_t> parent;
  std::queue<size_t> q;
  q.push(start);
  long closing_from = -1;
  while (!q.empty() && closing_from < 0) {
    const size_t v = q.front();
    q.pop();
    for (const Edge& e : edges_from(v)) {
      if (!inside(e.to) || e.to == v) continue;
      if (e.to == start) {
        closing_from = static_cast<long>(v);
        break;
      }
      if (parent.count(e.to)) continue;
      parent[e.to] = v;
      q.push(e.to);
    }
  }
  if (closing_from < 0) return {};
  std::vector<size_t> nodes;
  for (size_t v = static_cast<size_t>(closing_from); v != start; v = parent[v]) nodes.push_back(v);
  nodes.push_back(start);
  std::reverse(nodes.begin(), nodes.end());
  return nodes;
}

// rules/duplicate_id.cpp for one file: each of its IDs that others declare too, in ID order.
void CrossIndex::duplicate_id(size_t i, std::vector<WorkspaceFinding>& out) const {
  const std::vector<SpecIndex>& files = *files_;
  WorkspaceReporter reporter("duplicate-id", out);
  std::vector<const IdDeclaration*> decls;
  for (const IdDeclaration& d : files[i].ids) decls.push_back(&d);
  std::sort(decls.begin(), decls.end(), [](const IdDeclaration* a, const IdDeclaration* b) { return a->id < b->id; });
  for (const IdDeclaration* d : decls) {
    const std::vector<size_t>& places = declarers(d->id);
    if (places.size() < 2) continue;
    cross_document::OtherDeclarations others(places.size() - 1);
    for (size_t q : places) {
      if (others.full()) break;
      if (q == i) continue;
      const IdDeclaration* qd = nullptr;
      for (const IdDeclaration& x : files[q].ids)
        if (x.id == d->id) qd = &x;
      others.add(files[q].path, *qd);
    }
    cross_document::report_duplicate_id(reporter, i, *d, others);
  }
}

void CrossIndex::count_families(const std::vector<std::string>& families) const {
  if (families_known_ && families_ == families) return;
  families_ = families;
  family_count_.clear();
  for (const auto& [id, files] : declarers_)
    if (std::string fam = id_family(id, families_); !fam.empty()) family_count_[fam] += files.size();
  families_known_ = true;
}

// rules/dangling_reference.cpp for one file.
void CrossIndex::dangling_reference(size_t i, const Config& config, std::vector<WorkspaceFinding>& out) const {
  count_families(config.id_families);
  WorkspaceReporter reporter("dangling-reference", out);
  for (const Reference& r : (*files_)[i].refs) {
    if (declarers_.count(r.id)) continue;
    const std::string fam = id_family(r.id, config.id_families);
    if (fam.empty() || !family_count_.count(fam)) continue;
    cross_document::report_dangling_reference(reporter, i, r);
  }
}

// rules/dependency_cycle.cpp for one file: its reference to its own ID, then the cycle of its
// component when the reference closing it is written here.
void CrossIndex::dependency_cycle(size_t i, std::vector<WorkspaceFinding>& out) const {
  const std::vector<SpecIndex>& files = *files_;
  WorkspaceReporter reporter("dependency-cycle", out);
  for (const Edge& e : edges_from(i)) {
    if (e.to != i) continue;
    const Reference& r = files[e.file].refs[e.ref];
    cross_document::report_self_cycle(reporter, e.file, r);
  }
  const auto& c = component_[i];
  if (!c || c->cycle.empty()) return;
  const std::vector<size_t>& nodes = c->cycle;
  const Edge closing = edge(nodes.back(), nodes.front());
  if (closing.file != i) return;
  std::string text = written(closing);
  for (size_t k = 0; k + 1 < nodes.size(); ++k) text += " -> " + written(edge(nodes[k], nodes[k + 1]));
  text += " -> " + written(closing);
  const Reference& r = files[closing.file].refs[closing.ref];
  cross_document::report_cycle(reporter, closing.file, r, text);
}

std::vector<Diagnostic> CrossIndex::findings(size_t i, const Checker& checker, const Config& config, bool complete) const {
  std::vector<Diagnostic> out;
  const SpecIndex& idx = (*files_)[i];
  for (const auto& rule : all_workspace_rules()) {
    if (!checker.enabled(rule->name(), rule->enabled_by_default())) continue;
    std::vector<WorkspaceFinding> found;
    const std::string_view name = rule->name();
    if (name == "duplicate-id") {
      duplicate_id(i, found);
    } else if (name == "dangling-reference") {
      if (complete) dangling_reference(i, config, found);
    } else if (name == "dependency-cycle") {
      dependency_cycle(i, found);
    } else {
      // A rule this index does not keep: its whole pass, as workspace_findings runs it.
      WorkspaceContext ctx{*files_, config, complete};
      WorkspaceReporter reporter(name, found);
      rule->check(ctx, reporter);
      std::erase_if(found, [&](const WorkspaceFinding& f) { return f.file != i; });
    }
    const Severity sev = checker.severity(name, rule->default_severity());
    for (WorkspaceFinding& f : found) {
      Diagnostic& d = f.diagnostic;
      if (idx.suppressions.suppressed(d.rule, d.line)) continue;
      d.severity = sev;
      if (auto it = idx.lines.find(d.line); it != idx.lines.end() && d.section.empty()) d.section = it->second.section;
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace specgate
