#include "cli/app.h"
#include "core/malloc_conf.h"

extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = specgate::kMallocConf;
}

int main(int argc, char** argv) { return specgate::cli::run(argc, argv); }
