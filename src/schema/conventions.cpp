#include "schema/conventions.h"

#include <algorithm>

#include "model/normalize.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

bool any_of_words(std::string_view text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return icontains(text, w); });
}

// Annotations that make a section optional wherever they appear in its heading or first line.
bool optional_words(std::string_view text) {
  return any_of_words(text, {"(optional", "optional)", "(if applicable", "if applicable)", "(recommended", "if relevant",
                             "if needed", "(if ",
                             // Japanese "（任意" (optional): opening a parenthesis, as "(optional" does.
                             "\xEF\xBC\x88\xE4\xBB\xBB\xE6\x84\x8F"});
}

// The first four words of an instruction, after its leading markup ("> **", "<!--", "_"), with
// a trailing space so that a phrase can end on a word boundary.
std::string opening_words(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::string_view(" \t>*_-#<!").find(text[i]) != std::string_view::npos) ++i;
  std::string out;
  int words = 0;
  for (; i < text.size() && words < 4; ++i) {
    const char c = text[i] == '*' || text[i] == '_' || text[i] == ':' ? ' ' : text[i];
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    if (c == ' ') ++words;
    out += c;
  }
  if (out.empty() || out.back() != ' ') out += ' ';
  return out;
}

}  // namespace

bool says_section_conditional(std::string_view text) {
  return any_of_words(text, {"skip this section", "omit this section", "delete this section", "remove this section",
                             "use this section for", "use this section when", "use this section if",
                             "use this section only", "create this section only", "include this section only",
                             "include this section when", "include this section if",
                             // Every part of the section may go when not relevant, so the whole
                             // section may: "Skip subsections that are not relevant to this feature."
                             "skip subsections that are not", "omit subsections that are not",
                             "skip any subsection", "omit any subsection"}) ||
         // "…サブセクションは省略する": the subsections (not relevant) are omitted.
         (icontains(text, "\xE3\x82\xB5\xE3\x83\x96\xE3\x82\xBB\xE3\x82\xAF\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xB3") &&
          icontains(text, "\xE7\x9C\x81\xE7\x95\xA5")) ||
         // "このセクション…省略": omit this section.
         (icontains(text, "\xE3\x81\x93\xE3\x81\xAE\xE3\x82\xBB\xE3\x82\xAF\xE3\x82\xB7\xE3\x83\xA7\xE3\x83\xB3") &&
          icontains(text, "\xE7\x9C\x81\xE7\x95\xA5"));
}

bool heading_marks_optional(std::string_view title) {
  // "(include when relevant)", "(include if feature involves data)", "(adapt names to fit …)",
  // "（…調整可）" (adjustable): the heading asks for nothing by name.
  // In a heading, also "（該当する場合）" (if applicable) and "…場合のみ…" (only when).
  return optional_words(title) ||
         any_of_words(title, {"(include if", "(include when", "(include only", "(adapt ",
                              "\xE8\xAA\xBF\xE6\x95\xB4\xE5\x8F\xAF\xEF\xBC\x89",
                              "\xEF\xBC\x88\xE8\xA9\xB2\xE5\xBD\x93\xE3\x81\x99\xE3\x82\x8B\xE5\xA0\xB4\xE5\x90\x88",
                              "\xE5\xA0\xB4\xE5\x90\x88\xE3\x81\xAE\xE3\x81\xBF"});
}

bool instruction_makes_optional(std::string_view text, bool comment) {
  if (optional_words(text) || says_section_conditional(text)) return true;
  // "Fill ONLY if …", "**When to include**: …", "When changing a field's type, verify:", "省略"
  // (may be omitted), "含めるべきタイミング" (when to include) — only when the instruction opens
  // with the condition: "export images only when …" later in a sentence conditions the images.
  // Not the label "When to roll back:", nor a sentence opening with "If", which conditions what
  // to write ("If the component is stateful, include a diagram"), not whether the section is there.
  const std::string opening = opening_words(text);
  if (any_of_words(opening, {"only if ", "only when ", "when to include", "include if ", "include when ",
                             "\xE7\x9C\x81\xE7\x95\xA5",
                             "\xE5\x90\xAB\xE3\x82\x81\xE3\x82\x8B\xE3\x81\xB9\xE3\x81\x8D\xE3\x82\xBF\xE3\x82\xA4\xE3\x83\x9F\xE3\x83\xB3\xE3\x82\xB0"}) ||
      (istarts_with(opening, "when ") && !istarts_with(opening, "when to "))) {
    return true;
  }
  // A comment about the section: "<!-- This is an optional element. Feel free to remove. -->",
  // "<!-- Optional section. Include when … -->".
  return comment && icontains(text, "optional");
}

