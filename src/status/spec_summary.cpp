#include "status/spec_summary.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "core/source.h"
#include "model/normalize.h"
#include "schema/placeholders.h"
#include "spec/fields.h"
#include "spec/index.h"

namespace specgate {

namespace {

// Markup and decoration around a value: `**`, backticks, leading emoji ("🚧 In Progress").
std::string display_value(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c != '`' && c != '*') out += c;
  }
  std::string_view s = trim(out);
  // Leading symbols (emoji, check marks) before the first letter or digit.
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && (std::isalnum(c) || c == '(' || c == '[' || c == '<')) break;
    if (c >= 0x80) {
      // Keep letters of other scripts: only skip sequences in the symbol/emoji ranges (U+2000+).
      const size_t len = utf8_seq_len(s, i);
      if (len == 2) break;  // Latin-1 and other alphabets
      i += len;
      continue;
    }
    ++i;
  }
  s = trim(s.substr(i));
  while (!s.empty() && s.front() == '_' && s.back() == '_' && s.size() >= 2) s = trim(s.substr(1, s.size() - 2));
  return std::string(s);
}

// True when a value is still the template's text: "[Name]", "<name>", "YYYY-MM-DD",
// "Draft | In Review | Approved", "[1, 2, 3, 5]".
bool is_placeholder(std::string_view v) {
  if (v.empty()) return true;
  for (const auto& h : find_placeholders(v)) {
    if (h.kind == PlaceholderKind::Marker) continue;  // TBD is what the spec says: keep it
    return true;
  }
  // An unpicked option list: "Draft | In Review | Approved", "Draft/Approved".
  if (v.find(" | ") != std::string_view::npos) return true;
  return false;
}

bool key_in(std::string_view folded, std::initializer_list<std::string_view> keys) {
  return std::any_of(keys.begin(), keys.end(), [&](std::string_view k) { return folded == k; });
}

class Reader {
 public:
  explicit Reader(const Document& doc) : doc_(doc) {
    title_ = title_section(doc);
    // A footer of fields after the last thematic break, with no heading below it (seed 000's
    // "**Specification Status**: ..." block), counts as metadata like the header does.
    uint32_t last_break = 0;
    for (const auto& b : doc.blocks) {
      if (b.kind == BlockKind::ThematicBreak && b.depth == 0) last_break = b.line;
    }
    const uint32_t last_heading = doc.sections.empty() ? 0 : doc.sections.back().line;
    footer_from_ = last_break > last_heading ? last_break : UINT32_MAX;
  }

  bool in_metadata(const Field& f) const {
    if (f.front_matter || f.section == kPreamble || f.section == title_) return true;
    if (f.line > footer_from_) return true;
    if (f.section >= 0) {
      const std::string t = normalize_title(doc_.sections[f.section].title).text;
      for (std::string_view k : {"metadata", "document info", "document information", "document control", "status"}) {
        if (t == k) return true;
      }
    }
    return false;
  }

  // The first filled-in field among `meta_keys` in the header, front matter or footer; else the
  // only field among `anywhere_keys` in the whole document.
  std::optional<std::string> value(std::initializer_list<std::string_view> meta_keys,
                                   std::initializer_list<std::string_view> anywhere_keys = {}) const {
    for (const auto& f : doc_.fields) {
      if (!in_metadata(f)) continue;
      const std::string k = fold_text(f.key);
      if (!key_in(k, meta_keys) && !key_in(k, anywhere_keys)) continue;
      std::string v = display_value(f.value);
      if (!is_placeholder(v)) return v;
    }
    const Field* only = nullptr;
    int count = 0;
    for (const auto& f : doc_.fields) {
      if (!key_in(fold_text(f.key), anywhere_keys)) continue;
      only = &f;
      ++count;
    }
    if (count == 1) {
      std::string v = display_value(only->value);
      if (!is_placeholder(v)) return v;
    }
    return std::nullopt;
  }

  std::optional<Date> date(std::initializer_list<std::string_view> meta_keys,
                           std::initializer_list<std::string_view> anywhere_keys = {}) const {
    auto v = value(meta_keys, anywhere_keys);
    if (!v) return std::nullopt;
    auto t = find_date_token(*v);
    if (!t || !t->valid) return std::nullopt;
    return t->date;
  }

  int32_t title() const { return title_; }

 private:
  const Document& doc_;
  int32_t title_ = kPreamble;
  uint32_t footer_from_ = UINT32_MAX;
};

std::optional<double> parse_points(const std::string& v) {
  const char* s = v.c_str();
  char* end = nullptr;
  const double d = std::strtod(s, &end);
  if (end == s || d < 0 || d > 10000) return std::nullopt;
  // "3", "3 points", "0.5 (spike)" but not "3-5" (a range is not a number of points).
  if (*end == '-' || *end == '/') return std::nullopt;
  return d;
}

