#include "lsp/project.h"

#include <filesystem>

namespace specgate::lsp {

CheckOptions lsp_check_options(Date today) {
  CheckOptions o;
  o.today = today;
  o.needs.section_paths = true;
  o.needs.excerpts = false;
  o.fixes = true;
  return o;
}

Project::Project(Config c, Date today)
    : config(std::move(c)), registry(config), checker(config, registry, lsp_check_options(today)) {}

std::string Projects::config_path_for(const std::string& path) {
  return find_config(path).value_or("");
}

Project& Projects::for_path(const std::string& path) {
  const Date today = fixed_today_.value_or(today_utc());
  if (today != today_) {
    projects_.clear();
    today_ = today;
  }
  const std::string dir = std::filesystem::path(path).parent_path().string();
  auto known = config_of_dir_.find(dir);
  const std::string config_path = known != config_of_dir_.end() ? known->second : config_path_for(path);
  if (known == config_of_dir_.end()) config_of_dir_[dir] = config_path;
  auto it = projects_.find(config_path);
  if (it != projects_.end()) return *it->second;
  Config config;
  std::string error;
  if (config_path.empty()) {
    std::error_code ec;
    config.dir = !default_dir_.empty() ? default_dir_ : std::filesystem::current_path(ec).string();
  } else {
    ConfigError e;
    if (auto loaded = load_config(config_path, e)) config = std::move(*loaded);
    else error = e.message;
  }
  auto project = std::make_unique<Project>(std::move(config), today);
  project->config_error = error;
  return *projects_.emplace(config_path, std::move(project)).first->second;
}

}  // namespace specgate::lsp
