#include "mermaid/diagrams.h"
namespace specgate::mermaid {
void validate_sequence(const Prepared&, std::vector<Diagnostic>&) {}
}
