#include "mermaid/diagrams.h"
namespace specgate::mermaid {
void validate_class(const Prepared&, std::vector<Diagnostic>&) {}
}
