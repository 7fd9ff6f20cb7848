#include "render/nested_layout.h"

#include <algorithm>
#include <cstdint>

#include "render/render.h"
#include "render/text_metrics.h"

namespace specgate::render {
namespace {

struct Item {  // one node of a level's layout: a graph node or a child cluster
  bool cluster = false;
  size_t index = 0;
};

struct Nested {
  const NestedGraph& g;
  std::vector<Box> cluster_box;  // per cluster, relative to its parent's content origin
  std::vector<double> inner_w;   // per cluster: its content's width
  std::vector<Point> node_pos;   // per node, relative to its cluster's content origin
  std::vector<std::vector<Point>> routes;  // per edge, relative to its level's origin
  std::vector<Point> label_at;
  std::vector<int> edge_level;

  // Clusters around an endpoint, innermost first (-1 last): a node's clusters, or for a node
  // that names a cluster, that cluster's.
  std::vector<int> chain(size_t node) const {
    std::vector<int> c;
    int s = g.nodes[node].names >= 0 ? g.nodes[node].names : g.nodes[node].cluster;
    while (s >= 0) {
      c.push_back(s);
      s = g.clusters[static_cast<size_t>(s)].parent;
    }
    c.push_back(-1);
    return c;
  }

  bool linked_outside(size_t s) const {
    auto inside = [&](size_t n) {
      std::vector<int> c = chain(n);
      return std::find(c.begin(), c.end(), static_cast<int>(s)) != c.end();
    };
    for (const LayoutEdge& e : g.edges) {
      if (g.nodes[e.from].names == static_cast<int>(s) || g.nodes[e.to].names == static_cast<int>(s)) continue;
      if (inside(e.from) != inside(e.to)) return true;
    }
    return false;
  }