bool says_sample(std::string_view comment) {
  return comment.find("SAMPLE") != std::string_view::npos ||
         any_of_words(comment, {"for illustration", "illustration purposes", "illustrative only"});
}

bool offers_choice(std::string_view text) {
  // "使い分ける": use one or the other as fits.
  return any_of_words(text, {"whichever", "choose one of", "pick one of",
                             "\xE4\xBD\xBF\xE3\x81\x84\xE5\x88\x86\xE3\x81\x91\xE3\x82\x8B"});
}

bool is_bold_key_line(std::string_view title) {
  title = trim(title);
  if (title.substr(0, 2) != "**") return false;
  const size_t close = title.find("**", 2);
  if (close == std::string_view::npos || close == 2) return false;
  std::string_view key = title.substr(2, close - 2);
  std::string_view rest = trim(title.substr(close + 2));
  const bool colon_inside = key.back() == ':';
  const bool colon_after = rest.substr(0, 1) == ":" || rest.substr(0, 3) == "\xEF\xBC\x9A";  // ":" or "："
  if (!colon_inside && !colon_after) return false;
  if (colon_after) rest = trim(rest.substr(rest[0] == ':' ? 1 : 3));
  return !rest.empty();
}

bool is_change_kind_heading(std::string_view title) {
  title = trim(title);
  for (std::string_view kind : {"ADDED ", "MODIFIED ", "REMOVED ", "RENAMED "}) {
    if (title.substr(0, kind.size()) == kind) return true;
  }
  return false;
}

bool is_instruction_value(std::string_view value) {
  value = trim(value);
  // Any bracket may open a slot ("{{ROLE}}", "[Document the … " wrapped over two lines).
  if (value.empty() || !find_placeholders(value).empty() || value.find_first_of("[{<") != std::string_view::npos) {
    return false;
  }
  const size_t words = static_cast<size_t>(std::count(value.begin(), value.end(), ' ')) + 1;
  return words >= 7 || value.size() >= 60;
}

std::string strip_marker_annotations(std::string_view title) {
  static constexpr std::string_view open = "\xEF\xBC\x88", close = "\xEF\xBC\x89";  // "（", "）"
  title = trim(title);
  while (title.size() > close.size() && title.substr(title.size() - close.size()) == close) {
    const size_t start = title.rfind(open);
    if (start == std::string_view::npos || start == 0) break;
    if (!heading_marks_optional(title.substr(start))) break;
    title = trim(title.substr(0, start));
  }
  return std::string(title);
}

bool is_example_link(std::string_view value) {
  value = trim(value);
  if (value.size() < 5 || value.front() != '[' || value.back() != ')') return false;
  const size_t mid = value.find("](");
  return mid != std::string_view::npos && mid > 1 && value.find(']') == mid &&
         value.find(')') == value.size() - 1 && value.find(' ', mid) == std::string_view::npos;
}

std::string strip_comments(std::string_view title, std::string& comments) {
  std::string out;
  size_t pos = 0;
  while (pos < title.size()) {
    const size_t open = title.find("<!--", pos);
    if (open == std::string_view::npos) break;
    const size_t close = title.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    out.append(title.substr(pos, open - pos));
    comments.append(title.substr(open + 4, close - open - 4));
    comments += ' ';
    pos = close + 3;
  }
  out.append(title.substr(pos));
  return std::string(trim(out));
}

}  // namespace specgate
