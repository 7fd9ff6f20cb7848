// The ```mermaid blocks of a document, validated, with each diagnostic mapped from the diagram's
// own line/column to the file's (indented fences, list items and quotes included). Shared by the
// mermaid-syntax rule and the `specgate mermaid` command so both report the same positions.
#pragma once

#include <string>
#include <vector>

#include "mermaid/validator.h"
#include "model/document.h"

namespace specgate {

bool is_mermaid_block(const CodeBlock& cb);

struct MermaidFinding {
  uint32_t line = 0;    // file line
  uint32_t column = 0;  // file column, characters
  uint32_t length = 1;  // characters to highlight
  const mermaid::Diagnostic* diag = nullptr;
};

struct CheckedDiagram {
  const CodeBlock* block = nullptr;
  mermaid::Result result;
  std::vector<MermaidFinding> findings;  // one per result.diagnostics entry, same order
};

CheckedDiagram check_mermaid_block(const Document& doc, const CodeBlock& cb);

// The diagram family of a header word: "stateDiagram-v2" -> "stateDiagram", "graph" ->
// "flowchart", "classDiagram-v2" -> "classDiagram"; other types are their own family.
std::string diagram_family(std::string_view type);

}  // namespace specgate
