#include "lsp/analysis.h"

#include "lsp/project.h"

namespace specgate::lsp {

const Schema* Analysis::schema() const {
  if (!schema_known_) {
    schema_known_ = true;
    if (project != nullptr && !template_name.empty()) schema_ = project->registry.choose(doc, "").schema;
  }
  return schema_;
}

}  // namespace specgate::lsp
