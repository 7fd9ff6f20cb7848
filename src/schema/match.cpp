#include "schema/match.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "model/normalize.h"
#include "schema/display_title.h"
#include "schema/loose_match.h"

namespace specgate {

namespace {

bool starts_with_words(const std::string& text, const std::string& prefix) {
  if (prefix.empty() || text.size() < prefix.size() || text.compare(0, prefix.size(), prefix) != 0) return false;
  if (text.size() == prefix.size()) return true;
  const char c = text[prefix.size()];
  return c == ' ' || c == ':' || c == '-' || c == '(' || c == '/';
}

// Whether a document section title fits a spec (exactly, or as an instance of a pattern).
// `folded` gives fold_text(section.title), made by the caller at most once per section.
template <typename Folded>
bool title_matches(const SectionSpec& spec, const Section& section, Folded&& folded) {
  if (spec.normalized_title == section.normalized_title) return true;
  if (spec.repeatable && !spec.pattern.empty()) {
    if (starts_with_words(section.normalized_title, spec.pattern)) return true;
    // "Step 1: Create the table" normalizes to "create the table"; the pattern "step" needs the
    // title as written.
    return starts_with_words(folded(), spec.pattern);
  }
  return false;
}

}  // namespace

SectionMatch match_sections(const Schema& schema, const Document& doc) {
  SectionMatch m;
  m.spec_of.assign(doc.sections.size(), -1);
  m.instances.assign(schema.sections.size(), {});

  // The title heading: a template's lone level-1 heading matches the spec's first level-1
  // heading whatever its text ("TASK-XXX: [Title]" vs "TASK-42: Add retries").
  int32_t root_spec = -1;
  {
    int roots = 0;
    for (size_t i = 0; i < schema.sections.size(); ++i) {
      if (schema.sections[i].level == 1) {
        ++roots;
        if (root_spec < 0) root_spec = static_cast<int32_t>(i);
      }
    }
    if (roots != 1) root_spec = -1;
  }
  if (root_spec >= 0) {
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      if (doc.sections[i].level == 1) {
        m.spec_of[i] = root_spec;
        m.instances[root_spec].push_back(static_cast<int32_t>(i));
        break;
      }
    }
  }

  // Specs other than these score nothing for a title: neither equal nor repeatable.
  const SectionTitleIndex* index =
      schema.section_index && schema.section_index->sections == schema.sections.size() ? schema.section_index.get()
                                                                                       : nullptr;
  std::vector<int32_t> candidates;
  int32_t last_spec = -1;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (m.spec_of[i] >= 0) {
      last_spec = m.spec_of[i];
      continue;
    }
    const Section& sec = doc.sections[i];
    const int32_t parent_spec = sec.parent >= 0 ? m.spec_of[sec.parent] : -1;
    int32_t best = -1;
    // Every pattern spec would fold the title again: fold it once, when the first one asks.
    std::string folded_title;
    bool folded = false;
    auto folded_once = [&]() -> const std::string& {
      if (!folded) folded_title = fold_text(sec.title);
      folded = true;
      return folded_title;
    };
    int best_score = -1;
    // The specs that can match this title, in template order (ties go to the first).
    candidates.clear();
    if (index) {
      static const std::vector<int32_t> kNone;
      auto hit = index->by_title.find(sec.normalized_title);
      const std::vector<int32_t>& same = hit == index->by_title.end() ? kNone : hit->second;
      std::merge(same.begin(), same.end(), index->repeatable.begin(), index->repeatable.end(),
                 std::back_inserter(candidates));
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }
    const size_t n_candidates = index ? candidates.size() : schema.sections.size();
    for (size_t c = 0; c < n_candidates; ++c) {
      const size_t k = index ? static_cast<size_t>(candidates[c]) : c;
      const SectionSpec& spec = schema.sections[k];
      if (static_cast<int32_t>(k) == root_spec) continue;
      int score = 0;
      if (title_matches(spec, sec, folded_once)) {
        score = 8;
      } else if (spec.repeatable && spec.pattern.empty() && parent_spec >= 0 && spec.parent == parent_spec &&
                 spec.level == sec.level) {
        score = 1;  // a bare placeholder heading: any heading in that place
      } else {
        continue;
      }
      if (parent_spec >= 0 && spec.parent == parent_spec) score += 4;
      if (spec.level == sec.level) score += 2;
      if (m.instances[k].empty() || spec.repeatable) score += 2;
      // Prefer specs that follow the previous match in template order.
      if (static_cast<int32_t>(k) > last_spec) score += 1;
      if (score > best_score) {
        best_score = score;
        best = static_cast<int32_t>(k);
      }
    }
    if (best >= 0) {
      m.spec_of[i] = best;
      m.instances[best].push_back(static_cast<int32_t>(i));
      last_spec = best;
    }
  }

  size_t required = 0, present = 0;
  for (size_t k = 0; k < schema.sections.size(); ++k) {
    const SectionSpec& spec = schema.sections[k];
    if (spec.optional || static_cast<int32_t>(k) == root_spec) continue;
    ++required;
    if (!m.instances[k].empty()) ++present;
  }
  m.coverage = required == 0 ? 0.0 : static_cast<double>(present) / static_cast<double>(required);
  return m;
}

void index_sections(Schema& schema) {
  auto index = std::make_shared<SectionTitleIndex>();
  index->sections = schema.sections.size();
  for (size_t k = 0; k < schema.sections.size(); ++k) {
    const SectionSpec& spec = schema.sections[k];
    index->by_title[spec.normalized_title].push_back(static_cast<int32_t>(k));
    if (spec.repeatable) index->repeatable.push_back(static_cast<int32_t>(k));
    index->loose.push_back(loose_title_words(spec.title));
    index->display.push_back(section_display_title(spec.title));
  }
  schema.section_index = std::move(index);
}

}  // namespace specgate
