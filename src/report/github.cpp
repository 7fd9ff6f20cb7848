// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
#include "report/escape.h"
#include "report/report.h"
#include "report/writers.h"

namespace specgate {

namespace {

std::string_view command_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "notice";
  }
  return "error";
}

// GitHub resolves annotation paths from the repository root; "./" only gets in the way.
std::string_view annotation_path(std::string_view path) {
  while (path.size() >= 2 && path[0] == '.' && path[1] == '/') path.remove_prefix(2);
  return path;
}

class GithubWriter : public ReportWriter {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}

 protected:
  void write_file(const FileReport& f) override {
    std::ostream& out = out_;
    // The runner reads UTF-8; a stray byte from a spec must not garble the whole annotation.
    const std::string file = report::github_escape_property(report::valid_utf8(annotation_path(f.path)));
    for (const Diagnostic& d : f.diagnostics) {
      out << "::" << command_name(d.severity) << " file=" << file;
      if (d.line > 0) {
        out << ",line=" << d.line;
        if (d.column > 0) out << ",col=" << d.column;
        if (d.end_line >= d.line) {
          out << ",endLine=" << d.end_line;
          // GitHub only honours endColumn on a one-line range.
          if (d.end_line == d.line && d.column > 0 && d.end_column >= d.column) out << ",endColumn=" << d.end_column;
        }
      }
      if (!d.rule.empty()) out << ",title=" << report::github_escape_property(report::valid_utf8(d.rule));
      std::string message = d.message;
      if (!d.hint.empty()) message += "\nhint: " + d.hint;
      out << "::" << report::github_escape_data(report::valid_utf8(message)) << '\n';
    }
  }
  void write_more(const FileReport& f) override { write_file(f); }
  void write_end() override {}

 private:
  std::ostream& out_;
};

}  // namespace

namespace report {

std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out) { return std::make_unique<GithubWriter>(out); }

}  // namespace report

void write_github(std::ostream& out, const RunReport& report) {
  GithubWriter w(out);
  for (const FileReport& f : report.files) w.file(f);
  w.finish();
}

}  // namespace specgate
