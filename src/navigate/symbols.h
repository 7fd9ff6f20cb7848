// Document symbols (the section tree) and workspace symbols (each spec by its IDs and title).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "navigate/facts.h"
#include "navigate/position.h"

namespace specgate {

struct DocumentSymbol {
  std::string name;    // the heading's text as written
  std::string detail;  // the template section it matched ("template: Risks"), "" when none
  uint8_t level = 1;
  TextRange range;      // the heading line to the section's last line
  TextRange selection;  // the heading's text
  std::vector<DocumentSymbol> children;
};

std::vector<DocumentSymbol> document_symbols(const DocumentFacts& facts);

enum class SymbolKind { SpecId, Title };

struct WorkspaceSymbol {
  std::string name;       // "TASK-12: Add retry budget", or the title of a spec without an ID
  std::string container;  // the spec's path
  SymbolKind kind = SymbolKind::SpecId;
  FileRange location;
  std::string head;  // the location's line up to its end (SpecId::head)
};

// Specs whose ID or title holds `query` (ASCII case ignored; "" matches all), IDs in reading
// order, at most `limit`.
std::vector<WorkspaceSymbol> workspace_symbols(const SpecDirectory& specs, std::string_view query, size_t limit = 500);

}  // namespace specgate
