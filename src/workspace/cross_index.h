// The cross-document rules kept up to date while single files change (the language server):
// which files declare and which refer to each ID, and the dependency graph's strongly connected
// components, updated from the delta of an edited record. A file's findings are then read from
// them rather than from a pass of every rule over every record: what `check FOLDER` reports for
// that file (workspace_findings), without the cost of the whole folder on every keystroke.
// tests/unit/cross_index_test.cpp holds the two equal over random edits.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/checker.h"
#include "config/config.h"
#include "core/diagnostic.h"
#include "rules/workspace_rule.h"
#include "spec/index.h"

namespace specgate {

class CrossIndex {
 public:
  // Indexes `files` (sorted by path) from scratch. The vector must outlive the index, and a
  // record change in place only between before_change and after_change; inserting or removing
  // a record (positions move) needs reset.
  void reset(const std::vector<SpecIndex>* files);
  // Around `files[i] = new record`: the old record's part leaves, the new one's joins, and the
  // components that can have changed are found again.
  void before_change(size_t i);
  void after_change(size_t i);

  // The cross-document findings of files[i], as workspace_findings gives them when i is the only
  // checked file: enabled rules in registry order, suppressions applied, severities and sections
  // set, not yet sorted.
  std::vector<Diagnostic> findings(size_t i, const Checker& checker, const Config& config, bool complete) const;

  // The files declaring `id`, in path order (empty when none does).
  const std::vector<size_t>& declarers(const std::string& id) const;

 private:
  struct Edge {
    size_t to, file, ref;  // ref: position in files[file].refs
  };
  // A strongly connected component of two or more specs, with its cycle as the rule spells it:
  // the nodes from the smallest ID round to it again (the closing edge leads back to nodes[0]).
  struct Component {
    std::vector<size_t> nodes;
    std::vector<size_t> cycle;
  };
  // What the dependency graph reads of a record; equal before and after a change: no edge moved.
  struct Shape {
    std::vector<std::string> ids;
    std::vector<std::pair<std::string, RefKind>> blocking;
    bool operator==(const Shape&) const = default;
  };

  static Shape shape_of(const SpecIndex& r);
  void add(size_t i);
  void remove(size_t i);
  long owner(const std::string& id) const;  // the one file declaring `id`, -1 when none or several
  const std::string& primary(size_t f) const { return (*files_)[f].ids.front().id; }
  // The blocking edges leaving node v, ordered and deduplicated as the rule orders them.
  std::vector<Edge> edges_from(size_t v) const;
  // The first edge v -> w in that order (the one the rule's walk takes).
  Edge edge(size_t v, size_t w) const;
  // The dependency-cycle rule's text for an edge: the target's ID as the reference writes it.
  const std::string& written(const Edge& e) const;
  // Finds the components of every node reachable from `roots` again.
  void settle(std::vector<size_t> roots);
  std::vector<size_t> shortest_cycle(const Component& c, size_t start) const;
  // Marks the nodes whose edges the record at i brings or takes (its targets; with `ids`, the
  // other parties of every ID it declares).
  void mark(size_t i, const std::vector<std::string>& ids, std::vector<size_t>& dirty) const;

  void duplicate_id(size_t i, std::vector<WorkspaceFinding>& out) const;
  void dangling_reference(size_t i, const Config& config, std::vector<WorkspaceFinding>& out) const;
  void dependency_cycle(size_t i, std::vector<WorkspaceFinding>& out) const;
  void count_families(const std::vector<std::string>& families) const;

  const std::vector<SpecIndex>* files_ = nullptr;
  std::unordered_map<std::string, std::vector<size_t>> declarers_;  // ID -> files, ascending
  std::unordered_map<std::string, std::vector<size_t>> referrers_;  // ID -> files referring to it, ascending
  std::vector<std::shared_ptr<const Component>> component_;         // per file; null: on no cycle
  // Declarations per ID family (dangling-reference asks whether a family has any), for the
  // families of `families_`: recounted when a config with other families asks.
  mutable std::vector<std::string> families_;
  mutable std::unordered_map<std::string, size_t> family_count_;
  mutable bool families_known_ = false;
  // Kept by before_change for after_change.
  Shape old_shape_;
  std::vector<size_t> old_dirty_;
};

}  // namespace specgate
