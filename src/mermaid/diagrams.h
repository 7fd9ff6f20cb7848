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
void validate_gantt(const Prepared& p, std::vector<Diagnostic>& out);
void validate_journey(const Prepared& p, std::vector<Diagnostic>& out);
void validate_pie(const Prepared& p, std::vector<Diagnostic>& out);
void validate_timeline(const Prepared& p, std::vector<Diagnostic>& out);
void validate_mindmap(const Prepared& p, std::vector<Diagnostic>& out);
void validate_sankey(const Prepared& p, std::vector<Diagnostic>& out);
void validate_gitgraph(const Prepared& p, std::vector<Diagnostic>& out);
void validate_state(const Prepared& p, std::vector<Diagnostic>& out);
void validate_class(const Prepared& p, std::vector<Diagnostic>& out);
void validate_requirement(const Prepared& p, std::vector<Diagnostic>& out);
void validate_quadrant(const Prepared& p, std::vector<Diagnostic>& out);
void validate_xychart(const Prepared& p, std::vector<Diagnostic>& out);

}  // namespace specgate::mermaid
