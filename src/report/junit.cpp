// JUnit XML for CI systems that only chart test results: one test case per checked file, failed
// when the file has errors. Warnings and notes do not fail a build, so they go to system-out.
#include <charconv>
#include <string>

#include "report/escape.h"
#include "report/report.h"

namespace specgate {

namespace {

void append_number(std::string& out, uint32_t n) {
  char digits[16];
  const auto r = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, static_cast<size_t>(r.ptr - digits));
}

// "path:line:col: severity: message [rule]" and its hint line, as the text report's first line.
void append_diagnostic_line(std::string& s, const FileReport& f, const Diagnostic& d) {
  s += f.path;
  if (d.line > 0) {
    s += ':';
    append_number(s, d.line);
    if (d.column > 0) {
      s += ':';
      append_number(s, d.column);
    }
  }
  s += ": ";
  s += severity_name(d.severity);
  s += ": ";
  s += d.message;
  if (!d.rule.empty()) {
    s += " [";
    s += d.rule;
    s += ']';
  }
  s += '\n';
  if (!d.hint.empty()) {
    s += "  = hint: ";
    s += d.hint;
    s += '\n';
  }
}

size_t count_errors(const FileReport& f) {
  size_t n = 0;
  for (const Diagnostic& d : f.diagnostics) n += d.severity == Severity::Error;
  return n;
}

}  // namespace

void write_junit(std::ostream& out, const RunReport& report) {
  using report::append_xml_escaped;
  size_t failures = 0;
  for (const FileReport& f : report.files) failures += count_errors(f) > 0;

  // Built in one buffer, written every 256 KB: a stream insertion per piece and a string per
  // escaped piece cost more than the text report.
  std::string buf, failure_text, other_text, message;
  auto flush = [&] {
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  buf += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  buf += "<testsuite name=\"specgate\" tests=\"";
  buf += std::to_string(report.files.size() + report.errors.size());
  buf += "\" failures=\"";
  buf += std::to_string(failures);
  buf += "\" errors=\"";
  buf += std::to_string(report.errors.size());
  buf += "\" skipped=\"0\">\n";
  for (const FileReport& f : report.files) {
    buf += "  <testcase classname=\"specgate\" name=\"";
    append_xml_escaped(buf, f.path, true);
    buf += '"';
    if (f.diagnostics.empty()) {
      buf += "/>\n";
      continue;
    }
    buf += ">\n";
    failure_text.clear();
    other_text.clear();
    const Diagnostic* first_error = nullptr;
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::Error) {
        if (!first_error) first_error = &d;
        append_diagnostic_line(failure_text, f, d);
      } else {
        append_diagnostic_line(other_text, f, d);
      }
    }
    if (first_error) {
      const size_t errors = count_errors(f);
      message = first_error->message;
      if (errors > 1) {
        message += " (and ";
        message += report::count_noun(errors - 1, "more error", "more errors");
        message += ')';
      }
      buf += "    <failure message=\"";
      append_xml_escaped(buf, message, true);
      buf += "\" type=\"";
      append_xml_escaped(buf, first_error->rule, true);
      buf += "\">";
      append_xml_escaped(buf, failure_text, false);
      buf += "</failure>\n";
    }
    if (!other_text.empty()) {
      buf += "    <system-out>";
      append_xml_escaped(buf, other_text, false);
      buf += "</system-out>\n";
    }
    buf += "  </testcase>\n";
    if (buf.size() >= (1u << 18)) flush();
  }
  // A path that could not be read is a test case in error (JUnit's "could not run"), not a pass.
  for (const RunError& e : report.errors) {
    buf += "  <testcase classname=\"specgate\" name=\"";
    append_xml_escaped(buf, e.path, true);
    buf += "\">\n    <error message=\"";
    append_xml_escaped(buf, e.message, true);
    buf += "\" type=\"unreadable\"/>\n  </testcase>\n";
  }
  buf += "</testsuite>\n";
  flush();
}

}  // namespace specgate
