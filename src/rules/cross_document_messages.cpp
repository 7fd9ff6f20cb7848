#include "rules/cross_document_messages.h"

namespace specgate::cross_document {

void OtherDeclarations::add(const std::string& path, const IdDeclaration& d) {
  if (full()) return;
  text_ += (listed_ ? ", " : "") + path + ":" + std::to_string(d.line) + " (" + std::string(id_source_name(d.source)) + ")";
  ++listed_;
}

std::string OtherDeclarations::text() const {
  if (count_ <= listed_) return text_;
  return text_ + " and " + std::to_string(count_ - listed_) + " more";
}

void report_duplicate_id(WorkspaceReporter& out, size_t file, const IdDeclaration& d, const OtherDeclarations& others) {
  out.report(file, d.line, d.column, d.length,
             "ID '" + d.id + "' (" + std::string(id_source_name(d.source)) + ") is also declared by " + others.text(),
             "give each spec its own ID; references to '" + d.id + "' cannot tell these specs apart");
}

void report_dangling_reference(WorkspaceReporter& out, size_t file, const Reference& r) {
  out.report(file, r.line, r.column, r.length, "'" + r.id + "' (" + r.via + ") is not declared by any spec in this run",
             "fix the ID, or add the spec that declares it (in its title, an ID field or its file name)");
}

void report_self_cycle(WorkspaceReporter& out, size_t file, const Reference& r) {
  out.report(file, r.line, r.column, r.length, "dependency cycle: " + r.id + " -> " + r.id + " (it waits for itself)",
             "remove the reference to the spec's own ID");
}

void report_cycle(WorkspaceReporter& out, size_t file, const Reference& closing, const std::string& chain) {
  out.report(file, closing.line, closing.column, closing.length, "dependency cycle: " + chain + " (each waits for the next)",
             "remove or reverse one of these blocking references so one spec can finish first");
}

}  // namespace specgate::cross_document
