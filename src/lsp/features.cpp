// The language features (completion, hover, definition, references, symbols, rename): helper
// "lsp2" registers their handlers here. Empty until then.
#include "lsp/handlers.h"

namespace specgate::lsp {

void register_features(HandlerTable&) {}

}  // namespace specgate::lsp
