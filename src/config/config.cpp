#include "config/config.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "config/naming.h"
#include "core/edit_distance.h"
#include "core/file_io.h"
#include "core/text.h"
#include "core/yaml_guard.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

std::string where(const std::string& path, const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.line < 0) return path;
  return path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

struct Fail {
  std::string message;
};

// Every top-level key, for the unknown-key message and its "did you mean".
constexpr std::string_view kKeys[] = {"rules",   "templates", "template_dirs", "schemas",
                                      "map",     "done_statuses", "placeholders", "exclude",
                                      "id_families", "review_interval_days", "naming",
                                      "frozen_statuses", "frozen_folders"};

fs::path against(const std::string& dir, const std::string& file) {
  return fs::path(file).is_absolute() ? fs::path(file) : fs::path(dir) / file;
}

// A template file or folder the config names must exist when the config is loaded: otherwise a
// typo there only shows up as "no template matched" on every spec.
void require_file(const std::string& path, const YAML::Node& at, const std::string& dir, const std::string& file,
                  const std::string& what) {
  std::error_code ec;
  const fs::path p = against(dir, file);
  if (!fs::exists(p, ec)) throw Fail{where(path, at) + ": " + what + " '" + file + "' does not exist"};
  if (fs::is_directory(p, ec)) throw Fail{where(path, at) + ": " + what + " '" + file + "' is a directory, not a file"};
}

void require_dir(const std::string& path, const YAML::Node& at, const std::string& dir, const std::string& folder) {
  std::error_code ec;
  const fs::path p = against(dir, folder);
  if (!fs::exists(p, ec)) throw Fail{where(path, at) + ": template_dirs: '" + folder + "' does not exist"};
  if (!fs::is_directory(p, ec)) throw Fail{where(path, at) + ": template_dirs: '" + folder + "' is not a directory"};
}

std::vector<std::string> string_list(const std::string& path, const YAML::Node& node, const char* key) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) throw Fail{where(path, node) + ": '" + key + "' must be a list of strings"};
  for (const auto& item : node) {
    if (!item.IsScalar()) throw Fail{where(path, item) + ": '" + key + "' must be a list of strings"};
    out.push_back(item.Scalar());
  }
  return out;
}

// A list of names compared without case (`frozen_statuses`, `frozen_folders`), or off/false/none
// for an empty one.
std::vector<std::string> lower_list_or_off(const std::string& path, const YAML::Node& node, const char* key) {
  std::vector<std::string> out;
  if (node.IsNull()) return out;
  if (node.IsScalar()) {
    const std::string v = to_lower_ascii(node.Scalar());
    if (v == "off" || v == "false" || v == "none") return out;
  }
  for (const std::string& s : string_list(path, node, key)) {
    if (trim(s).empty()) throw Fail{where(path, node) + ": '" + key + "' must be a list of non-empty strings"};
    out.push_back(to_lower_ascii(std::string(trim(s))));
  }
  return out;
}

void read_rules(const std::string& path, const YAML::Node& node, Config& c) {
  if (!node.IsMap()) throw Fail{where(path, node) + ": 'rules' must map rule names to off/on/error/warning/note"};
  for (const auto& kv : node) {
    const std::string name = kv.first.as<std::string>("");
    RuleSetting s;
    s.line = static_cast<uint32_t>(kv.first.Mark().line + 1);
    const YAML::Node& v = kv.second;
    std::string value;
    if (v.IsScalar()) {
      value = to_lower_ascii(v.Scalar());
    } else if (v.IsMap() && v["severity"]) {
      value = to_lower_ascii(v["severity"].as<std::string>(""));
    } else {
      throw Fail{where(path, v) + ": rule '" + name + "': expected off, on, error, warning or note"};
    }
    if (value == "off" || value == "false" || value == "disable" || value == "disabled") {
      s.enabled = false;
    } else if (value == "on" || value == "true" || value == "enable" || value == "enabled") {
      s.enabled = true;
    } else if (parse_severity(value, s.severity)) {
      s.has_severity = true;
    } else {
      throw Fail{where(path, v) + ": rule '" + name + "': '" + value +
                 "' is not one of off, on, error, warning, note"};
    }
    c.rules[name] = s;
  }
}

