// The incremental cross-document rules (workspace/cross_index.h) against the whole pass
// (workspace_findings): after every edit of a seeded random sequence — IDs added, removed,
// renamed and reordered, references added, removed and turned around, text moved, specs added
// and removed — every file's findings must be the same, byte for byte, in the same order.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "check/checker.h"
#include "workspace/cross_index.h"
#include "workspace/run.h"

namespace specgate {
namespace {

std::string render(const std::vector<Diagnostic>& ds) {
  std::string out;
  for (const Diagnostic& d : ds)
    out += d.rule + " " + std::string(severity_name(d.severity)) + " " + std::to_string(d.line) + ":" +
           std::to_string(d.column) + "-" + std::to_string(d.end_line) + ":" + std::to_string(d.end_column) + " [" +
           d.section + "] " + d.message + " | " + d.hint + "\n";
  return out;
}

class Workspace {
 public:
  explicit Workspace(uint32_t seed) : rng_(seed) {
    config_.id_families = {"TASK", "EPIC"};
    registry_ = std::make_unique<TemplateRegistry>(config_);
    checker_ = std::make_unique<Checker>(config_, *registry_, CheckOptions{});
  }

  std::vector<SpecIndex> files;
  CrossIndex cross;

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  // A small pool, so IDs collide (duplicates), go missing (dangling) and loop (cycles) often.
  std::string some_id() {
    static const char* kIds[] = {"TASK-1", "TASK-2", "TASK-3", "TASK-4", "TASK-5", "TASK-6",
                                 "TASK-10", "EPIC-1", "EPIC-2", "NOPE-1", "TASK-SUB-1"};
    return kIds[pick(std::size(kIds))];
  }
  uint32_t some_line() { return static_cast<uint32_t>(1 + pick(30)); }

  void add_id(SpecIndex& r) {
    std::string id = some_id();
    for (const auto& d : r.ids)
      if (d.id == id) return;  // a record's IDs are distinct
    IdDeclaration d;
    d.id = id;
    d.source = static_cast<IdSource>(pick(4));
    d.line = some_line();
    d.column = static_cast<uint32_t>(1 + pick(5));
    d.length = static_cast<uint32_t>(id.size());
    r.ids.insert(r.ids.begin() + static_cast<std::ptrdiff_t>(pick(r.ids.size() + 1)), d);
    note(r, d.line);
  }
  void add_ref(SpecIndex& r) {
    Reference ref;
    ref.id = some_id();
    ref.kind = static_cast<RefKind>(pick(4));
    ref.via = ref.kind == RefKind::Blocks ? "Blocks" : "Blocked By";
    ref.line = some_line();
    ref.column = static_cast<uint32_t>(1 + pick(20));
    ref.length = static_cast<uint32_t>(ref.id.size());
    r.refs.insert(r.refs.begin() + static_cast<std::ptrdiff_t>(pick(r.refs.size() + 1)), ref);
    note(r, ref.line);
  }
  void note(SpecIndex& r, uint32_t line) { r.lines[line] = {"line " + std::to_string(line), "S" + std::to_string(line % 3)}; }

  SpecIndex make(std::string path) {
    SpecIndex r;
    r.path = std::move(path);
    for (size_t k = pick(3); k > 0; --k) add_id(r);
    for (size_t k = pick(5); k > 0; --k) add_ref(r);
    return r;
  }

  void edit(SpecIndex& r) {
    switch (pick(9)) {
      case 0: add_id(r); break;
      case 1: if (!r.ids.empty()) r.ids.erase(r.ids.begin() + static_cast<std::ptrdiff_t>(pick(r.ids.size()))); break;
      case 2:  // rename
        if (!r.ids.empty()) {
          IdDeclaration& d = r.ids[pick(r.ids.size())];
          const std::string id = some_id();
          bool taken = false;
          for (const auto& x : r.ids) taken |= x.id == id;
          if (!taken) d.id = id;
        }
        break;
      case 3: if (r.ids.size() > 1) std::swap(r.ids[0], r.ids[1]); break;  // another primary ID
      case 4: add_ref(r); break;
      case 5: if (!r.refs.empty()) r.refs.erase(r.refs.begin() + static_cast<std::ptrdiff_t>(pick(r.refs.size()))); break;
      case 6: if (!r.refs.empty()) r.refs[pick(r.refs.size())].kind = static_cast<RefKind>(pick(4)); break;
      case 7:  // a line inserted above everything: positions move, nothing else
        for (auto& d : r.ids) ++d.line;
        for (auto& x : r.refs) ++x.line;
        {
          std::map<uint32_t, SpecIndex::LineNote> moved;
          for (auto& [l, n] : r.lines) moved[l + 1] = n;
          r.lines = std::move(moved);
        }
        break;
      case 8: if (!r.refs.empty()) r.refs[pick(r.refs.size())].id = some_id(); break;
    }
  }

  std::vector<std::vector<Diagnostic>> whole_pass() const {
    return workspace_findings(*checker_, config_, true, files, std::vector<uint8_t>(files.size(), 1));
  }
  std::vector<Diagnostic> incremental(size_t i) const { return cross.findings(i, *checker_, config_, true); }

