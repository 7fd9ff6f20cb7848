#include <algorithm>

#include "rules/workspace_rule.h"

namespace specgate {

void WorkspaceReporter::report(size_t file, uint32_t line, uint32_t column, uint32_t length, std::string message,
                               std::string hint) {
  WorkspaceFinding f;
  f.file = file;
  Diagnostic& d = f.diagnostic;
  d.rule = std::string(rule_);
  d.line = line == 0 ? 1 : line;
  d.column = column == 0 ? 1 : column;
  d.end_line = d.line;
  d.end_column = d.column + (length == 0 ? 1 : length);
  d.message = std::move(message);
  d.hint = std::move(hint);
  out_.push_back(std::move(f));
}

const SpecIndex* find_spec(const WorkspaceContext& ctx, const std::string& path) {
  auto it = std::lower_bound(ctx.files.begin(), ctx.files.end(), path,
                             [](const SpecIndex& s, const std::string& p) { return s.path < p; });
  return it != ctx.files.end() && it->path == path ? &*it : nullptr;
}

}  // namespace specgate
