#include "mermaid/diagrams.h"
namespace specgate::mermaid {
void validate_state(const Prepared&, std::vector<Diagnostic>&) {}
}
