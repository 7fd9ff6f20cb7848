// The language server's state between messages: the open buffers, the projects (configs) and
// the analyses of documents, the client's settings, and what is to be sent back. Handlers get a
// Session; it never touches the transport, so it is tested without one.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "lsp/analysis.h"
#include "lsp/documents.h"
#include "lsp/handlers.h"
#include "lsp/project.h"
#include "lsp/workspace_index.h"

namespace specgate::lsp {

using Clock = std::chrono::steady_clock;

// What the client chose (initializationOptions, or workspace/didChangeConfiguration under
// "specgate"); see docs/editors.md.
struct Settings {
  bool on_type = true;    // "run": "onType" (debounced) or "onSave"
  int debounce_ms = 200;  // "debounceMs"
  bool push = true;       // publishDiagnostics; off when the client pulls (textDocument/diagnostic)
  std::string rule_docs_base;  // "ruleDocsBase": URL prefix of the rule pages, "" for local copies
  std::optional<Date> today;   // "today": YYYY-MM-DD to check as of (as check --today); none: the clock

  // Reads the keys present in `options` (an object; others are ignored).
  void update(const Json& options);
};

class Session {
 public:
  Session();

  Documents& documents() { return documents_; }
  Projects& projects() { return projects_; }
  WorkspaceIndex& index() { return index_; }
  // The workspace's specs as the language features read them: the index, built when it was not
  // yet (or the folders changed), with every open buffer standing for its file.
  const SpecDirectory& specs();
  // Discovers and indexes the workspace folders again (at start, and when a config changed).
  void rebuild_index();
  Settings& settings() { return settings_; }
  // Applies the client's settings (initializationOptions, didChangeConfiguration); analyses
  // made under the old ones are stale.
  void update_settings(const Json& options);
  const Json& client_capabilities() const { return client_capabilities_; }
  const std::vector<std::string>& workspace_folders() const { return folders_; }
  void set_client(Json capabilities, std::vector<std::string> folders);
  // The folders after the client added or removed some (the index is rebuilt by the caller).
  void set_workspace_folders(std::vector<std::string> folders);

  // The analysis of `uri`: the open buffer, else the file on disk (file: URIs). Null when it is
  // neither open nor readable. Cached until the text or the configuration changes.
  std::shared_ptr<const Analysis> analysis(const std::string& uri);
  // Analyses are stale: a config, a template or another document changed.
  void invalidate_all();

  // Findings as LSP Diagnostic objects (lsp/diagnostics.cpp).
  Json lsp_diagnostics(const Analysis& a);

  // Messages for the client, sent by the server after the current message is handled.
  void notify(std::string method, Json params);
  void request(std::string method, Json params);  // its reply is not waited for
  std::vector<Json> take_outgoing();
  // Work to run once what is queued for the client has been sent (a progress report's body);
  // run_deferred runs the first and says whether there was one.
  void defer(std::function<void()> work) { deferred_.push_back(std::move(work)); }
  bool run_deferred();
  void log(const std::string& message, int type = 3);  // window/logMessage (3: info)

  // Diagnostics of `uri` are published once it has been quiet for the debounce (or at once).
  void schedule_publish(const std::string& uri, bool now = false);
  // Every open document again (a config changed: at once; another document changed: debounced).
  // A client that pulls is asked to pull again instead (refresh_diagnostics).
  void schedule_publish_all(bool now = true);
  // Findings of documents other than the one asked about may have changed: a client that pulls
  // and supports it gets one workspace/diagnostic/refresh after the current message.
  void refresh_diagnostics();
  // Milliseconds until the next publish is due; -1 when none is pending.
  int publish_timeout_ms(Clock::time_point now) const;
  void publish_due(Clock::time_point now);
  // Publishes an empty list (a document closed).
  void clear_published(const std::string& uri);


 private:
  void publish(const std::string& uri);

  Documents documents_;
  Projects projects_;
  WorkspaceIndex index_;
  Settings settings_;
  Json client_capabilities_ = Json::object();
  std::vector<std::string> folders_;
  struct Cached {
    std::shared_ptr<const Analysis> analysis;
    uint64_t generation = 0;  // of the open buffer; 0 for a disk file
    uint64_t epoch = 0;
    std::vector<Diagnostic> cross;  // the cross-document findings merged into the analysis
  };
  // After `uri`'s record changed: the other open documents whose cross-document findings are
  // no longer those they were published with are analysed and published again.
  void republish_affected(const std::string& uri);
  std::map<std::string, Cached> cache_;
  uint64_t epoch_ = 1;
  std::vector<Json> outgoing_;
  bool refresh_pending_ = false;
  std::vector<std::function<void()>> deferred_;
  int64_t next_request_id_ = 1;
  std::map<std::string, Clock::time_point> due_;  // uri -> when to publish
};

}  // namespace specgate::lsp
