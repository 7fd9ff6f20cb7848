#include "template_metadata/template_metadata.h"

#include <algorithm>
#include <array>

#include "core/code_span.h"
#include "template_metadata/pytext.h"

namespace specgate::exporter {

namespace {

using pytext::Span;

struct Heading {
  int level = 0;
  Span title;  // stripped
  size_t start = 0;
  size_t end = 0;
};

// Mirrors finditer over `(?m)^(#{1,6})\s+(.*)\s*$`. Note that `\s+` may run across newlines, so
// a lone "#" line takes the next line as its title, and the match swallows trailing blank lines.
std::vector<Heading> find_headings(const std::u32string& s) {
  std::vector<Heading> out;
  const size_t n = s.size();
  size_t p = 0;
  while (p < n) {
    const bool line_start = p == 0 || s[p - 1] == U'\n';
    if (line_start && s[p] == U'#') {
      size_t run = 0;
      while (p + run < n && s[p + run] == U'#') ++run;
      if (run <= 6 && p + run < n && pytext::is_space(s[p + run])) {
        size_t q = p + run;
        while (q < n && pytext::is_space(s[q])) ++q;
        size_t e = q;
        while (e < n && s[e] != U'\n') ++e;
        // `\s*$` backs off to the last line end inside the following whitespace run.
        size_t k = e;
        for (size_t j = e; j <= n; ++j) {
          if (j == n || s[j] == U'\n') k = j;
          if (j == n || !pytext::is_space(s[j])) break;
        }
        out.push_back({static_cast<int>(run), pytext::strip(s, {q, e}), p, k});
        p = k;
        continue;
      }
    }
    while (p < n && s[p] != U'\n') ++p;
    ++p;
  }
  return out;
}

// `\bTemplate Metadata\b`, ignoring case, searched inside the title.
bool title_matches(const std::u32string& s, Span title) {
  static constexpr std::u32string_view kWords = U"template metadata";
  if (title.size() < kWords.size()) return false;
  for (size_t i = title.begin; i + kWords.size() <= title.end; ++i) {
    bool same = true;
    for (size_t k = 0; k < kWords.size() && same; ++k) {
      char32_t c = s[i + k];
      if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
      same = c == kWords[k];
    }
    if (!same) continue;
    const size_t after = i + kWords.size();
    const bool left = i == title.begin || !pytext::is_word(s[i - 1]);
    const bool right = after == title.end || !pytext::is_word(s[after]);
    if (left && right) return true;
  }
  return false;
}

enum class Field { None, Name, Description, TitleTemplate, Criteria, Priority, Variables, Metadata };

Field field_of(const std::u32string& s, Span label) {
  // Python lowercases the label; no non-ASCII letter lowercases into these ASCII names.
  std::string key;
  for (size_t i = label.begin; i < label.end; ++i) {
    char32_t c = s[i];
    if (c >= 0x80) return Field::None;
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    key += static_cast<char>(c);
  }
  if (key == "name") return Field::Name;
  if (key == "description") return Field::Description;
  if (key == "title_template") return Field::TitleTemplate;
  if (key == "acceptance_criteria") return Field::Criteria;
  if (key == "priority") return Field::Priority;
  if (key == "variables") return Field::Variables;
  if (key == "metadata") return Field::Metadata;
  return Field::None;
}

// `^\s*-\s+\*\*(.+?):\*\*\s*(.*)$` on one line: the bullet, the label and the value.
struct FieldLine {
  size_t dash = 0;
  Span label;
  Span value;
};

bool match_field_line(const std::u32string& s, Span line, FieldLine& out) {
  size_t i = line.begin;
  while (i < line.end && pytext::is_space(s[i])) ++i;
  if (i >= line.end || s[i] != U'-') return false;
  out.dash = i++;
  if (i >= line.end || !pytext::is_space(s[i])) return false;
  while (i < line.end && pytext::is_space(s[i])) ++i;
  if (i + 2 > line.end || s[i] != U'*' || s[i + 1] != U'*') return false;
  const size_t label_begin = i + 2;
  // Lazy `.+?` then `:\*\*`: the first ":**" that leaves at least one label character.
  for (size_t j = label_begin + 1; j + 3 <= line.end; ++j) {
    if (s[j] == U':' && s[j + 1] == U'*' && s[j + 2] == U'*') {
      out.label = pytext::strip(s, {label_begin, j});
      out.value = pytext::strip(s, {j + 3, line.end});
      if (out.value.empty()) out.value = {line.end, line.end};
      return true;
    }
  }
  return false;
}

class Builder {
 public:
  explicit Builder(std::string_view bytes) : src_("", std::string(bytes)), text_(pytext::decode(bytes)) {}

