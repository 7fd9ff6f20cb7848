// Where templates come from (built-in, config, files) and which one applies to a spec.
// Schemas are inferred once per run and shared; the registry is safe to use from many threads.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/config.h"
#include "model/document.h"
#include "schema/match.h"
#include "schema/schema.h"

namespace specgate {

struct TemplateInfo {
  std::string name;
  std::string source;  // "builtin", "config", "repository" (a template found in the checked tree), "file"
  std::string path;    // "" for built-ins
  std::string description;
};

struct TemplateChoice {
  const Schema* schema = nullptr;  // null: no template applies
  std::string reason;              // "--template", "front matter 'template: task'", "auto-detected (82% of sections)"
  std::string error;               // a template was named but cannot be used (exit 2)
  std::string note;                // e.g. "no template matched (best: task, 31% of sections)"
  // Auto-detection matched the spec against the chosen schema already: the checker reuses it.
  std::optional<SectionMatch> match;
};

class TemplateRegistry {
 public:
  explicit TemplateRegistry(const Config& config);

  std::vector<TemplateInfo> list() const;
  // A template name (built-in or config) or a file path; relative paths are tried against
  // `base_dir` and then the working directory.
  const Schema* resolve(const std::string& ref, const std::string& base_dir, std::string& error);
  // The raw template text for a name or file ("" and error when unknown).
  std::optional<std::string> template_text(const std::string& ref, const std::string& base_dir, std::string& error);

  // Picks the template for a spec: explicit ref, front matter, comment, config globs, detection.
  TemplateChoice choose(const Document& doc, const std::string& explicit_ref);
  // The template a spec names (explicit ref, front matter, comment, config globs) and why; an
  // empty ref when it names none and choose() would detect one.
  std::pair<std::string, std::string> named_template(const Document& doc, const std::string& explicit_ref) const;
  // Why choose(doc, "") would fail (its TemplateChoice::error), or "": without auto-detection,
  // for callers that only need to know whether the spec can be checked (`site`'s first pass).
  std::string named_template_error(const Document& doc);

  // A template found in the checked tree (workspace/scope.h) takes part in auto-detection, named
  // after its file (or its path, when that name is taken). Registered templates are not added twice.
  void add_repository_template(const std::string& path);

  // Replaces the schema of every choice with one loaded from --schema.
  void set_override_schema(Schema schema);

 private:
  struct Entry {
    TemplateInfo info;
    std::string text;  // built-ins: embedded text; others: loaded lazily
  };
  const Schema* resolve_uncached(const std::string& ref, const std::string& base_dir, std::string& error);
  const Schema* schema_for(const std::string& key, const std::string& name, const std::string& text,
                           const std::string& path, const std::string& source);

  const Config& config_;
  std::vector<Entry> named_;  // built-ins, then template_dirs, then config `templates:`
  std::mutex mu_;
  std::unordered_map<std::string, std::unique_ptr<Schema>> cache_;
  std::unordered_map<std::string, const Schema*> resolved_;  // "ref\0base_dir" -> schema
  std::unique_ptr<Schema> override_;
};

}  // namespace specgate
