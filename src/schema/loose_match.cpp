#include "schema/loose_match.h"

#include <algorithm>
#include <optional>

#include "model/normalize.h"

namespace specgate {

namespace {

// Inline HTML tags (`<a name="design"></a>`) carry no words; normalize_title would read them
// as placeholders.
std::string drop_tags(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const size_t end = s.find('>', i + 1);
      if (end != std::string_view::npos) {
        i = end;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

bool stop_word(std::string_view w) {
  static constexpr std::string_view kStop[] = {"a", "an", "the", "and", "or", "of", "on", "for", "to", "in", "with", "&"};
  return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
}

std::string singular(std::string w) {
  if (w.size() <= 3) return w;
  const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return w;
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) w.pop_back();
  return w;
}

bool separator(char c) {
  return c == ' ' || c == '-' || c == '/' || c == '&' || c == ',' || c == '.' || c == ':' || c == '+' || c == '(' ||
         c == ')' || c == '"' || c == '\'' || c == '{' || c == '}' || c == '?' || c == '!';
}

// Words of an already normalized (lowercase) text: the runs between separators, each copied
// only when kept.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  out.reserve(8);  // a title's words: one allocation
  bool non = false;  // "non-goals": the prefix stays on its word
  size_t i = 0;
  for (;;) {
    while (i < s.size() && separator(s[i])) ++i;
    if (i == s.size()) break;
    const size_t begin = i;
    while (i < s.size() && !separator(s[i])) ++i;
    const std::string_view cur = s.substr(begin, i - begin);
    if (cur == "non") {
      non = true;
      continue;
    }
    if (!stop_word(cur)) out.push_back(singular(non ? "non" + std::string(cur) : std::string(cur)));
    non = false;
  }
  return out;
}

std::string normalized(std::string_view title) { return normalize_title(drop_tags(title)).text; }

// Whether parts_of finds more than one part.
bool merged(std::string_view s) {
  return s.find_first_of("&/") != std::string_view::npos || s.find("・") != std::string_view::npos ||
         s.find(" and ") != std::string_view::npos || s.find(", ") != std::string_view::npos;
}

// A merged heading's parts: split on "&", "/", "・", " and ", ", ".
std::vector<std::string> parts_of(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  auto cut = [&](size_t at, size_t len) {
    out.emplace_back(s.substr(start, at - start));
    start = at + len;
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&' || s[i] == '/') {
      cut(i, 1);
      i += 1;
    } else if (s.compare(i, 3, "・") == 0) {
      cut(i, 3);
      i += 3;
    } else if (s.compare(i, 5, " and ") == 0) {
      cut(i, 5);
      i += 5;
    } else if (s.compare(i, 2, ", ") == 0) {
      cut(i, 2);
      i += 2;
    } else {
      ++i;
    }
  }
  out.emplace_back(s.substr(start));
  return out;
}

using WordSet = std::vector<std::string>;  // sorted, unique

WordSet as_set(std::vector<std::string> w) {
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());
  return w;
}

// A normalized title's word set, and its parts' word sets when it is a merged title. Made once
// per title: comparing is then set equality and inclusion, with no string work per pair.
using Form = TitleWords;

uint64_t mask_of(const WordSet& words) {
  uint64_t m = 0;
  for (const std::string& w : words) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    m |= uint64_t{1} << (h & 63);
  }
  return m;
}

Form form_of(std::string_view normalized_title) {
  Form f;
  f.words = as_set(words_of(normalized_title));
  f.mask = mask_of(f.words);
  if (!merged(normalized_title)) return f;
  const std::vector<std::string> p = parts_of(normalized_title);
  if (p.size() > 1)
    for (const auto& part : p) {
      f.parts.push_back(as_set(words_of(part)));
      f.part_masks.push_back(mask_of(f.parts.back()));
    }
  return f;
}

int tier_of(const Form& spec, const Form& heading) {
  const WordSet& ws = spec.words;
  const WordSet& wh = heading.words;
  if (ws.empty() || wh.empty()) return 0;
  // The masks first: a pair they rule out is no match at that tier.
  if (spec.mask == heading.mask && ws == wh) return 1;
  for (size_t j = 0; j < heading.parts.size(); ++j)
    if (heading.part_masks[j] == spec.mask && heading.parts[j] == ws) return 2;
  for (size_t j = 0; j < spec.parts.size(); ++j)
    if (spec.part_masks[j] == heading.mask && spec.parts[j] == wh) return 2;
  if ((spec.mask & ~heading.mask) == 0 && wh.size() <= ws.size() + 2 &&
      std::includes(wh.begin(), wh.end(), ws.begin(), ws.end()))
    return 3;
  return 0;
}

// A heading's forms: whole, and before a colon ("Estimated Effort: 3 hours" holds a value).
struct HeadingForms {
  Form whole;
  bool has_cut = false;
  Form cut;
};

// From the heading's normalized text (normalized()).
HeadingForms forms_of_normalized(std::string_view h) {
  HeadingForms f;
  f.whole = form_of(h);
  const size_t colon = h.find(':');
  if (colon != std::string::npos && colon > 0) {
    f.has_cut = true;
    f.cut = form_of(trim(h.substr(0, colon)));
  }
  return f;
}

HeadingForms heading_forms(std::string_view heading) { return forms_of_normalized(normalized(heading)); }

