// specgate mermaid FILE... : validates .mmd files and the ```mermaid blocks of Markdown files.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "core/file_io.h"
#include "core/source.h"
#include "mermaid/validator.h"
#include "report/excerpt.h"

namespace specgate::cli {
namespace {

struct Block {
  uint32_t first_line = 0;  // file line of the diagram's first line
  std::string text;
};

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// A small fence scanner (to be replaced by the document model): ``` or ~~~ fences, up to three
// spaces of indentation, info string "mermaid"; a closing fence uses the same character and is
// at least as long. An unclosed block runs to the end of the file, as in CommonMark.
std::vector<Block> mermaid_blocks(const SourceText& src) {
  std::vector<Block> out;
  uint32_t n = src.line_count();
  for (uint32_t l = 1; l <= n; ++l) {
    std::string_view line = src.line(l);
    if (l == 1 && line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    size_t ind = 0;
    while (ind < line.size() && ind < 4 && line[ind] == ' ') ++ind;
    if (ind > 3 || ind >= line.size()) continue;
    char f = line[ind];
    if (f != '`' && f != '~') continue;
    size_t run = ind;
    while (run < line.size() && line[run] == f) ++run;
    size_t len = run - ind;
    if (len < 3) continue;
    std::string_view info = line.substr(run);
    while (!info.empty() && (info.front() == ' ' || info.front() == '\t')) info.remove_prefix(1);
    size_t word = 0;
    while (word < info.size() && info[word] != ' ' && info[word] != '\t' && info[word] != '{') ++word;
    bool is_mermaid = info.substr(0, word) == "mermaid";
    if (f == '`' && info.find('`') != std::string_view::npos) continue;
    uint32_t close = n + 1;
    for (uint32_t k = l + 1; k <= n; ++k) {
      std::string_view c = src.line(k);
      size_t ci = 0;
      while (ci < c.size() && ci < 4 && c[ci] == ' ') ++ci;
      if (ci > 3) continue;
      size_t cr = ci;
      while (cr < c.size() && c[cr] == f) ++cr;
      if (cr - ci < len) continue;
      std::string_view rest = c.substr(cr);
      bool blank = true;
      for (char ch : rest) blank = blank && (ch == ' ' || ch == '\t');
      if (blank) {
        close = k;
        break;
      }
    }
    if (is_mermaid) {
      Block b;
      b.first_line = l + 1;
      for (uint32_t k = l + 1; k < close && k <= n; ++k) {
        std::string_view c = src.line(k);
        // Strip the fence's indentation from content lines, as CommonMark does.
        size_t strip = 0;
        while (strip < ind && strip < c.size() && c[strip] == ' ') ++strip;
        b.text.append(c.substr(strip));
        b.text += '\n';
      }
      out.push_back(std::move(b));
    }
    l = close;
  }
  return out;
}

struct Diagram {
  uint32_t first_line = 1;
  mermaid::Result result;
  std::vector<std::string> lines;  // diagram lines, for the caret display
};

void print_text(const std::string& path, const Diagram& d, uint32_t indent) {
  for (const auto& diag : d.result.diagnostics) {
    uint32_t line = d.first_line + diag.line - 1;
    std::printf("%s:%u:%u: error: %s [mermaid-syntax]\n", path.c_str(), line, diag.column + indent,
                diag.message.c_str());
    if (diag.line >= 1 && diag.line <= d.lines.size()) {
      // The shared excerpt: a window around the caret on long lines, tabs expanded, control
      // characters (terminal escapes) replaced.
      const report::Excerpt ex = report::render_excerpt(d.lines[diag.line - 1], diag.column, 0);
      std::printf("  %s\n  %s\n", ex.text.c_str(), ex.marker.c_str());
    }
    if (!diag.hint.empty()) std::printf("  hint: %s\n", diag.hint.c_str());
  }
}

}  // namespace

void register_mermaid(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand("mermaid", "Validate Mermaid diagrams (.mmd files, ```mermaid blocks in .md)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  sub->add_option("files", *files, "Files to check (.mmd, .md)")->required();
  sub->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub->callback([files, format, &exit_code]() {
    bool any_invalid = false, unreadable = false;
    nlohmann::ordered_json jfiles = nlohmann::ordered_json::array();
    for (const std::string& path : *files) {
      auto bytes = read_file(path, kMaxMarkdownBytes);
      if (!bytes.ok) {
        std::fprintf(stderr, "specgate: %s: %s\n", path.c_str(), bytes.error.c_str());
        unreadable = true;
        continue;
      }
      SourceText src(path, std::move(bytes.bytes));
      std::vector<Diagram> diagrams;
      bool markdown = ends_with(path, ".md") || ends_with(path, ".markdown");
      std::vector<uint32_t> indents;
      if (markdown) {
        for (Block& b : mermaid_blocks(src)) {
          Diagram d;
          d.first_line = b.first_line;
          d.result = mermaid::validate(b.text);
          size_t pos = 0;
          while (pos < b.text.size()) {
            size_t e = b.text.find('\n', pos);
            if (e == std::string::npos) e = b.text.size();
            d.lines.emplace_back(b.text.substr(pos, e - pos));
            pos = e + 1;
          }
          diagrams.push_back(std::move(d));
        }
      } else {
        Diagram d;
        d.result = mermaid::validate(src.text());
        for (uint32_t l = 1; l <= src.line_count(); ++l) d.lines.emplace_back(src.line(l));
        if (!d.lines.empty() && d.lines[0].rfind("\xEF\xBB\xBF", 0) == 0) d.lines[0].erase(0, 3);
        diagrams.push_back(std::move(d));
      }
      bool file_valid = true;
      nlohmann::ordered_json jd = nlohmann::ordered_json::array();
      for (const Diagram& d : diagrams) {
        file_valid = file_valid && d.result.valid;
        if (*format == "text") {
          print_text(path, d, 0);
        }
        nlohmann::ordered_json diags = nlohmann::ordered_json::array();
        for (const auto& x : d.result.diagnostics) {
          diags.push_back({{"line", d.first_line + x.line - 1}, {"column", x.column}, {"message", x.message},
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
      std::printf("%s\n", root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    exit_code = unreadable ? 2 : any_invalid ? 1 : 0;
  });
}

}  // namespace specgate::cli
