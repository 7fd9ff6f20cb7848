// What checking a document needs from its configuration: the `.specgate.yaml` found upward from
// the document (as `check` finds it), the template registry it sets up, and a Checker whose
// findings carry their fixes (code actions offer them). One Project per config file, shared by
// every document under it, dropped when the config changes so it is read again.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "check/checker.h"
#include "config/config.h"
#include "core/date.h"
#include "schema/registry.h"

namespace specgate::lsp {

struct Project {
  Project(Config c, Date today);
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  Config config;
  TemplateRegistry registry;  // refers to config
  Checker checker;            // refers to config and registry
  std::string config_error;   // the config could not be read: defaults are used, and this says why
};

class Projects {
 public:
  // The project of the document at `path` (absolute); the config is read on first use.
  Project& for_path(const std::string& path);
  // Forgets every project: configs are read again on next use (a .specgate.yaml changed).
  void clear() { projects_.clear(); }
  // The config file (or "" for none) that applies to `path`.
  static std::string config_path_for(const std::string& path);
  // Where a run without a config resolves relative paths (as `check` uses its working
  // directory): the first workspace folder, else the server's working directory.
  void set_default_dir(std::string dir) { default_dir_ = std::move(dir); }
  // Checks as of this day rather than the clock's (the "today" setting, as `check --today`).
  void set_today(std::optional<Date> today) {
    fixed_today_ = today;
    clear();
  }

 private:
  std::map<std::string, std::unique_ptr<Project>> projects_;  // by config path, "" for none
  std::map<std::string, std::string> config_of_dir_;          // directory -> config path
  std::string default_dir_;
  std::optional<Date> fixed_today_;
  Date today_ = today_utc();  // a server that runs past midnight must check against the new day
};

// The options every language-server check uses: the sections `check --format json` reports,
// no excerpts, and fixes attached to findings.
CheckOptions lsp_check_options(Date today);

}  // namespace specgate::lsp