// A section's: the model's normalized title is normalized()'s when the title holds no tag.
HeadingForms heading_forms(const Section& sec) {
  if (sec.title.find('<') == std::string::npos) return forms_of_normalized(sec.normalized_title);
  return heading_forms(sec.title);
}

int tier_of(const Form& spec, const HeadingForms& h) {
  int best = tier_of(spec, h.whole);
  if (h.has_cut) {
    const int cut = tier_of(spec, h.cut);
    if (cut != 0 && (best == 0 || cut < best)) best = cut;
  }
  return best;
}

// A section written as a bold label line ("**Decision Drivers**" for "## Decision Drivers"), in
// the place of the template section's siblings: the same content words or one part of a merged
// label (tiers 1 and 2; the looser tier 3 is for headings only).
// A label's forms are made when it is first compared, once for all the sections looked for.
struct Label {
  uint32_t line = 0;
  std::optional<HeadingForms> forms;
};

void find_label(const Form& spec_form, const SectionSpec& spec, const Document& doc, std::vector<Label>& labels,
                SectionMatch& m, int32_t k) {
  for (Label& label : labels) {
    const uint32_t l = label.line;
    const LineInfo& info = doc.lines[l - 1];
    const int32_t s = info.section;
    const bool sibling = spec.parent >= 0 ? (s >= 0 && !m.instances[spec.parent].empty() &&
                                             s == m.instances[spec.parent].front())
                                          : s < 0 || doc.sections[s].level == 1;
    if (!sibling) continue;
    if (!label.forms) label.forms = heading_forms(bold_label_title(doc.content(l)));
    const int tier = tier_of(spec_form, *label.forms);
    if (tier == 1 || tier == 2) {
      m.labels.emplace_back(k, l);
      return;
    }
  }
}

}  // namespace

std::vector<std::string> content_words(std::string_view title) { return words_of(normalized(title)); }

TitleWords loose_title_words(std::string_view title) { return form_of(normalized(title)); }

int loose_tier(std::string_view spec, std::string_view heading) {
  return tier_of(form_of(normalized(spec)), heading_forms(heading));
}

void match_loosely(const Schema& schema, const Document& doc, SectionMatch& m, bool with_labels) {
  const size_t n = doc.sections.size();
  std::vector<int> tier_at(n, 0);  // the tier of a section's loose match; 0 = none
  std::vector<std::optional<HeadingForms>> forms(n);  // each heading's, made when first compared
  std::optional<std::vector<Label>> labels;            // the bold label lines, found when first needed
  const bool indexed = schema.section_index && schema.section_index->sections == schema.sections.size() &&
                       schema.section_index->loose.size() == schema.sections.size();
  // Whether section a (an ancestor of a candidate) stands where the spec's parent is: among
  // `parent`'s instances, or at the top (no parent, or a level-1 title) when parent_instances is null.
  auto in_parent = [&](int32_t a, const std::vector<int32_t>* parent_instances) {
    if (parent_instances) {
      if (a < 0) return false;
      for (const int32_t x : *parent_instances)
        if (x == a) return true;
      return false;
    }
    return a < 0 || doc.sections[a].level == 1;
  };
  for (size_t k = 0; k < schema.sections.size(); ++k) {
    const SectionSpec& spec = schema.sections[k];
    // An optional section draws no finding when absent: no need to look for it under other words.
    if (spec.optional || !m.instances[k].empty() || spec.repeatable || spec.level == 1) continue;
    if (spec.parent >= 0 && m.instances[spec.parent].empty()) continue;
    // The schema's index holds every section's words; a schema built without it makes them here.
    Form made;
    const Form& spec_form = indexed ? schema.section_index->loose[k] : (made = form_of(normalized(spec.title)));
    const std::vector<int32_t>* parent_instances = spec.parent >= 0 ? &m.instances[spec.parent] : nullptr;
    int32_t best = -1;
    int best_tier = 0;
    bool best_same_level = false;
    for (size_t i = 0; i < n; ++i) {
      const Section& sec = doc.sections[i];
      if (std::abs(static_cast<int>(sec.level) - spec.level) > 1) continue;
      const bool free = m.spec_of[i] < 0;
      if (!free && tier_at[i] != 2) continue;  // exact matches are taken; merged headings are shared
      const int32_t up = sec.parent;
      if (!in_parent(up, parent_instances) && !(up >= 0 && in_parent(doc.sections[up].parent, parent_instances))) continue;
      if (!forms[i]) forms[i] = heading_forms(sec);
      const int tier = tier_of(spec_form, *forms[i]);
      if (tier == 0 || (!free && tier != 2)) continue;
      const bool same_level = sec.level == spec.level;
      if (best < 0 || tier < best_tier || (tier == best_tier && same_level && !best_same_level)) {
        best = static_cast<int32_t>(i);
        best_tier = tier;
        best_same_level = same_level;
      }
    }
    if (best < 0) {
      if (!with_labels) continue;
      if (!labels) {
        labels.emplace();
        for (uint32_t l = 1; l <= doc.lines.size(); ++l)
          if (doc.lines[l - 1].bold_label) labels->push_back(Label{l, std::nullopt});
      }
      find_label(spec_form, spec, doc, *labels, m, static_cast<int32_t>(k));
      continue;
    }
    m.instances[k].push_back(best);
    if (m.spec_of[best] < 0) m.spec_of[best] = static_cast<int32_t>(k);
    tier_at[best] = best_tier;
    m.loose.emplace_back(best, static_cast<int32_t>(k));
  }
}

}  // namespace specgate
