// Machine-readable output. The shape is a public contract (docs/output-formats.md): add keys
// only at the end of an object, never rename or reorder, and bump "version" for anything else.
#include <nlohmann/json.hpp>

#include "report/json_diagnostic.h"
#include "report/json_out.h"
#include "report/report.h"
#include "report/statistics.h"

namespace specgate {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

Json diagnostic_to_json(const Diagnostic& d) {
  Json j;
  j["rule"] = d.rule;
  j["severity"] = std::string(severity_name(d.severity));
  j["line"] = d.line;
  j["column"] = d.column;
  j["end_line"] = d.end_line;
  j["end_column"] = d.end_column;
  j["message"] = d.message;
  j["hint"] = d.hint;
  j["section"] = d.section;
  return j;
}

void write_json(std::ostream& out, const RunReport& report) {
  // Written by hand in nlohmann's exact layout (report/json_out.h): a value tree of every
  // finding cost twice the text report. Paths and quoted spec text may hold invalid UTF-8; it
  // is replaced, as nlohmann's replace handler does, rather than thrown on.
  std::string buf;
  report::JsonOut j(buf);
  auto flush = [&] {
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  j.begin_object();
  j.member_number("version", 1);
  j.key("tool");
  j.begin_object();
  j.member("name", "specgate");
  j.member("version", SPECGATE_VERSION);
  j.end_object();
  j.key("files");
  j.begin_array();
  for (const FileReport& f : report.files) {
    j.item();
    j.begin_object();
    j.member("path", f.path);
    j.key("template");
    f.template_name.empty() ? j.null() : j.string(f.template_name);
    j.key("status");
    f.status.empty() ? j.null() : j.string(f.status);
    j.key("diagnostics");
    j.begin_array();
    for (const Diagnostic& d : f.diagnostics) {
      j.item();
      j.begin_object();
      j.member("rule", d.rule);
      j.member("severity", severity_name(d.severity));
      j.member_number("line", d.line);
      j.member_number("column", d.column);
      j.member_number("end_line", d.end_line);
      j.member_number("end_column", d.end_column);
      j.member("message", d.message);
      j.member("hint", d.hint);
      j.member("section", d.section);
      j.end_object();
    }
    j.end_array();
    j.end_object();
    if (buf.size() >= (1u << 18)) flush();
  }
  j.end_array();
  const Summary s = summarize(report);
  j.key("summary");
  j.begin_object();
  j.member_number("files", s.files);
  j.member_number("errors", s.errors);
  j.member_number("warnings", s.warnings);
  j.member_number("notes", s.notes);
  j.end_object();
  // Added in place of nothing (the contract: new keys at the end): paths that could not be read
  // or checked. Always present, so a consumer can tell "clean" from "not everything was read".
  j.key("errors");
  j.begin_array();
  for (const RunError& e : report.errors) {
    j.item();
    j.begin_object();
    j.member("path", e.path);
    j.member("message", e.message);
    j.end_object();
  }
  j.end_array();
  if (report.statistics) {
    // Same rows and order as the text tables: most findings first.
    const report::Statistics stats = report::statistics_of(report);
    j.key("statistics");
    j.begin_object();
    for (const char* what : {"rules", "files"}) {
      j.key(what);
      j.begin_object();
      for (const auto& [name, c] : what[0] == 'r' ? stats.by_rule() : stats.by_file()) {
        j.key(name);
        j.begin_object();
        j.member_number("findings", c.total());
        j.member_number("errors", c.errors);
        j.member_number("warnings", c.warnings);
        j.member_number("notes", c.notes);
        j.end_object();
      }
      j.end_object();
    }
    j.end_object();
  }
  j.end_object();
  buf += '\n';
  flush();
}

}  // namespace specgate
