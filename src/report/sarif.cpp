// SARIF 2.1.0 for code-scanning services and editors: one run, written as files are checked.
// Rules come from the run's rule table; results name their rule by ruleId and, when the table
// has it, ruleIndex.
#include <nlohmann/json.hpp>

#include <unordered_map>
#include <unordered_set>

#include "report/escape.h"
#include "report/json_out.h"
#include "report/report.h"
#include "report/writers.h"

namespace specgate {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// specgate has no web site, so helpUri (which must be an absolute URI) is left out; the rule's
// page travels in the binary and is given whole as help.markdown (code-scanning services show
// it beside the alert), and its place in the repository is named in properties.
std::string rule_doc_path(const std::string& name) { return "docs/rules/" + name + ".md"; }

Json rule_json(const RuleInfo& rule) {
  Json j;
  j["id"] = rule.name;
  j["shortDescription"] = Json{{"text", rule.summary.empty() ? rule.name : rule.summary}};
  if (rule.documentation.empty())
    j["help"] = Json{{"text", "See " + rule_doc_path(rule.name) + " in the specgate sources."}};
  else
    j["help"] = Json{{"text", rule.summary.empty() ? rule.name : rule.summary},
                     {"markdown", std::string(rule.documentation)}};
  j["defaultConfiguration"] =
      Json{{"enabled", rule.enabled_by_default}, {"level", std::string(sarif_level(rule.default_severity))}};
  j["properties"] = Json{{"documentation", rule_doc_path(rule.name)}};
  return j;
}

// nlohmann's dump of `j` as it would appear nested `depth` levels deep in a dump(2) of the
// whole document: each line after the first indented by two spaces per level. JSON strings hold
// no raw newlines, so every '\n' in the dump is a line break.
std::string dump_nested(const Json& j, int depth) {
  const std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
  const std::string pad(static_cast<size_t>(depth) * 2, ' ');
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

// One SARIF run, written as files come: the rule table first, then each result, and the
// artifacts (one per file) last, so only the artifact URIs are held until the end.
class SarifWriter : public ReportWriter {
 public:
  SarifWriter(std::ostream& out, const std::vector<RuleInfo>& rules) : out_(out) {
    Json table = Json::array();
    for (const RuleInfo& r : rules) {
      if (rule_index_.count(r.name)) continue;
      rule_index_.emplace(r.name, table.size());
      table.push_back(rule_json(r));
    }
    Json driver;
    driver["name"] = "specgate";
    driver["version"] = SPECGATE_VERSION;
    driver["semanticVersion"] = SPECGATE_VERSION;
    driver["rules"] = std::move(table);
    out_ << "{\n  \"$schema\": " << Json(kSchemaUri).dump() << ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
         << "      \"tool\": " << dump_nested(Json{{"driver", std::move(driver)}}, 3) << ",\n"
         // specgate counts columns in code points, not the UTF-16 units SARIF viewers assume otherwise.
         << "      \"columnKind\": \"unicodeCodePoints\",\n"
         << "      \"results\": [";
  }

 protected:
  void write_file(const FileReport& f) override {
    const size_t index = artifacts_.size();
    artifacts_.push_back(report::path_to_uri(f.path));
    artifact_index_.emplace(f.path, index);
    write_results(f, index);
  }

  void write_more(const FileReport& f) override {
    auto it = artifact_index_.find(f.path);
    if (it == artifact_index_.end()) {
      write_file(f);
      return;
    }
    write_results(f, it->second);
  }

  void write_end() override {
    out_ << (any_result_ ? "\n      ]" : "]") << ",\n      \"artifacts\": [";
    for (size_t i = 0; i < artifacts_.size(); ++i) {
      const Json a{{"location", Json{{"uri", artifacts_[i]}}}, {"roles", Json::array({"analysisTarget"})}};
      out_ << (i == 0 ? "\n        " : ",\n        ") << dump_nested(a, 4);
    }
    out_ << (artifacts_.empty() ? "]" : "\n      ]") << ",\n      \"invocations\": [\n        ";
    // A path that could not be read makes the run unsuccessful: code-scanning services then
    // do not take the missing results as "fixed".
    Json invocation;
    invocation["executionSuccessful"] = notifications_.empty();
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = std::move(notifications_);
    out_ << dump_nested(invocation, 4) << "\n      ]\n    }\n  ]\n}\n";
  }

  void write_error(const RunError& e) override {
    Json n;
    n["level"] = "error";
    n["message"] = Json{{"text", e.path + ": " + e.message}};
    n["locations"] = Json::array(
        {Json{{"physicalLocation", Json{{"artifactLocation", Json{{"uri", report::path_to_uri(e.path)}}}}}}});
    notifications_.push_back(std::move(n));
  }

 private:
  // Each result laid out by hand as nlohmann would print it four levels deep (report/json_out.h):
  // a value tree per finding cost more than the whole text report.
  void write_results(const FileReport& f, size_t artifact) {
    const std::string& uri = artifacts_[artifact];
    buf_.clear();
    for (const Diagnostic& d : f.diagnostics) {
      buf_ += any_result_ ? ",\n        " : "\n        ";
      any_result_ = true;
      report::JsonOut j(buf_, 4);
      j.begin_object();
      j.member("ruleId", d.rule);
      if (auto it = rule_index_.find(d.rule); it != rule_index_.end()) j.member_number("ruleIndex", it->second);
      j.member("level", sarif_level(d.severity));
      j.key("message");
      j.begin_object();
      j.key("text");
      if (d.hint.empty()) {
        j.string(d.message);
      } else {
        text_.assign(d.message);
        text_ += "\nhint: ";
        text_ += d.hint;
        j.string(text_);
      }
      j.end_object();
      j.key("locations");
      j.begin_array();
      j.item();
      j.begin_object();
      j.key("physicalLocation");
      j.begin_object();
      j.key("artifactLocation");
      j.begin_object();
      j.member("uri", uri);
      j.member_number("index", artifact);
      j.end_object();
      if (d.line > 0) write_region(j, d, f);
      j.end_object();
      j.end_object();
      j.end_array();
      if (!d.section.empty()) {
        j.key("properties");
        j.begin_object();
        j.member("section", d.section);
        j.end_object();
      }
      j.end_object();
      if (buf_.size() >= (1u << 18)) {
        out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
      }
    }
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }

  static void write_region(report::JsonOut& j, const Diagnostic& d, const FileReport& file) {
    j.key("region");
    j.begin_object();
    j.member_number("startLine", d.line);
    if (d.column > 0) j.member_number("startColumn", d.column);
    // SARIF regions may not run backwards; an end before the start is dropped, not reported.
    if (d.end_line >= d.line && d.end_line > 0) {
      const bool same_line = d.end_line == d.line;
      if (!same_line || (d.column > 0 && d.end_column >= d.column)) {
        j.member_number("endLine", d.end_line);
        if (d.end_column > 0 && (!same_line || d.column > 0)) j.member_number("endColumn", d.end_column);
      }
    }
    auto it = file.excerpt_lines.find(d.line);
    if (it != file.excerpt_lines.end()) {
      j.key("snippet");
      j.begin_object();
      j.member("text", it->second);
      j.end_object();
    }
    j.end_object();
  }

  std::ostream& out_;
  std::unordered_map<std::string, size_t> rule_index_;
  std::vector<std::string> artifacts_;  // URIs, by artifact index
  std::unordered_map<std::string, size_t> artifact_index_;
  bool any_result_ = false;
  Json notifications_ = Json::array();  // toolExecutionNotifications, written at the end
  std::string buf_;
  std::string text_;  // a message with its hint, reused
};

}  // namespace

namespace report {

std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const std::vector<RuleInfo>& rules) {
  return std::make_unique<SarifWriter>(out, rules);
}

}  // namespace report

void write_sarif(std::ostream& out, const RunReport& report) {
  // A whole report can name every rule its findings use in the table, so each gets a ruleIndex.
  std::vector<RuleInfo> rules = report.rules;
  std::unordered_set<std::string> known;
  for (const RuleInfo& r : rules) known.insert(r.name);
  for (const FileReport& f : report.files) {
    for (const Diagnostic& d : f.diagnostics) {
      if (known.insert(d.rule).second) rules.push_back(RuleInfo{d.rule, d.severity, d.rule, true, {}});
    }
  }
  SarifWriter w(out, rules);
  for (const FileReport& f : report.files) w.file(f);
  for (const RunError& e : report.errors) w.error(e);
  w.finish();
}

}  // namespace specgate