 private:
  std::mt19937 rng_;
  Config config_;
  std::unique_ptr<TemplateRegistry> registry_;
  std::unique_ptr<Checker> checker_;
};

// One seeded run: `steps` edits; returns how many findings of each rule were seen on the way.
std::map<std::string, size_t> run_edits(uint32_t seed, size_t n_files, size_t steps) {
  Workspace w(seed);
  for (size_t f = 0; f < n_files; ++f) w.files.push_back(w.make("/w/spec-" + std::to_string(100 + f) + ".md"));
  w.cross.reset(&w.files);
  std::map<std::string, size_t> seen;
  for (size_t step = 0; step < steps; ++step) {
    const size_t what = w.pick(40);
    if (what == 0 && w.files.size() > 2) {  // a spec deleted
      w.files.erase(w.files.begin() + static_cast<std::ptrdiff_t>(w.pick(w.files.size())));
      w.cross.reset(&w.files);
    } else if (what == 1) {  // a spec created
      SpecIndex r = w.make("/w/spec-" + std::to_string(100 + w.pick(90)) + "x.md");
      auto pos = std::lower_bound(w.files.begin(), w.files.end(), r.path,
                                  [](const SpecIndex& a, const std::string& p) { return a.path < p; });
      if (pos != w.files.end() && pos->path == r.path) continue;
      w.files.insert(pos, std::move(r));
      w.cross.reset(&w.files);
    } else {
      const size_t i = w.pick(w.files.size());
      w.cross.before_change(i);
      SpecIndex r = w.files[i];
      w.edit(r);
      if (w.pick(3) == 0) w.edit(r);  // sometimes two changes at once
      w.files[i] = std::move(r);
      w.cross.after_change(i);
    }
    const auto whole = w.whole_pass();
    for (size_t f = 0; f < w.files.size(); ++f) {
      const std::vector<Diagnostic> got = w.incremental(f);
      EXPECT_EQ(render(got), render(whole[f])) << "seed " << seed << ", step " << step << ", " << w.files[f].path;
      if (::testing::Test::HasFailure()) return seen;
      for (const Diagnostic& d : got) ++seen[d.rule];
    }
  }
  return seen;
}

TEST(CrossIndex, RandomEditsGiveTheWholePassFindings) {
  std::map<std::string, size_t> seen;
  for (uint32_t seed = 1; seed <= 40 && !::testing::Test::HasFailure(); ++seed)
    for (const auto& [rule, n] : run_edits(seed, 6 + seed % 10, 150)) seen[rule] += n;
  // The runs met every rule, cycles included (so they were made and broken along the way).
  EXPECT_GT(seen["duplicate-id"], 0u);
  EXPECT_GT(seen["dangling-reference"], 0u);
  EXPECT_GT(seen["dependency-cycle"], 0u);
}

TEST(CrossIndex, ACycleMadeAndBrokenAcrossThreeSpecs) {
  Workspace w(7);
  auto spec = [](std::string path, std::string id, std::vector<std::pair<std::string, RefKind>> refs) {
    SpecIndex r;
    r.path = std::move(path);
    r.ids.push_back({id, IdSource::Title, "", 1, 3, static_cast<uint32_t>(id.size())});
    uint32_t line = 3;
    for (auto& [to, kind] : refs) r.refs.push_back({to, kind, "Blocked By", line++, 17, static_cast<uint32_t>(to.size())});
    return r;
  };
  w.files = {spec("/w/a.md", "TASK-1", {{"TASK-2", RefKind::DependsOn}}),
             spec("/w/b.md", "TASK-2", {{"TASK-3", RefKind::DependsOn}}),
             spec("/w/c.md", "TASK-3", {})};
  w.cross.reset(&w.files);
  for (size_t f = 0; f < 3; ++f) EXPECT_TRUE(w.incremental(f).empty());
  // a: "Blocks: TASK-3" (TASK-3 waits for TASK-1) closes TASK-1 -> TASK-2 -> TASK-3 -> TASK-1.
  w.cross.before_change(0);
  w.files[0] = spec("/w/a.md", "TASK-1", {{"TASK-2", RefKind::DependsOn}, {"TASK-3", RefKind::Blocks}});
  w.cross.after_change(0);
  const auto whole = w.whole_pass();
  size_t cycles = 0;
  for (size_t f = 0; f < 3; ++f) {
    EXPECT_EQ(render(w.incremental(f)), render(whole[f]));
    cycles += w.incremental(f).size();
  }
  EXPECT_EQ(cycles, 1u);
  EXPECT_NE(render(w.incremental(0)).find("dependency cycle: TASK-1 -> TASK-2 -> TASK-3 -> TASK-1"), std::string::npos)
      << render(w.incremental(0)) << render(w.incremental(2));
  // b stops waiting: no cycle anywhere.
  w.cross.before_change(1);
  w.files[1] = spec("/w/b.md", "TASK-2", {});
  w.cross.after_change(1);
  for (size_t f = 0; f < 3; ++f) EXPECT_TRUE(w.incremental(f).empty()) << render(w.incremental(f));
}

}  // namespace
}  // namespace specgate
