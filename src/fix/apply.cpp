#include "fix/apply.h"

#include <algorithm>

namespace specgate {

namespace {

// The lines an edit touches: a deletion or replacement its own lines; an insertion the line it
// goes before (inserting at the start of a closing fence is inside the block).
std::pair<uint32_t, uint32_t> touched_lines(const SourceText& src, const TextEdit& e) {
  const uint32_t first = src.line_of(e.begin);
  const uint32_t last = e.end > e.begin ? src.line_of(e.end - 1, first) : first;
  return {first, last};
}

}  // namespace

std::string edit_refusal(const Document& doc, const std::string& rule, const TextEdit& edit) {
  const SourceText& src = doc.source;
  if (edit.begin > edit.end || edit.end > src.text().size()) return "out of the document";
  if (edit.begin < src.content_begin()) return "inside the byte-order mark";
  const auto [first, last] = touched_lines(src, edit);
  const bool insertion = edit.begin == edit.end;
  for (const CodeBlock& c : doc.code_blocks) {
    // An insertion before the opening fence's line is outside the block; one before a later
    // line of it (the closing fence included) is inside.
    const uint32_t from = insertion && edit.begin == src.line_begin(first) ? c.line + 1 : c.line;
    if (first <= c.end_line && last >= from) return "inside a code block";
  }
  const FrontMatter& fm = doc.front_matter;
  if (fm.present) {
    const uint32_t from = insertion && edit.begin == src.line_begin(first) ? fm.line + 1 : fm.line;
    if (first <= fm.end_line && last >= from) return "inside the front matter";
  }
  for (uint32_t l = first; l <= last; ++l)
    if (doc.suppressions.suppressed(rule, l)) return "on a suppressed line";
  return "";
}

AppliedFixes apply_fixes(const Document& doc, const std::vector<Diagnostic>& diags, bool unsafe_too) {
  struct Candidate {
    const Fix* fix;
    const std::string* rule;
  };
  std::vector<Candidate> todo;
  AppliedFixes out;
  for (const Diagnostic& d : diags)
    for (const Fix& f : d.fixes)
      if ((f.safe || unsafe_too) && !f.edits.empty()) todo.push_back({&f, &d.rule});
  // Position order, so that edits can be laid out front to back; ties keep the report order.
  std::stable_sort(todo.begin(), todo.end(),
                   [](const Candidate& a, const Candidate& b) { return a.fix->edits.front().begin < b.fix->edits.front().begin; });
  std::vector<const TextEdit*> edits;
  size_t reached = 0;  // end of the last accepted edit
  for (const Candidate& c : todo) {
    bool ok = true;
    size_t at = reached;
    for (const TextEdit& e : c.fix->edits) {
      // Insertions at one place go in the order they were reported (missing sections: template order).
      if (e.begin < at || !edit_refusal(doc, *c.rule, e).empty()) {
        ok = false;
        break;
      }
      at = e.end;
    }
    if (!ok) {
      ++out.refused;
      continue;
    }
    for (const TextEdit& e : c.fix->edits) edits.push_back(&e);
    reached = at;
    ++out.applied;
  }
  const std::string_view text = doc.source.text();
  size_t pos = 0;
  const TextEdit* last = nullptr;
  for (const TextEdit* e : edits) {
    out.text.append(text.substr(pos, e->begin - pos));
    std::string_view add = e->text;
    // Insertions at one place are each set apart by blank lines of their own: where one ends
    // with a blank line and the next starts with one, keep one.
    if (last && last->begin == last->end && e->begin == e->end && e->begin == last->begin) {
      for (std::string_view eol : {"\r\n", "\n"}) {
        const std::string blank_end = std::string(eol) + std::string(eol);
        if (out.text.size() >= blank_end.size() && out.text.compare(out.text.size() - blank_end.size(), blank_end.size(), blank_end) == 0 &&
            add.substr(0, eol.size()) == eol) {
          add.remove_prefix(eol.size());
          break;
        }
      }
    }
    out.text.append(add);
    pos = e->end;
    last = e;
  }
  out.text.append(text.substr(pos));
  return out;
}

FixedText fix_text(const Checker& checker, const std::string& path, std::string bytes) {
  FixedText out;
  while (out.passes < kMaxFixPasses) {
    Document doc = build_document(SourceText(path, bytes));
    CheckResult r = checker.check(doc);
    ++out.passes;
    if (!r.fatal.empty()) break;
    AppliedFixes a = apply_fixes(doc, r.report.diagnostics);
    if (a.applied == 0 || a.text == bytes) break;
    out.applied += a.applied;
    bytes = std::move(a.text);
  }
  out.text = std::move(bytes);
  return out;
}

}  // namespace specgate
