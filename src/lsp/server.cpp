#include "lsp/server.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "lsp/uri.h"

namespace specgate::lsp {

const Json& param(const Json& params, const char* key) {
  if (!params.is_object()) throw RpcError(rpc::kInvalidParams, std::string("params must be an object with '") + key + "'");
  auto it = params.find(key);
  if (it == params.end()) throw RpcError(rpc::kInvalidParams, std::string("missing '") + key + "'");
  return *it;
}

std::string param_string(const Json& params, const char* key) {
  const Json& v = param(params, key);
  if (!v.is_string()) throw RpcError(rpc::kInvalidParams, std::string("'") + key + "' must be a string");
  return v.get<std::string>();
}

std::string param_uri(const Json& params) { return param_string(param(params, "textDocument"), "uri"); }

HandlerTable make_handler_table() {
  HandlerTable table;
  register_text_sync(table);
  register_diagnostics(table);
  register_code_actions(table);
  register_features(table);
  register_workspace_folders(table);
  return table;
}

namespace {

// An id as a key for the cancelled set: numbers and strings are distinct ids.
std::string id_key(const Json& id) { return id.dump(); }

}  // namespace

Server::Server(Transport& transport, HandlerTable table) : transport_(transport), table_(std::move(table)) {}

void Server::send(const Json& message) {
  if (client_gone_) return;
  // Invalid UTF-8 from a file on disk is replaced rather than thrown on.
  if (!transport_.send(message.dump(-1, ' ', false, Json::error_handler_t::replace))) client_gone_ = true;
}

void Server::reply(const Json& id, Json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const Json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::flush_outgoing() {
  for (const Json& m : session_.take_outgoing()) send(m);
}

Json Server::initialize(const Json& params) {
  std::vector<std::string> folders;
  if (params.is_object()) {
    if (auto it = params.find("workspaceFolders"); it != params.end() && it->is_array()) {
      for (const Json& f : *it)
        if (f.is_object() && f.contains("uri") && f["uri"].is_string())
          if (auto p = uri_to_path(f["uri"].get<std::string>())) folders.push_back(*p);
    }
    if (folders.empty()) {
      if (auto it = params.find("rootUri"); it != params.end() && it->is_string())
        if (auto p = uri_to_path(it->get<std::string>())) folders.push_back(*p);
    }
    if (auto it = params.find("initializationOptions"); it != params.end()) session_.update_settings(*it);
  }
  Json caps = params.is_object() ? params.value("capabilities", Json::object()) : Json::object();
  // A client that pulls diagnostics gets them that way only; pushing too would show each twice.
  if (caps.is_object() && caps.contains("textDocument") && caps["textDocument"].is_object() &&
      caps["textDocument"].contains("diagnostic"))
    session_.settings().push = false;
  session_.set_client(caps, std::move(folders));

  Json server_caps = table_.capabilities;
  // Folders added or removed later are followed (lsp/folders.cpp).
  server_caps["workspace"] = {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}};
  return {{"capabilities", server_caps}, {"serverInfo", {{"name", "specgate"}, {"version", SPECGATE_VERSION}}}};
}

void Server::handle_text(const std::string& body) {
  Json message;
  try {
    message = Json::parse(body);
  } catch (const Json::exception& e) {
    reply_error(nullptr, rpc::kParseError, std::string("not JSON: ") + e.what());
    return;
  }
  handle(message);
  flush_outgoing();
  // Work a handler left for after its messages went out (progress shown while it runs); still
  // before the next message is read, so no request sees it half done.
  while (session_.run_deferred()) flush_outgoing();
}

void Server::handle(const Json& m) {
  if (m.is_array()) {  // a batch: LSP does not use them, JSON-RPC allows them
    reply_error(nullptr, rpc::kInvalidRequest, "batches are not supported");
    return;
  }
  if (!m.is_object() || !m.contains("jsonrpc") || !m["jsonrpc"].is_string() || m["jsonrpc"].get<std::string>() != "2.0") {
    reply_error(m.is_object() && m.contains("id") ? m["id"] : Json(nullptr), rpc::kInvalidRequest,
                "not a JSON-RPC 2.0 message");
    return;
  }
  const bool has_id = m.contains("id");
  const bool has_method = m.contains("method") && m["method"].is_string();
  if (!has_method) {
    if (has_id && (m.contains("result") || m.contains("error"))) return;  // a reply to our request
    reply_error(has_id ? m["id"] : Json(nullptr), rpc::kInvalidRequest, "a request needs a method");
    return;
  }
  if (has_id && !m["id"].is_string() && !m["id"].is_number_integer()) {
    reply_error(nullptr, rpc::kInvalidRequest, "an id must be a string or an integer");
    return;
  }
  const std::string method = m["method"].get<std::string>();
  const Json params = m.value("params", Json(nullptr));
  if (has_id) handle_request(m["id"], method, params);
  else handle_notification(method, params);
}

void Server::handle_request(const Json& id, const std::string& method, const Json& params) {
  if (cancelled_.erase(id_key(id)) > 0) {
    reply_error(id, rpc::kRequestCancelled, "cancelled");
    return;
  }
  if (method == "initialize") {
    if (state_ != State::Starting) return reply_error(id, rpc::kInvalidRequest, "initialize was already received");
    state_ = State::Running;
    return reply(id, initialize(params));
  }
  if (state_ == State::Starting) return reply_error(id, rpc::kServerNotInitialized, "the server is not initialized");
  if (method == "shutdown") {
    state_ = State::ShutDown;
    return reply(id, nullptr);
  }
  if (state_ == State::ShutDown) return reply_error(id, rpc::kInvalidRequest, "the server is shutting down");
  auto it = table_.requests.find(method);
  if (it == table_.requests.end()) return reply_error(id, rpc::kMethodNotFound, "unknown method: " + method);
  try {
    reply(id, it->second(session_, params));
  } catch (const RpcError& e) {
    reply_error(id, e.code, e.what());
  } catch (const Json::exception& e) {  // params of the wrong type deep inside
    reply_error(id, rpc::kInvalidParams, e.what());
  } catch (const std::exception& e) {
    reply_error(id, rpc::kInternalError, std::string("internal error: ") + e.what());
  }
}

void Server::handle_notification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    exit_status_ = state_ == State::ShutDown ? 0 : 1;
    return;
  }
  if (method == "$/cancelRequest") {
    if (params.is_object() && params.contains("id")) cancelled_.insert(id_key(params["id"]));
    return;
  }
  if (state_ != State::Running) return;  // before initialize or after shutdown: dropped
  auto it = table_.notifications.find(method);
  if (it == table_.notifications.end()) return;  // "$/..." and unknown notifications are ignored
  try {
    it->second(session_, params);
  } catch (const std::exception& e) {
    session_.log("specgate: " + method + ": " + e.what(), 1);
  }
}