  ParseOutcome run() {
    ParseOutcome outcome;
    const std::u32string& s = text_.cps;
    const std::vector<Heading> headings = find_headings(s);
    const Heading* h = nullptr;
    for (const auto& cand : headings) {
      if (title_matches(s, cand.title)) {
        h = &cand;
        break;
      }
    }
    if (!h) {
      outcome.error = "Missing 'Template Metadata' section.";
      return outcome;
    }
    size_t end = s.size();
    for (const auto& other : headings) {
      if (other.start > h->start && other.level <= h->level) {
        end = other.start;
        break;
      }
    }
    TemplateMetadata& m = outcome.metadata.emplace();
    m.heading = loc(h->start);
    m.heading_title = pytext::to_utf8(s, h->title);

    Field current = Field::None;
    for (const Span line : pytext::splitlines(s, {h->end, end})) {
      FieldLine fl;
      if (match_field_line(s, line, fl)) {
        current = field_of(s, fl.label);
        take_field(m, current, fl);
        continue;
      }
      if (current == Field::Criteria) take_criterion(m, line);
    }
    return outcome;
  }

 private:
  Location loc(size_t index) const {
    const auto& offs = text_.offsets;
    return src_.location_of(index < offs.size() ? offs[index] : src_.text().size());
  }

  void take_field(TemplateMetadata& m, Field field, const FieldLine& fl) {
    const std::u32string& s = text_.cps;
    MetadataField* target = nullptr;
    switch (field) {
      case Field::None: return;
      case Field::Name: target = &m.name; break;
      case Field::Description: target = &m.description; break;
      case Field::TitleTemplate: target = &m.title_template; break;
      case Field::Criteria: target = &m.acceptance_criteria; break;
      case Field::Priority: target = &m.priority; break;
      case Field::Variables: target = &m.variables; break;
      case Field::Metadata: target = &m.metadata; break;
    }
    target->present = true;
    target->label = loc(fl.dash);
    target->value_at = loc(fl.value.begin);
    target->raw = pytext::to_utf8(s, fl.value);
    switch (field) {
      case Field::Criteria:
        // The label's own value is ignored; the items are the lines that follow.
        m.criteria.clear();
        break;
      case Field::Priority:
        m.priority_value = fl.value.empty() ? "medium" : target->raw;
        break;
      case Field::Variables:
        take_variables(m, fl.value);
        break;
      case Field::Metadata:
        take_metadata(m, fl.value);
        break;
      default:
        break;
    }
  }

  // `re.sub(r"^\s*[-*]\s*", "", line).strip()`: any non-blank line counts, bullet or not.
  void take_criterion(TemplateMetadata& m, Span line) {
    const std::u32string& s = text_.cps;
    size_t i = line.begin;
    while (i < line.end && pytext::is_space(s[i])) ++i;
    if (i < line.end && (s[i] == U'-' || s[i] == U'*')) ++i;
    const Span item = pytext::strip(s, {i, line.end});
    if (item.empty()) return;
    m.criteria.push_back({pytext::to_utf8(s, item), loc(item.begin)});
  }

  void push_variable(TemplateMetadata& m, Span piece) {
    const std::u32string& s = text_.cps;
    const Span stripped = pytext::strip(s, piece);
    if (stripped.empty()) return;
    const Span item = pytext::strip_chars(s, stripped, U"\"'");
    m.variable_items.push_back({pytext::to_utf8(s, item), loc(item.empty() ? stripped.begin : item.begin)});
  }

