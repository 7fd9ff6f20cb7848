// One document checked: its model, the template it follows, and every finding (with fixes), for
// the text a client has open or the file on disk. Handlers (diagnostics, code actions, the
// language features) read it; it is rebuilt only when the text or the configuration changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "lsp/positions.h"
#include "model/document.h"

namespace specgate {
struct Schema;
}

namespace specgate::lsp {

struct Project;

struct Analysis {
  explicit Analysis(Document d) : doc(std::move(d)), lines(doc.source.text()) {}
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  std::string uri;
  std::string path;               // local path; also doc.source.path()
  std::optional<int64_t> version; // the open buffer's version; none for a file read from disk
  Document doc;
  LineIndex lines;                // LSP positions over doc.source.text()
  Project* project = nullptr;     // the configuration it was checked under
  std::string template_name;      // "" when no template applies
  std::string status;             // the spec's Status field
  std::string fatal;              // why it could not be checked (an unknown template named), else ""
  // Per-file and cross-document findings, sorted by position, each with its fixes.
  std::vector<Diagnostic> diagnostics;

  // The template's schema, chosen as the checker chose it (null when none applies). Computed
  // on first use: only the language features need it.
  const Schema* schema() const;
  Range range(const Diagnostic& d) const { return diagnostic_range(d, doc.source, lines); }

 private:
  mutable bool schema_known_ = false;
  mutable const Schema* schema_ = nullptr;
};

}  // namespace specgate::lsp
