// status-mismatch: the status says work has not started ("To Do", "Draft", "Backlog") while every
// Definition of Done / acceptance item is checked or marked done. One of the two is out of date,
// and whoever reads the status plans from the wrong one. The reverse (done, with an open item)
// is unchecked-gate's. Spec-driven tools (spec-kit, Kiro, OpenSpec) keep the gates in a sibling
// `tasks.md`: a spec without gates of its own is judged by that list.
#include <filesystem>

#include "model/load.h"
#include "model/normalize.h"
#include "rules/rule.h"
#include "spec/fields.h"
#include "spec/progress.h"

namespace specgate {

namespace {

// Fewer items than this say too little about the work to contradict a status.
constexpr size_t kMinItems = 2;

// The outermost section (`s` or an ancestor) that lists the conditions for calling the work
// done ("Definition of Done", holding "### Acceptance"), or -1.
int32_t gate_section(const Document& doc, int32_t s) {
  int32_t gate = -1;
  static constexpr std::string_view words[] = {"definition of done", "acceptance", "done criteria", "dod",
                                               "exit criteria", "completion criteria"};
  for (; s >= 0; s = doc.sections[s].parent) {
    const std::string& t = doc.sections[s].normalized_title;
    // "Acceptance Sign-Off": who approved, not what was built; an open slot there means waiting
    // for approval, which is past "not started" too.
    if (t.find("sign-off") != std::string::npos || t.find("sign off") != std::string::npos ||
        t.find("signoff") != std::string::npos || t.find("approval") != std::string::npos)
      return -1;
    for (std::string_view w : words) {
      if (contains_word(t, w)) {
        gate = s;
        break;
      }
    }
  }
  return gate;
}

std::string plain(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (c != '`' && c != '*') out += c;
  }
  return out;
}

// The checklist of the `tasks.md` beside `path` (not `path` itself): how many items, and whether
// all are checked. Nullopt when there is no such file or it cannot be read.
struct TaskList {
  size_t items = 0;
  bool all_done = true;
};
std::optional<TaskList> sibling_tasks(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || path == "-" || path == "<stdin>") return std::nullopt;
  const fs::path spec(path);
  if (spec.filename() == "tasks.md") return std::nullopt;
  const fs::path tasks = spec.parent_path() / "tasks.md";
  std::error_code ec;
  if (!fs::is_regular_file(tasks, ec)) return std::nullopt;
  std::string error;
  const std::optional<Document> doc = load_document(tasks.native(), error);
  if (!doc) return std::nullopt;
  TaskList list;
  for (const ChecklistItem& c : doc->checklist) {
    if (doc->line_info(c.line).kind == LineKind::Code) continue;
    ++list.items;
    list.all_done = list.all_done && (c.checked || item_marked_done(c.text));
  }
  return list;
}

class StatusMismatchRule : public Rule {
 public:
  std::string_view name() const override { return "status-mismatch"; }
  std::string_view summary() const override {
    return "The status says not started while every Definition of Done / acceptance item is done";
  }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const Field* st = doc.status_field();
    if (!st || !is_not_started_status(st->value)) return;
    // The gate sections' checklist items, each by its box (or a done marker); a gate written
    // without boxes, by its list items' done markers (✅, "verified"). Sub-items of a checklist
    // item are its details, not gates. One open item ends the question.
    size_t done = 0;
    int32_t first = kPreamble, gate = kPreamble;
    size_t other_gates = 0;  // gate sections after the first
    int32_t last = kPreamble;
    for (const ChecklistItem& c : doc.checklist) {
      if (doc.line_info(c.line).kind == LineKind::Code || (gate = gate_section(doc, c.section)) < 0) continue;
      if (!c.checked && !item_marked_done(c.text)) return;
      if (done++ == 0) first = gate;
      if (gate != last && last != kPreamble) ++other_gates;
      last = gate;
    }
    if (done == 0) {
      for (uint32_t l = 1; l <= doc.lines.size(); ++l) {
        const LineInfo& li = doc.line_info(l);
        if (!li.list_item_start || li.kind != LineKind::Paragraph || (gate = gate_section(doc, li.section)) < 0) continue;
        if (!item_marked_done(doc.content(l))) return;
        if (done++ == 0) first = gate;
        if (gate != last && last != kPreamble) ++other_gates;
        last = gate;
      if (gate != last && last != kPreamble) ++other_gates;
      last = gate;
      }
    }
    const std::string_view value = st->value;
    if (done == 0) {
      const auto tasks = sibling_tasks(doc.source.path());
      if (!tasks || !tasks->all_done || tasks->items < kMinItems) return;
      out.report(st->line, value_part_column(doc, *st, 0, value), static_cast<uint32_t>(count_chars(value)),
                 "status is '" + plain(value) + "' while all " + std::to_string(tasks->items) +
                     " tasks in the tasks.md beside it are checked",
                 "set the status to where the work is, or uncheck the tasks not done yet");
      return;
    }
    if (done < kMinItems) return;
    out.report(st->line, value_part_column(doc, *st, 0, value), static_cast<uint32_t>(count_chars(value)),
               "status is '" + plain(value) + "' while all " + std::to_string(done) + " items under '" +
                   plain(doc.sections[first].title) + "'" +
                   (other_gates ? " and the other done-criteria sections" : "") + " are done",
               "set the status to where the work is, or uncheck the items not done yet");
  }
};

}  // namespace

std::unique_ptr<Rule> make_status_mismatch() { return std::make_unique<StatusMismatchRule>(); }

}  // namespace specgate
