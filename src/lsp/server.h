// The protocol server: reads JSON-RPC messages from the transport, keeps the lifecycle
// (initialize, initialized, shutdown, exit), answers requests through the handler table, drops
// requests cancelled before their turn, and publishes diagnostics when their debounce expires.
// One thread, one poll(): while nothing arrives and nothing is due, it sleeps.
#pragma once

#include <set>
#include <string>

#include "lsp/handlers.h"
#include "lsp/session.h"
#include "lsp/transport.h"

namespace specgate::lsp {

class Server {
 public:
  Server(Transport& transport, HandlerTable table);

  // Runs until `exit` or the client goes away; returns the process exit status (0 after
  // shutdown + exit, 1 otherwise, as the protocol asks).
  int run();

  Session& session() { return session_; }
  // Handles one message's JSON text; replies and notifications go out through the transport.
  // For tests, and the loop's step.
  void handle_text(const std::string& body);
  bool exited() const { return exited_; }

 private:
  void handle(const Json& message);
  void handle_request(const Json& id, const std::string& method, const Json& params);
  void handle_notification(const std::string& method, const Json& params);
  Json initialize(const Json& params);
  void reply(const Json& id, Json result);
  void reply_error(const Json& id, int code, const std::string& message);
  void send(const Json& message);
  void flush_outgoing();
  void note_cancellations();

  Transport& transport_;
  HandlerTable table_;
  Session session_;
  enum class State { Starting, Running, ShutDown } state_ = State::Starting;
  bool exited_ = false;
  int exit_status_ = 1;
  bool client_gone_ = false;
  // Requests cancelled ($/cancelRequest) that are still queued: answered with an error, not run.
  std::set<std::string> cancelled_;
  size_t scanned_ = 0;  // pending messages already looked at by note_cancellations()
};

// `specgate lsp`: serves on stdin/stdout until the client exits.
int serve_stdio();

}  // namespace specgate::lsp
