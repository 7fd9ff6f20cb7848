// What a check run found, independent of how it is printed. Formatters (text, json, sarif,
// github, junit) live beside this file, one per format.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
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
  // Only the source lines that diagnostics point at, for excerpts; keeps reports small when
  // thousands of files are checked.
  std::map<uint32_t, std::string> excerpt_lines;
};

struct RuleInfo {
  std::string name;  // stable rule name, e.g. "missing-section"
  Severity default_severity = Severity::Error;
  std::string summary;  // one line
  bool enabled_by_default = true;
};

struct RunReport {
  std::vector<FileReport> files;  // sorted by path
  std::vector<RuleInfo> rules;    // every known rule, for SARIF metadata
};

struct Summary {
  size_t files = 0, errors = 0, warnings = 0, notes = 0;
};
Summary summarize(const RunReport& report);

enum class OutputFormat { Text, Json, Sarif, Github, Junit };
bool parse_output_format(const std::string& name, OutputFormat& out);
std::string_view output_format_name(OutputFormat format);
// What a format's writer reads beyond the findings themselves. A check fills in only these: the
// section path and source line of a hundred thousand findings cost a run time when the chosen
// format never shows them.
struct ReportNeeds {
  bool section_paths = true;  // Diagnostic::section
  bool excerpts = true;       // FileReport::excerpt_lines
};
ReportNeeds report_needs(OutputFormat format);
// For --format's help text and error message.
inline constexpr const char* kOutputFormatNames = "text, json, sarif, github, junit";

struct TextOptions {
  bool color = false;  // decided by the caller: tty and no NO_COLOR
  bool quiet = false;  // errors only, no summary line
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
  void finish() { write_end(); }
  const Summary& summary() const { return summary_; }

 protected:
  virtual void write_file(const FileReport& f) = 0;
  virtual void write_more(const FileReport& f) = 0;
  virtual void write_end() = 0;
  Summary summary_;  // of everything given so far; a text summary line reads it in write_end()

 private:
  void count(const FileReport& f);
};

// `rules`: every rule the run knows, for SARIF's rule table (written before any result; a
// finding of a rule outside it still gets its ruleId, without a ruleIndex).
std::unique_ptr<ReportWriter> make_report_writer(std::ostream& out, OutputFormat format,
                                                 const std::vector<RuleInfo>& rules,
                                                 const TextOptions& text_options = {});

// Whole-run forms of the writers above, for reports already in memory.
void write_text(std::ostream& out, const RunReport& report, const TextOptions& options);
void write_json(std::ostream& out, const RunReport& report);
void write_sarif(std::ostream& out, const RunReport& report);
void write_github(std::ostream& out, const RunReport& report);
void write_junit(std::ostream& out, const RunReport& report);
// Dispatches on `format`; text_options only matter for text. Same bytes as giving the report's
// files one by one to make_report_writer's writer.
void write_report(std::ostream& out, const RunReport& report, OutputFormat format,
                  const TextOptions& text_options = {});

}  // namespace specgate
