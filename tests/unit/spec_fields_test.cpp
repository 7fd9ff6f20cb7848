// The field helpers the field rules share: key folding, reader-lenient values, choice matching.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config.h"
#include "model/document.h"
#include "model/normalize.h"
#include "rules/field_specs.h"
#include "schema/infer.h"
#include "schema/match.h"
#include "spec/progress.h"

namespace specgate {
namespace {

TEST(SpecFields, FoldKeyIgnoresMarkupCaseAndSeparators) {
  EXPECT_EQ(fold_key("**Next Review**"), "next review");
  EXPECT_EQ(fold_key("next_review"), "next review");
  EXPECT_EQ(fold_key("Next-Review:"), "next review");
  EXPECT_EQ(fold_key("`Last  Updated`"), "last updated");
  EXPECT_NE(fold_key("Reviewer"), fold_key("Review"));
}

TEST(SpecFields, CleanValueDropsDecoration) {
  EXPECT_EQ(clean_value("✅ **Done**"), "done");
  EXPECT_EQ(clean_value("`DONE`"), "done");
  EXPECT_EQ(clean_value("in_progress"), "in progress");
  EXPECT_EQ(clean_value("  Approved (2026-01-05) "), "approved (2026-01-05)");
  EXPECT_EQ(clean_value("✅"), "");
}

TEST(SpecFields, ValueNamesChoiceLikeAReader) {
  EXPECT_TRUE(value_names_choice("approved", "Approved"));
  EXPECT_TRUE(value_names_choice("approved (2026-01-05)", "Approved"));
  EXPECT_TRUE(value_names_choice("p0", "P0-Critical"));
  EXPECT_TRUE(value_names_choice("p0 (critical - cost blocker)", "P0-Critical"));
  EXPECT_TRUE(value_names_choice("p0 - critical", "P0-Critical"));
  EXPECT_TRUE(value_names_choice("critical", "P0-Critical"));
  EXPECT_TRUE(value_names_choice("3 (about two days)", "3"));
  EXPECT_TRUE(value_names_choice("in-progress", "In Progress"));
  // Word boundaries: a longer word or number is another value.
  EXPECT_FALSE(value_names_choice("13", "1"));
  EXPECT_FALSE(value_names_choice("13", "3"));
  EXPECT_FALSE(value_names_choice("drafting", "Draft"));
  EXPECT_FALSE(value_names_choice("p1 high", "P0-Critical"));
  EXPECT_FALSE(value_names_choice("not approved", "Approved"));
  EXPECT_FALSE(value_names_choice("", "Approved"));
}

TEST(SpecFields, ContainsWordNeedsBoundaries) {
  EXPECT_TRUE(contains_word("get, post", "post"));
  EXPECT_FALSE(contains_word("13", "1"));
  EXPECT_FALSE(contains_word("reposting", "post"));
  EXPECT_FALSE(contains_word("anything", ""));
}

TEST(SpecFields, DoneStatuses) {
  Config config;
  EXPECT_TRUE(is_done_status("✅ Done", config));
  EXPECT_TRUE(is_done_status("`DONE`", config));
  EXPECT_TRUE(is_done_status("Approved (2026-01-05)", config));
  EXPECT_TRUE(is_done_status("Implementation Ready", config));
  EXPECT_FALSE(is_done_status("Not approved", config));
  EXPECT_FALSE(is_done_status("Draft | Approved", config));
  EXPECT_FALSE(is_done_status("In Progress", config));
  EXPECT_FALSE(is_done_status("Donezo", config));
  config.done_statuses = {"shipped"};
  EXPECT_FALSE(is_done_status("Done", config));
  EXPECT_TRUE(is_done_status("Shipped", config));
}

// Frozen: a record of finished work (docs/rules/missing-section.md "Frozen specs").
TEST(SpecFields, FrozenStatuses) {
  Config config;
  EXPECT_TRUE(is_frozen_status("**Implemented (Swift 5.9)**", config));
  EXPECT_TRUE(is_frozen_status("✅ Done", config));
  EXPECT_TRUE(is_frozen_status("Released", config));
  EXPECT_TRUE(is_frozen_status("Superseded by ADR-12", config));
  EXPECT_TRUE(is_frozen_status("Rejected", config));
  // Gate statuses: the spec is in force, and still held to its template.
  EXPECT_FALSE(is_frozen_status("Approved", config));
  EXPECT_FALSE(is_frozen_status("Accepted", config));
  EXPECT_FALSE(is_frozen_status("Returned for revision", config));
  EXPECT_FALSE(is_frozen_status("Draft | Implemented", config));  // the template's option list
  EXPECT_FALSE(is_frozen_status("Not implemented", config));
  config.frozen_statuses = std::vector<std::string>{"accepted"};
  EXPECT_TRUE(is_frozen_status("Accepted", config));
  EXPECT_FALSE(is_frozen_status("Implemented", config));
  config.frozen_statuses = std::vector<std::string>{};
  EXPECT_FALSE(is_frozen_status("Done", config));
}

TEST(SpecFields, StatusReadsAListItemAboveTheFirstSection) {
  const Document listed = build_document(SourceText("p.md",
      "# Title\n\n* Proposal: [P-1](p.md)\n* Status: **Implemented (v2)** ([later](#a) pending)\n\n## Summary\nText.\n"));
  EXPECT_EQ(shown_status(listed), "Implemented (v2)");
  // The model's status is a Field at that line, for every rule and command to read.
  ASSERT_NE(listed.status_field(), nullptr);
  EXPECT_EQ(listed.status_field()->line, 4u);
  EXPECT_EQ(listed.status_field()->column, 3u);
  EXPECT_EQ(listed.status_field()->value_column, 11u);
  EXPECT_EQ(listed.status_field()->value, "**Implemented (v2)** ([later](#a) pending)");
  const Document nbsp = build_document(SourceText("n.md",
      "# Title\n\n* Status: **Implemented (v2)**\u00a0([later](#a) pending)\n\n## Summary\nText.\n"));
  EXPECT_EQ(shown_status(nbsp), "Implemented (v2)");
  const Document field = build_document(SourceText("f.md", "# Title\n\n**Status:** `Done`\n\n## Summary\nText.\n"));
  EXPECT_EQ(shown_status(field), "Done");
  // Below the first section a `Status:` line is the section's content, not the spec's status.
  const Document body = build_document(SourceText("b.md", "# Title\n\n## Summary\n- Status: Implemented\n"));
  EXPECT_EQ(shown_status(body), "");
  EXPECT_EQ(body.status_field(), nullptr);
  // A Status field in another section is that section's; a field naming the spec's status
  // counts anywhere when it is the only one.
  EXPECT_EQ(build_document(SourceText("c.md", "# T\n\n## Parts\n\n**Status:** planned\n")).status_field(), nullptr);
  const Document named = build_document(SourceText("s.md", "# T\n\n## End\n\n**Spec Status:** Approved\n"));
  ASSERT_NE(named.status_field(), nullptr);
  EXPECT_EQ(named.status_field()->value, "Approved");
  // The metadata's field wins over the header's plain line and over fields further down.
  const Document both = build_document(SourceText("b.md", "# T\n\nStatus: Draft\n**Status:** Done\n\n## A\n"));
  ASSERT_NE(both.status_field(), nullptr);
  EXPECT_EQ(both.status_field()->value, "Done");
}

TEST(SpecFields, FrozenReasonFromStatusOrFolder) {
  Config config;
  const std::string text = "# Title\n\n## Summary\nText.\n";
  EXPECT_EQ(frozen_reason(build_document(SourceText("changes/archive/2025-01-13-x/proposal.md", text)), config),
            "in an 'archive' folder");
  EXPECT_EQ(frozen_reason(build_document(SourceText("docs/Archived/old.md", text)), config), "in an 'Archived' folder");
  EXPECT_EQ(frozen_reason(build_document(SourceText("archive.md", text)), config), "");          // a file, not a folder
  EXPECT_EQ(frozen_reason(build_document(SourceText("archives/x.md", text)), config), "");       // another word
  EXPECT_EQ(frozen_reason(build_document(SourceText("x.md", "# T\n\n**Status:** Shipped\n\n## S\nx\n")), config),
            "Shipped");
  config.frozen_folders.clear();
  EXPECT_EQ(frozen_reason(build_document(SourceText("changes/archive/x.md", text)), config), "");
}

TEST(SpecFields, FrozenKeysInTheConfig) {
  ConfigError error;
  auto c = load_config_text(".specgate.yaml", "frozen_statuses: [Accepted, Done]\nfrozen_folders: off\n", error);
  ASSERT_TRUE(c) << error.message;
  ASSERT_TRUE(c->frozen_statuses);
  EXPECT_EQ(*c->frozen_statuses, (std::vector<std::string>{"accepted", "done"}));
  EXPECT_TRUE(c->frozen_folders.empty());
  c = load_config_text(".specgate.yaml", "frozen_statuses: off\nfrozen_folders: [old, Retired]\n", error);
  ASSERT_TRUE(c) << error.message;
  EXPECT_TRUE(c->frozen_statuses && c->frozen_statuses->empty());
  EXPECT_EQ(c->frozen_folders, (std::vector<std::string>{"old", "retired"}));
  EXPECT_FALSE(load_config_text(".specgate.yaml", "frozen_statuses: {Done: note}\n", error));
  EXPECT_NE(error.message.find("frozen_statuses"), std::string::npos) << error.message;
}

TEST(SpecFields, NaValues) {
  EXPECT_TRUE(is_na_value("n/a - no schema change"));
  EXPECT_TRUE(is_na_value("na"));
  EXPECT_TRUE(is_na_value("not applicable"));
  EXPECT_FALSE(is_na_value("nat gateway"));
  EXPECT_FALSE(is_na_value("name"));
}

TEST(SpecFields, ValueDateFindsTheFirstRealDate) {
  auto d = value_date("2026-01-05 by Ana");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->iso(), "2026-01-05");
  EXPECT_FALSE(value_date("2026-02-30").has_value());
  EXPECT_FALSE(value_date("Jan 5").has_value());
}

}  // namespace
}  // namespace specgate

