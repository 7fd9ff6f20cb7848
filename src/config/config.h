// `.specgate.yaml`: rule severities and on/off, template directories and named templates,
// glob -> template mapping, done-like statuses, extra placeholder patterns, excludes, ID families.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace re2 {
class RE2;
}

namespace specgate {

struct RuleSetting {
  bool enabled = true;
  bool has_severity = false;
  Severity severity = Severity::Error;
  uint32_t line = 0;  // where the config names the rule, for error messages
};

struct TemplateMapping {
  std::string glob;      // relative to the config file's directory
  std::string template_ref;
};

// A status under which a spec is a draft: completeness findings are reported at most at `severity`.
struct DraftStatus {
  std::string status;  // lowercase, as written in the config
  Severity severity = Severity::Warning;
};

struct Config {
  std::string path;  // the config file, "" when none was found
  std::string dir;   // its directory; globs and relative paths are resolved against it
  std::map<std::string, RuleSetting> rules;
  std::vector<std::string> template_dirs;
  std::map<std::string, std::string> templates;  // name -> template file
  std::map<std::string, std::string> schemas;    // template name -> schema file (replaces inference)
  std::vector<TemplateMapping> template_map;
  std::vector<std::string> done_statuses{"approved", "implementation ready", "done", "complete", "completed",
                                         "accepted", "closed", "shipped", "released"};
  // Draft statuses (`draft_statuses`); nullopt when the config names none: then the defaults
  // of spec/fields.h apply. An empty list turns status-aware strictness off.
  std::optional<std::vector<DraftStatus>> draft_statuses;
  // Frozen statuses (`frozen_statuses`), lowercase: the spec is a record of finished work, written
  // against the template of its time. nullopt when the config names none: then the defaults of
  // spec/progress.h apply. An empty list: no status freezes a spec.
  std::optional<std::vector<std::string>> frozen_statuses;
  // Folder names (`frozen_folders`) whose specs are frozen records wherever they sit in the path.
  std::vector<std::string> frozen_folders{"archive", "archived"};
  std::vector<std::string> placeholder_patterns;  // extra regular expressions (RE2 syntax)
  // placeholder_patterns compiled, in the same order; filled by the config loader.
  std::vector<std::shared_ptr<const re2::RE2>> placeholder_regexes;
  std::vector<std::string> exclude;               // globs
  std::vector<std::string> include;               // globs; empty: every Markdown file a walk finds
  std::vector<std::string> id_families{"TASK", "STORY", "EPIC", "SPEC", "ARCH-SUPER", "BUG", "FEAT", "ADR"};
  int review_interval_days = 90;
  // `specgate new`: template name -> file name pattern ("TASK-{n}-{slug}.md"), see config/naming.h.
  std::map<std::string, std::string> naming;
};

struct ConfigError {
  std::string message;  // "PATH:LINE:COL: message"
};

// Loads and validates a config file; on error returns nullopt and fills `error`.
std::optional<Config> load_config(const std::string& path, ConfigError& error);
// The same from bytes already read; `path` names the file in messages and anchors relative paths.
std::optional<Config> load_config_text(const std::string& path, const std::string& bytes, ConfigError& error);
// Looks for .specgate.yaml / .specgate.yml from `start` (a file or directory) upward.
std::optional<std::string> find_config(const std::string& start);

}  // namespace specgate
