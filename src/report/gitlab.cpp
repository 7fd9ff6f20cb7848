// GitLab Code Quality (artifacts:reports:codequality): a JSON array of issues, written as files
// come. The fields are the ones GitLab documents as required: description, check_name,
// fingerprint, severity, location.path, location.lines.begin.
#include <cstdint>
#include <unordered_map>

#include "report/json_out.h"
#include "report/report.h"
#include "report/writers.h"

namespace specgate {

namespace {

using report::JsonOut;

// GitLab's scale is info, minor, major, critical, blocker. An error fails the check, so it ranks
// above warnings in the merge request widget; nothing specgate finds blocks a deploy.
std::string_view gitlab_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "major";
    case Severity::Warning: return "minor";
    case Severity::Note: return "info";
  }
  return "major";
}

// GitLab resolves paths from the repository root; "./" only gets in the way.
std::string_view issue_path(std::string_view path) {
  while (path.size() >= 2 && path[0] == '.' && path[1] == '/') path.remove_prefix(2);
  return path;
}

// FNV-1a, 64 bits, over the parts with a 0xff byte (never in UTF-8) after each (so "ab"+"c" differs from "a"+"bc").
uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= 0xff;
  h *= 0x100000001b3ULL;
  return h;
}

void append_hex(std::string& out, uint64_t v) {
  static const char kDigits[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(v >> shift) & 0xf];
}

class GitlabWriter : public ReportWriter {
 public:
  explicit GitlabWriter(std::ostream& out) : out_(out) {}

 protected:
  void write_file(const FileReport& f) override {
    buf_.clear();
    const std::string_view path = issue_path(f.path);
    for (const Diagnostic& d : f.diagnostics) {
      append_issue(d.hint.empty() ? d.message : d.message + " (hint: " + d.hint + ")",
                   d.rule.empty() ? std::string_view("specgate") : std::string_view(d.rule), fingerprint(d, path),
                   gitlab_severity(d.severity), path, d.line > 0 ? d.line : 1);  // a whole-file finding sits on line 1
    }
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void write_more(const FileReport& f) override { write_file(f); }
  // A path that could not be read or checked: an issue of its own, so the report never looks
  // clean when something was not checked (the run exits 2).
  void write_error(const RunError& e) override {
    buf_.clear();
    const std::string_view path = issue_path(e.path);
    const uint64_t a = fnv1a(fnv1a(0x6a09e667f3bcc908ULL, path), e.message);
    std::string fp;
    append_hex(fp, a);
    append_hex(fp, fnv1a(a, "unreadable"));
    append_issue("could not be checked: " + e.message, "specgate", fp, "critical", path, 1);
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }
  void write_end() override { out_ << (first_ ? "[]\n" : "\n]\n"); }

 private:
  void append_issue(std::string_view description, std::string_view check, std::string_view fp,
                    std::string_view severity, std::string_view path, uint32_t line) {
    buf_ += first_ ? "[\n  " : ",\n  ";
    first_ = false;
    JsonOut j(buf_, 1);
    j.begin_object();
    j.member("description", description);
    j.member("check_name", check);
    j.member("fingerprint", fp);
    j.member("severity", severity);
    j.key("location");
    j.begin_object();
    j.member("path", path);
    j.key("lines");
    j.begin_object();
    j.member_number("begin", line);
    j.end_object();
    j.end_object();
    j.end_object();
  }

  // Stable across edits that move lines: rule, path and message, not the line. GitLab shows only
  // the first issue of a fingerprint, so the same finding repeated in a file is told apart by
  // its occurrence number (the second 'placeholder <name>' in a file is occurrence 1).
  std::string fingerprint(const Diagnostic& d, std::string_view path) {
    uint64_t a = fnv1a(fnv1a(fnv1a(0xcbf29ce484222325ULL, d.rule), path), d.message);
    const unsigned occurrence = seen_[a]++;
    if (occurrence > 0) a = fnv1a(a, std::to_string(occurrence));
    // A second, differently seeded hash makes the 128-bit (32 hex digit) value tools expect.
    uint64_t b = fnv1a(fnv1a(fnv1a(fnv1a(0x84222325cbf29ce4ULL, path), d.message), d.rule),
                       std::to_string(occurrence));
    std::string out;
    append_hex(out, a);
    append_hex(out, b);
    return out;
  }

  std::ostream& out_;
  std::string buf_;
  bool first_ = true;
  std::unordered_map<uint64_t, unsigned> seen_;  // fingerprint of the first occurrence -> count
};

}  // namespace

namespace report {

std::unique_ptr<ReportWriter> make_gitlab_writer(std::ostream& out) { return std::make_unique<GitlabWriter>(out); }

}  // namespace report

void write_gitlab(std::ostream& out, const RunReport& report) {
  GitlabWriter w(out);
  for (const FileReport& f : report.files) w.file(f);
  w.finish();
}

}  // namespace specgate