  // Lays out cluster `sg` (-1: the whole graph) with its own origin at (0,0); returns its
  // content size. Child clusters are laid out first and placed as single nodes.
  TextSize layout(int sg, Direction dir, size_t depth) {
    std::vector<Item> items;
    for (size_t i = 0; i < g.nodes.size(); ++i)
      if (g.nodes[i].cluster == sg && g.nodes[i].names < 0) items.push_back({false, i});
    for (size_t s = 0; s < g.clusters.size(); ++s)
      if (g.clusters[s].parent == sg) items.push_back({true, s});
    LayoutGraph lg;
    lg.direction = dir;
    lg.node_sep = g.node_sep;
    lg.rank_sep = g.rank_sep;
    for (const Item& it : items) {
      if (it.cluster) {
        const NestedCluster& c = g.clusters[it.index];
        const Direction d = !c.has_direction || linked_outside(it.index) ? dir : c.direction;
        TextSize in = depth + 1 < kMaxNesting ? layout(static_cast<int>(it.index), d, depth + 1) : TextSize{};
        double w = std::max(in.width, c.title_w) + 2 * g.pad;
        double h = in.height + g.title + g.pad;
        cluster_box[it.index] = Box{0, 0, w, h};
        inner_w[it.index] = in.width;
        lg.nodes.push_back({w, h});
      } else {
        lg.nodes.push_back({g.nodes[it.index].w, g.nodes[it.index].h});
      }
    }
    // Which item holds a given endpoint at this level.
    std::vector<size_t> node_item(g.nodes.size(), SIZE_MAX), sg_item(g.clusters.size(), SIZE_MAX);
    for (size_t k = 0; k < items.size(); ++k) (items[k].cluster ? sg_item : node_item)[items[k].index] = k;
    auto item_of = [&](size_t node) -> size_t {
      if (g.nodes[node].names < 0 && node_item[node] != SIZE_MAX) return node_item[node];
      std::vector<int> c = chain(node);
      if (g.nodes[node].names >= 0) c.insert(c.begin(), g.nodes[node].names);
      for (int s : c)
        if (s >= 0 && sg_item[static_cast<size_t>(s)] != SIZE_MAX) return sg_item[static_cast<size_t>(s)];
      return SIZE_MAX;
    };
    std::vector<size_t> edge_ids;
    for (size_t e = 0; e < g.edges.size(); ++e) {
      if (edge_level[e] != sg) continue;
      size_t a = item_of(g.edges[e].from), b = item_of(g.edges[e].to);
      if (a == SIZE_MAX || b == SIZE_MAX) continue;
      LayoutEdge le = g.edges[e];
      le.from = a;
      le.to = b;
      lg.edges.push_back(le);
      edge_ids.push_back(e);
    }
    LayoutResult r = layered_layout(lg);
    for (size_t k = 0; k < items.size(); ++k) {
      const Item& it = items[k];
      Point c = r.centers[k];
      if (it.cluster) {
        Box& b = cluster_box[it.index];
        b.x = c.x - b.w / 2;
        b.y = c.y - b.h / 2;
      } else {
        node_pos[it.index] = c;
      }
    }
    for (size_t k = 0; k < edge_ids.size(); ++k) {
      routes[edge_ids[k]] = r.routes[k];
      label_at[edge_ids[k]] = r.label_centers[k];
    }
    return TextSize{r.width, r.height};
  }
};

}  // namespace

NestedResult nested_layout(const NestedGraph& g) {
  const size_t N = g.nodes.size(), E = g.edges.size(), S = g.clusters.size();
  Nested n{g, std::vector<Box>(S), std::vector<double>(S, 0), std::vector<Point>(N), std::vector<std::vector<Point>>(E),
           std::vector<Point>(E), std::vector<int>(E, -1)};
  for (size_t e = 0; e < E; ++e) {
    // The innermost cluster holding both ends routes the edge.
    std::vector<int> a = n.chain(g.edges[e].from), b = n.chain(g.edges[e].to);
    if (g.nodes[g.edges[e].from].names >= 0) a.erase(a.begin());
    if (g.nodes[g.edges[e].to].names >= 0) b.erase(b.begin());
    for (int s : a) {
      if (std::find(b.begin(), b.end(), s) != b.end()) {
        n.edge_level[e] = s;
        break;
      }
    }
  }
  const TextSize total = n.layout(-1, g.direction, 0);

  NestedResult r;
  r.width = total.width;
  r.height = total.height;
  r.clusters.resize(S);
  // Each level was laid out with its own origin: a cluster's content starts below its title,
  // centred when the title is wider than the content.
  auto origin = [&](int sg) -> Point {
    if (sg < 0) return g.origin;
    const Box& b = r.clusters[static_cast<size_t>(sg)];
    return Point{b.x + g.pad + (b.w - 2 * g.pad - n.inner_w[static_cast<size_t>(sg)]) / 2, b.y + g.title};
  };
  // Parents before children: a child's box is relative to its parent's (now absolute) origin.
  std::vector<size_t> depth(S, 0), order;
  for (size_t s = 0; s < S; ++s) {
    order.push_back(s);
    for (int p = g.clusters[s].parent; p >= 0; p = g.clusters[static_cast<size_t>(p)].parent) ++depth[s];
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return depth[a] < depth[b]; });
  for (size_t s : order) {
    Point o = origin(g.clusters[s].parent);
    r.clusters[s] = n.cluster_box[s];
    r.clusters[s].x = n.cluster_box[s].x + o.x;
    r.clusters[s].y = n.cluster_box[s].y + o.y;
  }
  r.centers.resize(N);
  for (size_t i = 0; i < N; ++i) {
    if (g.nodes[i].names >= 0) continue;
    Point o = origin(g.nodes[i].cluster);
    r.centers[i] = Point{n.node_pos[i].x + o.x, n.node_pos[i].y + o.y};
  }
  r.routes.resize(E);
  r.label_centers.resize(E);
  for (size_t e = 0; e < E; ++e) {
    Point o = origin(n.edge_level[e]);
    for (const Point& q : n.routes[e]) r.routes[e].push_back(Point{q.x + o.x, q.y + o.y});
    r.label_centers[e] = Point{n.label_at[e].x + o.x, n.label_at[e].y + o.y};
  }
  r.edge_level = std::move(n.edge_level);
  return r;
}

}  // namespace specgate::render
