#include "schema/registry.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include "core/file_io.h"
#include "core/glob.h"
#include "core/markdown_path.h"
#include "model/load.h"
#include "model/normalize.h"
#include "schema/builtin_templates.h"
#include "schema/infer.h"
#include "schema/schema_io.h"

namespace specgate {

namespace fs = std::filesystem;

namespace {

// Auto-detection needs a clear winner: enough of the template's sections, and a margin.
constexpr double kMinCoverage = 0.5;
constexpr double kMinMargin = 0.1;

std::string relative_to(const std::string& path, const std::string& dir) {
  std::error_code ec;
  fs::path rel = fs::relative(fs::absolute(path, ec), dir, ec);
  if (ec || rel.empty()) return path;
  return rel.generic_string();
}

// `<!-- specgate: template=NAME -->` (model/directives.h): the first template directive.
std::string template_comment(const Document& doc) {
  for (const Directive& d : doc.directives) {
    if (d.verb != DirectiveVerb::Template) continue;
    std::string_view v = d.args;
    v = v.substr(0, v.find_first_of(" \t"));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return "";
}

}  // namespace

TemplateRegistry::TemplateRegistry(const Config& config) : config_(config) {
  for (const auto& b : builtin_templates()) {
    Entry e;
    e.info = {std::string(b.name), "builtin", "", ""};
    e.text = std::string(b.text);
    Document d = build_document(SourceText(e.info.name, e.text));
    e.info.description = template_description(d);
    named_.push_back(std::move(e));
  }
  std::error_code ec;
  for (const auto& dir : config.template_dirs) {
    fs::path p = fs::path(dir).is_absolute() ? fs::path(dir) : fs::path(config.dir) / dir;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      if (is_markdown_path(it->path().string())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) named_.push_back(Entry{{f.stem().string(), "config", f.string(), ""}, ""});
  }
  for (const auto& [name, file] : config.templates) {
    fs::path p = fs::path(file).is_absolute() ? fs::path(file) : fs::path(config.dir) / file;
    named_.push_back(Entry{{name, "config", p.string(), ""}, ""});
  }
}

std::vector<TemplateInfo> TemplateRegistry::list() const {
  std::vector<TemplateInfo> out;
  for (const auto& e : named_) {
    // A config template of the same name shadows a built-in.
    auto it = std::find_if(out.begin(), out.end(), [&](const TemplateInfo& i) { return i.name == e.info.name; });
    if (it != out.end()) *it = e.info;
    else out.push_back(e.info);
  }
  return out;
}

const Schema* TemplateRegistry::schema_for(const std::string& key, const std::string& name, const std::string& text,
                                           const std::string& path, const std::string& source) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second.get();
  Document d = build_document(SourceText(path.empty() ? name : path, text));
  auto schema = std::make_unique<Schema>(infer_schema(d, name));
  schema->source = source;
  schema->path = path;
  const Schema* out = schema.get();
  cache_.emplace(key, std::move(schema));
  return out;
}

std::optional<std::string> TemplateRegistry::template_text(const std::string& ref, const std::string& base_dir,
                                                           std::string& error) {
  for (auto it = named_.rbegin(); it != named_.rend(); ++it) {
    if (it->info.name != ref) continue;
    if (it->info.source == "builtin") return it->text;
    ReadResult r = read_file(it->info.path, kMaxMarkdownBytes);
    if (!r.ok) {
      error = "template '" + ref + "': " + it->info.path + ": " + r.error;
      return std::nullopt;
    }
    return r.bytes;
  }
  std::error_code ec;
  std::vector<fs::path> tries;
  if (!base_dir.empty() && fs::path(ref).is_relative()) tries.push_back(fs::path(base_dir) / ref);
  tries.push_back(ref);
  for (const auto& p : tries) {
    if (!fs::exists(p, ec)) continue;
    // A spec names its template in its own text; a device or FIFO there (/dev/stdin) would
    // block or stream forever, so only regular files (and directories, for a clear error) qualify.
    const auto st = fs::status(p, ec);
    if (!fs::is_regular_file(st) && !fs::is_directory(st)) {
      error = "template " + p.string() + ": not a regular file";
      return std::nullopt;
    }
    ReadResult r = read_file(p.string(), kMaxMarkdownBytes);
    if (!r.ok) {
      error = "template " + p.string() + ": " + r.error;
      return std::nullopt;
    }
    if (looks_binary(r.bytes)) {
      error = "template " + p.string() + ": looks like a binary file, not Markdown";
      return std::nullopt;
    }
    return r.bytes;
  }
  std::string names;
  for (const auto& i : list()) names += (names.empty() ? "" : ", ") + i.name;
  error = "unknown template '" + ref + "': not a template name (" + names + ") nor a readable file";
  return std::nullopt;
}

const Schema* TemplateRegistry::resolve(const std::string& ref, const std::string& base_dir, std::string& error) {
  if (override_) return override_.get();
  // Every spec of a directory names the same template: find and read it once per run, not once
  // per spec. Failures are not remembered, so each spec gets its own error message.
  std::string key = ref;
  key += '\0';
  key += base_dir;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = resolved_.find(key); it != resolved_.end()) return it->second;
  }
  const Schema* schema = resolve_uncached(ref, base_dir, error);
  if (schema) {
    std::lock_guard<std::mutex> lock(mu_);
    resolved_.emplace(std::move(key), schema);
  }
  return schema;
}

