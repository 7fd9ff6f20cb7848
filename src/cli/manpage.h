// specgate.1, generated from the CLI definition (`specgate man`, run by the build).
#pragma once

#include <string>

#include "cli/command_tree.h"

namespace specgate::cli {

// The whole man page in roff (man macros). Each command has a subsection `.SS "PATH"` listing
// its options and arguments, then its --help footer.
std::string man_page(const CommandSpec& root, const std::string& version);

}  // namespace specgate::cli
