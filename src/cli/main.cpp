#include "cli/app.h"

// jemalloc's options, read when it starts (a C library malloc ignores the symbol; MALLOC_CONF
// still overrides). Transparent huge pages for its extents: a 14 MB spec builds ~270 MB of
// model and findings, and on a VM each 4 KB page's first touch is a costly fault (190,000 of
// them: 40% of that run's CPU). With 2 MB pages that run takes less than half the time, and
// small runs lose nothing (peak RSS grows by a few MB). docs/performance.md, sixth round.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "thp:always";
}

int main(int argc, char** argv) { return specgate::cli::run(argc, argv); }
