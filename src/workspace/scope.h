// Which discovered Markdown files are specs: templates are not. A folder run leaves out the
// files registered as templates (config `templates:`, `template_dirs`) and those evidently
// templates in the tree (a name containing "template", or a file a spec's `template:` names);
// a file named on the command line is still linted unless --force-exclude was given.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "workspace/discover.h"

namespace specgate {

struct FoundTemplate {
  std::string path;        // as discovered
  bool registered = false; // already known to the registry through the config
};

struct Scope {
  std::vector<std::string> specs;        // sorted, like Discovery::files
  std::vector<FoundTemplate> templates;  // the discovered files that are templates, linted or not
};

// `force_exclude`: named templates are left out too (pre-commit names every staged file).
Scope split_specs_and_templates(const Discovery& found, const Config& config, bool force_exclude);

// True when a file name says it is a template ("rfc-template.md", "TEMPLATE.md").
bool is_template_file_name(const std::string& path);

}  // namespace specgate
