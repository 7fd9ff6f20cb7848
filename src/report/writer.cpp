#include <unordered_map>

#include "report/report.h"
#include "report/writers.h"

namespace specgate {

void ReportWriter::count(const FileReport& f) {
  summary_.demoted += f.demoted;
  if (f.demoted > 0) ++summary_.demoted_files;
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

void ReportWriter::error(const RunError& e) {
  ++summary_.unreadable;
  write_error(e);
}

namespace report {

namespace {

class WholeRunWriter : public ReportWriter {
 public:
  WholeRunWriter(std::ostream& out, WholeRunWrite write_run, const std::vector<RuleInfo>& rules, bool statistics)
      : out_(out), write_run_(write_run) {
    run_.rules = rules;
    run_.statistics = statistics;
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
  void write_error(const RunError& e) override { run_.errors.push_back(e); }
  void write_end() override { write_run_(out_, run_); }

 private:
  std::ostream& out_;
  WholeRunWrite write_run_;
  RunReport run_;
  std::unordered_map<std::string, size_t> position_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_whole_run_writer(std::ostream& out, WholeRunWrite write_run,
                                                    const std::vector<RuleInfo>& rules, bool statistics) {
  return std::make_unique<WholeRunWriter>(out, write_run, rules, statistics);
}

}  // namespace report

}  // namespace specgate
