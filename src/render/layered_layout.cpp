#include "render/layered_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace specgate::render {
namespace {

// A node of the layered graph: a real node or a dummy on a long edge.
struct LNode {
  double w = 0;
  double h = 0;
  int rank = 0;
  double order_key = 0;
  size_t pos = 0;  // index within its rank
  double x = 0;
  std::vector<size_t> up;    // neighbours one rank above
  std::vector<size_t> down;  // neighbours one rank below
  bool dummy = false;
};

// One edge's chain through the ranks (real source .. real target, top to bottom).
struct Chain {
  std::vector<size_t> nodes;
  bool reversed = false;
  size_t label = SIZE_MAX;  // the dummy carrying the label
};

// DFS back edges, found iteratively (deep graphs must not overflow the stack).
std::vector<bool> back_edges(size_t n, const std::vector<LayoutEdge>& edges) {
  std::vector<std::vector<size_t>> out(n);
  for (size_t i = 0; i < edges.size(); ++i)
    if (edges[i].from != edges[i].to) out[edges[i].from].push_back(i);
  std::vector<bool> back(edges.size(), false);
  std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
  std::vector<std::pair<size_t, size_t>> stack;
  for (size_t root = 0; root < n; ++root) {
    if (state[root]) continue;
    stack.push_back({root, 0});
    state[root] = 1;
    while (!stack.empty()) {
      auto& [v, k] = stack.back();
      if (k < out[v].size()) {
        size_t e = out[v][k++];
        size_t w = edges[e].to;
        if (state[w] == 1) {
          back[e] = true;
        } else if (state[w] == 0) {
          state[w] = 1;
          stack.push_back({w, 0});
        }
      } else {
        state[v] = 2;
        stack.pop_back();
      }
    }
  }
  return back;
}

// Crossings between ranks r and r+1: inversions of the lower ends when edges are sorted by
// their upper ends (a Fenwick tree, O(E log V)).
long long crossings(const std::vector<std::vector<size_t>>& ranks, const std::vector<LNode>& g) {
  long long total = 0;
  std::vector<std::pair<size_t, size_t>> es;
  std::vector<int> tree;
  for (size_t r = 0; r + 1 < ranks.size(); ++r) {
    es.clear();
    for (size_t v : ranks[r])
      for (size_t w : g[v].down) es.push_back({g[v].pos, g[w].pos});
    std::sort(es.begin(), es.end());
    const size_t m = ranks[r + 1].size() + 1;
    tree.assign(m + 1, 0);
    long long seen = 0;
    for (auto& [a, b] : es) {
      // count earlier edges whose lower end is > b
      long long le = 0;
      for (size_t i = b + 1; i > 0; i -= i & (~i + 1)) le += tree[i];
      total += seen - le;
      for (size_t i = b + 1; i <= m; i += i & (~i + 1)) ++tree[i];
      ++seen;
    }
  }
  return total;
}

void sort_rank(std::vector<size_t>& rank, std::vector<LNode>& g) {
  std::stable_sort(rank.begin(), rank.end(),
                   [&](size_t a, size_t b) { return g[a].order_key < g[b].order_key; });
  for (size_t i = 0; i < rank.size(); ++i) {
    g[rank[i]].pos = i;
    g[rank[i]].order_key = static_cast<double>(i);
  }
}

// Barycentre of the neighbours' positions, or the node's own position when it has none.
double barycenter(const LNode& v, const std::vector<size_t>& nbrs, const std::vector<LNode>& g) {
  if (nbrs.empty()) return static_cast<double>(v.pos);
  double s = 0;
  for (size_t w : nbrs) s += static_cast<double>(g[w].pos);
  return s / static_cast<double>(nbrs.size());
}

// Places one rank's nodes as close as possible (least squares, weighted) to `want`, keeping
// their order and the minimum gaps: pool-adjacent-violators on x - offset.
void place_rank(const std::vector<size_t>& rank, std::vector<LNode>& g, const std::vector<double>& want,
                const std::vector<double>& weight, double node_sep, double dummy_sep) {
  const size_t n = rank.size();
  if (n == 0) return;
  std::vector<double> off(n, 0);
  for (size_t i = 1; i < n; ++i) {
    const LNode& a = g[rank[i - 1]];
    const LNode& b = g[rank[i]];
    double sep = (a.dummy || b.dummy) ? dummy_sep : node_sep;
    off[i] = off[i - 1] + a.w / 2 + b.w / 2 + sep;
  }
  struct Block {
    double sum_wy;
    double sum_w;
    size_t count;
  };
  std::vector<Block> blocks;
  for (size_t i = 0; i < n; ++i) {
    Block b{weight[i] * (want[i] - off[i]), weight[i], 1};
    blocks.push_back(b);
    while (blocks.size() > 1) {
      Block& hi = blocks.back();
      Block& lo = blocks[blocks.size() - 2];
      if (lo.sum_wy / lo.sum_w <= hi.sum_wy / hi.sum_w) break;
      lo.sum_wy += hi.sum_wy;
      lo.sum_w += hi.sum_w;
      lo.count += hi.count;
      blocks.pop_back();
    }
  }
  size_t i = 0;
  for (const Block& b : blocks) {
    double v = b.sum_wy / b.sum_w;
    for (size_t k = 0; k < b.count; ++k, ++i) g[rank[i]].x = v + off[i];
  }
}

}  // namespace

