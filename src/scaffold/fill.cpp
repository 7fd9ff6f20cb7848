#include "scaffold/fill.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "model/directives.h"
#include "model/fields.h"
#include "model/normalize.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

struct Edit {
  size_t begin = 0;  // byte offsets within the line
  size_t end = 0;
  std::string text;
};

// Edits per line; a later edit never overlaps an earlier one on the same line.
class Edits {
 public:
  bool free(uint32_t line, size_t b, size_t e) const {
    auto it = by_line_.find(line);
    if (it == by_line_.end()) return true;
    return std::none_of(it->second.begin(), it->second.end(), [&](const Edit& x) { return b < x.end && x.begin < e; });
  }
  bool add(uint32_t line, size_t b, size_t e, std::string text) {
    if (!free(line, b, e)) return false;
    by_line_[line].push_back(Edit{b, e, std::move(text)});
    return true;
  }
  const std::map<uint32_t, std::vector<Edit>>& all() const { return by_line_; }

 private:
  std::map<uint32_t, std::vector<Edit>> by_line_;
};

// An ID placeholder in a line: "TASK-XXX", "[EPIC-XXX]", "SPEC-[EPIC-XXX]".
struct IdSlot {
  size_t begin = 0, end = 0;
  std::string family;
};

bool xid_form(std::string_view s, std::string& family) {
  const size_t dash = s.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= s.size() || !ascii_upper(s[0])) return false;
  std::string_view tail = s.substr(dash + 1), head = s.substr(0, dash);
  if (!std::all_of(tail.begin(), tail.end(), [](char c) { return c == 'X'; })) return false;
  if (!std::all_of(head.begin(), head.end(), [](char c) { return ascii_upper(c) || c == '-'; }) || head.back() == '-')
    return false;
  family.assign(head);
  return true;
}

std::optional<IdSlot> id_slot(std::string_view line, const PlaceholderHit& h) {
  std::string_view text = h.text(line);
  IdSlot slot{h.begin, h.end, ""};
  if (h.kind == PlaceholderKind::XId) {
    if (!xid_form(text, slot.family)) return std::nullopt;
    return slot;
  }
  if (h.kind != PlaceholderKind::Bracket || text.size() < 3) return std::nullopt;
  if (!xid_form(text.substr(1, text.size() - 2), slot.family)) return std::nullopt;
  // "SPEC-[EPIC-XXX]": an uppercase prefix glued to the bracket is part of the ID.
  size_t b = h.begin;
  if (b >= 2 && line[b - 1] == '-') {
    size_t p = b - 1;
    while (p > 0 && (ascii_upper(line[p - 1]) || line[p - 1] == '-')) --p;
    if (p < b - 1 && ascii_upper(line[p]) && (p == 0 || !std::isalnum(static_cast<unsigned char>(line[p - 1])))) {
      slot.family = std::string(line.substr(p, b - 1 - p)) + "-" + slot.family;
      slot.begin = p;
    }
  }
  return slot;
}

std::string inner_text(std::string_view text, PlaceholderKind kind) {
  if ((kind == PlaceholderKind::Bracket || kind == PlaceholderKind::Angle || kind == PlaceholderKind::Variable) &&
      text.size() >= 2)
    return std::string(trim(text.substr(1, text.size() - 2)));
  return std::string(text);
}

// `YYYY-MM-DD`, `[YYYY-MM-DD]`, `[Date]`, `<date>`, `[Run: date +"%Y-%m-%d"]`, `[Today]`.
bool is_date_placeholder(std::string_view line, const PlaceholderHit& h) {
  if (h.kind == PlaceholderKind::DateMask) return true;
  if (h.kind != PlaceholderKind::Bracket && h.kind != PlaceholderKind::Angle) return false;
  const std::string inner = fold_text(inner_text(h.text(line), h.kind));
  return inner == "date" || inner == "yyyy-mm-dd" || inner == "today" || inner.rfind("run: date", 0) == 0;
}

enum class KeyKind { Other, DateNow, NextReview, Title, Id, Status };

KeyKind key_kind(std::string_view key) {
  const std::string k = fold_text(key);
  if (k == "created" || k == "date" || k == "updated" || k == "last updated" || k == "last modified" ||
      k == "created on" || k == "date created")
    return KeyKind::DateNow;
  if (k == "next review" || k == "next review date" || k == "review date") return KeyKind::NextReview;
  if (k == "title") return KeyKind::Title;
  if (k == "id" || (k.size() > 3 && k.substr(k.size() - 3) == " id")) return KeyKind::Id;
  if (k == "status" || k == "specification status" || k == "document status" || k == "spec status")
    return KeyKind::Status;
  return KeyKind::Other;
}