// `draft_statuses`: a list of statuses (each lowers completeness findings to warnings), a map
// status -> warning/note, or off/false/none (no status lowers anything).
std::vector<DraftStatus> read_draft_statuses(const std::string& path, const YAML::Node& node) {
  std::vector<DraftStatus> out;
  const char* shape = ": 'draft_statuses' must be a list of statuses, a map of status to warning or note, or off";
  if (node.IsNull()) return out;
  if (node.IsScalar()) {
    const std::string v = to_lower_ascii(node.Scalar());
    if (v == "off" || v == "false" || v == "none" || v == "[]") return out;
    throw Fail{where(path, node) + shape};
  }
  auto add = [&](const YAML::Node& key, Severity severity) {
    if (!key.IsScalar() || trim(key.Scalar()).empty()) throw Fail{where(path, key) + shape};
    out.push_back({to_lower_ascii(std::string(trim(key.Scalar()))), severity});
  };
  if (node.IsSequence()) {
    for (const auto& item : node) add(item, Severity::Warning);
    return out;
  }
  if (!node.IsMap()) throw Fail{where(path, node) + shape};
  for (const auto& kv : node) {
    const YAML::Node& v = kv.second;
    const std::string value = v.IsScalar() ? to_lower_ascii(v.Scalar()) : "";
    Severity severity = Severity::Warning;
    // "error" would make a draft status strict, which leaving it out already does.
    if (!parse_severity(value, severity) || severity == Severity::Error)
      throw Fail{where(path, v) + ": 'draft_statuses': the severity for '" + kv.first.as<std::string>("") +
                 "' must be warning or note, not '" + (v.IsScalar() ? v.Scalar() : std::string("a list or map")) +
                 "'"};
    add(kv.first, severity);
  }
  return out;
}

}  // namespace

std::optional<std::string> find_config(const std::string& start) {
  std::error_code ec;
  fs::path p = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  if (!fs::is_directory(p, ec)) p = p.parent_path();
  for (int depth = 0; depth < 64 && !p.empty(); ++depth) {
    for (const char* name : {".specgate.yaml", ".specgate.yml"}) {
      fs::path cand = p / name;
      if (fs::is_regular_file(cand, ec)) return cand.string();
    }
    if (fs::exists(p / ".git", ec)) break;  // stop at the repository root
    if (p == p.root_path()) break;
    p = p.parent_path();
  }
  return std::nullopt;
}

std::optional<Config> load_config(const std::string& path, ConfigError& error) {
  ReadResult r = read_file(path, size_t(8) << 20);
  if (!r.ok) {
    error.message = path + ": " + r.error;
    return std::nullopt;
  }
  return load_config_text(path, r.bytes, error);
}

