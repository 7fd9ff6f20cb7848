// duplicate-id: two specs declare the same ID. Reported at every declaration, naming the others.
#include <map>

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
        std::string others;
        size_t listed = 0;
        for (const auto& q : places) {
          if (q.file == p.file) continue;
          if (listed == 3) {
            others += " and " + std::to_string(places.size() - 1 - listed) + " more";
            break;
          }
          others += (listed ? ", " : "") + ctx.files[q.file].path + ":" + std::to_string(q.decl->line) + " (" +
                    std::string(id_source_name(q.decl->source)) + ")";
          ++listed;
        }
        out.report(p.file, p.decl->line, p.decl->column, p.decl->length,
                   "ID '" + id + "' (" + std::string(id_source_name(p.decl->source)) + ") is also declared by " + others,
                   "give each spec its own ID; references to '" + id + "' cannot tell these specs apart");
      }
    }
  }
};

}  // namespace

std::unique_ptr<WorkspaceRule> make_duplicate_id() { return std::make_unique<DuplicateId>(); }

}  // namespace specgate
