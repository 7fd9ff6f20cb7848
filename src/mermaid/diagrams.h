// One validator per diagram type. Each reads the prepared text (which starts at the header) and
// appends at most one diagnostic: Mermaid stops at the first error, and so do we.
#pragma once

#include <vector>

#include "mermaid/scan.h"

namespace specgate::mermaid {

using DiagramValidator = void (*)(const Prepared& p, std::vector<Diagnostic>& out);

void validate_flowchart(const Prepared& p, std::vector<Diagnostic>& out);
void validate_sequence(const Prepared& p, std::vector<Diagnostic>& out);
void validate_er(const Prepared& p, std::vector<Diagnostic>& out);
void validate_state(const Prepared& p, std::vector<Diagnostic>& out);
void validate_class(const Prepared& p, std::vector<Diagnostic>& out);

}  // namespace specgate::mermaid
