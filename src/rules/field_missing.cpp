// field-missing: a field the template defines in a section (`**Owner:** ...`) is absent from
// the spec's matching section. Reported only where the spec keeps the template's field layout
// (at least half of the section's fields are there): a section written as a table or prose
// instead is a choice of form, not a missing field. Enumerated example labels ("Risk 1", "Term 2") are
// not fields a spec must copy.
#include <algorithm>
#include <optional>
#include <vector>

#include "model/normalize.h"
#include "rules/field_specs.h"
#include "rules/rule.h"

namespace specgate {

namespace {

// "Edge Case 3", "Phase 1", "Component A": one of a numbered list of examples.
bool enumerated_label(std::string_view key) {
  key = trim(key);
  const size_t sp = key.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view last = key.substr(sp + 1);
  if (last.size() == 1 && last[0] >= 'A' && last[0] <= 'Z') return true;
  return !last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool optional_example(std::string_view example) {
  return icontains(example, "optional") || icontains(example, "if applicable");
}

// The first non-blank body line of a section starts with N/A.
bool written_na(const Document& doc, const Section& sec) {
  for (uint32_t l = sec.line + 1; l <= sec.body_end_line && l <= doc.source.line_count(); ++l) {
    const std::string v = clean_value(doc.source.line(l));
    if (v.empty()) continue;
    return is_na_value(v);
  }
  return false;
}

// Answers "is a field with this folded key here" for each section. A spec with few fields is
// scanned; past kScanFields the fields are ordered by folded key, front-matter ones first, then
// by line, and each question is binary searches: the scan per section and key made a spec with
// thousands of sections quadratic, and sorting costs more than it saves on an ordinary spec.
class FieldsByKey {
 public:
  static constexpr size_t kScanFields = 128;

  explicit FieldsByKey(const std::vector<Field>& fields) : fields_(fields) {
    if (fields.size() <= kScanFields) return;
    order_.reserve(fields.size());
    for (size_t i = 0; i < fields.size(); ++i) order_.push_back(static_cast<uint32_t>(i));
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
      const Field& x = fields[a];
      const Field& y = fields[b];
      if (const int c = x.folded_key.compare(y.folded_key); c != 0) return c < 0;
      if (x.front_matter != y.front_matter) return x.front_matter;
      return x.line < y.line;
    });
  }

  // Whether a field has the folded key `key` and is anywhere (`anywhere`), in the front matter,
  // or on a line in (after, last].
  bool present(std::string_view key, bool anywhere, uint32_t after, uint32_t last) const {
    if (order_.empty()) {
      for (const Field& f : fields_) {
        if (f.folded_key != key) continue;
        if (anywhere || f.front_matter || (f.line > after && f.line <= last)) return true;
      }
      return false;
    }
    const auto begin = std::lower_bound(order_.begin(), order_.end(), key,
                                        [&](uint32_t i, std::string_view k) { return fields_[i].folded_key < k; });
    const auto end = std::upper_bound(begin, order_.end(), key,
                                      [&](std::string_view k, uint32_t i) { return k < fields_[i].folded_key; });
    if (begin == end) return false;
    if (anywhere || fields_[*begin].front_matter) return true;
    const auto in = std::upper_bound(begin, end, after, [&](uint32_t line, uint32_t i) { return line < fields_[i].line; });
    return in != end && fields_[*in].line <= last;
  }

 private:
  const std::vector<Field>& fields_;
  std::vector<uint32_t> order_;  // empty: scan
};

class FieldMissing : public Rule {
 public:
  std::string_view name() const override { return "field-missing"; }
  std::string_view summary() const override { return "A field the template defines is missing from its section"; }
  bool needs_template() const override { return true; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Schema& s = *ctx.schema;
    const Document& doc = ctx.doc;
    const SectionMatch& m = *ctx.match;
    const int32_t title = title_spec_index(s);
    std::optional<FieldsByKey> by_key;  // made when the first section needs it

    for (size_t k = 0; k < s.sections.size(); ++k) {
      const SectionSpec& spec = s.sections[k];
      if (m.instances[k].empty()) continue;  // a missing section is missing-section's finding
      std::vector<const FieldSpec*> wanted;
      for (const FieldSpec& f : spec.fields) {
        if (f.required && !enumerated_label(f.key) && !optional_example(f.example)) wanted.push_back(&f);
      }
      if (static_cast<int32_t>(k) == title) {
        for (const FieldSpec& f : s.preamble_fields) {
          if (f.required && !enumerated_label(f.key) && !optional_example(f.example)) wanted.push_back(&f);
        }
      }
      if (wanted.empty()) continue;
      std::vector<std::string> wanted_keys;
      for (const FieldSpec* fs : wanted) wanted_keys.push_back(fold_key(fs->key));
      for (int32_t d : m.instances[k]) {
        const Section& sec = doc.sections[d];
        if (spec.allows_na && written_na(doc, sec)) continue;
        // The title section's fields may sit anywhere: front matter, preamble, a metadata block.
        const bool anywhere = static_cast<int32_t>(k) == title;
        if (!by_key) by_key.emplace(doc.fields);
        auto present = [&](const std::string& key) { return by_key->present(key, anywhere, sec.line, sec.end_line); };
        std::vector<const FieldSpec*> missing;
        for (size_t w = 0; w < wanted.size(); ++w) {
          if (!present(wanted_keys[w])) missing.push_back(wanted[w]);
        }
        // Confident only when the spec keeps most of the section's fields.
        if (missing.empty() || 2 * (wanted.size() - missing.size()) < wanted.size()) continue;
        for (const FieldSpec* fs : missing) {
          out.report(sec.line, sec.column, static_cast<uint32_t>(count_chars(sec.title)),
                     "section '" + sec.title + "' is missing the field '" + fs->key + "'",
                     "add '**" + fs->key + ":** <value>' to the section, as the template has it");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_field_missing() { return std::make_unique<FieldMissing>(); }

}  // namespace specgate