  // `[a, b]`, `[]`, `a, b` or a single value; quotes around items are dropped.
  void take_variables(TemplateMetadata& m, Span value) {
    const std::u32string& s = text_.cps;
    m.variable_items.clear();
    Span list = value;
    if (value.size() >= 2 && s[value.begin] == U'[' && s[value.end - 1] == U']') {
      list = pytext::strip(s, {value.begin + 1, value.end - 1});
      if (list.empty()) return;
    } else if (std::find(s.begin() + value.begin, s.begin() + value.end, U',') ==
               s.begin() + value.end) {
      if (!value.empty()) push_variable(m, value);
      return;
    }
    size_t start = list.begin;
    for (size_t i = list.begin; i <= list.end; ++i) {
      if (i == list.end || s[i] == U',') {
        push_variable(m, {start, i});
        start = i + 1;
      }
    }
  }

  void take_metadata(TemplateMetadata& m, Span value) {
    const std::u32string& s = text_.cps;
    m.metadata_value = pyjson::Value::object();
    m.metadata_strings.clear();
    m.metadata_error.clear();
    m.metadata_error_at = {};
    if (value.empty()) return;
    if (s[value.begin] != U'{' || s[value.end - 1] != U'}') {
      m.metadata_error = "is not a JSON object";
      m.metadata_error_at = loc(value.begin);
      return;
    }
    pyjson::ParseResult parsed = pyjson::parse(s, value);
    if (!parsed.ok) {
      m.metadata_error = "is not valid JSON (" + parsed.error + ")";
      m.metadata_error_at = loc(parsed.error_at);
      return;
    }
    m.metadata_value = std::move(parsed.value);
    for (auto& str : parsed.strings) {
      m.metadata_strings.push_back({std::move(str.value), loc(str.at + 1), str.verbatim});
    }
  }

