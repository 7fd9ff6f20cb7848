#include "cli/command_tree.h"

#include <CLI/CLI.hpp>

#include <cctype>

namespace specgate::cli {

namespace {

// CLI11 shows an IsMember check as "TEXT:{a,b,c}" in the type name; that list is the only
// place the allowed values are kept.
std::vector<std::string> choices_of(const CLI::Option& opt) {
  std::vector<std::string> out;
  std::string type = opt.get_type_name();
  size_t open = type.find('{');
  size_t close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string list = type.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

CommandSpec describe(const CLI::App& app, const std::string& parent_path) {
  CommandSpec c;
  c.name = app.get_name();
  c.path = parent_path.empty() ? c.name : parent_path + " " + c.name;
  c.description = app.get_description();
  c.footer = app.get_footer();
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional()) {
      OptionSpec o;
      for (const auto& s : opt->get_snames()) o.shorts.push_back("-" + s);
      for (const auto& l : opt->get_lnames()) o.longs.push_back("--" + l);
      // A flag expects no value (CLI11 sets expected(0) for add_flag).
      if (opt->get_expected_max() != 0) {
        o.value_name = upper(opt->get_lnames().empty() ? opt->get_snames().front() : opt->get_lnames().front());
        o.choices = choices_of(*opt);
        o.default_value = opt->get_default_str();
      }
      o.description = opt->get_description();
      c.options.push_back(std::move(o));
    } else {
      PositionalSpec p;
      p.name = opt->get_name(true);
      p.description = opt->get_description();
      p.choices = choices_of(*opt);
      p.many = opt->get_items_expected_max() > 1;
      p.required = opt->get_required();
      c.positionals.push_back(std::move(p));
    }
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
    c.subcommands.push_back(describe(*sub, c.path));
  return c;
}

}  // namespace

CommandSpec describe_command(const CLI::App& app) { return describe(app, ""); }

std::vector<std::string> option_names(const CommandSpec& command) {
  std::vector<std::string> out;
  for (const auto& o : command.options) {
    out.insert(out.end(), o.shorts.begin(), o.shorts.end());
    out.insert(out.end(), o.longs.begin(), o.longs.end());
  }
  return out;
}

std::vector<std::string> value_option_names(const CommandSpec& command) {
  std::vector<std::string> out;
  for (const auto& o : command.options) {
    if (o.value_name.empty()) continue;
    out.insert(out.end(), o.shorts.begin(), o.shorts.end());
    out.insert(out.end(), o.longs.begin(), o.longs.end());
  }
  return out;
}

}  // namespace specgate::cli
