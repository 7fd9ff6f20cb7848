// Which discovered Markdown files are specs: templates are not. A folder run leaves out the
// files registered as templates (config `templates:`, `template_dirs`) and those evidently
// templates in the tree (a name beginning or ending with "template", or a file a spec's
// `template:` names);
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

// True when a file name says it is a template: its stem starts or ends with "template" in any
// case ("rfc-template.md", "TEMPLATE.md", "template-adr.md", "0000-swift-template.md"), and it
// does not start with a spec ID of one of `id_families` ("SPEC-12-email-template.md" is a spec
// about templates, as is "SPEC-814-template-linter-risk.md", where the word sits in the middle).
bool is_template_file_name(const std::string& path, const std::vector<std::string>& id_families);

}  // namespace specgate
