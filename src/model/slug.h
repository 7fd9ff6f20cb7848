// GitHub heading anchors: the slug GitHub gives a heading (github-slugger's rules) and the set of
// anchors a document offers to `#fragment` links (heading slugs plus explicit HTML ids).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "model/document.h"

namespace specgate {

// The plain text GitHub renders for a heading's inline Markdown: emphasis markers, code-span
// backticks, link targets and HTML tags removed; link and image text kept.
std::string heading_plain_text(std::string_view title);

// github-slugger's slug of already-rendered text: lowercase; spaces become '-'; punctuation,
// symbols and emoji are dropped; letters, digits, marks, '-' and '_' stay.
std::string github_slug(std::string_view text);

// Hands out unique slugs in document order the way GitHub does: "a", "a-1", "a-2". The set of
// slugs handed out is the record of what is taken: a new slug (most headings) costs one insertion,
// and only repeated ones keep a count.
class SlugCounter {
 public:
  // The slug for the next heading with this rendered text (valid while the counter lives).
  const std::string& next(std::string_view text);
  // Every slug handed out; the counter is spent.
  std::unordered_set<std::string> take_slugs() { return std::move(slugs_); }

 private:
  std::unordered_set<std::string> slugs_;
  std::unordered_map<std::string, int> repeats_;  // numbers used so far after a repeated slug
};

// Every anchor a document offers: its heading slugs in order (with duplicates numbered) and
// explicit `<a name="...">` / `id="..."` anchors outside code.
std::unordered_set<std::string> document_anchors(const Document& doc);

}  // namespace specgate
