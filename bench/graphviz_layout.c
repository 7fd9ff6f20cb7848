/* Graphviz's dot on the graph BM_Layout200Nodes lays out (a random tree of N nodes plus an edge
 * for every fourth node, 72x36 px boxes), for the layout decision in docs/rendering.md. Not
 * built by default (the product does not link Graphviz):
 *   cc -O2 bench/graphviz_layout.c $(pkg-config --cflags --libs libgvc) -o /tmp/gvl
 *   /tmp/gvl 200; /tmp/gvl 10
 * Prints the time of gvLayout for 5 runs (the first includes loading plugins). */
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200;
  GVC_t* gvc = gvContext();
  for (int rep = 0; rep < 5; rep++) {
    double t0 = now_ms();
    Agraph_t* g = agopen("g", Agdirected, 0);
    agattr(g, AGNODE, "shape", "box");
    agattr(g, AGNODE, "width", "1");
    agattr(g, AGNODE, "height", "0.5");
    agattr(g, AGNODE, "fixedsize", "true");
    Agnode_t** ns = malloc(sizeof(*ns) * n);
    char b[32];
    unsigned x = 1;
    for (int i = 0; i < n; i++) {
      sprintf(b, "n%d", i);
      ns[i] = agnode(g, b, 1);
    }
    for (int i = 1; i < n; i++) {
      x = x * 1103515245u + 12345u;
      agedge(g, ns[((x >> 16) & 0x7fff) % i], ns[i], 0, 1);
      if (i % 4 == 0) {
        x = x * 1103515245u + 12345u;
        agedge(g, ns[((x >> 16) & 0x7fff) % i], ns[i], 0, 1);
      }
    }
    gvLayout(gvc, g, "dot");
    printf("n=%d dot layout %.2f ms\n", n, now_ms() - t0);
    gvFreeLayout(gvc, g);
    agclose(g);
    free(ns);
  }
  gvFreeContext(gvc);
  return 0;
}
