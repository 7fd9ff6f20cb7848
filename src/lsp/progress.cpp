#include "lsp/progress.h"

#include "lsp/session.h"

namespace specgate::lsp {

namespace {

bool client_shows_progress(const Session& s) {
  const Json& caps = s.client_capabilities();
  const auto w = caps.find("window");
  return w != caps.end() && w->is_object() && w->value("workDoneProgress", false);
}

}  // namespace

void with_progress(Session& s, const std::string& title, std::function<std::string()> work) {
  if (!client_shows_progress(s)) {
    work();
    return;
  }
  static int next = 1;
  const std::string token = "specgate-progress-" + std::to_string(next++);
  // The client makes the token when it reads the request, before the notifications behind it.
  s.request("window/workDoneProgress/create", {{"token", token}});
  s.notify("$/progress", {{"token", token}, {"value", {{"kind", "begin"}, {"title", title}, {"cancellable", false}}}});
  s.defer([&s, token, work = std::move(work)] {
    const std::string done = work();
    s.notify("$/progress", {{"token", token}, {"value", {{"kind", "end"}, {"message", done}}}});
  });
}

std::string indexed_message(size_t specs) {
  return std::to_string(specs) + (specs == 1 ? " spec indexed" : " specs indexed");
}

}  // namespace specgate::lsp
