// The CLI's definition (the CLI11 App tree) as plain data, so the man page and the shell
// completions are generated from the same objects that parse the command line and cannot drift.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace specgate::cli {

struct OptionSpec {
  std::vector<std::string> shorts;   // "-f"
  std::vector<std::string> longs;    // "--format"
  std::string value_name;            // "FORMAT"; empty for a flag
  std::vector<std::string> choices;  // from an IsMember check; empty when any value goes
  std::string default_value;         // shown in --help as "=text"
  std::string description;
};

struct PositionalSpec {
  std::string name;  // "PATH"
  std::string description;
  std::vector<std::string> choices;  // as for options; empty: a path or free text
  bool many = false;  // takes any number of values
  bool required = false;
};

struct CommandSpec {
  std::string name;  // "list"
  std::string path;  // "specgate templates list"
  std::string description;
  std::string footer;  // the --help footer: examples, exit status
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
  std::vector<CommandSpec> subcommands;  // hidden ones (no group) are left out
};

CommandSpec describe_command(const CLI::App& app);

// Every option spelling ("-f", "--format") of a command, in definition order.
std::vector<std::string> option_names(const CommandSpec& command);
// Every option that takes a value, in all its spellings.
std::vector<std::string> value_option_names(const CommandSpec& command);

}  // namespace specgate::cli