  SourceText src_;
  pytext::Text text_;
};

bool is_ascii_word(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Word character for placeholder boundaries; non-ASCII letters count, so "é<x>" is left alone.
bool word_before(std::string_view t, size_t i) {
  if (i == 0) return false;
  const auto c = static_cast<unsigned char>(t[i - 1]);
  return c >= 0x80 || is_ascii_word(c);
}

bool word_at(std::string_view t, size_t i) {
  if (i >= t.size()) return false;
  const auto c = static_cast<unsigned char>(t[i]);
  return c >= 0x80 || is_ascii_word(c);
}

bool iequals_at(std::string_view t, size_t i, std::string_view word) {
  if (i + word.size() > t.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char c = t[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[k]) return false;
  }
  return true;
}

bool is_html_tag(std::string_view content) {
  static constexpr std::array<std::string_view, 34> kTags = {
      "a",    "abbr", "b",     "br",     "code",    "dd",    "del",   "details", "div",
      "dl",   "dt",   "em",    "hr",     "i",       "img",   "input", "ins",     "kbd",
      "li",   "mark", "ol",    "p",      "pre",     "s",     "small", "span",    "strong",
      "sub",  "summary", "sup", "table", "td",      "tr",    "u"};
  size_t n = 0;
  while (n < content.size() && is_ascii_word(static_cast<unsigned char>(content[n]))) ++n;
  std::string name(content.substr(0, n));
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (std::find(kTags.begin(), kTags.end(), name) == kTags.end()) return false;
  // "<b>", "<br/>", "<a href=...>": a tag; "<b something>" without attributes: a placeholder.
  const std::string_view rest = content.substr(n);
  return rest.empty() || rest == "/" || rest == " /" || rest.find('=') != std::string_view::npos;
}

std::string shorten(std::string_view s) {
  constexpr size_t kMax = 60;
  if (count_chars(s) <= kMax) return std::string(s);
  size_t i = 0;
  for (size_t chars = 0; chars < kMax - 3 && i < s.size(); ++chars) i += utf8_seq_len(s, i);
  return std::string(s.substr(0, i)) + "...";
}

void add(std::vector<MetadataProblem>& out, ProblemKind kind, std::string message, Location at,
         bool reference = false) {
  out.push_back({std::move(message), at.line, at.column, kind, reference});
}

// Column of byte `offset` of `text`, when `text` starts at `at` on one line.
Location shifted(Location at, std::string_view text, size_t offset) {
  if (at.line == 0) return at;
  return {at.line, at.column + static_cast<uint32_t>(count_chars(text.substr(0, offset)))};
}

void check_placeholders(std::vector<MetadataProblem>& out, std::string_view field,
                        std::string_view text, Location at, bool exact_columns) {
  for (const auto& p : find_placeholders(text)) {
    add(out, ProblemKind::UnfilledPlaceholder,
        "Template Metadata: '" + std::string(field) + "' still holds the template placeholder " +
            shorten(text.substr(p.offset, p.length)) + ".",
        exact_columns ? shifted(at, text, p.offset) : at);
  }
}

}  // namespace

ParseOutcome parse_template_metadata(std::string_view bytes) { return Builder(bytes).run(); }

std::string_view problem_kind_name(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::Required: return "required";
    case ProblemKind::NoPlaceholders: return "no-placeholders";
    case ProblemKind::NoCriteria: return "no-criteria";
    case ProblemKind::UnfilledPlaceholder: return "unfilled-placeholder";
    case ProblemKind::UndeclaredVariable: return "undeclared-variable";
    case ProblemKind::InvalidMetadata: return "invalid-metadata";
  }
  return "unknown";
}

std::vector<PlaceholderMatch> find_placeholders(std::string_view t) {
  std::vector<PlaceholderMatch> out;
  size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '`') {  // skip a code span
      size_t run = 0;
      const size_t close = code_span_end(t, i, run);
      i = close == std::string_view::npos ? i + run : close;
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '<' && !word_before(t, i)) {
      const size_t close = t.find_first_of("<>", i + 1);
      if (close != std::string_view::npos && t[close] == '>' && close > i + 1) {
        const std::string_view content = t.substr(i + 1, close - i - 1);
        const char first = content[0];
        const bool autolink = content.find("://") != std::string_view::npos ||
                              iequals_at(content, 0, "mailto:") ||
                              (content.find('@') != std::string_view::npos &&
                               content.find(' ') == std::string_view::npos);
        if (first != ' ' && first != '\t' && first != '/' && first != '!' && first != '?' &&
            first != '=' && first != '-' && !autolink && !is_html_tag(content)) {
          out.push_back({i, close - i + 1});
          i = close + 1;
          continue;
        }
      }
    }
    if (c == '[' && !word_before(t, i) && (i == 0 || t[i - 1] != '!')) {
      const size_t close = t.find_first_of("[]", i + 1);
      if (close != std::string_view::npos && t[close] == ']') {
        const std::string_view content = t.substr(i + 1, close - i - 1);
        const char next = close + 1 < t.size() ? t[close + 1] : '\0';
        const bool link = next == '(' || next == '[' || next == ':';
        const bool task_box = content == "x" || content == "X";
        const bool has_letter = std::any_of(content.begin(), content.end(), [](char ch) {
          return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                 static_cast<unsigned char>(ch) >= 0x80;
        });
        if (!link && !task_box && has_letter && content[0] != '^' && content[0] != ' ') {
          out.push_back({i, close - i + 1});
          i = close + 1;
          continue;
        }
      }
    }
    if ((c == 'Y' || c == 'y') && !word_before(t, i) && iequals_at(t, i, "yyyy-mm-dd") &&
        !word_at(t, i + 10)) {
      out.push_back({i, 10});
      i += 10;
      continue;
    }
    if ((c == 'T' || c == 't') && !word_before(t, i) && iequals_at(t, i, "tbd") && !word_at(t, i + 3)) {
      out.push_back({i, 3});
      i += 3;
      continue;
    }
    ++i;
  }
  return out;
}