const Schema* TemplateRegistry::resolve_uncached(const std::string& ref, const std::string& base_dir,
                                                 std::string& error) {
  for (auto it = named_.rbegin(); it != named_.rend(); ++it) {
    if (it->info.name != ref) continue;
    if (auto sf = config_.schemas.find(ref); sf != config_.schemas.end()) {
      std::lock_guard<std::mutex> lock(mu_);
      const std::string key = "schema:" + sf->second;
      if (auto c = cache_.find(key); c != cache_.end()) return c->second.get();
      fs::path p = fs::path(sf->second).is_absolute() ? fs::path(sf->second) : fs::path(config_.dir) / sf->second;
      auto s = load_schema(p.string(), error);
      if (!s) return nullptr;
      if (s->name.empty()) s->name = ref;
      auto owned = std::make_unique<Schema>(std::move(*s));
      const Schema* out = owned.get();
      cache_.emplace(key, std::move(owned));
      return out;
    }
    // Cached schemas first: this runs for every spec (5 times when auto-detecting), and the
    // template text would otherwise be copied or re-read from disk each time.
    const std::string key = "name:" + ref;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (auto c = cache_.find(key); c != cache_.end()) return c->second.get();
    }
    auto text = template_text(ref, base_dir, error);
    if (!text) return nullptr;
    return schema_for(key, ref, *text, it->info.path, it->info.source);
  }
  auto text = template_text(ref, base_dir, error);
  if (!text) return nullptr;
  std::error_code ec;
  fs::path p = (!base_dir.empty() && fs::path(ref).is_relative() && fs::exists(fs::path(base_dir) / ref, ec))
                   ? fs::path(base_dir) / ref
                   : fs::path(ref);
  const std::string canonical = fs::weakly_canonical(p, ec).string();
  return schema_for("file:" + canonical, p.stem().string(), *text, p.string(), "file");
}

void TemplateRegistry::add_repository_template(const std::string& path) {
  std::error_code ec;
  const fs::path canon = fs::weakly_canonical(path, ec);
  std::string name = fs::path(path).stem().string();
  for (const auto& e : named_) {
    if (!e.info.path.empty() && fs::weakly_canonical(e.info.path, ec) == canon) return;
  }
  const auto taken = [&](const std::string& n) {
    return std::any_of(named_.begin(), named_.end(), [&](const Entry& e) { return e.info.name == n; });
  };
  // A name that is taken keeps meaning what it meant: `template: task` stays the built-in.
  if (taken(name)) name = relative_to(path, config_.dir);
  if (taken(name)) return;
  named_.push_back(Entry{{name, "repository", path, ""}, ""});
}

void TemplateRegistry::set_override_schema(Schema schema) { override_ = std::make_unique<Schema>(std::move(schema)); }