TEST(SpecFields, FoldKeyMatchesItsDefinition) {
  // fold_key is fold_text over the key with `*` and backticks dropped and `_` / `-` as spaces,
  // then trailing ':' and ' ' removed; the one-pass version must agree on awkward keys.
  auto reference = [](std::string_view key) {
    std::string out;
    for (char c : key) {
      if (c == '*' || c == '`') continue;
      out += (c == '_' || c == '-') ? ' ' : c;
    }
    std::string folded = specgate::fold_text(out);
    while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
    return folded;
  };
  for (std::string_view k : {"", ":", " : ", "-", "**Key:**", "Key : :", "__init__", "a-_-b", "A\tB\r\nC", "  x  ",
                             "`Last  Updated`:", "Next_Review**:", "\xC3\x89tat", "k:v", "- item -"}) {
    EXPECT_EQ(specgate::fold_key(k), reference(k)) << "'" << k << "'";
  }
}

TEST(SpecFields, FoldedKeyEqualsAgreesWithComparingFolds) {
  // Every pair of short keys over an alphabet of the characters the fold treats specially.
  const std::string alphabet = "aB:* _-`\t";
  std::vector<std::string> keys{""};
  for (size_t len = 1; len <= 3; ++len) {
    std::vector<std::string> longer;
    for (const auto& k : keys)
      if (k.size() == len - 1)
        for (char c : alphabet) longer.push_back(k + c);
    keys.insert(keys.end(), longer.begin(), longer.end());
  }
  std::vector<std::string> folds;
  for (const auto& k : keys) folds.push_back(specgate::fold_key(k));
  size_t equal = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    for (size_t j = 0; j < keys.size(); ++j) {
      ASSERT_EQ(specgate::folded_key_equals(keys[i], folds[j]), folds[i] == folds[j])
          << "'" << keys[i] << "' vs '" << keys[j] << "'";
      equal += folds[i] == folds[j];
    }
  }
  EXPECT_GT(equal, keys.size());  // the set holds keys that differ only in markup
  EXPECT_TRUE(specgate::folded_key_equals("**Next_Review**:", "next review"));
  EXPECT_FALSE(specgate::folded_key_equals("Next Reviewer", "next review"));
}

