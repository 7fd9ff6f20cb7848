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
  const bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii || w.size() <= 3) return w;
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")) w.pop_back();
  return w;
}

// Words of an already normalized (lowercase) text.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool non = false;  // "non-goals": the prefix stays on its word
  auto flush = [&]() {
    if (cur.empty()) return;
    if (cur == "non") {
      non = true;
    } else {
      if (!stop_word(cur)) out.push_back(singular(non ? "non" + cur : cur));
      non = false;
    }
    cur.clear();
  };
  for (char c : s) {
    const bool sep = c == ' ' || c == '-' || c == '/' || c == '&' || c == ',' || c == '.' || c == ':' || c == '+' ||
                     c == '(' || c == ')' || c == '"' || c == '\'' || c == '{' || c == '}' || c == '?' || c == '!';
    if (sep) flush();
    else cur.push_back(c);
  }
  flush();
  return out;
}

std::string normalized(std::string_view title) { return normalize_title(drop_tags(title)).text; }

// A merged heading's parts: split on "&", "/", "・", " and ", ", ".
std::vector<std::string> parts_of(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  auto cut = [&](size_t at, size_t len) {
    out.push_back(s.substr(start, at - start));
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
  out.push_back(s.substr(start));
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

Form form_of(const std::string& normalized_title) {
  Form f;
  f.words = as_set(words_of(normalized_title));
  const std::vector<std::string> p = parts_of(normalized_title);
  if (p.size() > 1)
    for (const auto& part : p) f.parts.push_back(as_set(words_of(part)));
  return f;
}

int tier_of(const Form& spec, const Form& heading) {
  const WordSet& ws = spec.words;
  const WordSet& wh = heading.words;
  if (ws.empty() || wh.empty()) return 0;
  if (ws == wh) return 1;
  for (const auto& p : heading.parts)
    if (p == ws) return 2;
  for (const auto& p : spec.parts)
    if (p == wh) return 2;
  if (wh.size() <= ws.size() + 2 && std::includes(wh.begin(), wh.end(), ws.begin(), ws.end())) return 3;
  return 0;
}

// A heading's forms: whole, and before a colon ("Estimated Effort: 3 hours" holds a value).
struct HeadingForms {
  Form whole;
  bool has_cut = false;
  Form cut;
};

HeadingForms heading_forms(std::string_view heading) {
  HeadingForms f;
  const std::string h = normalized(heading);
  f.whole = form_of(h);
  const size_t colon = h.find(':');
  if (colon != std::string::npos && colon > 0) {
    f.has_cut = true;
    f.cut = form_of(std::string(trim(std::string_view(h).substr(0, colon))));
  }
  return f;
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
void find_label(const Form& spec_form, const SectionSpec& spec, const Document& doc, const std::vector<uint32_t>& labels,
                SectionMatch& m, int32_t k) {
  for (const uint32_t l : labels) {
    const LineInfo& info = doc.lines[l - 1];
    const int32_t s = info.section;
    const bool sibling = spec.parent >= 0 ? (s >= 0 && !m.instances[spec.parent].empty() &&
                                             s == m.instances[spec.parent].front())
                                          : s < 0 || doc.sections[s].level == 1;
    if (!sibling) continue;
    const std::string_view title = bold_label_title(doc.content(l));
    const int tier = tier_of(spec_form, heading_forms(title));
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

void match_loosely(const Schema& schema, const Document& doc, SectionMatch& m) {
  const size_t n = doc.sections.size();
  std::vector<int> tier_at(n, 0);  // the tier of a section's loose match; 0 = none
  std::vector<std::optional<HeadingForms>> forms(n);  // each heading's, made when first compared
  std::optional<std::vector<uint32_t>> labels;         // the bold label lines, found when first needed
  const bool indexed = schema.section_index && schema.section_index->sections == schema.sections.size() &&
                       schema.section_index->loose.size() == schema.sections.size();
  // Whether section a (an ancestor of a candidate) stands where the spec's parent is.
  auto in_parent = [&](int32_t a, int32_t parent) {
    if (parent >= 0) {
      const auto& inst = m.instances[parent];
      return a >= 0 && std::find(inst.begin(), inst.end(), a) != inst.end();
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
    int32_t best = -1;
    int best_tier = 0;
    bool best_same_level = false;
    for (size_t i = 0; i < n; ++i) {
      const Section& sec = doc.sections[i];
      if (std::abs(static_cast<int>(sec.level) - spec.level) > 1) continue;
      const bool free = m.spec_of[i] < 0;
      if (!free && tier_at[i] != 2) continue;  // exact matches are taken; merged headings are shared
      const int32_t up = sec.parent;
      if (!in_parent(up, spec.parent) && !(up >= 0 && in_parent(doc.sections[up].parent, spec.parent))) continue;
      if (!forms[i]) forms[i] = heading_forms(sec.title);
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
      if (!labels) {
        labels.emplace();
        for (uint32_t l = 1; l <= doc.lines.size(); ++l)
          if (doc.lines[l - 1].bold_label) labels->push_back(l);
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