Direction parse_direction(std::string_view d) {
  if (d == "BT") return Direction::BT;
  if (d == "LR") return Direction::LR;
  if (d == "RL") return Direction::RL;
  return Direction::TB;
}

LayoutResult layered_layout(const LayoutGraph& graph) {
  const bool horizontal = graph.direction == Direction::LR || graph.direction == Direction::RL;
  const size_t n = graph.nodes.size();
  LayoutResult res;
  res.centers.resize(n);
  res.routes.resize(graph.edges.size());
  res.label_centers.resize(graph.edges.size());
  if (n == 0) return res;

  // Everything below lays out top to bottom; a horizontal diagram swaps widths and heights.
  std::vector<LNode> g(n);
  for (size_t i = 0; i < n; ++i) {
    g[i].w = horizontal ? graph.nodes[i].h : graph.nodes[i].w;
    g[i].h = horizontal ? graph.nodes[i].w : graph.nodes[i].h;
    g[i].order_key = static_cast<double>(i);
  }
  bool labels = false;
  for (const LayoutEdge& e : graph.edges) labels = labels || e.label_w > 0;
  // With labels, every edge spans twice its ranks so a label can sit on the middle one
  // (dagre does the same); the ranks are then half as far apart.
  const int scale = labels ? 2 : 1;
  const double rank_sep = labels ? graph.rank_sep / 2 : graph.rank_sep;

  // 1. Ranks: longest path over the graph with back edges reversed.
  const std::vector<bool> back = back_edges(n, graph.edges);
  std::vector<std::vector<std::pair<size_t, int>>> succ(n), pred(n);
  std::vector<int> indeg(n, 0);
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const LayoutEdge& e = graph.edges[i];
    if (e.from == e.to) continue;
    size_t a = back[i] ? e.to : e.from, b = back[i] ? e.from : e.to;
    int len = std::max(1, e.minlen) * scale;
    succ[a].push_back({b, len});
    pred[b].push_back({a, len});
    ++indeg[b];
  }
  std::vector<size_t> topo;
  topo.reserve(n);
  for (size_t i = 0; i < n; ++i)
    if (indeg[i] == 0) topo.push_back(i);
  for (size_t k = 0; k < topo.size(); ++k)
    for (auto [w, len] : succ[topo[k]])
      if (--indeg[w] == 0) topo.push_back(w);
  for (size_t v : topo)
    for (auto [w, len] : succ[v]) g[w].rank = std::max(g[w].rank, g[v].rank + len);
  // Sources sit just above their nearest successor rather than all on the first rank.
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    size_t v = *it;
    if (!pred[v].empty() || succ[v].empty()) continue;
    int lowest = INT32_MAX;
    for (auto [w, len] : succ[v]) lowest = std::min(lowest, g[w].rank - len);
    g[v].rank = std::max(g[v].rank, lowest);
  }

  // 2. Chains of dummies for edges spanning more than one rank.
  std::vector<Chain> chains(graph.edges.size());
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const LayoutEdge& e = graph.edges[i];
    Chain& c = chains[i];
    if (e.from == e.to) continue;
    c.reversed = back[i];
    size_t a = c.reversed ? e.to : e.from, b = c.reversed ? e.from : e.to;
    c.nodes.push_back(a);
    const int span = g[b].rank - g[a].rank;
    const int label_at = span / 2;
    for (int r = 1; r < span; ++r) {
      LNode d;
      d.dummy = true;
      d.rank = g[a].rank + r;
      d.order_key = g[a].order_key + 0.5;
      if (e.label_w > 0 && r == label_at) {
        d.w = horizontal ? e.label_h : e.label_w;
        d.h = horizontal ? e.label_w : e.label_h;
        c.label = g.size();
      }
      c.nodes.push_back(g.size());
      g.push_back(d);
    }
    c.nodes.push_back(b);
    for (size_t k = 0; k + 1 < c.nodes.size(); ++k) {
      g[c.nodes[k]].down.push_back(c.nodes[k + 1]);
      g[c.nodes[k + 1]].up.push_back(c.nodes[k]);
    }
  }
  int max_rank = 0;
  for (const LNode& v : g) max_rank = std::max(max_rank, v.rank);
  std::vector<std::vector<size_t>> ranks(static_cast<size_t>(max_rank) + 1);
  for (size_t v = 0; v < g.size(); ++v) ranks[static_cast<size_t>(g[v].rank)].push_back(v);
  for (auto& r : ranks) sort_rank(r, g);

  // 3. Order: barycentre sweeps down and up, keeping the order with the fewest crossings.
  long long best = crossings(ranks, g);
  std::vector<size_t> best_pos(g.size());
  for (size_t v = 0; v < g.size(); ++v) best_pos[v] = g[v].pos;
  for (int iter = 0; iter < 8 && best > 0; ++iter) {
    const bool down = iter % 2 == 0;
    for (size_t k = 1; k < ranks.size(); ++k) {
      size_t r = down ? k : ranks.size() - 1 - k;
      for (size_t v : ranks[r]) g[v].order_key = barycenter(g[v], down ? g[v].up : g[v].down, g);
      sort_rank(ranks[r], g);
    }
    long long c = crossings(ranks, g);
    if (c < best) {
      best = c;
      for (size_t v = 0; v < g.size(); ++v) best_pos[v] = g[v].pos;
    }
  }
  for (auto& r : ranks) {
    for (size_t v : r) g[v].order_key = static_cast<double>(best_pos[v]);
    sort_rank(r, g);
  }

  // 4. Coordinates across the ranks: packed, then pulled towards the neighbours.
  const double dummy_sep = std::min(graph.node_sep, 20.0);
  std::vector<double> want, weight;
  for (auto& r : ranks) {
    want.assign(r.size(), 0);
    weight.assign(r.size(), 1);
    place_rank(r, g, want, weight, graph.node_sep, dummy_sep);
  }
  auto pull = [&](size_t r, int mode) {  // mode 0: up, 1: down, 2: both
    const auto& rank = ranks[r];
    want.resize(rank.size());
    weight.resize(rank.size());
    for (size_t i = 0; i < rank.size(); ++i) {
      const LNode& v = g[rank[i]];
      double s = 0, c = 0;
      if (mode != 1)
        for (size_t w : v.up) s += g[w].x, ++c;
      if (mode != 0)
        for (size_t w : v.down) s += g[w].x, ++c;
      want[i] = c > 0 ? s / c : v.x;
      // Dummies weigh more: long edges come out straight.
      weight[i] = (c > 0 ? 1.0 : 0.2) * (v.dummy ? 4.0 : 1.0);
    }
    place_rank(rank, g, want, weight, graph.node_sep, dummy_sep);
  };
  for (int iter = 0; iter < 6; ++iter) {
    for (size_t r = 1; r < ranks.size(); ++r) pull(r, 0);
    for (size_t r = ranks.size() - 1; r-- > 0;) pull(r, 1);
  }
  for (size_t r = 0; r < ranks.size(); ++r) pull(r, 2);

  // 5. Rank coordinates.
  std::vector<double> rank_y(ranks.size(), 0);
  double y = 0;
  for (size_t r = 0; r < ranks.size(); ++r) {
    double hmax = 0;
    for (size_t v : ranks[r]) hmax = std::max(hmax, g[v].h);
    if (r > 0 && !ranks[r].empty()) y += rank_sep;
    if (ranks[r].empty()) continue;
    rank_y[r] = y + hmax / 2;
    y += hmax;
  }
  // Empty ranks (skipped by long edges) sit where their neighbours leave room.
  for (size_t r = 1; r < ranks.size(); ++r)
    if (ranks[r].empty()) rank_y[r] = rank_y[r - 1] + rank_sep;

  double minx = 1e300, maxx = -1e300, maxy = 0;
  for (const LNode& v : g) {
    minx = std::min(minx, v.x - v.w / 2);
    maxx = std::max(maxx, v.x + v.w / 2);
    maxy = std::max(maxy, rank_y[static_cast<size_t>(v.rank)] + v.h / 2);
  }
  // Self-loops stick out on the far side of their node.
  const double loop = 30;
  for (const LayoutEdge& e : graph.edges) {
    if (e.from != e.to) continue;
    const LNode& v = g[e.from];
    maxx = std::max(maxx, v.x + v.w / 2 + loop + e.label_w);
  }
  double W = maxx - minx, H = maxy;
  auto out_point = [&](double x, double yy) {
    x -= minx;
    Point p{x, yy};
    switch (graph.direction) {
      case Direction::TB: return p;
      case Direction::BT: return Point{x, H - yy};
      case Direction::LR: return Point{yy, x};
      case Direction::RL: return Point{H - yy, x};
    }
    return p;
  };
  for (size_t i = 0; i < n; ++i) res.centers[i] = out_point(g[i].x, rank_y[static_cast<size_t>(g[i].rank)]);
  res.width = horizontal ? H : W;
  res.height = horizontal ? W : H;

  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const LayoutEdge& e = graph.edges[i];
    std::vector<Point>& route = res.routes[i];
    if (e.from == e.to) {
      const LNode& v = g[e.from];
      double yy = rank_y[static_cast<size_t>(v.rank)], r = v.x + v.w / 2;
      route = {out_point(r, yy - v.h / 4), out_point(r + loop, yy - v.h / 4),
               out_point(r + loop, yy + v.h / 4), out_point(r, yy + v.h / 4)};
      res.label_centers[i] = out_point(r + loop + e.label_w / 2 + 4, yy);
      continue;
    }
    const Chain& c = chains[i];
    for (size_t v : c.nodes) route.push_back(out_point(g[v].x, rank_y[static_cast<size_t>(g[v].rank)]));
    if (c.reversed) std::reverse(route.begin(), route.end());
    if (c.label != SIZE_MAX) {
      res.label_centers[i] = out_point(g[c.label].x, rank_y[static_cast<size_t>(g[c.label].rank)]);
    } else {
      const Point& a = route[route.size() / 2 - (route.size() % 2 == 0 ? 1 : 0)];
      const Point& b = route[route.size() / 2];
      res.label_centers[i] = Point{(a.x + b.x) / 2, (a.y + b.y) / 2};
    }
  }
  return res;
}

}  // namespace specgate::render
