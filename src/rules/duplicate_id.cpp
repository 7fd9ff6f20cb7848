// duplicate-id: two specs declare the same ID. Reported at every declaration, naming the others.
#include <map>

#include "rules/cross_document_messages.h"
#include "rules/workspace_rule.h"

namespace specgate {

namespace {

class DuplicateId : public WorkspaceRule {
 public:
  std::string_view name() const override { return "duplicate-id"; }
  std::string_view summary() const override { return "Two specs declare the same ID"; }

  void check(const WorkspaceContext& ctx, WorkspaceReporter& out) const override {
    struct Place {
      size_t file;
      const IdDeclaration* decl;
    };
    std::map<std::string, std::vector<Place>> by_id;
    for (size_t f = 0; f < ctx.files.size(); ++f) {
      for (const auto& d : ctx.files[f].ids) by_id[d.id].push_back({f, &d});
    }
    for (const auto& [id, places] : by_id) {
      if (places.size() < 2) continue;
      for (const auto& p : places) {
        cross_document::OtherDeclarations others(places.size() - 1);
        for (const auto& q : places) {
          if (others.full()) break;
          if (q.file != p.file) others.add(ctx.files[q.file].path, *q.decl);
        }
        cross_document::report_duplicate_id(out, p.file, *p.decl, others);
      }
    }
  }
};

}  // namespace

std::unique_ptr<WorkspaceRule> make_duplicate_id() { return std::make_unique<DuplicateId>(); }

}  // namespace specgate
