// Tarjan's strongly connected components, iterative so long dependency chains cannot overflow
// the stack. One definition for the dependency-cycle rule (the whole graph) and the language
// server's incremental index (only the part reachable from the specs an edit touched).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace specgate {

inline constexpr size_t kNoTarget = static_cast<size_t>(-1);

// Nodes are 0..n-1. `target(v, k)` gives v's k-th target, or kNoTarget past the last one.
// `visit(std::vector<size_t>&& component)` is called for each component reached from `roots`
// (in the order Tarjan completes them, members unsorted); nodes not reached are not visited.
template <class Target, class Visit>
void strongly_connected_components(size_t n, const std::vector<size_t>& roots, Target&& target, Visit&& visit) {
  constexpr size_t kUnset = static_cast<size_t>(-1);
  std::vector<size_t> index(n, kUnset), low(n, 0);
  std::vector<uint8_t> on_stack(n, 0);
  std::vector<size_t> stack;
  size_t counter = 0;
  struct Frame {
    size_t v, next;
  };
  for (size_t root : roots) {
    if (index[root] != kUnset) continue;
    std::vector<Frame> call{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!call.empty()) {
      Frame& fr = call.back();
      if (const size_t w = target(fr.v, fr.next); w != kNoTarget) {
        ++fr.next;
        if (index[w] == kUnset) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = 1;
          call.push_back({w, 0});  // invalidates fr: not used after this
        } else if (on_stack[w]) {
          low[fr.v] = std::min(low[fr.v], index[w]);
        }
        continue;
      }
      const size_t v = fr.v;
      call.pop_back();
      if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
      if (low[v] != index[v]) continue;
      std::vector<size_t> comp;
      size_t w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = 0;
        comp.push_back(w);
      } while (w != v);
      visit(std::move(comp));
    }
  }
}

}  // namespace specgate
