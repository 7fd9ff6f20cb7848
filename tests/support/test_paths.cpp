#include "support/test_paths.h"

namespace specgate::test {

std::string source_dir() { return SPECGATE_SOURCE_DIR; }
std::string binary() { return SPECGATE_BINARY; }

}  // namespace specgate::test
