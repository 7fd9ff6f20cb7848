// Work done progress ($/progress) for long work the server starts itself (the cold index): shown
// by clients that announce window.workDoneProgress, begun before the work and ended after it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace specgate::lsp {

class Session;

// Runs `work` with a progress report titled `title` around it when the client supports them;
// `work` returns the closing message ("1204 specs"). The begin notification reaches the client
// before the work starts: the work runs after the current message's replies are sent.
void with_progress(Session& s, const std::string& title, std::function<std::string()> work);

// The closing message of an index: "1 spec indexed", "40 specs indexed".
std::string indexed_message(size_t specs);

}  // namespace specgate::lsp
