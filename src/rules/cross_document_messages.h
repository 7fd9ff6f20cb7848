// The findings of the cross-document rules, worded once: the whole-run rules (duplicate_id.cpp,
// dangling_reference.cpp, dependency_cycle.cpp) and the language server's incremental index
// (workspace/cross_index.cpp) must report the same text, so both report through these.
#pragma once

#include <cstddef>
#include <string>

#include "rules/workspace_rule.h"

namespace specgate::cross_document {

// "a.md:3 (title), b.md:9 (field) and 2 more": the other declarations of a duplicate ID, at most
// three named. `count` is how many others there are; add() them in order until full().
class OtherDeclarations {
 public:
  explicit OtherDeclarations(size_t count) : count_(count) {}
  bool full() const { return listed_ == kNamed; }
  void add(const std::string& path, const IdDeclaration& d);
  std::string text() const;

 private:
  static constexpr size_t kNamed = 3;
  size_t count_;
  size_t listed_ = 0;
  std::string text_;
};

void report_duplicate_id(WorkspaceReporter& out, size_t file, const IdDeclaration& d, const OtherDeclarations& others);
void report_dangling_reference(WorkspaceReporter& out, size_t file, const Reference& r);
// A spec whose blocking reference names its own ID.
void report_self_cycle(WorkspaceReporter& out, size_t file, const Reference& r);
// `chain` is "A -> B -> A", written from the cycle's smallest ID; `closing` the reference closing it.
void report_cycle(WorkspaceReporter& out, size_t file, const Reference& closing, const std::string& chain);

}  // namespace specgate::cross_document