// "Draft | In Review | Approved", "[To Do | Done]", "Draft/Approved" -> the first choice.
std::optional<std::string> first_choice(std::string_view value) {
  std::string_view v = trim(value);
  while (v.size() >= 2 && ((v.front() == '[' && v.back() == ']') || (v.front() == '`' && v.back() == '`')))
    v = trim(v.substr(1, v.size() - 2));
  char sep = v.find('|') != std::string_view::npos ? '|' : '/';
  if (sep == '/' && v.find(' ') != std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t p = v.find(sep, start);
    parts.push_back(trim(v.substr(start, (p == std::string_view::npos ? v.size() : p) - start)));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  if (parts.size() < 2 || std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); }))
    return std::nullopt;
  std::string_view first = parts.front();
  while (first.size() >= 4 && first.substr(0, 2) == "**" && first.substr(first.size() - 2) == "**")
    first = trim(first.substr(2, first.size() - 4));
  if (!find_placeholders(first).empty()) return std::nullopt;
  return std::string(first);
}

std::string one_line(std::string_view s) {
  std::string out(trim(s));
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

bool is_template_comment(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.rfind("<!--", 0) != 0) return false;
  const auto d = parse_directive(t, 0);
  return d && (d->verb == DirectiveVerb::Template || d->verb == DirectiveVerb::TemplateHeader);
}

const Section* title_section(const Document& doc) {
  for (const auto& s : doc.sections) {
    if (s.level == 1) return &s;
  }
  return nullptr;
}

bool document_status(const Document& doc, const Field& f) {
  if (f.section == kPreamble) return true;
  if (doc.sections[f.section].level == 1) return true;
  return !iequals(trim(f.key), "status");  // "Specification Status", "Document Status"
}

}  // namespace

