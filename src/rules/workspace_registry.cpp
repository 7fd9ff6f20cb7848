#include <algorithm>

#include "rules/factories.h"
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

const std::vector<std::unique_ptr<WorkspaceRule>>& all_workspace_rules() {
  static const std::vector<std::unique_ptr<WorkspaceRule>> rules = [] {
    std::vector<std::unique_ptr<WorkspaceRule>> r;
    r.push_back(make_duplicate_id());
    r.push_back(make_dangling_reference());
    r.push_back(make_dependency_cycle());
    return r;
  }();
  return rules;
}

const WorkspaceRule* find_workspace_rule(std::string_view name) {
  for (const auto& r : all_workspace_rules()) {
    if (r->name() == name) return r.get();
  }
  return nullptr;
}

}  // namespace specgate
