// Human output, shaped like clang and rustc so that editors and terminals that already
// understand `path:line:col: severity: message` make it clickable.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>

#include "report/escape.h"
#include "report/excerpt.h"
#include "report/report.h"
#include "report/statistics.h"
#include "report/writers.h"

namespace specgate {

namespace {

struct Style {
  bool on;
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
  std::string_view severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::Error: return "\x1b[1;31m";
      case Severity::Warning: return "\x1b[1;33m";
      case Severity::Note: return "\x1b[1;36m";
    }
    return "";
  }
  std::string_view caret() const { return on ? "\x1b[1;32m" : ""; }
};

// Output is assembled in a string per file and written once: a stream insertion per piece costs
// more than laying the text out, with a report of a hundred thousand findings.
void append_number(std::string& out, uint32_t n, size_t min_width = 0) {
  char digits[16];
  const char* end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  const size_t len = static_cast<size_t>(end - digits);
  if (len < min_width) out.append(min_width - len, ' ');
  out.append(digits, len);
}

// "12:7: " after the path: the numbers and separators laid out in one buffer, appended once.
void append_line_column(std::string& out, uint32_t line, uint32_t column) {
  char buf[24];  // ":" + 10 digits + ":" + 10 digits + ":"
  size_t n = 0;
  if (line > 0) {
    buf[n++] = ':';
    n = static_cast<size_t>(std::to_chars(buf + n, buf + n + 10, line).ptr - buf);
    if (column > 0) {
      buf[n++] = ':';
      n = static_cast<size_t>(std::to_chars(buf + n, buf + n + 10, column).ptr - buf);
    }
  }
  buf[n++] = ':';
  out.append(buf, n);
}

void write_location(std::string& out, const Style& st, std::string_view path, uint32_t line, uint32_t column) {
  if (st.on) out += st.bold();
  out += path;
  append_line_column(out, line, column);
  if (st.on) out += st.reset();
  out += ' ';
}

void write_severity(std::string& out, const Style& st, Severity s) {
  if (!st.on) {
    switch (s) {  // the common case, uncoloured: one append
      case Severity::Error: out += "error: "; return;
      case Severity::Warning: out += "warning: "; return;
      case Severity::Note: out += "note: "; return;
    }
  }
  out += st.severity(s);
  out += severity_name(s);
  out += ':';
  out += st.reset();
  out += ' ';
}

void write_diagnostic(std::string& out, const Style& st, std::string_view path, const FileReport& file,
                      const Diagnostic& d, report::Excerpt& ex) {
  write_location(out, st, path, d.line, d.column);
  write_severity(out, st, d.severity);
  report::append_terminal_safe(out, d.message);
  if (!d.rule.empty()) {
    out += " [";
    report::append_terminal_safe(out, d.rule);
    out += ']';
  }
  out += '\n';

  auto it = d.line > 0 ? file.excerpt_lines.find(d.line) : file.excerpt_lines.end();
  if (it != file.excerpt_lines.end()) {
    const uint32_t end_column = d.end_line == d.line ? d.end_column : 0;
    report::render_excerpt(it->second, d.column, end_column, ex);
    // A gutter as wide as the line number, like clang's " 12 | ".
    out += ' ';
    const size_t gutter_begin = out.size();
    append_number(out, d.line, 4);
    const size_t gutter = out.size() - gutter_begin;
    out += " | ";
    out += ex.text;
    if (d.column > 0) {
      // "\n" and the blank gutter under the line number in one piece, then the marker. The
      // gutter is a line number's width: at most 10 digits.
      char pad[24];
      const size_t n = std::min(gutter, sizeof pad - 5);
      pad[0] = '\n';
      pad[1] = ' ';
      std::fill(pad + 2, pad + 2 + n, ' ');
      std::memcpy(pad + 2 + n, " | ", 3);
      out.append(pad, n + 5);
      if (st.on) out += st.caret();
      out += ex.marker;
      if (st.on) out += st.reset();
    }
    out += '\n';
  }
  if (!d.hint.empty()) {
    if (st.on) {
      out += "  = ";
      out += st.bold();
      out += "hint:";
      out += st.reset();
      out += ' ';
    } else {
      out += "  = hint: ";
    }
    report::append_terminal_safe(out, d.hint);
    out += '\n';
  }
}

class TextWriter : public ReportWriter {
 public:
  TextWriter(std::ostream& out, const TextOptions& options) : out_(out), options_(options), st_{options.color} {}