void Server::note_cancellations() {
  const auto& pending = transport_.pending();
  for (; scanned_ < pending.size(); ++scanned_) {
    const Incoming& in = pending[scanned_];
    // Only a message that can be a cancellation is parsed twice.
    if (in.kind != Incoming::Message || in.body.find("$/cancelRequest") == std::string::npos) continue;
    Json m = Json::parse(in.body, nullptr, false);
    if (m.is_object() && m.value("method", "") == "$/cancelRequest" && m.contains("params") &&
        m["params"].is_object() && m["params"].contains("id"))
      cancelled_.insert(id_key(m["params"]["id"]));
  }
}

int Server::run() {
  while (!exited_ && !client_gone_) {
    // Everything read is handled before diagnostics are computed, and a $/cancelRequest read
    // behind its request cancels it before it runs.
    if (transport_.has_message()) {
      note_cancellations();
      Incoming in = transport_.take();
      --scanned_;
      if (in.kind == Incoming::TooLarge) reply_error(nullptr, rpc::kInvalidRequest, "message too large");
      else handle_text(in.body);
      continue;
    }
    // Every request a cancellation could name has been answered.
    cancelled_.clear();
    session_.publish_due(Clock::now());
    flush_outgoing();
    if (exited_ || client_gone_) break;
    if (!transport_.poll_input(session_.publish_timeout_ms(Clock::now()))) {
      std::fprintf(stderr, "specgate lsp: %s\n", transport_.closed_reason().c_str());
      break;
    }
  }
  return exited_ ? exit_status_ : (state_ == State::ShutDown ? 0 : 1);
}

int serve_stdio() {
  // A client that goes away must not kill the server with SIGPIPE mid-write; the write fails
  // and the loop ends.
  std::signal(SIGPIPE, SIG_IGN);
  Transport transport(STDIN_FILENO, STDOUT_FILENO);
  Server server(transport, make_handler_table());
  return server.run();
}

}  // namespace specgate::lsp
