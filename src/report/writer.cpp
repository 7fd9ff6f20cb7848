#include <unordered_map>

#include "report/report.h"
#include "report/writers.h"

namespace specgate {

void ReportWriter::count(const FileReport& f) {
  for (const Diagnostic& d : f.diagnostics) {
    switch (d.severity) {
      case Severity::Error: ++summary_.errors; break;
      case Severity::Warning: ++summary_.warnings; break;
      case Severity::Note: ++summary_.notes; break;
    }
  }
}

void ReportWriter::file(const FileReport& f) {
  ++summary_.files;
  count(f);
  write_file(f);
}

void ReportWriter::more_findings(const FileReport& f) {
  count(f);
  write_more(f);
}

namespace report {

namespace {

class WholeRunWriter : public ReportWriter {
 public:
  WholeRunWriter(std::ostream& out, OutputFormat format, const std::vector<RuleInfo>& rules)
      : out_(out), format_(format) {
    run_.rules = rules;
  }

 protected:
  void write_file(const FileReport& f) override {
    position_.emplace(f.path, run_.files.size());
    run_.files.push_back(f);
  }
  void write_more(const FileReport& f) override {
    auto it = position_.find(f.path);
    if (it == position_.end()) {  // not given before: an entry of its own
      write_file(f);
      ++summary_.files;
      return;
    }
    FileReport& into = run_.files[it->second];
    into.diagnostics.insert(into.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
    into.excerpt_lines.insert(f.excerpt_lines.begin(), f.excerpt_lines.end());
    sort_diagnostics(into.diagnostics);
  }
  void write_end() override { write_report(out_, run_, format_); }

 private:
  std::ostream& out_;
  OutputFormat format_;
  RunReport run_;
  std::unordered_map<std::string, size_t> position_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_whole_run_writer(std::ostream& out, OutputFormat format,
                                                    const std::vector<RuleInfo>& rules) {
  return std::make_unique<WholeRunWriter>(out, format, rules);
}

}  // namespace report

std::unique_ptr<ReportWriter> make_report_writer(std::ostream& out, OutputFormat format,
                                                 const std::vector<RuleInfo>& rules,
                                                 const TextOptions& text_options) {
  switch (format) {
    case OutputFormat::Text: return report::make_text_writer(out, text_options);
    case OutputFormat::Github: return report::make_github_writer(out);
    case OutputFormat::Sarif: return report::make_sarif_writer(out, rules);
    case OutputFormat::Json:
    case OutputFormat::Junit: return report::make_whole_run_writer(out, format, rules);
  }
  return report::make_text_writer(out, text_options);
}

}  // namespace specgate
