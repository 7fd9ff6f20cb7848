// JUnit XML for CI systems that only chart test results: one test case per checked file, failed
// when the file has errors. Warnings and notes do not fail a build, so they go to system-out.
#include <string>

#include "report/escape.h"
#include "report/report.h"

namespace specgate {

namespace {

std::string diagnostic_line(const FileReport& f, const Diagnostic& d) {
  std::string s = f.path;
  if (d.line > 0) {
    s += ':' + std::to_string(d.line);
    if (d.column > 0) s += ':' + std::to_string(d.column);
  }
  s += ": ";
  s += severity_name(d.severity);
  s += ": " + d.message;
  if (!d.rule.empty()) s += " [" + d.rule + ']';
  s += '\n';
  if (!d.hint.empty()) s += "  = hint: " + d.hint + '\n';
  return s;
}

size_t count_errors(const FileReport& f) {
  size_t n = 0;
  for (const Diagnostic& d : f.diagnostics) n += d.severity == Severity::Error;
  return n;
}

}  // namespace

void write_junit(std::ostream& out, const RunReport& report) {
  using report::xml_escape;
  size_t failures = 0;
  for (const FileReport& f : report.files) failures += count_errors(f) > 0;

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuite name=\"specgate\" tests=\"" << report.files.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\">\n";
  for (const FileReport& f : report.files) {
    out << "  <testcase classname=\"specgate\" name=\"" << xml_escape(f.path, true) << '"';
    if (f.diagnostics.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    std::string failure_text, other_text;
    const Diagnostic* first_error = nullptr;
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::Error) {
        if (!first_error) first_error = &d;
        failure_text += diagnostic_line(f, d);
      } else {
        other_text += diagnostic_line(f, d);
      }
    }
    if (first_error) {
      const size_t errors = count_errors(f);
      std::string message = first_error->message;
      if (errors > 1) message += " (and " + report::count_noun(errors - 1, "more error", "more errors") + ')';
      out << "    <failure message=\"" << xml_escape(message, true) << "\" type=\""
          << xml_escape(first_error->rule, true) << "\">" << xml_escape(failure_text, false) << "</failure>\n";
    }
    if (!other_text.empty()) out << "    <system-out>" << xml_escape(other_text, false) << "</system-out>\n";
    out << "  </testcase>\n";
  }
  out << "</testsuite>\n";
}

}  // namespace specgate
