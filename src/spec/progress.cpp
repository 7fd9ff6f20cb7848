#include "spec/progress.h"

#include "model/normalize.h"
#include "spec/fields.h"

namespace specgate {

namespace {

bool starts_with_word(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.compare(0, w.size(), w) == 0 && (s.size() == w.size() || !ascii_alnum(s[w.size()]));
}

bool starts_with_any(std::string_view v, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (starts_with_word(v, w)) return true;
  }
  return false;
}

constexpr std::string_view kDoneMarks[] = {"\u2705", "\u2714", "\u2611", "\u2713"};  // ✅ ✔ ☑ ✓

}  // namespace

bool is_not_started_status(std::string_view value) {
  const std::string v = clean_value(value);
  if (v.empty() || v.find('|') != std::string::npos) return false;
  return starts_with_any(v, {"to do", "todo", "to-do", "draft", "backlog", "not started", "proposed", "planned"});
}

bool is_retired_status(std::string_view value) {
  const std::string v = clean_value(value);
  for (std::string_view w : {"archived", "superseded", "deprecated", "obsolete", "cancelled", "canceled", "withdrawn",
                             "rejected", "retired"}) {
    if (v.rfind(w, 0) == 0) return true;
  }
  return false;
}

bool spec_status_open(const Document& doc, const Config& config) {
  const Field* st = status_field(doc);
  if (!st || clean_value(st->value).empty()) return false;
  return !is_done_status(st->value, config) && !is_retired_status(st->value);
}

bool item_marked_done(std::string_view text) {
  text = trim(text);
  for (std::string_view m : kDoneMarks) {
    if (text.substr(0, m.size()) == m) return true;
    if (text.size() >= m.size() && text.substr(text.size() - m.size()) == m) return true;
  }
  // The last word, past closing punctuation: "... (verified)", "... - Verified", "... DONE".
  size_t e = text.size();
  while (e > 0 && !ascii_alnum(text[e - 1])) --e;
  size_t b = e;
  while (b > 0 && ascii_alpha(text[b - 1])) --b;
  const std::string last = to_lower_ascii(text.substr(b, e - b));
  return last == "verified" || last == "done";
}

}  // namespace specgate
