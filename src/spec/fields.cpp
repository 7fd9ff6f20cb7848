#include "spec/fields.h"

#include <algorithm>

#include "model/normalize.h"

namespace specgate {

namespace {

// Lowercase words separated by single spaces; `-` counts as a space so "P0-Critical" and
// "P0 - Critical" compare equal.
std::string choice_words(std::string_view s) {
  std::string out = clean_value(s);
  std::replace(out.begin(), out.end(), '-', ' ');
  return fold_text(out);
}

bool starts_with_word(std::string_view s, std::string_view prefix) {
  if (prefix.empty() || s.size() < prefix.size() || s.compare(0, prefix.size(), prefix) != 0) return false;
  return s.size() == prefix.size() || !ascii_alnum(s[prefix.size()]);
}

}  // namespace

bool folded_key_equals(std::string_view key, std::string_view folded) {
  // fold_key_into's output, one character at a time: it must start with `folded` and go on with
  // nothing but the ':' and ' ' the fold trims off its end (`folded` itself ends in neither).
  size_t k = 0;
  size_t n = 0;  // characters the fold has produced so far
  bool space = false;
  auto accept = [&](char c) {
    ++n;
    if (k < folded.size() && folded[k] == c) {
      ++k;
      return true;
    }
    return k == folded.size() && (c == ':' || c == ' ');
  };
  for (char c : key) {
    if (c == '*' || c == '`') continue;
    if (c == '_' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r')) {
      space = n > 0;
      continue;
    }
    if (space && !accept(' ')) return false;
    space = false;
    if (!accept(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)) return false;
  }
  return k == folded.size();
}

std::string clean_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '*' || c == '`') continue;
    out += c == '_' ? ' ' : c;
  }
  // Leading emoji, symbols and punctuation ("✅ Done", "- Draft") are decoration.
  size_t b = 0;
  while (b < out.size() && !ascii_alnum(out[b])) ++b;
  return fold_text(std::string_view(out).substr(b));
}

bool value_names_choice(std::string_view cleaned_value, std::string_view choice) {
  const std::string v = choice_words(cleaned_value);
  const std::string c = choice_words(choice);
  if (v.empty() || c.empty()) return false;
  if (v == c || starts_with_word(v, c)) return true;
  // The head of the value before a note: "p0 (critical cost blocker)" -> "p0".
  std::string_view head = v;
  const size_t note = head.find_first_of("(:,;");
  if (note != std::string_view::npos) head = trim(head.substr(0, note));
  if (head.empty()) return false;
  if (head == c) return true;
  // The value is the head or the tail of the choice: "p0" or "critical" for "P0-Critical".
  if (c.size() > head.size() && c.compare(0, head.size(), head) == 0 && c[head.size()] == ' ') return true;
  return c.size() > head.size() && c.compare(c.size() - head.size(), head.size(), head) == 0 &&
         c[c.size() - head.size() - 1] == ' ';
}

bool contains_word(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool before = at == 0 || !ascii_alnum(text[at - 1]);
    const size_t end = at + word.size();
    const bool after = end >= text.size() || !ascii_alnum(text[end]);
    if (before && after) return true;
  }
  return false;
}

uint32_t value_part_column(const Document& doc, const Field& f, size_t offset, std::string_view part) {
  const std::string_view value = f.value;
  if (f.front_matter) {
    const std::string_view line = doc.source.line(f.line);
    const size_t at = line.find(part);
    if (at != std::string_view::npos) return doc.source.column_of(f.line, at);
  }
  return f.value_column + static_cast<uint32_t>(count_chars(value.substr(0, std::min(offset, value.size()))));
}

bool is_na_value(std::string_view cleaned_value) {
  return starts_with_word(cleaned_value, "n/a") || starts_with_word(cleaned_value, "na") ||
         starts_with_word(cleaned_value, "not applicable");
}

bool is_done_status(std::string_view value, const Config& config) {
  const std::string v = clean_value(value);
  if (v.empty() || v.find('|') != std::string::npos) return false;
  for (const std::string& done : config.done_statuses) {
    if (starts_with_word(v, fold_text(done))) return true;
  }
  return false;
}

std::span<const std::string_view> default_draft_statuses() {
  // Not "In Progress": for a task that is the work under way, and the spec it follows is expected
  // to be complete by then ("work in progress", a document's own state, is a draft).
  static constexpr std::string_view kDraft[] = {"draft", "to do",            "todo",        "backlog",
                                                "proposed", "wip",         "work in progress",
                                                "not started", "planned"};
  return kDraft;
}

namespace {

// The cap for one status written alone, as choice_words makes it ("To-Do" and "to do" alike).
std::optional<Severity> draft_cap_of(std::string_view v, const Config& config) {
  if (config.draft_statuses) {
    for (const DraftStatus& d : *config.draft_statuses)
      if (starts_with_word(v, choice_words(d.status))) return d.severity;
    return std::nullopt;
  }
  for (std::string_view d : default_draft_statuses())
    if (starts_with_word(v, d)) return Severity::Warning;
  return std::nullopt;
}

}  // namespace

std::optional<Severity> draft_severity_cap(std::string_view value, const Config& config) {
  const std::string v = choice_words(value);
  if (v.empty() || v.find('|') != std::string::npos || is_done_status(value, config)) return std::nullopt;
  const std::optional<Severity> cap = draft_cap_of(v, config);
  if (!cap) return cap;
  // A template's option list left as it is ("Draft/Approved", "Draft, In Review or Done") names
  // no status: any later part that is a status of its own, done or draft, makes it one.
  std::string_view rest = std::string_view(v).substr(1);
  for (size_t at = rest.find_first_of("/,"); ; at = rest.find_first_of("/,")) {
    const size_t word_or = rest.find(" or ");
    if (word_or < at) at = word_or + 3;
    if (at == std::string_view::npos) break;
    rest = trim(rest.substr(at + 1));
    if (rest.empty()) break;
    const std::string part(rest.substr(0, rest.find_first_of("/,")));
    if (is_done_status(part, config) || draft_cap_of(part, config)) return std::nullopt;
  }
  return cap;
}

bool is_updated_key(std::string_view k) {
  return k == "last updated" || k == "updated" || k == "last modified" || k == "modified" || k == "date updated" ||
         k == "updated at" || k == "updated on" || k == "last update";
}

bool is_next_review_key(std::string_view k) {
  return k == "next review" || k == "review date" || k == "next review date" || k == "next review due" ||
         k == "review by" || k == "review due";
}

bool is_next_review_field(const Document& doc, const Field& f) {
  // Every such key has a 'v', and folding makes none: most keys are out without a fold.
  if (!contains_any_of(f.key, "vV")) return false;
  const std::string& k = f.folded_key;
  if (!is_next_review_key(k)) return false;
  if (k.find("next") != std::string::npos || f.front_matter) return true;
  for (int32_t s = f.section; s >= 0; s = doc.sections[s].parent) {
    if (doc.sections[s].normalized_title.find("review") != std::string::npos) return false;
  }
  return true;
}

std::optional<Date> value_date(std::string_view value) {
  auto t = find_date_token(value);
  if (!t || !t->valid) return std::nullopt;
  return t->date;
}

}  // namespace specgate
