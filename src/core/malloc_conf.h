// jemalloc's options for the specgate binary and its benchmarks (each defines jemalloc's
// `malloc_conf` symbol from this; a C library malloc ignores it, and MALLOC_CONF still
// overrides). Transparent huge pages for its extents: a 14 MB spec builds ~280 MB of model and
// findings, and on a VM each 4 KB page's first touch is a costly fault (190,000 of them, ~40% of
// that run's CPU, which made 1,000 copies of a spec cost 14x 100 copies with every stage linear
// in instructions). With 2 MB pages small runs lose nothing but a few MB of peak RSS. Freed
// pages are kept, not handed back to the system as time passes (no decay): a run lasts seconds,
// and a page handed back mid-run is faulted and zeroed again (2 MB at a time) when the next
// large allocation reuses it; a 14 MB spec ran in ~0.65 instead of ~0.9 CPU-s, with peak RSS
// 380 instead of 285 MB (the 1k corpus: 16 and 24 MB with one and two jobs, as before).
// docs/performance.md, sixth round.
#pragma once

namespace specgate {

inline constexpr const char* kMallocConf = "thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1";

}  // namespace specgate