std::string fold_var_key(std::string_view key) {
  std::string out;
  for (char c : trim(key)) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string template_id_family(const Document& tmpl) {
  if (const Section* s = title_section(tmpl)) {
    std::string_view line = tmpl.source.line(s->line);
    for (const auto& h : find_placeholders(line)) {
      if (auto slot = id_slot(line, h)) return slot->family;
    }
  }
  for (const Field& f : tmpl.fields) {
    if (f.front_matter || key_kind(f.key) != KeyKind::Id) continue;
    std::string_view line = tmpl.source.line(f.line);
    for (const auto& h : find_placeholders(line)) {
      if (auto slot = id_slot(line, h)) return slot->family;
    }
  }
  return "";
}

FillResult fill_template(const Document& tmpl, const FillOptions& o) {
  const SourceText& src = tmpl.source;
  const std::string title = one_line(o.title);
  const std::string today = o.today.iso();
  const std::string review = o.today.plus_days(o.review_interval_days).iso();
  Edits edits;

  // The template marker comment becomes the spec's template reference.
  uint32_t comment_line = 0;
  for (uint32_t l = 1; l <= std::min<uint32_t>(5, src.line_count()); ++l) {
    if (is_template_comment(src.line(l))) {
      comment_line = l;
      break;
    }
  }
  const std::string comment = "<!-- specgate: template=" + o.template_ref + " -->";
  if (comment_line && !o.template_ref.empty()) edits.add(comment_line, 0, src.line(comment_line).size(), comment);

  auto fill_ids = [&](uint32_t l) {
    if (o.id.empty()) return;
    std::string_view line = src.line(l);
    for (const auto& h : find_placeholders(line)) {
      if (auto slot = id_slot(line, h)) edits.add(l, slot->begin, slot->end, o.id);
    }
  };

  // The title heading: its ID and its first other placeholder.
  if (const Section* s = title_section(tmpl)) {
    fill_ids(s->line);
    std::string_view line = src.line(s->line);
    if (!title.empty()) {
      for (const auto& h : find_placeholders(line)) {
        if (id_slot(line, h)) continue;
        if (h.kind != PlaceholderKind::Bracket && h.kind != PlaceholderKind::Angle && h.kind != PlaceholderKind::Variable)
          continue;
        if (edits.add(s->line, h.begin, h.end, title)) break;
      }
    }
  }

  // Fields: dates, the spec's own ID and title, the document status.
  std::vector<uint32_t> field_lines;
  for (const Field& f : tmpl.fields) {
    if (!f.front_matter && (field_lines.empty() || field_lines.back() != f.line)) field_lines.push_back(f.line);
  }
  for (uint32_t l : field_lines) {
    if (tmpl.line_info(l).kind == LineKind::Code) continue;
    const Field* model = nullptr;
    for (const Field& f : tmpl.fields) {
      if (f.line == l && !f.front_matter) { model = &f; break; }
    }
    std::string_view line = src.line(l);
    for (const RawField& rf : extract_fields(line)) {
      if (rf.value.empty() || line.substr(rf.value_offset, rf.value.size()) != rf.value) continue;
      const size_t vb = rf.value_offset, ve = rf.value_offset + rf.value.size();
      const KeyKind kind = key_kind(rf.key);
      if (kind == KeyKind::Status) {
        if (model && !document_status(tmpl, *model)) continue;
        if (auto choice = first_choice(rf.value)) edits.add(l, vb, ve, *choice);
        continue;
      }
      if (kind == KeyKind::Other) continue;
      for (const auto& h : find_placeholders(line)) {
        if (h.begin < vb || h.end > ve) continue;
        if ((kind == KeyKind::DateNow || kind == KeyKind::NextReview) && is_date_placeholder(line, h)) {
          // "[YYYY-MM-DD]": the brackets belong to the placeholder.
          size_t b = h.begin, e = h.end;
          if (b > vb && e < ve && line[b - 1] == '[' && line[e] == ']') --b, ++e;
          edits.add(l, b, e, kind == KeyKind::DateNow ? today : review);
        } else if (kind == KeyKind::Id && !o.id.empty()) {
          if (auto slot = id_slot(line, h)) edits.add(l, slot->begin, slot->end, o.id);
        } else if (kind == KeyKind::Title && !title.empty() && !id_slot(line, h) &&
                   (h.kind == PlaceholderKind::Bracket || h.kind == PlaceholderKind::Angle)) {
          if (edits.add(l, h.begin, h.end, title)) break;
        }
      }
    }
  }

  // --var values, into any placeholder outside code blocks and HTML whose text matches.
  FillResult result;
  std::vector<std::pair<std::string, const std::string*>> vars;  // folded key -> value
  std::vector<bool> used(o.vars.size(), false);
  for (const auto& [k, v] : o.vars) vars.emplace_back(fold_var_key(k), &v);
  if (!vars.empty()) {
    // First a field named by the key: --var author="Ana Silva" fills '**Author:** [Name]' only,
    // not every other [Name] (components, entities) as matching the placeholder text would.
    for (uint32_t l : field_lines) {
      if (tmpl.line_info(l).kind == LineKind::Code) continue;
      std::string_view line = src.line(l);
      for (const RawField& rf : extract_fields(line)) {
        if (rf.value.empty() || line.substr(rf.value_offset, rf.value.size()) != rf.value) continue;
        const std::string key = fold_var_key(rf.key);
        for (size_t i = vars.size(); i-- > 0;) {
          if (vars[i].first != key) continue;
          const size_t vb = rf.value_offset, ve = rf.value_offset + rf.value.size();
          for (const auto& h : find_placeholders(line)) {
            if (h.begin < vb || h.end > ve) continue;
            if (edits.add(l, h.begin, h.end, one_line(*vars[i].second))) used[i] = true;
            break;
          }
          break;
        }
      }
    }
    for (uint32_t l = 1; l <= src.line_count(); ++l) {
      const LineKind kind = tmpl.line_info(l).kind;
      if (kind == LineKind::Code || kind == LineKind::Html || kind == LineKind::Blank) continue;
      std::string_view line = src.line(l);
      if (l == comment_line) continue;
      for (const auto& h : find_placeholders(line)) {
        const std::string key = fold_var_key(inner_text(h.text(line), h.kind));
        // The last --var of a key wins, as with repeated options elsewhere.
        for (size_t i = vars.size(); i-- > 0;) {
          if (vars[i].first != key) continue;
          if (edits.add(l, h.begin, h.end, one_line(*vars[i].second))) used[i] = true;
          break;
        }
      }
    }
  }
  for (size_t i = 0; i < o.vars.size(); ++i) {
    if (used[i]) continue;
    // A repeated key counts as used when its last occurrence was.
    bool later_used = false;
    for (size_t j = i + 1; j < o.vars.size(); ++j) later_used = later_used || (used[j] && vars[j].first == vars[i].first);
    const std::string& key = o.vars[i].first;
    if (!later_used && std::find(result.unused_vars.begin(), result.unused_vars.end(), key) == result.unused_vars.end())
      result.unused_vars.push_back(key);
  }

  // Assemble: original bytes with the edits applied, and the template comment added when the
  // template had none (after front matter, which must stay first).
  const std::string_view text = src.text();
  // Offsets of edits are within src.line(l), which starts after a byte-order mark.
  auto line_offset = [&](uint32_t l) {
    return l <= src.line_count() ? static_cast<size_t>(src.line(l).data() - text.data()) : text.size();
  };
  std::string& out = result.text;
  out.reserve(text.size() + 256);
  size_t cursor = 0;
  if (!comment_line && !o.template_ref.empty()) {
    const uint32_t at = tmpl.front_matter.present ? tmpl.front_matter.end_line + 1 : 1;
    const size_t offset = at <= src.line_count() ? line_offset(at) : text.size();
    const std::string_view first = src.line(1);
    const bool crlf = text.substr(line_offset(1) + first.size(), 2) == "\r\n";
    out.append(text.substr(0, offset));
    if (out.size() > src.content_begin() && out.back() != '\n') out += crlf ? "\r\n" : "\n";  // front matter at EOF
    out += comment;
    out += crlf ? "\r\n" : "\n";
    cursor = offset;
  }
  for (const auto& [l, list] : edits.all()) {
    std::vector<Edit> sorted = list;
    std::sort(sorted.begin(), sorted.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    const size_t base = line_offset(l);
    for (const Edit& e : sorted) {
      if (base + e.begin < cursor) continue;  // cannot happen: edits never overlap
      out.append(text.substr(cursor, base + e.begin - cursor));
      out += e.text;
      cursor = base + e.end;
    }
  }
  out.append(text.substr(cursor));
  return result;
}

}  // namespace specgate