namespace specgate {
namespace {

TEST(SpecFields, FoundOnceEqualsFoundEachTime) {
  // The checker finds every field's spec once (RuleContext::field_specs); a rule asking must get
  // what the search would give, field by field, in sections, the preamble and front matter.
  const Document tmpl = build_document(SourceText("t.md",
      "# TASK-XXX: [Title]\n\n**Status:** Draft | Done\n**Owner:** <name>\n\n## Plan\n\n**Due:** YYYY-MM-DD\n"
      "**Risk:** Low | High\n\n## Notes\n\nText.\n"));
  const Schema schema = infer_schema(tmpl, "t");
  const Document doc = build_document(SourceText("s.md",
      "---\nowner: ana\n---\n# TASK-7: Retry\n\n**Status:** Done\n**Owner:** Ana\n**Extra:** x\n\n## Plan\n\n"
      "**Due:** 2026-01-02\n**Risk:** Low\n**Status:** nested\n\n## Unknown\n\n**Due:** 2026-02-03\n"));
  const SectionMatch match = match_sections(schema, doc);
  Config config;
  RuleContext plain{doc, &schema, &match, config, Date{}};
  const std::vector<const FieldSpec*> once = field_specs_of(plain);
  RuleContext cached = plain;
  cached.field_specs = &once;
  ASSERT_EQ(once.size(), doc.fields.size());
  size_t found = 0;
  for (const Field& f : doc.fields) {
    EXPECT_EQ(field_spec_for(cached, f), field_spec_for(plain, f)) << f.key << " line " << f.line;
    found += field_spec_for(plain, f) != nullptr;
  }
  EXPECT_GE(found, 4u);
}

TEST(SpecFields, DateAndReviewKeysWhateverTheirSpelling) {
  // Both tests skip keys lacking a letter every name has ('d'/'v', 'v'): each name must pass.
  for (const char* k : {"Date", "created", "UPDATED", "Last  Updated", "Next Review", "due", "Due Date",
                        "Completed", "Deadline", "Review date", "Last reviewed", "Start date", "End Date",
                        "Target date", "Launch date", "date of record"}) {
    EXPECT_TRUE(is_date_key(k)) << k;
  }
  for (const char* k : {"Owner", "Status", "Priority", "Reviewer", "Version", "Dated"}) EXPECT_FALSE(is_date_key(k)) << k;
  const Document doc = build_document(SourceText("s.md",
      "# T\n\n**Next review:** 2026-01-01\n**Review by:** 2026-01-01\n**review_due:** 2026-01-01\n"
      "**NEXT-REVIEW-DATE:** 2026-01-01\n**Owner:** Ana\n**Reviewer:** Bo\n"));
  ASSERT_EQ(doc.fields.size(), 6u);
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(is_next_review_field(doc, doc.fields[i])) << doc.fields[i].key;
  for (size_t i = 4; i < 6; ++i) EXPECT_FALSE(is_next_review_field(doc, doc.fields[i])) << doc.fields[i].key;
}

TEST(SpecFields, DraftSeverityCap) {
  Config config;
  EXPECT_EQ(draft_severity_cap("Draft", config), Severity::Warning);
  EXPECT_EQ(draft_severity_cap("**Draft** (v0.3)", config), Severity::Warning);
  EXPECT_EQ(draft_severity_cap("To-Do", config), Severity::Warning);
  EXPECT_EQ(draft_severity_cap("🚧 WIP", config), Severity::Warning);
  EXPECT_FALSE(draft_severity_cap("In Progress", config)) << "a task under way is held to its spec";
  EXPECT_EQ(draft_severity_cap("Work in progress", config), Severity::Warning);
  EXPECT_FALSE(draft_severity_cap("Approved", config));
  EXPECT_FALSE(draft_severity_cap("In Review", config));
  EXPECT_FALSE(draft_severity_cap("Drafted and approved", config)) << "a whole word only";
  EXPECT_FALSE(draft_severity_cap("Draft | Approved", config)) << "an option list is not a choice";
  EXPECT_FALSE(draft_severity_cap("Draft/Approved", config));
  EXPECT_FALSE(draft_severity_cap("Draft, In Progress or Done", config));
  EXPECT_FALSE(draft_severity_cap("Proposed or Accepted", config));
  EXPECT_EQ(draft_severity_cap("Draft (v0.3, reviewed by ops)", config), Severity::Warning);
  EXPECT_EQ(draft_severity_cap("Draft / pending legal", config), Severity::Warning);
  EXPECT_FALSE(draft_severity_cap("", config));
  config.draft_statuses = std::vector<DraftStatus>{{"exploring", Severity::Note}};
  EXPECT_EQ(draft_severity_cap("Exploring", config), Severity::Note);
  EXPECT_FALSE(draft_severity_cap("Draft", config)) << "the config's list replaces the defaults";
  config.draft_statuses = std::vector<DraftStatus>{};
  EXPECT_FALSE(draft_severity_cap("Draft", config));
}

}  // namespace
}  // namespace specgate
