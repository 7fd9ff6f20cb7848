// What a check run found, independent of how it is printed. Formatters (text, json, sarif,
// github, junit) live beside this file, one per format.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace specgate {

struct FileReport {
  std::string path;
  std::string template_name;    // "" when no template applied
  std::string template_reason;  // why this template: "--template", "front matter", "auto-detected (score 0.92)"
  std::string status;           // the spec's own Status field, "" when absent
  std::vector<Diagnostic> diagnostics;
  // Findings of completeness rules lowered from error because the spec's status is a draft status.
  uint32_t demoted = 0;
  // Only the source lines that diagnostics point at, for excerpts; keeps reports small when
  // thousands of files are checked.
  std::map<uint32_t, std::string> excerpt_lines;
};

struct RuleInfo {
  std::string name;  // stable rule name, e.g. "missing-section"
  Severity default_severity = Severity::Error;
  std::string summary;  // one line
  bool enabled_by_default = true;
  std::string_view documentation;  // the rule's page (Markdown), "" when none is known
};

// A path the run could not read or check (missing, unreadable, binary, too large): the run
// exits 2, and every format records it so that no report reads as clean.
struct RunError {
  std::string path;
  std::string message;  // without the path: "No such file or directory"
};

struct RunReport {
  std::vector<FileReport> files;  // sorted by path
  std::vector<RuleInfo> rules;    // every known rule, for SARIF metadata
  std::vector<RunError> errors;   // in the order met
  bool statistics = false;        // json: add a "statistics" object (check --statistics)
};

struct Summary {
  size_t files = 0, errors = 0, warnings = 0, notes = 0;
  size_t unreadable = 0;  // RunErrors: paths that could not be read or checked
  size_t demoted = 0, demoted_files = 0;  // FileReport::demoted, and the files with any
};
Summary summarize(const RunReport& report);

// What a format's writer reads beyond the findings themselves. A check fills in only these: the
// section path and source line of a hundred thousand findings cost a run time when the chosen
// format never shows them.
struct ReportNeeds {
  bool section_paths = true;  // Diagnostic::section
  bool excerpts = true;       // FileReport::excerpt_lines
};

struct TextOptions {
  bool color = false;  // decided by the caller: tty and no NO_COLOR
  bool quiet = false;  // errors only, no summary line
  // Findings per rule and per file after the summary (check --statistics). Read by text, and by
  // json (RunReport::statistics); the other formats have no place for it.
  bool statistics = false;
};

// A report written file by file while a run goes on, so that a run over thousands of files holds
// one file's findings at a time. Files come in path order; then, once every file has been
// checked, the cross-document rules' findings for files already given (also in path order).
// text, github and sarif write as files come (text lists the cross-document findings after every
// file's own block); json and junit keep the run and write it at finish(), with one entry per
// file and the cross-document findings merged into it.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  void file(const FileReport& f);
  void more_findings(const FileReport& f);  // same path as an earlier file(); not counted as a file
  void error(const RunError& e);            // a path that could not be read; not counted as a file
  void finish() { write_end(); }
  const Summary& summary() const { return summary_; }

 protected:
  virtual void write_file(const FileReport& f) = 0;
  virtual void write_more(const FileReport& f) = 0;
  virtual void write_end() = 0;
  // Formats that show run errors in the report override this; the default writes nothing there
  // (the error is always on stderr) and only counts it.
  virtual void write_error(const RunError&) {}
  Summary summary_;  // of everything given so far; a text summary line reads it in write_end()

 private:
  void count(const FileReport& f);
};

// Whole-run forms of the writers, for reports already in memory.
void write_text(std::ostream& out, const RunReport& report, const TextOptions& options);
void write_json(std::ostream& out, const RunReport& report);
void write_sarif(std::ostream& out, const RunReport& report);
void write_github(std::ostream& out, const RunReport& report);
void write_gitlab(std::ostream& out, const RunReport& report);
void write_junit(std::ostream& out, const RunReport& report);

// One row per output format (formats.cpp), the only list of them: `check --format`, its help and
// the golden tests all iterate it. Adding a format = its writer file + one row.
struct OutputFormat {
  std::string_view name;  // the --format value
  ReportNeeds needs;
  // A writer fed file by file. `rules`: every rule the run knows, for SARIF's rule table (written
  // before any result; a finding of a rule outside it still gets its ruleId, without a ruleIndex).
  // text_options only matter for text.
  std::unique_ptr<ReportWriter> (*make_writer)(std::ostream& out, const std::vector<RuleInfo>& rules,
                                               const TextOptions& text_options);
  // The whole-run form: same bytes as giving the report's files one by one to make_writer's writer.
  void (*write_run)(std::ostream& out, const RunReport& report, const TextOptions& text_options);
};
std::span<const OutputFormat> output_formats();
const OutputFormat* find_output_format(std::string_view name);  // nullptr when unknown
const OutputFormat& text_format();
// The names in table order, for --format's help and error messages: "text, json, ..., junit".
std::vector<std::string> output_format_names();
std::string output_format_list(std::string_view last_separator = ", ");  // "text, json, sarif or junit"

inline std::unique_ptr<ReportWriter> make_report_writer(std::ostream& out, const OutputFormat& format,
                                                        const std::vector<RuleInfo>& rules,
                                                        const TextOptions& text_options = {}) {
  return format.make_writer(out, rules, text_options);
}
inline void write_report(std::ostream& out, const RunReport& report, const OutputFormat& format,
                         const TextOptions& text_options = {}) {
  format.write_run(out, report, text_options);
}

}  // namespace specgate