std::optional<Config> load_config_text(const std::string& path, const std::string& bytes, ConfigError& error) {
  Config c;
  c.path = path;
  std::error_code ec;
  c.dir = fs::absolute(fs::path(path), ec).parent_path().string();
  try {
    const std::optional<YAML::Node> parsed = load_yaml(bytes);
    if (!parsed) {
      error.message = path + ":1:1: invalid YAML: nested deeper than " + std::to_string(kMaxYamlDepth) + " levels";
      return std::nullopt;
    }
    const YAML::Node& root = *parsed;
    if (root.IsNull()) return c;  // an empty config is a valid config
    if (!root.IsMap()) throw Fail{path + ":1:1: the config must be a mapping of keys to values"};
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>("");
      const YAML::Node& v = kv.second;
      if (key == "rules") {
        read_rules(path, v, c);
      } else if (key == "template_dirs" || key == "template-dirs") {
        c.template_dirs = string_list(path, v, "template_dirs");
        for (size_t i = 0; i < c.template_dirs.size(); ++i)
          require_dir(path, v.IsSequence() ? v[i] : v, c.dir, c.template_dirs[i]);
      } else if (key == "templates") {
        if (!v.IsMap()) throw Fail{where(path, v) + ": 'templates' must map template names to files"};
        for (const auto& t : v) {
          const std::string name = t.first.as<std::string>("");
          const std::string file = t.second.as<std::string>("");
          require_file(path, t.second, c.dir, file, "template '" + name + "': file");
          c.templates[name] = file;
        }
      } else if (key == "schemas") {
        if (!v.IsMap()) throw Fail{where(path, v) + ": 'schemas' must map template names to schema files"};
        for (const auto& t : v) c.schemas[t.first.as<std::string>("")] = t.second.as<std::string>("");
      } else if (key == "map" || key == "template_map") {
        if (!v.IsMap()) throw Fail{where(path, v) + ": '" + key + "' must map globs to template names"};
        for (const auto& t : v) c.template_map.push_back({t.first.as<std::string>(""), t.second.as<std::string>("")});
      } else if (key == "done_statuses" || key == "done-statuses") {
        c.done_statuses.clear();
        for (auto& s : string_list(path, v, "done_statuses")) c.done_statuses.push_back(to_lower_ascii(s));
      } else if (key == "draft_statuses" || key == "draft-statuses") {
        c.draft_statuses = read_draft_statuses(path, v);
      } else if (key == "frozen_statuses" || key == "frozen-statuses") {
        c.frozen_statuses = lower_list_or_off(path, v, "frozen_statuses");
      } else if (key == "frozen_folders" || key == "frozen-folders") {
        c.frozen_folders = lower_list_or_off(path, v, "frozen_folders");
      } else if (key == "placeholders") {
        c.placeholder_patterns = string_list(path, v, "placeholders");
        c.placeholder_regexes.clear();
        for (size_t i = 0; i < c.placeholder_patterns.size(); ++i) {
          RE2::Options options;
          options.set_log_errors(false);
          auto re = std::make_shared<const RE2>(c.placeholder_patterns[i], options);
          if (!re->ok()) {
            throw Fail{where(path, v.IsSequence() ? v[i] : v) + ": invalid placeholder pattern '" +
                       c.placeholder_patterns[i] + "': " + re->error()};
          }
          c.placeholder_regexes.push_back(std::move(re));
        }
      } else if (key == "exclude") {
        c.exclude = string_list(path, v, "exclude");
      } else if (key == "include") {
        c.include = string_list(path, v, "include");
      } else if (key == "id_families" || key == "id-families") {
        c.id_families = string_list(path, v, "id_families");
      } else if (key == "review_interval_days" || key == "review-interval-days") {
        c.review_interval_days = v.as<int>();
        if (c.review_interval_days < 1 || c.review_interval_days > 3650)
          throw Fail{where(path, v) + ": review_interval_days must be between 1 and 3650"};
      } else if (key == "naming") {
        if (!v.IsMap()) throw Fail{where(path, v) + ": 'naming' must map template names to file name patterns"};
        for (const auto& t : v) {
          if (!t.second.IsScalar())
            throw Fail{where(path, t.second) + ": 'naming': the pattern for '" + t.first.as<std::string>("") +
                       "' must be a string such as \"TASK-{n}-{slug}.md\""};
          const std::string pattern = t.second.Scalar();
          if (std::string problem = validate_naming(pattern); !problem.empty())
            throw Fail{where(path, t.second) + ": 'naming': " + problem + ": '" + pattern + "'"};
          c.naming[t.first.as<std::string>("")] = pattern;
        }
      } else {
        std::vector<std::string_view> keys(std::begin(kKeys), std::end(kKeys));
        const std::string near = nearest_name(key, keys);
        if (!near.empty()) throw Fail{where(path, kv.first) + ": unknown key '" + key + "'; did you mean '" + near + "'?"};
        throw Fail{where(path, kv.first) + ": unknown key '" + key +
                   "' (known: rules, templates, template_dirs, schemas, map, done_statuses, draft_statuses, "
                   "frozen_statuses, frozen_folders, placeholders, include, exclude, id_families, review_interval_days, naming)"};
      }
    }
  } catch (const Fail& f) {
    error.message = f.message;
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    error.message = path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                    ": invalid YAML: " + e.msg;
    return std::nullopt;
  }
  return c;
}

}  // namespace specgate
