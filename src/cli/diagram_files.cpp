#include "cli/diagram_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "core/markdown_path.h"
#include "model/load.h"
#include "report/excerpt.h"
#include "rules/mermaid_blocks.h"

namespace specgate::cli {

void print_diagram_findings(const std::string& path, const Diagram& d) {
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

bool markdown_diagrams(const std::string& path, std::vector<Diagram>& out, std::string& error) {
  std::optional<Document> doc = load_document(path, error);
  if (!doc) return false;
  for (const CodeBlock& cb : doc->code_blocks) {
    if (!is_mermaid_block(cb)) continue;
    CheckedDiagram cd = check_mermaid_block(*doc, cb);
    Diagram d;
    d.first_line = cb.content_line ? cb.content_line : cb.line + 1;
    d.source = cb.content;
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

std::vector<std::string> expand_diagram_paths(const std::vector<std::string>& args) {
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

Diagram file_diagram(const SourceText& src) {
  Diagram d;
  d.source = std::string(src.text());
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
  return d;
}

}  // namespace specgate::cli
