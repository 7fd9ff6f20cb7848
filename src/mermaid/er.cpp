#include "mermaid/diagrams.h"
namespace specgate::mermaid {
void validate_er(const Prepared&, std::vector<Diagnostic>&) {}
}
