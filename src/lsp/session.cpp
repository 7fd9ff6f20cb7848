#include "lsp/session.h"

#include <algorithm>

#include "core/file_io.h"
#include "core/markdown_path.h"
#include "model/load.h"
#include "spec/index.h"
#include "lsp/uri.h"

namespace specgate::lsp {

void Settings::update(const Json& options) {
  if (!options.is_object()) return;
  if (auto it = options.find("run"); it != options.end() && it->is_string()) on_type = it->get<std::string>() != "onSave";
  if (auto it = options.find("debounceMs"); it != options.end() && it->is_number_integer())
    debounce_ms = std::clamp(it->get<int>(), 0, 10000);
  if (auto it = options.find("ruleDocsBase"); it != options.end() && it->is_string())
    rule_docs_base = it->get<std::string>();
  if (auto it = options.find("today"); it != options.end() && it->is_string()) today = parse_iso_date(it->get<std::string>());
}

Session::Session()
    : index_([this](const std::string& path) -> std::optional<std::string> {
        if (const OpenDocument* d = documents_.find_path(path)) return d->text;
        ReadResult r = read_file(path, kMaxMarkdownBytes);
        return r.ok ? std::optional<std::string>(std::move(r.bytes)) : std::nullopt;
      }) {}

namespace {

bool same_findings(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Diagnostic& x, const Diagnostic& y) {
    return x.rule == y.rule && x.severity == y.severity && x.line == y.line && x.column == y.column &&
           x.end_line == y.end_line && x.end_column == y.end_column && x.message == y.message && x.hint == y.hint &&
           x.section == y.section;
  });
}

}  // namespace

const SpecDirectory& Session::specs() {
  if (!index_.built() || index_.folders() != folders_) rebuild_index();
  auto is_open = [this](const std::string& path) { return documents_.find_path(path) != nullptr; };
  // Buffers closed give their files back to the disk; files changed on disk that no client
  // reported are read again. Either can change other documents' cross-document findings.
  bool changed = index_.release_closed(is_open, projects_);
  changed |= index_.refresh(is_open, projects_);
  if (changed) {
    invalidate_all();
    schedule_publish_all(false);
  }
  // Open buffers stand for their files: each analysed (and so indexed) at its current text.
  for (const auto& [uri, d] : documents_.all()) {
    if (d.path.empty() || !is_markdown_path(d.path)) continue;
    if (index_.generation(d.path) != d.generation) analysis(uri);
  }
  return index_.directory();
}

void Session::republish_affected(const std::string& uri) {
  for (const auto& [other, d] : documents_.all()) {
    if (other == uri) continue;
    auto it = cache_.find(other);
    // Stale analyses are made afresh when needed (and their project may be gone).
    if (it == cache_.end() || !it->second.analysis || it->second.epoch != epoch_) continue;
    const Analysis& a = *it->second.analysis;
    if (a.project == nullptr || !a.fatal.empty() || !index_.covers(a.path)) continue;
    if (same_findings(index_.findings_for(a.path, *a.project), it->second.cross)) continue;
    it->second.epoch = 0;  // stale: analysed again when published or asked for
    schedule_publish(other);
  }
}

void Session::update_settings(const Json& options) {
  const std::optional<Date> before = settings_.today;
  settings_.update(options);
  if (settings_.today != before) projects_.set_today(settings_.today);
  invalidate_all();
}

void Session::rebuild_index() {
  index_.build(folders_, projects_);
  invalidate_all();
}

void Session::set_client(Json capabilities, std::vector<std::string> folders) {
  client_capabilities_ = std::move(capabilities);
  folders_ = std::move(folders);
  if (!folders_.empty()) projects_.set_default_dir(folders_.front());
}

void Session::set_workspace_folders(std::vector<std::string> folders) {
  folders_ = std::move(folders);
  projects_.set_default_dir(folders_.empty() ? std::string() : folders_.front());
}

