#include "spec/progress.h"

#include <vector>

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

constexpr std::string_view kRetired[] = {"archived",  "superseded", "deprecated", "obsolete", "cancelled",
                                         "canceled",  "withdrawn",  "rejected",   "retired"};

// The work is over: what the spec describes was built, shipped or closed.
constexpr std::string_view kWorkFinished[] = {"implemented", "done", "complete", "completed", "closed", "shipped",
                                              "released"};

constexpr std::string_view kDoneMarks[] = {"\u2705", "\u2714", "\u2611", "\u2713"};  // ✅ ✔ ☑ ✓

}  // namespace

bool is_not_started_status(std::string_view value) {
  const std::string v = clean_value(value);
  if (v.empty() || v.find('|') != std::string::npos) return false;
  return starts_with_any(v, {"to do", "todo", "to-do", "draft", "backlog", "not started", "proposed", "planned"});
}

bool is_retired_status(std::string_view value) {
  const std::string v = clean_value(value);
  for (std::string_view w : kRetired) {
    if (v.rfind(w, 0) == 0) return true;
  }
  return false;
}

std::span<const std::string_view> default_frozen_statuses() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> v(std::begin(kWorkFinished), std::end(kWorkFinished));
    v.insert(v.end(), std::begin(kRetired), std::end(kRetired));
    return v;
  }();
  return all;
}

bool is_frozen_status(std::string_view value, const Config& config) {
  const std::string v = clean_value(value);
  if (v.empty() || v.find('|') != std::string::npos) return false;  // a template's option list
  if (config.frozen_statuses) {
    for (const std::string& w : *config.frozen_statuses)
      if (starts_with_word(v, fold_text(w))) return true;
    return false;
  }
  for (std::string_view w : default_frozen_statuses())
    if (starts_with_word(v, w)) return true;
  return false;
}

namespace {

std::string without_markup(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '*' && c != '`') out.push_back(c);
  return std::string(trim(out));
}

// A status as a message shows it: markup dropped, and what follows a link in it ("Implemented
// (Swift 6.2) ([Extensions](#extensions) pending)") left out.
std::string shown_value(std::string_view value) {
  std::string s = without_markup(value);
  const size_t link = s.find('[');
  if (link != std::string::npos && link > 0) s.erase(link);
  // Trailing blanks (a no-break space too, U+00A0) and an opening parenthesis left by the cut.
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '(')) s.pop_back();
    else if (s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC2\xA0") == 0) s.resize(s.size() - 2);
    else break;
  }
  return s;
}

}  // namespace

std::string shown_status(const Document& doc) {
  return doc.status ? shown_value(doc.status->value) : std::string();
}

std::string frozen_reason(const Document& doc, const Config& config) {
  const std::string status = shown_status(doc);
  if (!status.empty() && is_frozen_status(status, config)) return status;
  // Folders of the path as given, the file name aside.
  const std::string_view path = doc.source.path();
  size_t start = 0;
  for (size_t slash = path.find_first_of("/\\"); slash != std::string_view::npos;
       start = slash + 1, slash = path.find_first_of("/\\", start)) {
    const std::string folder = to_lower_ascii(path.substr(start, slash - start));
    for (const std::string& f : config.frozen_folders)
      if (folder == f) return "in an '" + std::string(path.substr(start, slash - start)) + "' folder";
  }
  return "";
}

bool spec_status_open(const Document& doc, const Config& config) {
  const Field* st = doc.status_field();
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