std::pair<std::string, std::string> TemplateRegistry::named_template(const Document& doc,
                                                                    const std::string& explicit_ref) const {
  if (!explicit_ref.empty()) return {explicit_ref, "--template"};
  for (const auto& e : doc.front_matter.entries) {
    if (iequals(e.key, "template") && !e.value.empty()) return {e.value, "front matter 'template: " + e.value + "'"};
  }
  if (std::string ref = template_comment(doc); !ref.empty()) return {ref, "comment 'specgate: template=" + ref + "'"};
  if (!config_.template_map.empty()) {
    const std::string rel = relative_to(doc.source.path(), config_.dir);
    for (const auto& m : config_.template_map) {
      if (glob_match(m.glob, rel)) return {m.template_ref, "config map '" + m.glob + "'"};
    }
  }
  return {};
}

std::string TemplateRegistry::named_template_error(const Document& doc) {
  if (override_) return "";
  const auto [ref, reason] = named_template(doc, "");
  if (ref.empty()) return "";
  std::string error;
  resolve(ref, fs::path(doc.source.path()).parent_path().string(), error);
  return error;
}

TemplateChoice TemplateRegistry::choose(const Document& doc, const std::string& explicit_ref) {
  TemplateChoice c;
  const std::string base_dir = fs::path(doc.source.path()).parent_path().string();
  auto use = [&](const std::string& ref, std::string reason) {
    c.schema = resolve(ref, base_dir, c.error);
    if (c.schema) c.reason = std::move(reason);
    return c;
  };
  if (override_) {
    c.schema = override_.get();
    c.reason = "--schema";
    return c;
  }
  if (auto [ref, reason] = named_template(doc, explicit_ref); !ref.empty()) return use(ref, std::move(reason));
  // Auto-detection by structural match.
  // The best and second best of all templates, and of the team's own (config or repository):
  // when the overall race is a tie, the team's own template wins it over the built-ins. Matches
  // are kept by index and the chosen one moved out, never copied.
  struct Race {
    double best = 0, second = 0;
    size_t index = SIZE_MAX;
    void enter(size_t i, double coverage) {
      if (coverage > best) {
        second = best;
        best = coverage;
        index = i;
      } else if (coverage > second) {
        second = coverage;
      }
    }
    bool clear() const { return index != SIZE_MAX && best >= kMinCoverage && best - second >= kMinMargin; }
  };
  std::vector<std::pair<const Schema*, SectionMatch>> tried;
  Race all, own;
  double best_builtin = 0;
  std::string best_builtin_name;
  for (const auto& info : list()) {
    std::string err;
    const Schema* s = resolve(info.name, base_dir, err);
    if (!s) continue;
    SectionMatch m = match_sections(*s, doc);
    const double cov = m.coverage;
    if (info.source == "builtin") {
      if (cov > best_builtin) best_builtin_name = info.name;
      best_builtin = std::max(best_builtin, cov);
    } else {
      own.enter(tried.size(), cov);
    }
    all.enter(tried.size(), cov);
    tried.emplace_back(s, std::move(m));
  }
  const double best = all.best;
  const Schema* best_schema = all.index == SIZE_MAX ? nullptr : tried[all.index].first;
  auto percent = [](double x) { return std::to_string(static_cast<int>(x * 100 + 0.5)) + "%"; };
  if (all.clear()) {
    c.schema = best_schema;
    c.match = std::move(tried[all.index].second);
    c.reason = "auto-detected: " + percent(best) + " of its required sections present";
  } else if (own.clear() && own.best >= best_builtin) {
    c.schema = tried[own.index].first;
    c.match = std::move(tried[own.index].second);
    c.reason = "auto-detected: " + percent(own.best) +
               " of its required sections present; the repository's own template wins the tie with built-in '" +
               best_builtin_name + "' (" + percent(best_builtin) + ")";
  } else if (best_schema) {
    c.note = "no template matched (closest: '" + best_schema->name + "' with " +
             std::to_string(static_cast<int>(best * 100 + 0.5)) +
             "% of its required sections); name one with --template or a 'template:' front-matter key";
  } else {
    c.note = "no template matched; name one with --template or a 'template:' front-matter key";
  }
  return c;
}

}  // namespace specgate
