// specgate's side of bench/mermaid/side_by_side.mjs: each Mermaid file rendered to SVG in process
// (render::render_svg, as the site and `render` call it), RUNS times after one warm-up; prints
// "<median µs>\t<file>" per file. In-process, as mermaid.render is timed inside the page.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "render/render.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: render_times RUNS FILE...\n");
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[1]));
  for (int a = 2; a < argc; ++a) {
    std::ifstream in(argv[a], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "render_times: cannot read %s\n", argv[a]);
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string src = ss.str();
    bool drawn = specgate::render::render_svg(src).drawn();  // warm-up
    std::vector<double> us(static_cast<size_t>(runs));
    for (auto& t : us) {
      auto t0 = std::chrono::steady_clock::now();
      drawn = specgate::render::render_svg(src).drawn() && drawn;
      t = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    }
    std::sort(us.begin(), us.end());
    std::printf("%.1f\t%s\t%s\n", us[us.size() / 2], drawn ? "drawn" : "not-drawn", argv[a]);
  }
  return 0;
}
