// What a rendered diagram contains, read from its SVG in the page's DOM (both renderers' SVGs go
// through the same code, so the counts are comparable): nodes and edges (flowchart, state, ER,
// class: boxes and edge paths; sequence: participants and messages) and, for the rank-order
// comparison, each edge's end nodes and every node's centre on the page.
//
// Selectors, per producer and family. Mermaid 11.17.2: nodes are `g.node` (class notes too),
// edges `path.flowchart-link` / `.transition` / `.relationshipLine` / `.relation`, sequence
// participants are the outermost `.actor-top` (a box, a stick figure or another symbol) and
// messages their lines (`.messageLine0/1`; a label may be several `.messageText`). specgate:
// `g.node` / `g.entity` / `g.class-box`, `g.note` (class), `path.edge` / `path.relation` /
// `path.note-link`, `g.actor` or `g.actor-man` (drawn top and bottom) and `path.message`.
// Invisible links (`~~~`) are a path without stroke in specgate and no path at all in Mermaid:
// only visible edges are counted.
export const SELECTORS = {
  mermaid: {
    flowchart: { nodes: "g.node", edges: "path.flowchart-link" },
    state: { nodes: "g.node", edges: "path.transition, path.note-edge" },
    er: { nodes: "g.node", edges: "path.relationshipLine" },
    class: { nodes: "g.node", edges: "path.relation" },
    sequence: { nodes: ".actor-top", edges: ".messageLine0, .messageLine1" },
  },
  specgate: {
    flowchart: { nodes: "g.node", edges: "path.edge:not(.invisible)" },
    state: { nodes: "g.node, g.note", edges: "path.edge, path.note-link" },
    er: { nodes: "g.entity", edges: "path.relation" },
    class: { nodes: "g.class-box, g.note, g.interface", edges: "path.relation, path.note-link" },
    sequence: { nodes: "g.actor, g.actor-man", edges: "path.message" },
  },
};

// Runs in the page: the SVG is put into a fresh container, measured and removed.
function measure(svg, sel, producer) {
  const host = document.createElement("div");
  host.style.cssText = "position:absolute;left:0;top:0";
  host.innerHTML = svg;
  document.body.appendChild(host);
  try {
    const root = host.querySelector("svg");
    // Outermost matches only (a symbol may nest parts with the same class).
    let nodes = Array.from(root.querySelectorAll(sel.nodes)).filter((n) => !n.parentElement.closest(sel.nodes));
    if (producer === "specgate" && sel.nodes.startsWith("g.actor")) {
      // Drawn at the top and again at the bottom of the lifelines: count each participant once.
      const seen = new Set();
      nodes = nodes.filter((n) => { const k = n.getAttribute("data-id"); if (seen.has(k)) return false; seen.add(k); return true; });
    }
    const centres = {};
    for (const n of nodes) {
      let id = n.getAttribute("data-id");
      if (!id && producer === "mermaid") {
        // id="<svg id>-flowchart-<node id>-<n>"
        const m = /^.*?-flowchart-(.*)-\d+$/.exec(n.getAttribute("id") || "");
        if (m) id = m[1];
      }
      if (!id) continue;
      const r = n.getBoundingClientRect();
      centres[id] = [r.left + r.width / 2, r.top + r.height / 2];
    }
    const edges = Array.from(root.querySelectorAll(sel.edges));
    const edgeIds = edges.map((e) => e.getAttribute("data-id")).filter((x) => x);
    return { nodes: nodes.length, edges: edges.length, centres, edgeIds };
  } finally {
    host.remove();
  }
}

export async function structureOf(page, svg, producer, fam) {
  return page.evaluate(measure, svg, SELECTORS[producer][fam], producer);
}

// The flowchart's direction from its header (TB, TD, BT, LR, RL), or null.
export function flowDirection(source) {
  const m = /^\s*(?:flowchart|graph)(?:[ \t]+(TB|TD|BT|LR|RL))?/m.exec(source.replace(/^\s*---\n[\s\S]*?\n---\s*\n/, "").replace(/^\s*%%.*$/gm, ""));
  return m ? (m[1] || "TB") : null;
}

// Splits an edge id "L_<from>_<to>_<n>" into its ends, using the known node ids (ids may hold '_').
export function edgeEnds(edgeId, nodeIds) {
  const m = /^L_(.*)_\d+$/.exec(edgeId);
  if (!m) return null;
  const body = m[1];
  for (let i = body.indexOf("_"); i >= 0; i = body.indexOf("_", i + 1)) {
    const a = body.slice(0, i), b = body.slice(i + 1);
    if (nodeIds.has(a) && nodeIds.has(b)) return [a, b];
  }
  return null;
}

// Edges that lie on a cycle (both ends in one strongly connected component, or a self loop):
// either layout may reverse them, so their rank order is not judged.
export function cycleEdges(pairs) {
  const adj = new Map();
  for (const [a, b] of pairs) {
    if (!adj.has(a)) adj.set(a, []);
    if (!adj.has(b)) adj.set(b, []);
    adj.get(a).push(b);
  }
  // Tarjan's SCC, iterative.
  let index = 0;
  const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], comp = new Map();
  for (const start of adj.keys()) {
    if (idx.has(start)) continue;
    const work = [[start, 0]];
    idx.set(start, index); low.set(start, index); index++; stack.push(start); onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const succ = adj.get(v);
      if (i < succ.length) {
        top[1]++;
        const w = succ[i];
        if (!idx.has(w)) {
          idx.set(w, index); low.set(w, index); index++; stack.push(w); onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
      } else {
        work.pop();
        if (work.length) { const u = work[work.length - 1][0]; low.set(u, Math.min(low.get(u), low.get(v))); }
        if (low.get(v) === idx.get(v)) {
          let w;
          do { w = stack.pop(); onStack.delete(w); comp.set(w, v); } while (w !== v);
        }
      }
    }
  }
  return new Set(pairs.filter(([a, b]) => a === b || comp.get(a) === comp.get(b)).map(([a, b]) => a + "\u0000" + b));
}

// Per edge judged: does Mermaid's order of source and target along the rank axis (y for TB/TD,
// x for LR, reversed for BT/RL) agree with specgate's? Edges whose ends are not both plain nodes
// in both drawings (edges to subgraphs) and edges on cycles are left out.
export function rankOrder(direction, mer, sg) {
  const axis = direction === "LR" || direction === "RL" ? 0 : 1;
  const sign = direction === "BT" || direction === "RL" ? -1 : 1;
  const ids = new Set(Object.keys(mer.centres).filter((k) => k in sg.centres));
  const pairs = [];
  // Mermaid's edges (both name them L_<from>_<to>_<n>, numbered differently): the order of two
  // nodes is read from their centres in each drawing.
  for (const e of mer.edgeIds) {
    const ends = edgeEnds(e, ids);
    if (ends) pairs.push([...ends, e]);
  }
  const cyc = cycleEdges(pairs.map(([a, b]) => [a, b]));
  const order = (c, a, b) => { const d = sign * (c[b][axis] - c[a][axis]); return Math.abs(d) < 1 ? 0 : Math.sign(d); };
  let agree = 0, disagree = 0, onCycle = 0;
  const disagreeing = [];
  for (const [a, b, e] of pairs) {
    if (cyc.has(a + "\u0000" + b)) { onCycle++; continue; }
    if (order(mer.centres, a, b) === order(sg.centres, a, b)) agree++;
    else { disagree++; disagreeing.push(e); }
  }
  return { agree, disagree, onCycle, disagreeing };
}
