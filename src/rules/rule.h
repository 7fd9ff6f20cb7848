// A lint rule: one file per rule in src/rules/, listed once in registry.cpp, documented in
// docs/rules/NAME.md, with fixtures in tests/fixtures/rules/NAME/.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/date.h"
#include "core/diagnostic.h"
#include "model/document.h"
#include "schema/match.h"
#include "schema/schema.h"

namespace specgate {

class LinkTargets;
struct Legends;

struct RuleContext {
  const Document& doc;
  const Schema* schema = nullptr;      // null when no template applies
  const SectionMatch* match = nullptr;  // non-null whenever schema is
  const Config& config;
  Date today;
  // field_spec_for of each doc.fields entry, found once for every rule that asks; null when
  // there is no template (or in a context built without it, such as a test's).
  const std::vector<const FieldSpec*>* field_specs = nullptr;
  // The run's shared view of link targets; null in a context built without a Checker.
  LinkTargets* link_targets = nullptr;
  // The run wants fixes (check --fix/--diff, editors): rules attach them with Reporter::fix.
  // Otherwise no rule spends time computing edits nobody reads.
  bool want_fixes = false;
  // The document's legends (rules/legends.h), made by legends_of when a rule first asks and
  // shared by the rules of this one check; placeholder and template-text both read them.
  mutable std::shared_ptr<const Legends> legends = nullptr;
};

// Collects one rule's findings; severity, section paths and suppressions are applied later.
class Reporter {
 public:
  Reporter(const Document& doc, std::string_view rule, std::vector<Diagnostic>& out)
      : doc_(doc), rule_(rule), out_(out) {}

  // A range on one line, given in characters: [column, column + length).
  void report(uint32_t line, uint32_t column, uint32_t length, std::string message, std::string hint = "");
  // `text`, a view into line `line` of the document (e.g. Document::content), as the range.
  void report_text(uint32_t line, std::string_view text, std::string message, std::string hint = "");
  // A whole line from its first non-blank character.
  void report_line(uint32_t line, std::string message, std::string hint = "");
  // An informational note (severity note whatever the rule's severity), e.g. how a section was matched.
  void note(uint32_t line, uint32_t column, uint32_t length, std::string message, std::string hint = "");
  // Attaches a fix to the finding reported last (docs/fixes.md).
  void fix(Fix f);

  const Document& doc() const { return doc_; }

 private:
  const Document& doc_;
  std::string_view rule_;
  std::vector<Diagnostic>& out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual std::string_view name() const = 0;
  virtual std::string_view summary() const = 0;
  virtual Severity default_severity() const { return Severity::Error; }
  virtual bool enabled_by_default() const { return true; }
  // True when the rule has nothing to check without a template: the checker then skips it, so
  // check() may rely on ctx.schema and ctx.match.
  virtual bool needs_template() const { return false; }
  virtual void check(const RuleContext& ctx, Reporter& out) const = 0;
};

}  // namespace specgate