std::vector<GateProgress> read_gates(const Document& doc) {
  std::vector<GateProgress> gates;
  std::vector<int32_t> gate_of(doc.sections.size(), -1);
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const Section& sec = doc.sections[s];
    if (sec.parent >= 0 && gate_of[sec.parent] >= 0) {
      gate_of[s] = gate_of[sec.parent];  // inside a gate: counts towards the outer gate
    } else if (is_gate_title(sec.title)) {
      // Gates of the same name (a "Success Criteria" under each phase) add up to one.
      const std::string title = display_title(sec.title);
      auto it = std::find_if(gates.begin(), gates.end(), [&](const GateProgress& g) { return g.section == title; });
      gate_of[s] = static_cast<int32_t>(it - gates.begin());
      if (it == gates.end()) gates.push_back({title, 0, 0});
    }
  }
  for (const auto& item : doc.checklist) {
    if (item.section < 0 || gate_of[item.section] < 0) continue;
    GateProgress& g = gates[gate_of[item.section]];
    ++g.total;
    if (item.checked) ++g.done;
  }
  gates.erase(std::remove_if(gates.begin(), gates.end(), [](const GateProgress& g) { return g.total == 0; }),
              gates.end());
  return gates;
}

}  // namespace

bool is_gate_title(std::string_view title) {
  const std::string t = normalize_title(title).text;
  for (std::string_view k : {"definition of done", "acceptance criteria", "approval", "sign-off", "signoff",
                             "sign off", "quality gate", "checklist", "success criteria", "exit criteria",
                             "done criteria", "launch criteria", "readiness", "verification criteria"}) {
    if (t.find(k) != std::string::npos) return true;
  }
  return false;
}

std::string display_title(std::string_view title) {
  std::string s = display_value(title);
  std::string_view v = s;
  // Numbering: "6) ", "2.1 ", "16b) ".
  size_t i = 0;
  while (i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.')) ++i;
  if (i > 0 && i < v.size() && std::islower(static_cast<unsigned char>(v[i])) && i + 1 < v.size() && v[i + 1] == ')') ++i;
  if (i > 0 && i < v.size() && (v[i] == ')' || v[i] == ' ' || v[i] == '.')) v = trim(v.substr(i + (v[i] == ' ' ? 0 : 1)));
  // "(Required)", "(if applicable)" notes at the end.
  if (!v.empty() && v.back() == ')') {
    const size_t open = v.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      const std::string note = to_lower_ascii(v.substr(open));
      for (std::string_view k : {"required", "recommended", "optional", "applicable", "if "}) {
        if (note.find(k) != std::string::npos) {
          v = trim(v.substr(0, open));
          break;
        }
      }
    }
  }
  return std::string(v);
}

SpecSummary read_spec_summary(const Document& doc, const Config& config) {
  (void)config;
  SpecSummary s;
  s.path = doc.source.path();
  Reader r(doc);
  // The model's status, the one every rule reads: `status` and the rules never disagree on it.
  if (const Field* st = doc.status_field()) {
    std::string v = display_value(st->value);
    if (!is_placeholder(v)) s.status = std::move(v);
  }
  s.owner = r.value({"owner", "owners", "assignee", "assigned to", "story owner", "assigned team/agent",
                     "assigned team", "assigned agent", "dri"},
                    {"assignee", "assigned to", "story owner", "assigned team/agent"});
  // A spec without an owner field is owned by its author (the built-in epic spec has only Author).
  if (!s.owner) s.owner = r.value({"author", "authors"});
  s.priority = r.value({"priority"});
  if (auto p = r.value({"story points", "points", "estimate", "story point estimate", "estimated points"}))
    s.points = parse_points(*p);
  s.created = r.date({"created", "created date", "date created", "created on", "date"});
  s.last_updated = r.date({"last updated", "updated", "last modified", "modified", "date updated", "updated on"});
  s.next_review = r.date({"next review", "next review date", "review by", "next review due"});
  if (auto t = r.value({"title"})) {
    TitleId tid = title_id(*t);  // "AGENT-031 - Orchestrator": the ID is a column of its own
    s.title = tid.id.empty() || tid.rest.empty() ? *t : tid.rest;
  } else if (r.title() != kPreamble) {
    const std::string& h = doc.sections[r.title()].title;
    TitleId tid = title_id(h);
    std::string t = display_value(tid.id.empty() ? h : tid.rest);
    if (!t.empty() && !is_placeholder(t)) s.title = t;
  }
  s.gates = read_gates(doc);
  return s;
}

void finish_summary(SpecSummary& s, const Config& config, Date today) {
  s.attention.clear();
  s.overdue = s.next_review && *s.next_review < today;
  if (s.overdue) s.attention.push_back("review overdue since " + s.next_review->iso());
  if (s.status && is_done_status(*s.status, config)) {
    uint32_t open = 0;
    for (const auto& g : s.gates) open += g.total - g.done;
    if (open > 0)
      s.attention.push_back("'" + *s.status + "' with " + std::to_string(open) + " unchecked gate item" +
                            (open == 1 ? "" : "s"));
  }
  if (s.errors > 0)
    s.attention.push_back(std::to_string(s.errors) + " error" + (s.errors == 1 ? "" : "s"));
}

}  // namespace specgate