std::shared_ptr<const Analysis> Session::analysis(const std::string& uri) {
  const OpenDocument* open = documents_.find(uri);
  auto& slot = cache_[uri];
  const uint64_t generation = open != nullptr ? open->generation : 0;
  if (slot.analysis && slot.epoch == epoch_ && slot.generation == generation && generation != 0) return slot.analysis;

  std::string path = open != nullptr ? open->path : uri_to_path(uri).value_or("");
  std::optional<Document> doc;
  if (open != nullptr) {
    // An untitled buffer is checked as if it were a file in the workspace's first folder.
    const std::string shown = !path.empty() ? path : (folders_.empty() ? "untitled.md" : folders_.front() + "/untitled.md");
    doc = build_document(SourceText(shown, open->text));
    path = shown;
  } else {
    if (path.empty()) return nullptr;
    std::string error;
    doc = load_document(path, error);
    if (!doc) {
      cache_.erase(uri);
      return nullptr;
    }
  }
  auto a = std::make_shared<Analysis>(std::move(*doc));
  a->uri = uri;
  a->path = path;
  if (open != nullptr) a->version = open->version;
  Project& project = projects_.for_path(path);
  a->project = &project;
  CheckResult r = project.checker.check(a->doc);
  a->fatal = r.fatal;
  a->template_name = r.report.template_name;
  a->status = r.report.status;
  a->diagnostics = std::move(r.report.diagnostics);
  // The model indexed once for the rules and the features: an indexed spec's record and entry,
  // or the entry of an open Markdown buffer outside the index.
  const bool indexed = index_.covers(path);
  const bool outside = open != nullptr && !open->path.empty() && is_markdown_path(path);
  std::vector<Diagnostic> cross;
  // A buffer whose text is indexed already (analysed again for another reason) is not redone.
  if ((indexed || outside) && (generation == 0 || index_.generation(path) != generation)) {
    // The buffer's IDs and references replace the file's; when they differ, the other open
    // documents' cross-document findings may differ too.
    if (index_.update(path, a->doc, project.config, generation) && open != nullptr) {
      republish_affected(uri);
      refresh_diagnostics();  // a pulling client asks again for what may have changed anywhere
    }
  }
  if (r.fatal.empty() && indexed) {
    cross = index_.findings_for(path, project);
    a->diagnostics.insert(a->diagnostics.end(), cross.begin(), cross.end());
    sort_diagnostics(a->diagnostics);
  }
  slot.cross = std::move(cross);
  slot.analysis = a;
  slot.generation = generation;
  slot.epoch = epoch_;
  return a;
}

void Session::invalidate_all() { ++epoch_; }

void Session::notify(std::string method, Json params) {
  outgoing_.push_back({{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}});
}

void Session::request(std::string method, Json params) {
  Json m = {{"jsonrpc", "2.0"}, {"id", "specgate-" + std::to_string(next_request_id_++)}, {"method", std::move(method)}};
  // JSON-RPC: params are an object or an array, or absent (the refresh requests have none).
  if (!params.is_null()) m["params"] = std::move(params);
  outgoing_.push_back(std::move(m));
}

void Session::refresh_diagnostics() {
  if (settings_.push) return;
  const Json& caps = client_capabilities_;
  const auto it = caps.find("workspace");
  if (it == caps.end() || !it->is_object()) return;
  const auto diag = it->find("diagnostics");
  if (diag != it->end() && diag->is_object() && diag->value("refreshSupport", false)) refresh_pending_ = true;
}

std::vector<Json> Session::take_outgoing() {
  if (refresh_pending_) {
    refresh_pending_ = false;
    request("workspace/diagnostic/refresh", nullptr);
  }
  std::vector<Json> out;
  out.swap(outgoing_);
  return out;
}

bool Session::run_deferred() {
  if (deferred_.empty()) return false;
  std::function<void()> work = std::move(deferred_.front());
  deferred_.erase(deferred_.begin());
  try {
    work();
  } catch (const std::exception& e) {
    log(std::string("specgate: ") + e.what(), 1);
  }
  return true;
}

void Session::log(const std::string& message, int type) { notify("window/logMessage", {{"type", type}, {"message", message}}); }

void Session::schedule_publish(const std::string& uri, bool now) {
  if (!settings_.push) return;
  const auto when = Clock::now() + std::chrono::milliseconds(now ? 0 : settings_.debounce_ms);
  due_[uri] = when;
}

void Session::schedule_publish_all(bool now) {
  if (!settings_.push) refresh_diagnostics();
  for (const auto& [uri, d] : documents_.all()) schedule_publish(uri, now);
}

int Session::publish_timeout_ms(Clock::time_point now) const {
  if (due_.empty()) return -1;
  auto first = due_.begin()->second;
  for (const auto& [uri, when] : due_) first = std::min(first, when);
  if (first <= now) return 0;
  // Rounded up, so the wake-up is never early and no poll spins.
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(first - now).count());
}

void Session::publish_due(Clock::time_point now) {
  std::vector<std::string> ready;
  for (const auto& [uri, when] : due_)
    if (when <= now) ready.push_back(uri);
  for (const std::string& uri : ready) {
    due_.erase(uri);
    publish(uri);
  }
}

void Session::publish(const std::string& uri) {
  const OpenDocument* open = documents_.find(uri);
  if (open == nullptr) return;  // closed meanwhile
  std::shared_ptr<const Analysis> a = analysis(uri);
  if (!a) return;
  Json params = {{"uri", uri}, {"diagnostics", lsp_diagnostics(*a)}};
  if (a->version) params["version"] = *a->version;
  notify("textDocument/publishDiagnostics", std::move(params));
}

void Session::clear_published(const std::string& uri) {
  due_.erase(uri);
  cache_.erase(uri);
  if (settings_.push) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
}

}  // namespace specgate::lsp