std::vector<TemplateVariable> template_variables(std::string_view t) {
  std::vector<TemplateVariable> out;
  size_t i = 0;
  while ((i = t.find('{', i)) != std::string_view::npos) {
    const size_t close = t.find_first_of("{}", i + 1);
    if (close == std::string_view::npos) break;
    if (t[close] == '{') {  // "{{name}}": the innermost pair names the variable
      i = close;
      continue;
    }
    std::string_view name = t.substr(i + 1, close - i - 1);
    size_t lead = 0;
    while (lead < name.size() && name[lead] == ' ') ++lead;
    name.remove_prefix(lead);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    const bool word = !name.empty() && name.find_first_of(" \t") == std::string_view::npos;
    if (word) out.push_back({std::string(name), i + 1 + lead});
    i = close + 1;
  }
  return out;
}

std::vector<MetadataProblem> validate(const TemplateMetadata& m) {
  std::vector<MetadataProblem> out;
  auto where = [&](const MetadataField& f) { return f.present ? f.value_at : m.heading; };

  // The reference's checks, in its order and words.
  if (m.name.raw.empty()) {
    add(out, ProblemKind::Required, "Template Metadata: 'name' is required.", where(m.name), true);
  }
  if (m.description.raw.empty()) {
    add(out, ProblemKind::Required, "Template Metadata: 'description' is required.",
        where(m.description), true);
  }
  const std::string& title = m.title_template.raw;
  if (title.empty()) {
    add(out, ProblemKind::Required, "Template Metadata: 'title_template' is required.",
        where(m.title_template), true);
  } else if (title.find('{') == std::string::npos || title.find('}') == std::string::npos) {
    add(out, ProblemKind::NoPlaceholders,
        "Template Metadata: 'title_template' must include {variable} placeholders.",
        where(m.title_template), true);
  }
  if (m.criteria.empty()) {
    add(out, ProblemKind::NoCriteria,
        "Template Metadata: 'acceptance_criteria' must include at least one item.",
        where(m.acceptance_criteria), true);
  }

  // specgate's own checks: what the reference lets through.
  check_placeholders(out, "name", m.name.raw, m.name.value_at, true);
  check_placeholders(out, "description", m.description.raw, m.description.value_at, true);
  check_placeholders(out, "title_template", title, m.title_template.value_at, true);
  for (const auto& item : m.criteria) {
    check_placeholders(out, "acceptance_criteria", item.text, item.at, true);
  }
  if (m.priority.present) check_placeholders(out, "priority", m.priority.raw, m.priority.value_at, true);
  for (const auto& item : m.variable_items) {
    check_placeholders(out, "variables", item.text, item.at, true);
  }
  if (!m.metadata_error.empty()) {
    add(out, ProblemKind::InvalidMetadata,
        "Template Metadata: 'metadata' " + m.metadata_error + "; it is exported as {}.",
        m.metadata_error_at);
  }
  for (const auto& str : m.metadata_strings) {
    check_placeholders(out, "metadata", str.text, str.at, str.verbatim);
  }

  // {var} in the title that 'variables' does not declare (ignoring any inside a placeholder).
  const auto title_placeholders = find_placeholders(title);
  for (const auto& var : template_variables(title)) {
    const bool in_placeholder =
        std::any_of(title_placeholders.begin(), title_placeholders.end(), [&](const auto& p) {
          return var.offset >= p.offset && var.offset < p.offset + p.length;
        });
    if (in_placeholder) continue;
    const bool declared =
        std::any_of(m.variable_items.begin(), m.variable_items.end(),
                    [&](const MetadataItem& item) { return item.text == var.name; });
    if (declared) continue;
    add(out, ProblemKind::UndeclaredVariable,
        "Template Metadata: 'title_template' uses {" + var.name +
            "}, which is not listed in 'variables'.",
        shifted(m.title_template.value_at, title, var.offset));
  }
  // The reference's messages stay first, in its order; specgate's follow in file order.
  std::stable_sort(out.begin(), out.end(), [](const MetadataProblem& a, const MetadataProblem& b) {
    if (a.reference != b.reference) return a.reference;
    if (a.reference) return false;
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return out;
}

}  // namespace specgate::exporter
