// dependency-cycle: blocking relations (Blocked By, Depends On, Blocking Tasks, Blocks, Blocked
// Tasks) that loop, so none of the specs can finish first. One finding per cycle, at the
// reference that closes it, with the cycle spelled out from its smallest ID. In a generic
// Dependencies list the words before an ID give the direction (spec/index.cpp: direction()).
#include <algorithm>
#include <map>
#include <queue>

#include "core/strongly_connected.h"
#include "rules/cross_document_messages.h"
#include "rules/workspace_rule.h"
#include "spec/ids.h"

namespace specgate {

namespace {

struct Edge {
  size_t to;
  size_t file;  // where the reference is written
  const Reference* ref;
};

class DependencyCycle : public WorkspaceRule {
 public:
  std::string_view name() const override { return "dependency-cycle"; }
  std::string_view summary() const override { return "Specs block each other in a cycle"; }

  void check(const WorkspaceContext& ctx, WorkspaceReporter& out) const override {
    const size_t n = ctx.files.size();
    // ID -> the one file declaring it; IDs declared twice are ambiguous (duplicate-id says so).
    std::map<std::string, size_t> owner;
    std::map<std::string, int> count;
    for (size_t f = 0; f < n; ++f) {
      for (const auto& d : ctx.files[f].ids) {
        owner[d.id] = f;
        ++count[d.id];
      }
    }
    auto lookup = [&](const std::string& id) -> long {
      auto it = owner.find(id);
      if (it == owner.end() || count[id] != 1) return -1;
      return static_cast<long>(it->second);
    };
    std::vector<std::vector<Edge>> adj(n);
    for (size_t x = 0; x < n; ++x) {
      if (ctx.files[x].ids.empty()) continue;
      for (const auto& r : ctx.files[x].refs) {
        if (r.kind != RefKind::DependsOn && r.kind != RefKind::Blocks) continue;
        const long y = lookup(r.id);
        if (y < 0) continue;
        if (r.kind == RefKind::DependsOn) adj[x].push_back({static_cast<size_t>(y), x, &r});
        else adj[static_cast<size_t>(y)].push_back({x, x, &r});
      }
    }
    auto id_of = [&](size_t f) -> const std::string& { return ctx.files[f].ids.front().id; };
    // The target's ID as the reference writes it: a "depends on" reference names its target; a
    // "blocks" reference names the spec that waits, so its target (the writer) goes by its ID.
    auto written = [&](const Edge& e) -> const std::string& {
      return e.ref->kind == RefKind::DependsOn ? e.ref->id : id_of(e.to);
    };
    for (auto& edges : adj) {
      // Deterministic walks: targets in ID order, the first written reference per target.
      std::stable_sort(edges.begin(), edges.end(), [&](const Edge& a, const Edge& b) { return id_less(id_of(a.to), id_of(b.to)); });
      edges.erase(std::unique(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.to == b.to; }),
                  edges.end());
    }
    // A spec waiting for itself is its own cycle, whatever else it is tangled with.
    for (size_t v = 0; v < n; ++v) {
      for (const Edge& e : adj[v]) {
        if (e.to == v) cross_document::report_self_cycle(out, e.file, *e.ref);
      }
    }
    for (const auto& scc : components(adj)) {
      if (scc.size() < 2) continue;
      size_t start = scc[0];
      for (size_t v : scc) {
        if (id_less(id_of(v), id_of(start))) start = v;
      }
      std::vector<const Edge*> path = shortest_cycle(adj, scc, start);
      if (path.empty()) continue;
      // Each spec under the ID the reference reaching it is written with (a spec may declare
      // more than one); the start is the closing reference's target.
      std::string text = written(*path.back());
      for (const Edge* e : path) text += " -> " + written(*e);
      const Edge* closing = path.back();
      cross_document::report_cycle(out, closing->file, *closing->ref, text);
    }
  }

 private:
  // Tarjan's strongly connected components, iterative so long chains cannot overflow the stack.
  static std::vector<std::vector<size_t>> components(const std::vector<std::vector<Edge>>& adj) {
    std::vector<size_t> roots(adj.size());
    for (size_t v = 0; v < roots.size(); ++v) roots[v] = v;
    std::vector<std::vector<size_t>> out;
    strongly_connected_components(
        adj.size(), roots, [&](size_t v, size_t k) { return k < adj[v].size() ? adj[v][k].to : kNoTarget; },
        [&](std::vector<size_t>&& comp) {
          std::sort(comp.begin(), comp.end());
          out.push_back(std::move(comp));
        });
    std::sort(out.begin(), out.end());
    return out;
  }

  // The shortest walk start -> ... -> start inside the component, as its edges.
  static std::vector<const Edge*> shortest_cycle(const std::vector<std::vector<Edge>>& adj,
                                                 const std::vector<size_t>& scc, size_t start) {
    std::map<size_t, const Edge*> via;  // node -> edge that reached it
    std::vector<bool> in_scc(adj.size(), false);
    for (size_t v : scc) in_scc[v] = true;
    std::queue<size_t> q;
    q.push(start);
    const Edge* closing = nullptr;
    std::map<size_t, size_t> parent;
    while (!q.empty() && !closing) {
      const size_t v = q.front();
      q.pop();
      for (const Edge& e : adj[v]) {
        if (!in_scc[e.to] || e.to == v) continue;  // self-loops are reported on their own
        if (e.to == start) {
          closing = &e;
          parent[adj.size()] = v;  // sentinel: the closing edge leaves v
          break;
        }
        if (via.count(e.to)) continue;
        via[e.to] = &e;
        parent[e.to] = v;
        q.push(e.to);
      }
    }
    if (!closing) return {};
    std::vector<const Edge*> path{closing};
    for (size_t v = parent[adj.size()]; v != start; v = parent[v]) path.push_back(via[v]);
    std::reverse(path.begin(), path.end());
    return path;
  }
};

}  // namespace

std::unique_ptr<WorkspaceRule> make_dependency_cycle() { return std::make_unique<DependencyCycle>(); }

}  // namespace specgate
