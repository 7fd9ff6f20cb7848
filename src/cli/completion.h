// Shell completion scripts generated from the CLI definition (`specgate completion SHELL`).
#pragma once

#include <string>
#include <vector>

#include "cli/command_tree.h"

namespace specgate::cli {

// The shells there is a generator for, in the order `completion --help` lists them.
const std::vector<std::string>& completion_shells();
// The script for `shell` (one of completion_shells()); empty for an unknown shell.
std::string completion_script(const CommandSpec& root, const std::string& shell);

}  // namespace specgate::cli
