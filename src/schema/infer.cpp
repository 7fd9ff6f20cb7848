#include "schema/infer.h"

#include <algorithm>

#include "model/normalize.h"
#include "schema/conventions.h"
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

// The HTML comment that ends on `line` (one or several lines), or "" when `line` ends none.
std::string comment_ending_at(const Document& t, uint32_t line) {
  if (line < 1 || line > t.source.line_count() || t.line_info(line).kind != LineKind::Html) return "";
  std::string_view last = trim(t.source.line(line));
  if (last.size() < 3 || last.substr(last.size() - 3) != "-->") return "";
  std::string text;
  for (uint32_t l = line, seen = 0; l >= 1 && seen < 20; --l, ++seen) {
    std::string_view raw = trim(t.source.line(l));
    text.insert(0, std::string(raw) + " ");
    if (raw.find("<!--") != std::string_view::npos) return text;
  }
  return "";
}

// The HTML comment that starts on `line`, up to its end, or "" when `line` starts none.
std::string comment_starting_at(const Document& t, uint32_t line, uint32_t* end_line = nullptr) {
  if (line < 1 || line > t.source.line_count() || t.line_info(line).kind != LineKind::Html) return "";
  if (trim(t.source.line(line)).substr(0, 4) != "<!--") return "";
  std::string text;
  for (uint32_t l = line; l <= t.source.line_count() && l < line + 60; ++l) {
    std::string_view raw = trim(t.source.line(l));
    text += raw;
    text += ' ';
    if (raw.find("-->") != std::string_view::npos) {
      if (end_line) *end_line = l;
      return text;
    }
  }
  return "";
}

// Sections after a comment saying the content below is a sample ("SAMPLE TASKS for illustration
// purposes only"): up to the end of the section that holds the first heading after it.
std::vector<bool> sample_sections(const Document& t) {
  std::vector<bool> sample(t.sections.size(), false);
  for (uint32_t l = 1; l <= t.source.line_count(); ++l) {
    uint32_t end = 0;
    std::string comment = comment_starting_at(t, l, &end);
    if (comment.empty()) continue;
    if (says_sample(comment)) {
      int first_level = 0;
      for (size_t i = 0; i < t.sections.size(); ++i) {
        const Section& sec = t.sections[i];
        if (sec.line <= end) continue;
        if (first_level == 0) first_level = sec.level;
        if (sec.level < first_level) break;
        sample[i] = true;
      }
    }
    l = end;
  }
  return sample;
}

// Whether a section's body says the section is optional or conditional: its first instruction
// (a line or a whole comment), or any own line naming "this section" as conditional.
bool body_makes_optional(const Document& t, const Section& sec) {
  bool first = true;
  const uint32_t last = std::min<uint32_t>(sec.body_end_line, t.source.line_count());
  for (uint32_t l = sec.line + 1; l <= last; ++l) {
    std::string_view line = trim(t.source.line(l));
    if (line.empty()) continue;
    const LineKind kind = t.line_info(l).kind;
    uint32_t end = l;
    std::string comment = comment_starting_at(t, l, &end);
    if (!comment.empty()) {
      if (first ? instruction_makes_optional(comment, true) : says_section_conditional(comment)) return true;
      l = end;
    } else if (kind != LineKind::Code && kind != LineKind::Table) {
      // The first line as an instruction; a list item is content ("1. When [event], the system
      // shall …"), where only an annotation such as "(optional)" counts.
      if (first && line.size() < 200 &&
          (t.line_info(l).list_item_start ? heading_marks_optional(line) : instruction_makes_optional(line, false))) {
        return true;
      }
      if (says_section_conditional(line)) return true;
    }
    first = false;
  }
  return false;
}

// An empty bold label whose list holds guidance, not slots ("**Approach**:" then "- Include
// essential sections …", "- Omit optional sections unless …"): the label introduces
// instructions. A label over slots ("**Inputs**" then "* <HTTP, queue, …>") stays a field.
bool labels_guidance_list(const Document& t, uint32_t line) {
  size_t items = 0;
  for (uint32_t l = line + 1; l <= t.source.line_count(); ++l) {
    std::string_view text = trim(t.source.line(l));
    if (text.empty()) {
      if (items > 0 || l > line + 1) break;
      continue;
    }
    const LineInfo& info = t.line_info(l);
    if (!info.in_list || info.kind == LineKind::Code || info.kind == LineKind::Table) break;
    if (!info.list_item_start) continue;
    std::string_view item = t.content(l);
    if (item.find_first_of("[{<`") != std::string_view::npos || !find_placeholders(item).empty()) return false;
    if (std::count(item.begin(), item.end(), ' ') < 3 && item.size() < 30) return false;  // a sentence, in any script
    ++items;
  }
  return items > 0;
}

