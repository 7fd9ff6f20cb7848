#include "schema/infer.h"

#include <algorithm>

#include "model/fields.h"
#include "model/normalize.h"
#include "schema/match.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string strip_ticks(std::string_view s) {
  s = trim(s);
  while (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = trim(s.substr(1, s.size() - 2));
  while (s.size() >= 4 && s.substr(0, 2) == "**" && s.substr(s.size() - 2) == "**") s = trim(s.substr(2, s.size() - 4));
  return std::string(s);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(strip_ticks(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return parts;
}

bool optional_words(std::string_view text) {
  static constexpr std::string_view words[] = {"(optional", "optional)", "(if applicable", "if applicable)",
                                               "(recommended", "if relevant", "if needed", "(if "};
  for (std::string_view w : words) {
    if (icontains(text, w)) return true;
  }
  return false;
}

// "Component A: [Name]" -> "component"; "Endpoint: <name>" -> "endpoint"; "<name>" -> "".
std::string repeat_pattern(const std::string& normalized) {
  std::string p = normalized.substr(0, normalized.find("{}"));
  auto strip_tail = [&] {
    while (!p.empty() && (p.back() == ' ' || p.back() == ':' || p.back() == '-')) p.pop_back();
  };
  strip_tail();
  // Drop a trailing instance label: a single letter or a number ("component a", "workflow 1").
  size_t sp = p.rfind(' ');
  if (sp != std::string::npos) {
    std::string_view last = std::string_view(p).substr(sp + 1);
    bool label = last.size() == 1 || std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (label) {
      p.erase(sp);
      strip_tail();
    }
  }
  return p;
}

bool whole_code_span(std::string_view title) {
  title = trim(title);
  return title.size() >= 2 && title.front() == '`' && title.back() == '`' &&
         title.find('`', 1) == title.size() - 1;
}

}  // namespace

bool is_date_key(std::string_view key) {
  // Every name below has a 'd' or a 'v' ("next review"), and folding makes neither: most keys
  // are out without a fold.
  if (!contains_any_of(key, "dDvV")) return false;
  const std::string k = fold_text(key);
  static constexpr std::string_view names[] = {"date", "created", "updated", "last updated", "next review",
                                               "due", "due date", "completed", "deadline", "review date",
                                               "last reviewed", "start date", "end date", "target date"};
  for (std::string_view n : names) {
    if (k == n) return true;
  }
  return k.size() > 5 && (k.substr(k.size() - 5) == " date" || k.rfind("date ", 0) == 0);
}

FieldSpec infer_field(const std::string& key, const std::string& value) {
  FieldSpec f;
  f.key = key;
  f.example = value;
  std::string v = strip_ticks(value);
  bool bracketed = false;
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']' && v.find(']') == v.size() - 1) {
    v = strip_ticks(std::string_view(v).substr(1, v.size() - 2));
    bracketed = true;
  }
  // Dates.
  if (v == "YYYY-MM-DD" || iequals(v, "date") || istarts_with(v, "run: date") || iequals(v, "<date>") ||
      (is_date_key(key) && (bracketed || !find_placeholders(value).empty()))) {
    f.type = FieldType::Date;
    return f;
  }
  // Choice lists: "A | B | C", "[A | B]", "A/B", "[1, 2, 3, 5]".
  if (v.find('|') != std::string::npos) {
    std::vector<std::string> parts = split(v, '|');
    bool ok = parts.size() >= 2 && std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
                return !p.empty() && p.size() <= 40 && p.find('<') == std::string::npos;
              });
    if (ok) {
      f.type = FieldType::Choice;
      f.choices = std::move(parts);
      return f;
    }
  }
  if (!bracketed && v.find('/') != std::string::npos && v.find(' ') == std::string::npos) {
    std::vector<std::string> parts = split(v, '/');
    bool ok = parts.size() >= 2 && parts.size() <= 8 && std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
                return !p.empty() && std::all_of(p.begin(), p.end(), is_word_char);
              });
    if (ok) {
      f.type = FieldType::Choice;
      f.choices = std::move(parts);
      return f;
    }
  }
  if (bracketed && v.find(',') != std::string::npos) {
    std::vector<std::string> parts = split(v, ',');
    bool numeric = std::all_of(parts.begin(), parts.end(), [](const std::string& p) {
      return !p.empty() && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
    if (numeric && parts.size() >= 2) {
      f.type = FieldType::Choice;
      f.choices = std::move(parts);
      return f;
    }
  }
  // IDs: "TASK-XXX", "SPEC-[EPIC-XXX]", "[EPIC-XXX]".
  {
    std::string compact;
    for (char c : v) {
      if (c != '[' && c != ']') compact += c;
    }
    size_t x = compact.find("-X");
    if (x != std::string::npos && compact.find(' ') == std::string::npos) {
      std::string_view tail = std::string_view(compact).substr(x + 1);
      bool xs = !tail.empty() && std::all_of(tail.begin(), tail.end(), [](char c) { return c == 'X'; });
      bool upper = std::all_of(compact.begin(), compact.begin() + static_cast<long>(x),
                               [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; });
      if (xs && upper && x > 0) {
        f.type = FieldType::Id;
        f.id_prefix = compact.substr(0, x + 1);
        return f;
      }
    }
  }
  return f;
}

std::string template_description(const Document& doc) {
  for (uint32_t l = 1; l <= std::min<uint32_t>(5, doc.source.line_count()); ++l) {
    std::string_view line = trim(doc.source.line(l));
    const std::string_view tag = "<!-- specgate-template:";
    if (line.rfind(tag, 0) != 0) continue;
    line.remove_prefix(tag.size());
    size_t end = line.find("-->");
    line = trim(line.substr(0, end));
    // "NAME — DESCRIPTION" (em dash) or "NAME - DESCRIPTION".
    for (std::string_view sep : {"\xE2\x80\x94", " - ", "\xE2\x80\x93"}) {
      size_t p = line.find(sep);
      if (p != std::string_view::npos) return std::string(trim(line.substr(p + sep.size())));
    }
    return std::string(line);
  }
  return "";
}

Schema infer_schema(const Document& t, const std::string& name) {
  Schema s;
  s.name = name;
  s.description = template_description(t);
  s.path = t.source.path();

  // Sections, with duplicate repeatable siblings ("Component A", "Component B") merged.
  std::vector<int32_t> spec_of(t.sections.size(), -1);
  std::vector<bool> dropped(t.sections.size(), false);
  for (size_t i = 0; i < t.sections.size(); ++i) {
    const Section& sec = t.sections[i];
    if (sec.parent >= 0 && dropped[sec.parent]) {
      dropped[i] = true;
      continue;
    }
    SectionSpec spec;
    spec.title = sec.title;
    spec.normalized_title = sec.normalized_title;
    spec.level = sec.level;
    spec.template_line = sec.line;
    spec.parent = sec.parent >= 0 ? spec_of[sec.parent] : -1;
    spec.repeatable = sec.title_has_placeholder || whole_code_span(sec.title);
    if (spec.repeatable) spec.pattern = whole_code_span(sec.title) ? "" : repeat_pattern(sec.normalized_title);
    // Optional: annotated in the heading or in the first line of its body.
    spec.optional = optional_words(sec.title);
    for (uint32_t l = sec.line + 1; l <= sec.body_end_line && l <= t.source.line_count(); ++l) {
      std::string_view line = trim(t.source.line(l));
      if (line.empty()) continue;
      if (optional_words(line) && line.size() < 200) spec.optional = true;
      break;
    }
    if (spec.parent >= 0 && s.sections[spec.parent].optional) spec.optional = true;
    // A bare placeholder title ("<table_name>") or an example heading cannot be required by name.
    if (spec.repeatable && spec.pattern.empty() && sec.level > 1) spec.optional = true;
    spec.allows_na = icontains(sec.title, "N/A") || icontains(sec.title, "RNIA");
    // Merge with an earlier sibling of the same repeatable pattern.
    if (spec.repeatable && !spec.pattern.empty()) {
      bool merged = false;
      for (size_t k = 0; k < s.sections.size(); ++k) {
        const SectionSpec& other = s.sections[k];
        if (other.repeatable && other.parent == spec.parent && other.level == spec.level && other.pattern == spec.pattern) {
          dropped[i] = true;
          merged = true;
          break;
        }
      }
      if (merged) continue;
    }
    const int32_t idx = static_cast<int32_t>(s.sections.size());
    spec_of[i] = idx;
    if (spec.parent >= 0) s.sections[spec.parent].children.push_back(idx);
    s.sections.push_back(std::move(spec));
  }

  for (const Block& b : t.blocks) {
    if (b.kind == BlockKind::Heading || b.section < 0 || spec_of[b.section] < 0) continue;
    s.sections[spec_of[b.section]].has_content = true;
  }
  for (const ChecklistItem& c : t.checklist) {
    if (c.section >= 0 && spec_of[c.section] >= 0) s.sections[spec_of[c.section]].checklist = true;
  }
  for (const Field& f : t.fields) {
    FieldSpec fs = infer_field(f.key, f.value);
    fs.template_line = f.line;
    if (f.section < 0) {
      s.preamble_fields.push_back(std::move(fs));
    } else if (spec_of[f.section] >= 0) {
      SectionSpec& spec = s.sections[spec_of[f.section]];
      fs.required = !spec.optional;
      bool dup = std::any_of(spec.fields.begin(), spec.fields.end(), [&](const FieldSpec& o) { return iequals(o.key, fs.key); });
      if (!dup) spec.fields.push_back(std::move(fs));
    }
  }
  for (const Table& tb : t.tables) {
    if (tb.section < 0 || spec_of[tb.section] < 0) continue;
    TableSpec ts;
    for (const auto& c : tb.header) ts.columns.push_back(c.text);
    ts.template_line = tb.line;
    s.sections[spec_of[tb.section]].tables.push_back(std::move(ts));
  }
  for (const CodeBlock& c : t.code_blocks) {
    if (c.section >= 0 && spec_of[c.section] >= 0) {
      CodeSpec cs;
      cs.language = c.language;
      cs.template_line = c.line;
      if (iequals(c.language, "mermaid")) {
        std::string_view body = trim(c.content);
        cs.diagram_type = std::string(body.substr(0, body.find_first_of(" \t\r\n")));
      }
      s.sections[spec_of[c.section]].code.push_back(std::move(cs));
    }
    size_t start = 0;
    const std::string& body = c.content;
    while (start < body.size()) {
      size_t nl = body.find('\n', start);
      std::string_view line = std::string_view(body).substr(start, (nl == std::string::npos ? body.size() : nl) - start);
      for (const auto& h : find_placeholders(line)) s.code_placeholders.insert(std::string(h.text(line)));
      start = nl == std::string::npos ? body.size() : nl + 1;
    }
  }

  // Document rules and template prose.
  for (uint32_t l = 1; l <= t.source.line_count(); ++l) {
    const LineInfo& info = t.line_info(l);
    if (info.kind != LineKind::Paragraph) continue;
    std::string_view raw = t.source.line(l);
    std::string_view content = trim(raw.substr(content_start(raw)));
    if (icontains(content, "evidence rule") ||
        (icontains(content, "every paragraph") && icontains(content, "evidence"))) {
      if (!icontains(content, "[ ]") && !info.list_item_start) s.rules.evidence = true;
    }
    if (!extract_fields(raw).empty()) continue;
    bool is_box = false;
    for (const auto& c : t.checklist) {
      if (c.line == l) { is_box = true; break; }
    }
    if (is_box) continue;
    std::string folded = fold_text(content);
    if (folded.size() >= 20 && std::count(folded.begin(), folded.end(), ' ') >= 3) s.prose_lines.insert(std::move(folded));
  }
  for (const auto& sec : s.sections) {
    if (is_template_metadata_title(sec.normalized_title)) s.rules.template_metadata = true;
  }
  index_sections(s);
  return s;
}

void ProseLines::insert(std::string folded) {
  const uint64_t key = folded_prefix(folded);
  if (!lines_.insert(std::move(folded)).second) return;
  prefixes_.insert(std::upper_bound(prefixes_.begin(), prefixes_.end(), key), key);
}

bool ProseLines::may_contain(std::string_view text) const {
  return std::binary_search(prefixes_.begin(), prefixes_.end(), folded_prefix(text));
}

std::vector<const FieldSpec*> Schema::all_fields() const {
  std::vector<const FieldSpec*> out;
  for (const auto& f : preamble_fields) out.push_back(&f);
  for (const auto& sec : sections) {
    for (const auto& f : sec.fields) out.push_back(&f);
  }
  return out;
}

std::string_view field_type_name(FieldType t) {
  switch (t) {
    case FieldType::Text: return "text";
    case FieldType::Choice: return "choice";
    case FieldType::Date: return "date";
    case FieldType::Id: return "id";
    case FieldType::Number: return "number";
  }
  return "text";
}

bool parse_field_type(std::string_view name, FieldType& out) {
  for (FieldType t : {FieldType::Text, FieldType::Choice, FieldType::Date, FieldType::Id, FieldType::Number}) {
    if (name == field_type_name(t)) {
      out = t;
      return true;
    }
  }
  return false;
}

}  // namespace specgate
