// The one dispatch table of the language server: LSP method -> handler. The protocol layer
// (server.cpp) owns lifecycle and framing; everything a method does is a handler registered here
// by its module (text sync, diagnostics, code actions, and the language features in
// register_features). A handler gets the Session (documents, analyses, workspace index) and the
// request's params, and returns the result or throws RpcError.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace specgate::lsp {

using Json = nlohmann::json;

// JSON-RPC and LSP error codes.
namespace rpc {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
inline constexpr int kRequestCancelled = -32800;
}  // namespace rpc

// Thrown by a handler: the request is answered with this error. Notifications log it.
struct RpcError : std::runtime_error {
  RpcError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

class Session;

using RequestHandler = std::function<Json(Session&, const Json& params)>;
using NotificationHandler = std::function<void(Session&, const Json& params)>;

struct HandlerTable {
  std::map<std::string, RequestHandler, std::less<>> requests;
  std::map<std::string, NotificationHandler, std::less<>> notifications;
  // Merged into the ServerCapabilities that initialize returns: each module announces what it
  // registers ("hoverProvider": true, ...).
  Json capabilities = Json::object();
};

// Each module adds its methods and capabilities.
void register_text_sync(HandlerTable& table);    // lsp/text_sync.cpp: didOpen/didChange/didSave/didClose
void register_diagnostics(HandlerTable& table);  // lsp/diagnostics.cpp: pull diagnostics
void register_code_actions(HandlerTable& table);  // lsp/code_actions.cpp: quick fixes, fixAll
void register_features(HandlerTable& table);     // lsp/features.cpp: completion, hover, symbols, ...
void register_workspace_folders(HandlerTable& table);  // lsp/folders.cpp: didChangeWorkspaceFolders

// The whole table, as the server uses it.
HandlerTable make_handler_table();

// Reading params: the member or throws RpcError(kInvalidParams) naming it.
const Json& param(const Json& params, const char* key);
std::string param_string(const Json& params, const char* key);
// params.textDocument.uri
std::string param_uri(const Json& params);

}  // namespace specgate::lsp
