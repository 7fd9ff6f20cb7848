// Completion: the sections the template asks for that the spec lacks (with the template's
// skeleton), a field's allowed values, spec IDs, link targets and heading anchors.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "navigate/facts.h"
#include "navigate/position.h"

namespace specgate {

enum class CompletionKind { Section, Value, SpecId, File, Anchor };

struct CompletionItem {
  CompletionKind kind = CompletionKind::Value;
  std::string label;
  std::string detail;         // one line beside the label
  std::string documentation;  // Markdown, may be empty
  std::string insert_text;    // replaces `range` (a line's part; may hold several lines)
  TextRange range;
  std::string filter_text;    // what the client matches what was typed against; "" = the label
  std::string sort_text;
};

struct Completions {
  std::vector<CompletionItem> items;
  bool incomplete = false;  // more would match: ask again as the user types (spec IDs, files)
};

// At most this many spec IDs or files in one answer; the client asks again as more is typed.
inline constexpr size_t kMaxCompletions = 100;

Completions complete(const DocumentFacts& facts, const SpecDirectory& specs, TextPos pos, Date today = today_utc());

}  // namespace specgate