 protected:
  // A file's block: the template note, then each finding with its excerpt. Cross-document
  // findings come as a file without a template, so their block has no note.
  void write_file(const FileReport& file) override {
    if (options_.statistics) stats_.add(file);
    const std::string path = report::terminal_safe(file.path);
    bool announced = false;
    buf_.clear();
    // A huge file's block goes out in pieces: growing one buffer to its whole size (78 MB for
    // a 14 MB spec) cost more in page faults and copies than the writes it saves. Checked once
    // per kFlushEvery findings, so an ordinary file pays nothing for it.
    const std::vector<Diagnostic>& diags = file.diagnostics;
    for (size_t chunk = 0; chunk < diags.size(); chunk += kFlushEvery) {
      const size_t chunk_end = std::min(diags.size(), chunk + kFlushEvery);
      for (size_t i = chunk; i < chunk_end; ++i) {
        const Diagnostic& d = diags[i];
        if (options_.quiet && d.severity != Severity::Error) continue;
        if (!first_block_) buf_ += '\n';
        first_block_ = false;
        // Which template a file was held to explains most findings, so it opens the file's block;
        // clean files stay silent. In quiet mode it is a note, and notes are not shown.
        if (!announced && !options_.quiet && !file.template_name.empty()) {
          write_location(buf_, st_, path, 0, 0);
          write_severity(buf_, st_, Severity::Note);
          buf_ += "checked against template '";
          buf_ += report::terminal_safe(file.template_name);
          buf_ += '\'';
          if (!file.template_reason.empty()) {
            buf_ += " (";
            buf_ += report::terminal_safe(file.template_reason);
            buf_ += ')';
          }
          buf_ += '\n';
        }
        announced = true;
        write_diagnostic(buf_, st_, path, file, d, excerpt_);
      }
      if (chunk_end < diags.size()) {
        out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
      }
    }
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void write_more(const FileReport& file) override { write_file(file); }

  void write_end() override {
    if (options_.quiet) {
      if (options_.statistics) write_statistics();
      return;
    }
    const Summary& s = summary_;
    if (!first_block_) out_ << '\n';
    // Said once, so that a warning where an error was expected has its reason in the output.
    if (s.demoted > 0) {
      std::string line;
      write_severity(line, st_, Severity::Note);
      line += report::count_noun(s.demoted, "finding", "findings");
      line += " of completeness rules in ";
      line += report::count_noun(s.demoted_files, "spec", "specs");
      line += s.demoted_files == 1 ? " with a draft status" : " with draft statuses";
      line += " lowered from error (status-aware strictness: draft_statuses in .specgate.yaml)\n";
      out_ << line;
    }
    // "no problems" only when everything asked for was read: a path that could not be (its
    // message is on stderr) leaves the counts and says how many were not checked.
    if (s.errors + s.warnings + s.notes == 0 && s.unreadable == 0) {
      out_ << "no problems in " << report::count_noun(s.files, "file", "files") << '\n';
    } else {
      out_ << report::count_noun(s.errors, "error", "errors") << ", "
           << report::count_noun(s.warnings, "warning", "warnings") << ", "
           << report::count_noun(s.notes, "note", "notes") << " in "
           << report::count_noun(s.files, "file", "files");
      if (s.unreadable > 0)
        out_ << "; " << report::count_noun(s.unreadable, "path", "paths") << " could not be checked";
      out_ << '\n';
    }
    if (options_.statistics) write_statistics();
  }

  // After the summary, a blank line and the tables; nothing when nothing was found.
  void write_statistics() {
    const std::string tables = report::statistics_text(stats_);
    if (!tables.empty()) out_ << (options_.quiet ? "" : "\n") << tables;
  }

 private:
  std::ostream& out_;
  TextOptions options_;
  Style st_;
  bool first_block_ = true;
  static constexpr size_t kFlushEvery = 1024;  // findings: ~300 KB of report
  std::string buf_;  // one file's output, written at once up to kFlushEvery findings
  report::Statistics stats_;  // with options_.statistics: every finding given
  report::Excerpt excerpt_;  // reused: its strings keep their capacity from finding to finding
};

}  // namespace

namespace report {

std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const TextOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace report

void write_text(std::ostream& out, const RunReport& report, const TextOptions& options) {
  TextWriter w(out, options);
  for (const FileReport& file : report.files) w.file(file);
  for (const RunError& e : report.errors) w.error(e);
  w.finish();
}

}  // namespace specgate
