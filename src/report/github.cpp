// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
#include <charconv>

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
    // The runner reads UTF-8; a stray byte from a spec must not garble the whole annotation.
    file_.clear();
    report::append_github_escaped(file_, annotation_path(f.path), true);
    buf_.clear();
    for (const Diagnostic& d : f.diagnostics) {
      buf_ += "::";
      buf_ += command_name(d.severity);
      buf_ += " file=";
      buf_ += file_;
      if (d.line > 0) {
        append_number(",line=", d.line);
        if (d.column > 0) append_number(",col=", d.column);
        if (d.end_line >= d.line) {
          append_number(",endLine=", d.end_line);
          // GitHub only honours endColumn on a one-line range.
          if (d.end_line == d.line && d.column > 0 && d.end_column >= d.column) append_number(",endColumn=", d.end_column);
        }
      }
      if (!d.rule.empty()) {
        buf_ += ",title=";
        report::append_github_escaped(buf_, d.rule, true);
      }
      buf_ += "::";
      if (d.hint.empty()) {
        report::append_github_escaped(buf_, d.message, false);
      } else {
        // Escaped as one text: an incomplete sequence at the message's end meets the hint's line break.
        message_.assign(d.message);
        message_ += "\nhint: ";
        message_ += d.hint;
        report::append_github_escaped(buf_, message_, false);
      }
      buf_ += '\n';
      if (buf_.size() >= (1u << 18)) flush();
    }
    flush();
  }
  void write_more(const FileReport& f) override { write_file(f); }
  // Not tied to a file= location: the path may not exist in the checkout at all.
  void write_error(const RunError& e) override {
    buf_ += "::error title=specgate::";
    message_.assign(e.path);
    message_ += ": ";
    message_ += e.message;
    report::append_github_escaped(buf_, message_, false);
    buf_ += '\n';
    flush();
  }
  void write_end() override {}

 private:
  void append_number(std::string_view label, uint32_t n) {
    buf_ += label;
    char digits[16];
    const auto r = std::to_chars(digits, digits + sizeof digits, n);
    buf_.append(digits, static_cast<size_t>(r.ptr - digits));
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  std::ostream& out_;
  // Reused from file to file: the escaped path, a message with its hint, the output being built.
  std::string file_, message_, buf_;
};

}  // namespace

namespace report {

std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out) { return std::make_unique<GithubWriter>(out); }

}  // namespace report

void write_github(std::ostream& out, const RunReport& report) {
  GithubWriter w(out);
  for (const FileReport& f : report.files) w.file(f);
  for (const RunError& e : report.errors) w.error(e);
  w.finish();
}

}  // namespace specgate
