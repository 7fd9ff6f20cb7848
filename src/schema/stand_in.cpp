#include "schema/stand_in.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace specgate {

namespace {

// At most this many template sections stand on one heading: the largest split seen between an
// older template version's section and the current one is one heading for four sections
// ("Impact on existing code" where the template now has source, ABI, adoption and future
// directions sections; docs/rules/missing-section.md).
constexpr size_t kMaxStoodFor = 4;
// Inside a section authors add subsections of their own freely; a renamed subsection stands for
// one template subsection, not several.
constexpr size_t kMaxStoodForInSection = 1;

// A table of contents is navigation, never a renamed content section.
bool is_contents_heading(const Section& sec) {
  const std::string& t = sec.normalized_title;
  return t == "contents" || t == "table of contents" || t == "toc";
}

// Whether the template sections the spec has come in the template's order, but for one move
// (a spec puts "Future directions" before "Alternatives considered"): position says something
// only then. A spec that moves sections around follows an outline of its own, and a heading
// between two of them is no sign of a renamed section. Repeatable sections (one per user story,
// per component) come back by design and are not counted.
bool in_template_order(const Schema& schema, const SectionMatch& m) {
  int32_t last = -1;
  int moves = 0;
  for (const int32_t k : m.spec_of) {
    if (k < 0 || schema.sections[k].repeatable) continue;
    if (k < last && ++moves > 1) return false;
    last = k;
  }
  return true;
}

}  // namespace

void find_stand_ins(const Schema& schema, const Document& doc, SectionMatch& m) {
  if (!in_template_order(schema, m)) return;
  const int32_t n = static_cast<int32_t>(doc.sections.size());
  for (size_t k = 0; k < schema.sections.size(); ++k) {
    const SectionSpec& spec = schema.sections[k];
    if (spec.optional || spec.repeatable || spec.level == 1 || !m.instances[k].empty() || m.label_line(k)) continue;
    const int32_t parent = spec.parent;
    if (parent >= 0 && m.instances[parent].empty()) continue;  // reported at the parent
    // The place: after the previous template sibling the spec has (or the parent's heading, or
    // the start), before the next one. Only a place closed by a following template section
    // counts: the end of a section or of a spec gathers extras (appendices, notes, links), which
    // are not the template's sections renamed.
    int32_t lo = parent >= 0 ? m.instances[parent].front() : -1;
    for (size_t j = k; j-- > 0;) {
      if (schema.sections[j].parent == parent && !m.instances[j].empty()) {
        lo = m.instances[j].back();
        break;
      }
    }
    int32_t hi = -1;
    for (size_t j = k + 1; j < schema.sections.size(); ++j) {
      if (schema.sections[j].parent == parent && !m.instances[j].empty()) {
        hi = m.instances[j].front();
        break;
      }
    }
    if (hi < 0 || hi <= lo) continue;
    for (int32_t i = lo + 1; i < hi && i < n; ++i) {
      if (m.spec_of[i] >= 0) continue;
      const Section& sec = doc.sections[i];
      // A sibling of the template section's neighbours, not a subsection of one of them.
      const bool sibling = parent >= 0 ? sec.parent == m.instances[parent].front()
                                       : sec.level > 1 && (sec.parent < 0 || doc.sections[sec.parent].level == 1);
      if (!sibling || is_contents_heading(sec)) continue;
      m.stand_ins.emplace_back(static_cast<int32_t>(k), i);
      break;
    }
  }
  // One heading standing for many sections is a spec that follows another outline, not an
  // older name: those sections stay missing.
  std::vector<size_t> stood_for(static_cast<size_t>(n), 0);
  for (const auto& [k, i] : m.stand_ins) ++stood_for[i];
  std::erase_if(m.stand_ins, [&](const std::pair<int32_t, int32_t>& s) {
    const int32_t parent = schema.sections[s.first].parent;
    const bool top = parent < 0 || schema.sections[parent].level == 1;
    return stood_for[s.second] > (top ? kMaxStoodFor : kMaxStoodForInSection);
  });
}

}  // namespace specgate
