// `specgate templates list|show|schema`: the templates specgate knows and what it infers.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/common.h"
#include "schema/registry.h"
#include "schema/schema_io.h"

namespace specgate::cli {

namespace {

struct TemplatesArgs {
  std::string config_file;
  std::string format;
  std::string ref;
};

// Every subcommand starts from the config's registry; `body` returns the exit code.
template <class Body>
int with_registry(const TemplatesArgs& a, Body body) {
  auto config = load_run_config(a.config_file, ".");
  if (!config) return 2;
  TemplateRegistry reg(*config);
  return body(reg);
}

}  // namespace

void register_templates(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<TemplatesArgs>();
  auto* sub = app.add_subcommand("templates", "List templates, show one, or print the schema inferred from it");
  sub->require_subcommand(1);
  add_config_option(*sub, a->config_file, "Config file (default: .specgate.yaml found upward)");
  sub->footer(
      "Any Markdown file is a template: specgate infers its sections (required or optional,\n"
      "repeatable), fields and their types, tables, code blocks and document rules. Save the\n"
      "schema, edit it, and use it with 'check --schema FILE' or 'schemas:' in .specgate.yaml.\n\n"
      "Examples:\n"
      "  specgate templates list\n"
      "  specgate templates show task > my-task-template.md\n"
      "  specgate templates schema ./templates/rfc.md --format json");

  auto* list = sub->add_subcommand("list", "List built-in and configured templates");
  // -c is also taken after the subcommand ('templates show NAME -c FILE'), where users put it.
  add_config_option(*list, a->config_file, "Config file (default: .specgate.yaml found upward)");
  add_format_option(*list, a->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list->callback([a, &exit_code] {
    exit_code = with_registry(*a, [&](TemplateRegistry& reg) {
      if (a->format == "json") {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& t : reg.list()) {
          nlohmann::ordered_json j{{"name", t.name}, {"source", t.source}};
          j["path"] = t.path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(t.path);
          j["description"] = t.description;
          arr.push_back(std::move(j));
        }
        std::cout << nlohmann::ordered_json{{"templates", arr}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else {
        for (const auto& t : reg.list()) {
          fmt::print("{:<14} {:<8} {}{}\n", t.name, t.source, t.description, t.path.empty() ? "" : " (" + t.path + ")");
        }
      }
      return 0;
    });
  });

  auto* show = sub->add_subcommand("show", "Print a template's Markdown");
  show->add_option("NAME", a->ref, "Template name or file")->required();
  add_config_option(*show, a->config_file, "Config file (default: .specgate.yaml found upward)");
  show->callback([a, &exit_code] {
    exit_code = with_registry(*a, [&](TemplateRegistry& reg) {
      std::string error;
      auto text = reg.template_text(a->ref, "", error);
      if (!text) {
        fmt::print(stderr, "specgate: {}\n", error);
        return 2;
      }
      std::cout << *text;
      return 0;
    });
  });

  auto* schema = sub->add_subcommand("schema", "Print the schema inferred from a template");
  schema->add_option("NAME", a->ref, "Template name or file")->required();
  add_config_option(*schema, a->config_file, "Config file (default: .specgate.yaml found upward)");
  add_format_option(*schema, a->format, "yaml or json")->check(CLI::IsMember({"yaml", "json"}));
  schema->callback([a, &exit_code] {
    exit_code = with_registry(*a, [&](TemplateRegistry& reg) {
      std::string error;
      const Schema* s = reg.resolve(a->ref, "", error);
      if (!s) {
        fmt::print(stderr, "specgate: {}\n", error);
        return 2;
      }
      if (a->format == "json") std::cout << schema_to_json(*s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      else std::cout << schema_to_yaml(*s);
      return 0;
    });
  });
}

}  // namespace specgate::cli
