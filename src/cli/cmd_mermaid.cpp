// specgate mermaid FILE... : validates .mmd files and the ```mermaid blocks of Markdown files.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/diagram_files.h"
#include "core/file_io.h"
#include "core/markdown_path.h"
#include "core/source.h"
#include "mermaid/validator.h"
#include "model/load.h"
#include "rules/mermaid_blocks.h"
#include "report/excerpt.h"

namespace specgate::cli {

void register_mermaid(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand("mermaid", "Validate Mermaid diagrams (.mmd files, ```mermaid blocks in .md)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  sub->add_option("PATH", *files, "Files or folders to check (.mmd, .mermaid, Markdown)")->required();
  sub->footer(
      "A .mmd or .mermaid file is one diagram; a Markdown file (.md, .markdown, ...) is checked\n"
      "block by block (```mermaid); any other file is read as one diagram, with a note saying so.\n"
      "Folders are walked for both kinds, as 'check' walks them.");
  add_format_option(*sub, *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub->callback([files, format, &exit_code]() {
    bool any_invalid = false, unreadable = false;
    nlohmann::ordered_json jfiles = nlohmann::ordered_json::array();
    for (const std::string& path : expand_diagram_paths(*files)) {
      auto bytes = read_file(path, kMaxMarkdownBytes);
      if (!bytes.ok) {
        std::fprintf(stderr, "specgate: %s: %s\n", path.c_str(), bytes.error.c_str());
        unreadable = true;
        continue;
      }
      std::vector<Diagram> diagrams;
      bool markdown = is_markdown_path(path);
      if (markdown) {
        std::string error;
        if (!markdown_diagrams(path, diagrams, error)) {
          // load_document's errors already name the file.
          std::fprintf(stderr, "specgate: %s\n", error.c_str());
          unreadable = true;
          continue;
        }
      } else {
        if (!is_mermaid_file(path))
          std::fprintf(stderr, "specgate: note: %s is not a .mmd or Markdown file; it is checked as one Mermaid diagram\n",
                       path.c_str());
        SourceText src(path, std::move(bytes.bytes));
        diagrams.push_back(file_diagram(src));
      }
      bool file_valid = true;
      nlohmann::ordered_json jd = nlohmann::ordered_json::array();
      for (const Diagram& d : diagrams) {
        file_valid = file_valid && d.result.valid;
        if (*format == "text") print_diagram_findings(path, d);
        nlohmann::ordered_json diags = nlohmann::ordered_json::array();
        for (const Shown& s : d.shown) {
          const mermaid::Diagnostic& x = *s.diag;
          diags.push_back({{"line", s.line}, {"column", s.column}, {"message", x.message},
                           {"found", x.found}, {"expected", x.expected}, {"hint", x.hint}});
        }
        jd.push_back({{"line", d.first_line}, {"type", d.result.type}, {"valid", d.result.valid},
                      {"validated", d.result.validated}, {"diagnostics", diags}});
      }
      any_invalid = any_invalid || !file_valid;
      jfiles.push_back({{"path", path}, {"valid", file_valid}, {"diagrams", jd}});
    }
    if (*format == "json") {
      nlohmann::ordered_json root = {{"files", jfiles}};
      // Diagrams may hold invalid UTF-8; JSON output must not fail on it.
      std::printf("%s\n", root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    }
    exit_code = unreadable ? 2 : any_invalid ? 1 : 0;
  });
}

}  // namespace specgate::cli
