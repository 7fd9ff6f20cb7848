// specgate render FILE... : draws every Mermaid diagram of .mmd files and Markdown files as SVG
// or PNG, natively (src/render), into DIR/<file stem>-<n>.<ext>, n counting the file's diagrams
// from 1. All diagrams are drawn in memory first: when one is invalid its mermaid-syntax
// finding is printed, the exit code is 1 and nothing is written, so a run never leaves half a
// set of pictures behind; each file is then written atomically.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/diagram_files.h"
#include "core/file_io.h"
#include "core/markdown_path.h"
#include "core/source.h"
#include "render/png.h"
#include "render/render.h"

namespace specgate::cli {
namespace {

struct Output {
  std::string path;
  std::string bytes;
};

render::Theme theme_of(const std::string& t) {
  return t == "dark" ? render::Theme::Dark : t == "neutral" ? render::Theme::Neutral : render::Theme::Default;
}

}  // namespace

void register_render(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand("render", "Draw Mermaid diagrams as SVG or PNG, natively (no browser)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("svg");
  auto out = std::make_shared<std::string>(".");
  auto theme = std::make_shared<std::string>("default");
  sub->add_option("PATH", *files, "Files or folders (.mmd, .mermaid, Markdown)")->required();
  add_format_option(*sub, *format, "Image format")->check(CLI::IsMember({"svg", "png"}));
  sub->add_option("-o,--out", *out, "Folder to write DIR/<file stem>-<n>.<format> into, or - for stdout (one diagram)");
  sub->add_option("--theme", *theme, "Colours, as Mermaid's themes")->check(CLI::IsMember({"default", "neutral", "dark"}));
  sub->footer(
      "Every ```mermaid block of a Markdown file and every .mmd file becomes DIR/<stem>-<n>.svg\n"
      "(or .png), n counting the file's diagrams from 1. An invalid diagram is not drawn: its\n"
      "mermaid-syntax finding is printed, the exit code is 1 and no file is written. A diagram\n"
      "type not drawn yet is skipped with a note. Folders are walked as 'check' walks them.\n"
      "Drawn: flowchart/graph and stateDiagram (docs/rendering.md).\n\n"
      "Examples:\n"
      "  specgate render docs/design.md --out build/diagrams\n"
      "  specgate render diagrams/ --format png --theme neutral --out build/png\n"
      "  specgate render flow.mmd --out - > flow.svg");
  sub->callback([files, format, out, theme, &exit_code]() {
    bool invalid = false, cannot = false;
    std::vector<Output> outputs;
    render::Options options;
    options.theme = theme_of(*theme);
    const bool to_stdout = *out == "-";
    for (const std::string& path : expand_diagram_paths(*files)) {
      auto bytes = read_file(path, kMaxMarkdownBytes);
      if (!bytes.ok) {
        std::fprintf(stderr, "specgate: %s: %s\n", path.c_str(), bytes.error.c_str());
        cannot = true;
        continue;
      }
      std::vector<Diagram> diagrams;
      if (is_markdown_path(path)) {
        std::string error;
        if (!markdown_diagrams(path, diagrams, error)) {
          std::fprintf(stderr, "specgate: %s\n", error.c_str());
          cannot = true;
          continue;
        }
      } else {
        SourceText src(path, std::move(bytes.bytes));
        diagrams.push_back(file_diagram(src));
      }
      const std::string stem = std::filesystem::path(path).stem().string();
      for (size_t n = 0; n < diagrams.size(); ++n) {
        const Diagram& d = diagrams[n];
        if (!d.result.valid) {
          print_diagram_findings(path, d);
          invalid = true;
          continue;
        }
        options.id = "specgate-" + stem + "-" + std::to_string(n + 1);
        render::RenderResult r = render::render_svg(d.source, options);
        if (!r.valid) {  // validated above; kept so a disagreement can never write a picture
          invalid = true;
          continue;
        }
        if (!r.drawn()) {
          std::fprintf(stderr, "specgate: note: %s:%u: %s\n", path.c_str(), d.first_line, r.note.c_str());
          continue;
        }
        Output o;
        o.path = (std::filesystem::path(*out) / (stem + "-" + std::to_string(n + 1) + "." + *format)).string();
        if (*format == "png") {
          std::string error;
          auto png = render::svg_to_png(r.svg, 1.0, error);
          if (!png) {
            std::fprintf(stderr, "specgate: %s:%u: cannot make the PNG: %s\n", path.c_str(), d.first_line, error.c_str());
            cannot = true;
            continue;
          }
          o.bytes = std::move(*png);
        } else {
          o.bytes = std::move(r.svg);
        }
        outputs.push_back(std::move(o));
      }
    }
    if (invalid || cannot) {
      exit_code = cannot ? 2 : 1;
      return;
    }
    if (to_stdout) {
      if (outputs.size() != 1) {
        std::fprintf(stderr, "specgate: --out - writes one diagram to stdout, and %zu were drawn\n", outputs.size());
        exit_code = 2;
        return;
      }
      std::fwrite(outputs[0].bytes.data(), 1, outputs[0].bytes.size(), stdout);
      exit_code = 0;
      return;
    }
    std::error_code ec;
    std::filesystem::create_directories(*out, ec);
    WriteOptions wo;
    wo.overwrite = true;
    for (const Output& o : outputs) {
      if (auto err = write_file_atomic(o.path, o.bytes, wo)) {
        std::fprintf(stderr, "specgate: %s: %s\n", o.path.c_str(), err->c_str());
        exit_code = 2;
        return;
      }
    }
    exit_code = 0;
  });
}

}  // namespace specgate::cli
