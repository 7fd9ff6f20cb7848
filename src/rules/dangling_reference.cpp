// dangling-reference: a spec refers to an ID of a configured family that no spec in the run
// declares. Silent on single-file runs (they cannot know what exists), and for families the run
// declares no ID of at all: those specs live elsewhere (another repository, the issue tracker).
#include <set>

#include "rules/cross_document_messages.h"
#include "rules/workspace_rule.h"
#include "spec/ids.h"

namespace specgate {

namespace {

class DanglingReference : public WorkspaceRule {
 public:
  std::string_view name() const override { return "dangling-reference"; }
  std::string_view summary() const override { return "A referenced spec ID is declared by no spec in the run"; }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const WorkspaceContext& ctx, WorkspaceReporter& out) const override {
    if (!ctx.complete) return;
    std::set<std::string> declared, families;
    for (const auto& f : ctx.files) {
      for (const auto& d : f.ids) {
        declared.insert(d.id);
        std::string fam = id_family(d.id, ctx.config.id_families);
        if (!fam.empty()) families.insert(fam);
      }
    }
    for (size_t i = 0; i < ctx.files.size(); ++i) {
      for (const auto& r : ctx.files[i].refs) {
        if (declared.count(r.id)) continue;
        const std::string fam = id_family(r.id, ctx.config.id_families);
        if (fam.empty() || !families.count(fam)) continue;
        cross_document::report_dangling_reference(out, i, r);
      }
    }
  }
};

}  // namespace

std::unique_ptr<WorkspaceRule> make_dangling_reference() { return std::make_unique<DanglingReference>(); }

}  // namespace specgate
