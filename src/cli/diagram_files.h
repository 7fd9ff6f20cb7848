// The diagram files `mermaid` and `render` share: which paths hold diagrams (folders walked as
// 'check' walks them), the diagrams of a Markdown file or a .mmd file with their validation, and
// the mermaid-syntax findings printed the same way by both commands.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/source.h"
#include "mermaid/validator.h"

namespace specgate::cli {

// One diagnostic ready to print: file position and the file line it points into.
struct Shown {
  uint32_t line = 0;
  uint32_t column = 0;
  const mermaid::Diagnostic* diag = nullptr;
  std::string source_line;
};

struct Diagram {
  uint32_t first_line = 1;
  std::string source;  // the diagram's text (a block's content, or the whole .mmd file)
  mermaid::Result result;
  std::vector<Shown> shown;
};

void print_diagram_findings(const std::string& path, const Diagram& d);

// The ```mermaid blocks of a Markdown file, through the document model (the same blocks and
// positions the mermaid-syntax rule reports).
bool markdown_diagrams(const std::string& path, std::vector<Diagram>& out, std::string& error);

// A whole file as one diagram, validated, its findings at file positions.
Diagram file_diagram(const SourceText& src);

bool is_mermaid_file(const std::string& path);

// Folders are taken as 'check' takes them: walked for Mermaid files and Markdown files (hidden
// folders and node_modules skipped), in path order. Other arguments are kept as given.
std::vector<std::string> expand_diagram_paths(const std::vector<std::string>& args);

}  // namespace specgate::cli
