#include "rules/mermaid_blocks.h"

#include <algorithm>

#include "model/normalize.h"

namespace specgate {

bool is_mermaid_block(const CodeBlock& cb) { return iequals(cb.language, "mermaid"); }

namespace {

std::string_view strip_cr(std::string_view s) {
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

// Byte offset of 1-based character column `col` in `s` (clamped to its end).
size_t byte_of_column(std::string_view s, uint32_t col) {
  size_t b = 0;
  for (uint32_t c = 1; c < col && b < s.size(); ++c) b += utf8_seq_len(s, b);
  return std::min(b, s.size());
}

}  // namespace

CheckedDiagram check_mermaid_block(const Document& doc, const CodeBlock& cb) {
  CheckedDiagram out;
  out.block = &cb;
  out.result = mermaid::validate(cb.content);
  std::vector<std::string_view> lines;
  std::string_view content = cb.content;
  for (size_t pos = 0; pos < content.size();) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    lines.push_back(strip_cr(content.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  for (const mermaid::Diagnostic& d : out.result.diagnostics) {
    MermaidFinding f;
    f.diag = &d;
    uint32_t k = d.line > 0 ? d.line - 1 : 0;
    uint32_t col = d.column > 0 ? d.column : 1;
    if (lines.empty()) {
      f.line = cb.line;  // an empty block: its opening fence
      f.column = 1;
      out.findings.push_back(f);
      continue;
    }
    if (k >= lines.size()) {
      // Past the last line ("end of diagram"): the end of the last content line.
      k = static_cast<uint32_t>(lines.size() - 1);
      col = static_cast<uint32_t>(count_chars(lines[k]) + 1);
    }
    std::string_view text = lines[k];
    f.line = cb.content_line + k;
    if (f.line > doc.source.line_count()) f.line = doc.source.line_count();
    std::string_view file_line = strip_cr(doc.source.line(f.line));
    size_t byte = byte_of_column(text, col);
    // The content line is the file line minus what the container and the fence's indentation
    // took from its start, so it is a suffix of the file line.
    if (file_line.size() >= text.size() && file_line.substr(file_line.size() - text.size()) == text) {
      f.column = doc.source.column_of(f.line, file_line.size() - text.size() + byte);
    } else {
      f.column = col;
    }
    // Highlight the offending token when the validator quoted it and it is really there.
    const std::string& found = d.found;
    if (found.size() > 2 && found.front() == '\'' && found.back() == '\'') {
      std::string_view tok = std::string_view(found).substr(1, found.size() - 2);
      if (text.substr(byte, tok.size()) == tok) f.length = static_cast<uint32_t>(std::max<size_t>(1, count_chars(tok)));
    }
    out.findings.push_back(f);
  }
  return out;
}

std::string diagram_family(std::string_view type) {
  if (type == "graph" || type == "flowchart" || type == "flowchart-elk") return "flowchart";
  if (type.size() > 3 && iequals(type.substr(type.size() - 3), "-v2")) type.remove_suffix(3);
  return std::string(type);
}

}  // namespace specgate
