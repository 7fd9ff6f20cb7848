// The fix engine: applies the fixes rules attach to their findings (core/diagnostic.h) to a
// spec's text, and fixes a spec until nothing more applies. The command line (check --fix,
// --diff) and, later, the language server's code actions use it. See docs/fixes.md.
#pragma once

#include <string>
#include <vector>

#include "check/checker.h"
#include "core/diagnostic.h"
#include "model/document.h"

namespace specgate {

// Why an edit may not be applied to `doc`, or "" when it may: it touches fenced or indented
// code, the front matter, or a line where `rule` is suppressed.
std::string edit_refusal(const Document& doc, const std::string& rule, const TextEdit& edit);

struct AppliedFixes {
  std::string text;    // the document's bytes with the applied fixes
  size_t applied = 0;  // fixes applied
  size_t refused = 0;  // safe fixes left out: protected text, or overlapping a fix applied before
};

// Applies the fixes of `diags` (findings on `doc`): the safe ones, or all with `unsafe_too`.
// Fixes are taken in position order; one whose edits overlap an applied fix's waits for the next
// pass (the finding may be gone by then, or its fix computed afresh on the new text). Insertions
// at one place keep the order they were reported in, with one blank line between them where each
// brings its own.
AppliedFixes apply_fixes(const Document& doc, const std::vector<Diagnostic>& diags, bool unsafe_too = false);

struct FixedText {
  std::string text;    // the fixed bytes (equal to the input when nothing applied)
  size_t applied = 0;  // fixes applied over all passes
  size_t passes = 0;   // checks run
};

// Checks `bytes` as the spec at `path` with `checker` (whose options ask for fixes), applies the
// safe fixes and checks again, until no fix applies (or kMaxFixPasses): a second run of it on
// its own result changes nothing.
inline constexpr size_t kMaxFixPasses = 8;
FixedText fix_text(const Checker& checker, const std::string& path, std::string bytes);

}  // namespace specgate