bool body_offers_choice(const Document& t, const Section& sec) {
  const uint32_t last = std::min<uint32_t>(sec.body_end_line, t.source.line_count());
  for (uint32_t l = sec.line + 1; l <= last; ++l) {
    std::string_view line = trim(t.source.line(l));
    if (!line.empty()) return line.size() < 200 && offers_choice(line);
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

// "Evidence: <path>", "**Evidence gap:** …": a template line that is itself the evidence slot.
bool opens_with_evidence_label(std::string_view content) {
  std::string head;
  for (char c : content.substr(0, 24)) {
    if (c == '*' || c == '_') continue;
    head += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return head.rfind("evidence:", 0) == 0 || head.rfind("evidence gap:", 0) == 0 || head.rfind("evidence gaps:", 0) == 0;
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
  // The template's own header, `<!-- specgate-template: NAME — DESCRIPTION -->`, in its first lines.
  for (const Directive& d : doc.directives) {
    if (d.line > 5) break;
    if (d.verb != DirectiveVerb::TemplateHeader) continue;
    const std::string_view line = d.args;
    // "NAME — DESCRIPTION" (em dash) or "NAME - DESCRIPTION".
    for (std::string_view sep : {"\xE2\x80\x94", " - ", "\xE2\x80\x93"}) {
      size_t p = line.find(sep);
      if (p != std::string_view::npos) return std::string(trim(line.substr(p + sep.size())));
    }
    return std::string(line);
  }
  return "";
}

// Lines `sec.line` to `sec.end_line` of the template, each ending in '\n', without trailing blank lines.
static std::string section_text(const Document& t, const Section& sec) {
  uint32_t last = std::min(sec.end_line, t.source.line_count());
  while (last > sec.line && trim(t.source.line(last)).empty()) --last;
  std::string out;
  for (uint32_t l = sec.line; l <= last; ++l) {
    out.append(t.source.line(l));
    out.push_back('\n');
  }
  return out;
}

Schema infer_schema(const Document& t, const std::string& name) {
  Schema s;
  s.name = name;
  s.description = template_description(t);
  s.path = t.source.path();

  // Sections, with duplicate repeatable siblings ("Component A", "Component B") merged.
  std::vector<int32_t> spec_of(t.sections.size(), -1);
  std::vector<bool> dropped(t.sections.size(), false);
  const std::vector<bool> sample = sample_sections(t);
  for (size_t i = 0; i < t.sections.size(); ++i) {
    const Section& sec = t.sections[i];
    if (sec.parent >= 0 && dropped[sec.parent]) {
      dropped[i] = true;
      continue;
    }
    // A bold instruction line made a heading by a `---` under it ("**Warning**: …") is no
    // section: what is under it belongs to the section around it.
    if (is_bold_key_line(sec.title)) {
      spec_of[i] = sec.parent >= 0 ? spec_of[sec.parent] : -1;
      continue;
    }
    SectionSpec spec;
    // A marker comment on the heading line ("## Research <!-- optional -->") makes the section
    // optional and is no part of its name; another comment ("Requirement: <!-- name -->") is
    // the heading's slot and stays.
    std::string title_comments;
    std::string bare_title = strip_comments(sec.title, title_comments);
    const bool marker_comment = !title_comments.empty() && instruction_makes_optional(title_comments, true);
    spec.title = sec.title;
    spec.normalized_title = sec.normalized_title;
    bool has_placeholder = sec.title_has_placeholder;
    if (marker_comment) {
      NormalizedTitle n = normalize_title(bare_title);
      spec.title = std::move(bare_title);
      spec.normalized_title = std::move(n.text);
      has_placeholder = n.has_placeholder;
    }
    {
      const std::string bare = strip_marker_annotations(spec.title);
      if (bare.size() != trim(spec.title).size()) spec.normalized_title = normalize_title(bare).text;
    }
    spec.level = sec.level;
    spec.template_line = sec.line;
    spec.skeleton = section_text(t, sec);
    spec.parent = sec.parent >= 0 ? spec_of[sec.parent] : -1;
    spec.repeatable = has_placeholder || whole_code_span(spec.title);
    if (spec.repeatable) spec.pattern = whole_code_span(spec.title) ? "" : repeat_pattern(spec.normalized_title);
    // Optional: annotated in the heading, by a comment on or right above it, by the first
    // instruction of its body or a line of it naming "this section" as conditional; sample
    // content; an OpenSpec delta kind (a delta has only the kinds it needs); subsections
    // offered as a choice ("use whichever pattern fits").
    spec.optional = heading_marks_optional(spec.title) || marker_comment || is_change_kind_heading(spec.title) ||
                    sample[i] || body_makes_optional(t, sec) || body_offers_choice(t, sec);
    if (!spec.optional) {
      std::string above = comment_ending_at(t, sec.line - 1);
      spec.optional = !above.empty() && instruction_makes_optional(above, true);
    }
    if (spec.parent >= 0 && s.sections[spec.parent].optional) spec.optional = true;
    // A bare placeholder title ("<table_name>") or an example heading cannot be required by name.
    if (spec.repeatable && spec.pattern.empty() && sec.level > 1) spec.optional = true;
    spec.allows_na = icontains(sec.title, "N/A") || icontains(sec.title, "RNIA");
    // Merge with an earlier sibling of the same repeatable pattern; bare slots of one level
    // under one parent ("### {title of option 1}", "### {title of other option}") are
    // alternatives of one slot, in any order.
    if (spec.repeatable && (!spec.pattern.empty() || sec.level > 1)) {
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
    // The template page's own front matter (`title: ADR Template`) describes the template file;
    // a spec must carry a key only when the template leaves its value as a slot.
    if (f.front_matter && fs.type == FieldType::Text && find_placeholders(f.value).empty()) fs.required = false;
    // A bold key followed by a sentence of guidance ("**Note**: This template is filled in by
    // …") is an instruction, not a field.
    if (fs.type == FieldType::Text && is_instruction_value(f.value)) fs.required = false;
    // "**Builds on:** [Short Title](2021-05-15-short-title.md)": a link to an earlier decision,
    // there only when the spec has one.
    if (fs.type == FieldType::Text && is_example_link(f.value)) fs.required = false;
    if (trim(f.value).empty() && labels_guidance_list(t, f.line)) fs.required = false;
    if (f.section < 0) {
      s.preamble_fields.push_back(std::move(fs));
    } else if (spec_of[f.section] >= 0) {
      SectionSpec& spec = s.sections[spec_of[f.section]];
      fs.required = fs.required && !spec.optional;
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
  std::vector<bool> evidence_line(s.sections.size(), false);
  for (uint32_t l = 1; l <= t.source.line_count(); ++l) {
    const LineInfo& info = t.line_info(l);
    if ((info.kind == LineKind::Paragraph || info.kind == LineKind::Table || info.kind == LineKind::Heading) && !info.comment) {
      const std::string_view line = t.source.line(l);
      for (const auto& h : find_placeholders(line)) {
        s.text_placeholders.insert(std::string(h.text(line)));
        if (h.kind != PlaceholderKind::Bracket) continue;
        std::string before = fold_text(line.substr(0, h.begin));
        // Only words of running text ("chosen option"): a list number, a field key or a file
        // name before a slot ("1.", "**Owner:**", "`.env` -") leaves the bracket a slot to fill.
        if (before.empty() || !std::all_of(before.begin(), before.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' '; }))
          continue;
        s.slots_after[std::move(before)].emplace_back(h.text(line));
      }
    }
    if (info.kind != LineKind::Paragraph) continue;
    std::string_view content = t.content(l);
    if (icontains(content, "evidence rule") ||
        (icontains(content, "every paragraph") && icontains(content, "evidence"))) {
      if (!icontains(content, "[ ]") && !info.list_item_start) s.rules.evidence = true;
    }
    if (!info.in_list && !info.in_quote && !info.comment && info.section >= 0 && spec_of[info.section] >= 0 &&
        opens_with_evidence_label(content))
      evidence_line[spec_of[info.section]] = true;
    if (info.first_field >= 0 || info.checkbox) continue;
    std::string folded = fold_text(content);
    if (folded.size() >= 20 && std::count(folded.begin(), folded.end(), ' ') >= 3) s.prose_lines.insert(std::move(folded));
  }
  for (const auto& sec : s.sections) {
    if (is_template_metadata_title(sec.normalized_title)) s.rules.template_metadata = true;
  }
  if (s.rules.evidence) {
    for (size_t i = 0; i < s.sections.size(); ++i) s.sections[i].evidence_line = evidence_line[i];
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
