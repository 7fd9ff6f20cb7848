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
#include "core/file_io.h"
#include "core/markdown_path.h"
#include "core/source.h"
#include "mermaid/validator.h"
#include "model/load.h"
#include "rules/mermaid_blocks.h"
#include "report/excerpt.h"

namespace specgate::cli {
namespace {

// One diagnostic ready to print: file position and the file line it points into.
struct Shown {
  uint32_t line = 0;
  uint32_t column = 0;
  const mermaid::Diagnostic* diag = nullptr;
  std::string source_line;
};

struct Diagram {
  uint32_t first_line = 1;
  mermaid::Result result;
  std::vector<Shown> shown;
};

void print_text(const std::string& path, const Diagram& d) {
  for (const Shown& s : d.shown) {
    std::printf("%s:%u:%u: error: %s [mermaid-syntax]\n", path.c_str(), s.line, s.column, s.diag->message.c_str());
    if (s.line >= 1) {
      // The shared excerpt: a window around the caret on long lines, tabs expanded, control
      // characters (terminal escapes) replaced.
      const report::Excerpt ex = report::render_excerpt(s.source_line, s.column, 0);
      std::printf("  %s\n  %s\n", ex.text.c_str(), ex.marker.c_str());
    }
    if (!s.diag->hint.empty()) std::printf("  hint: %s\n", s.diag->hint.c_str());
  }
}

// The ```mermaid blocks of a Markdown file, through the document model (the same blocks and
// positions the mermaid-syntax rule reports).
bool markdown_diagrams(const std::string& path, std::vector<Diagram>& out, std::string& error) {
  std::optional<Document> doc = load_document(path, error);
  if (!doc) return false;
  for (const CodeBlock& cb : doc->code_blocks) {
    if (!is_mermaid_block(cb)) continue;
    CheckedDiagram cd = check_mermaid_block(*doc, cb);
    Diagram d;
    d.first_line = cb.content_line ? cb.content_line : cb.line + 1;
    d.result = std::move(cd.result);
    for (size_t i = 0; i < cd.findings.size(); ++i) {
      Shown s;
      s.line = cd.findings[i].line;
      s.column = cd.findings[i].column;
      s.diag = &d.result.diagnostics[i];
      std::string_view l = doc->source.line(s.line);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      s.source_line = std::string(l);
      d.shown.push_back(std::move(s));
    }
    out.push_back(std::move(d));
  }
  return true;
}

bool is_mermaid_file(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".mmd" || ext == ".mermaid";
}

// Folders are taken as 'check' takes them: walked for Mermaid files and Markdown files (hidden
// folders and node_modules skipped), in path order. Other arguments are kept as given.
std::vector<std::string> expand_folders(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      out.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec)) {
        if (name.empty() || name[0] == '.' || name == "node_modules") it.disable_recursion_pending();
        continue;
      }
      const std::string p = it->path().lexically_normal().string();
      if (is_mermaid_file(p) || is_markdown_path(p)) found.push_back(p);
    }
    if (ec) found.push_back(arg);  // read_file reports why
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace

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
    for (const std::string& path : expand_folders(*files)) {
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
        Diagram d;
        d.result = mermaid::validate(src.text());
        for (const auto& x : d.result.diagnostics) {
          Shown s;
          s.line = x.line;
          s.column = x.column;
          s.diag = &x;
          if (x.line >= 1 && x.line <= src.line_count()) {
            std::string_view l = src.line(x.line);
            if (x.line == 1 && l.rfind("\xEF\xBB\xBF", 0) == 0) l.remove_prefix(3);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            s.source_line = std::string(l);
          }
          d.shown.push_back(std::move(s));
        }
        diagrams.push_back(std::move(d));
      }
      bool file_valid = true;
      nlohmann::ordered_json jd = nlohmann::ordered_json::array();
      for (const Diagram& d : diagrams) {
        file_valid = file_valid && d.result.valid;
        if (*format == "text") print_text(path, d);
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
