// missing-evidence: where the template declares the evidence rule ("every paragraph must end
// with an Evidence: or Evidence gap: line"), a paragraph or list that does not end with one.
//
// Only prose is held to it: headings, thematic breaks, code, tables, block quotes (the
// template's own instruction quote among them), HTML, the metadata field block at the top, and
// label lines that introduce what follows ("**Responsibilities**", "For each decision:") are
// exempt, as are the Evidence Gaps / Evidence Map and Template Metadata sections. A list is satisfied by an
// Evidence line as its last line or as the paragraph right after it; so is a paragraph.
#include <algorithm>

#include "core/concat.h"
#include "model/fields.h"
#include "model/normalize.h"
#include "rules/rule.h"
#include "schema/placeholders.h"
#include "spec/fields.h"

namespace specgate {

namespace {

// Lowercase text of a line's content (past its list/quote marker) without a task box and
// emphasis markup.
std::string plain(std::string_view s) {
  if (s.size() >= 3 && s[0] == '[' && s[2] == ']' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X')) s.remove_prefix(3);
  std::string out(s.size(), '\0');
  size_t n = 0;
  for (char c : s) {
    if (c == '*' || c == '_') continue;
    out[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(n);
  const std::string_view t = trim(out);
  if (t.size() != out.size()) return std::string(t);
  return out;
}

std::vector<std::string> folded_prefixes(const Schema& schema) {
  std::vector<std::string> out;
  for (const auto& p : schema.rules.evidence_prefixes) {
    // Schema strings, not document lines: they have no LineInfo, so their markers are found here.
    std::string f = plain(std::string_view(p).substr(content_start(p)));
    if (!f.empty() && f.back() == ':') f.pop_back();
    if (!f.empty()) out.push_back(f);
  }
  if (out.empty()) out = {"evidence", "evidence gap"};
  return out;
}

// A necessary condition for evidence_line, without building plain(raw): some ':' has, before it
// (past spaces, '*' and '_', and one optional 's'), a whole prefix, read backwards past the '*'
// and '_' plain() would drop. Prose lines with colons ("Owner: x", "Note: y") fail it, so only
// likely lines are lowercased and searched.
bool colon_after_prefix(std::string_view raw, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (p.back() == ' ') return true;  // "Evidence :" declared with its space: no shortcut
  }
  auto skip_markup_back = [&](size_t j, bool spaces) {  // j: one past the char to look at
    while (j > 0 && (raw[j - 1] == '*' || raw[j - 1] == '_' || (spaces && raw[j - 1] == ' '))) --j;
    return j;
  };
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  // Whether some prefix ends at raw[j - 1], as plain() would read it.
  auto prefix_ends_at = [&](size_t end) {
    for (const auto& p : prefixes) {
      size_t j = end, k = p.size();
      while (k > 0 && j > 0 && lower(raw[j - 1]) == p[k - 1]) {
        --k;
        --j;
        if (k > 0) j = skip_markup_back(j, false);
      }
      if (k == 0) return true;
    }
    return false;
  };
  for (size_t colon = raw.find(':'); colon != std::string_view::npos; colon = raw.find(':', colon + 1)) {
    size_t j = skip_markup_back(colon, true);
    if (j == 0) continue;
    if (prefix_ends_at(j)) return true;
    if (raw[j - 1] == 's' || raw[j - 1] == 'S') {  // "Evidence gaps:"
      j = skip_markup_back(j - 1, false);
      if (j > 0 && prefix_ends_at(j)) return true;
    }
  }
  return false;
}

// "Evidence:", "**Evidence gap:**", "- Evidence: ..." — at the start of a line's content, or as
// the last clause of it ("... . Evidence: docs/x.md").
bool evidence_line(std::string_view raw, const std::vector<std::string>& prefixes) {
  // The prefix must be followed by ':', which plain() keeps: most prose lines have none.
  if (raw.find(':') == std::string_view::npos) return false;
  if (!colon_after_prefix(raw, prefixes)) return false;
  const std::string s = plain(raw);
  for (const auto& p : prefixes) {
    size_t at = 0;
    while ((at = s.find(p, at)) != std::string::npos) {
      const bool boundary = at == 0 || s[at - 1] == ' ' || s[at - 1] == '(' || s[at - 1] == '`';
      size_t e = at + p.size();
      if (e < s.size() && s[e] == 's') ++e;  // "Evidence gaps:"
      while (e < s.size() && s[e] == ' ') ++e;
      if (boundary && e < s.size() && s[e] == ':') return true;
      at += p.size();
    }
  }
  return false;
}

// The block's lines that start one of its own items (nested items excluded): the lines with a
// list marker at the block's first line's indentation.
std::vector<uint32_t> top_items(const Document& doc, const Block& b) {
  std::vector<uint32_t> out;
  const size_t indent = doc.source.line(b.line).find_first_not_of(" \t");
  for (uint32_t l = b.line; l <= b.end_line; ++l) {
    if (doc.line_info(l).list_item_start && doc.source.line(l).find_first_not_of(" \t") == indent) out.push_back(l);
  }
  return out;
}

// An item's answer: past its `**Key:**` or `Key:` when it is a field, else its whole text.
std::string_view answer(const Document& doc, uint32_t l) {
  std::string_view c = doc.content(l);
  const LineInfo& info = doc.line_info(l);
  if (info.first_field >= 0 || info.plain_field) {
    const size_t colon = c.find(':');
    if (colon != std::string_view::npos) c.remove_prefix(colon + 1);
    while (!c.empty() && (c.front() == '*' || c.front() == '_' || c.front() == ' ')) c.remove_prefix(1);
  }
  return c;
}

// "N/A", "None — no PII", "Not applicable", "Not required — ...": an answer that there is nothing.
bool nothing_answer(std::string_view a) {
  // Every answer below starts with 'n' once folded: most lines are out without a fold.
  const std::string_view t = trim(a);
  if (t.empty() || (t.front() != 'n' && t.front() != 'N')) return false;
  // Every test below reads at most the first 15 folded characters ("not applicable" and the
  // character after it): fold only the start, unless blanks folded away make it too short.
  std::string f = fold_text(a.substr(0, 64));
  if (a.size() > 64 && f.size() < 16) f = fold_text(a);
  return is_na_value(f) || f.rfind("none", 0) == 0 || f.rfind("not required", 0) == 0;
}

// A field key that names a reason or a figure about the world: what follows it is an argument
// or a number a reader can doubt ("Rationale", "Why", "Assumptions", "Expected load now",
// "Estimated monthly cost"), unlike a key that names a setting or a slot ("Runtime", "Method",
// "Monitoring window", "Expected output" of a test step, "Estimated effort" of a plan).
bool claim_key(std::string_view folded) {
  static constexpr std::string_view kReason[] = {"rationale", "reason", "reasons", "reasoning",
                                                 "why", "justification", "assumption", "assumptions"};
  static constexpr std::string_view kFigureStart[] = {"expected", "estimated", "projected", "measured", "current"};
  static constexpr std::string_view kFigure[] = {"load",  "traffic",  "volume", "usage", "growth", "demand",
                                                 "throughput", "cost", "costs", "spend", "savings", "requests", "users"};
  auto in = [](const auto& set, std::string_view w) { return std::find(std::begin(set), std::end(set), w) != std::end(set); };
  bool figure_start = false;
  for (size_t n = 0; !folded.empty(); ++n) {
    const size_t sp = folded.find(' ');
    const std::string_view w = folded.substr(0, sp);
    if (in(kReason, w) || (figure_start && in(kFigure, w))) return true;
    if (n == 0) figure_start = in(kFigureStart, w);
    if (sp == std::string_view::npos) break;
    folded.remove_prefix(sp + 1);
  }
  return false;
}

// Whether line `l` holds a field (`**Key:** …` or `Key: …`) whose key is a claim_key.
bool claim_field(const Document& doc, uint32_t l) {
  const LineInfo& info = doc.line_info(l);
  if (info.first_field >= 0) return claim_key(doc.fields[static_cast<size_t>(info.first_field)].folded_key);
  if (!info.plain_field) return false;
  const std::string_view c = doc.content(l);
  return claim_key(fold_key(c.substr(0, c.find(':'))));
}

// The last line of the text that starts on item line `l` (its lazy continuation lines).
uint32_t item_text_end(const Document& doc, uint32_t l, uint32_t end) {
  while (l < end && doc.line_info(l + 1).kind == LineKind::Paragraph && !doc.line_info(l + 1).list_item_start) ++l;
  return l;
}

// A list that states claims: some item, at any depth, is a field naming a reason or an estimate
// (`**Rationale:** …`, `Expected load now: …`), or every item of its own is a sentence — prose
// cut into bullets ("- Support gets 40 export tickets a week."), at least four words ending with
// a full stop. Fields never count as sentences: they are the template's slots filled in.
bool states_claims(const Document& doc, const Block& b, const std::vector<uint32_t>& items) {
  for (uint32_t l = b.line; l <= b.end_line; ++l) {
    if (doc.line_info(l).kind == LineKind::Paragraph && claim_field(doc, l)) return true;
  }
  if (items.empty()) return false;
  for (uint32_t l : items) {
    const LineInfo& info = doc.line_info(l);
    if (info.first_field >= 0 || info.plain_field || info.checkbox) return false;
    const std::string_view first = doc.content(l);
    const std::string_view last = doc.content(item_text_end(doc, l, b.end_line));
    if (std::count(first.begin(), first.end(), ' ') < 3 && l == item_text_end(doc, l, b.end_line)) return false;
    if (last.empty() || (last.back() != '.' && last.back() != '!')) return false;
  }
  return true;
}

// "No database is used.", "This system does not expose APIs; …": a sentence saying the
// section's subject does not exist in this design — an N/A answer in words.
bool absence_statement(std::string_view text) {
  // Both forms start with "no" or "this": most paragraphs are out without a fold.
  const std::string_view t = trim(text);
  if (t.empty() || (t.front() != 'n' && t.front() != 'N' && t.front() != 't' && t.front() != 'T')) return false;
  const std::string f = fold_text(text.substr(0, 120));
  std::vector<std::string_view> w;
  for (size_t at = 0; at < f.size() && w.size() < 8;) {
    size_t sp = f.find(' ', at);
    if (sp == std::string::npos) sp = f.size();
    std::string_view word = std::string_view(f).substr(at, sp - at);
    while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ';')) word.remove_suffix(1);
    w.push_back(word);
    at = sp + 1;
  }
  static constexpr std::string_view kDone[] = {"used",     "needed",   "required", "exposed",  "stored",
                                               "kept",     "collected", "planned", "involved", "introduced",
                                               "added",    "provided", "created",  "deployed", "changed"};
  auto done = [](std::string_view x) { return std::find(std::begin(kDone), std::end(kDone), x) != std::end(kDone); };
  // "No <one to three words> is|are <done>"
  if (!w.empty() && w[0] == "no") {
    for (size_t i = 2; i + 1 < w.size() && i <= 4; ++i) {
      if ((w[i] == "is" || w[i] == "are") && done(w[i + 1])) return true;
    }
    return false;
  }
  // "This <one or two words> does not|doesn't|do not|will not|won't|has no|have no|<verb>s no …"
  if (!w.empty() && w[0] == "this") {
    for (size_t i = 2; i + 1 < w.size() && i <= 3; ++i) {
      const std::string_view a = w[i], b = w[i + 1];
      if (a == "doesn't" || a == "won't" || ((a == "does" || a == "do" || a == "will") && b == "not")) return true;
      if (b == "no" && a.size() > 2 && a.back() == 's') return true;  // "has no", "exposes no"
      if (a == "have" && b == "no") return true;
    }
  }
  return false;
}

// A list that is data, not a claim: a task or gate checklist (every item a box), a list of
// questions (every item asks one), or a list of fields most of which answer N/A / None.
bool data_list(const Document& doc, const std::vector<uint32_t>& items) {
  if (items.empty()) return false;
  size_t boxes = 0, questions = 0, fields = 0, nothing = 0;
  for (uint32_t l : items) {
    const LineInfo& info = doc.line_info(l);
    boxes += info.checkbox;
    questions += doc.content(l).find('?') != std::string_view::npos;
    if (info.first_field >= 0 || info.plain_field) {
      ++fields;
      nothing += nothing_answer(answer(doc, l));
    }
  }
  const size_t n = items.size();
  return boxes == n || questions == n || (fields == n && 2 * nothing >= n);
}

// A paragraph with nothing to evidence: every line a field (`**Status:** planned`,
// `State machine: N/A`), or an answer that there is nothing (`N/A (no request body)`,
// `None — all agreed`).
bool data_paragraph(const Document& doc, const Block& b, bool fields_are_claims) {
  bool fields = !fields_are_claims;
  for (uint32_t l = b.line; l <= b.end_line && fields; ++l) {
    if (trim(doc.source.line(l)).empty()) continue;
    if (claim_field(doc, l)) fields = false;  // "**Rationale:** …" argues
    const LineInfo& info = doc.line_info(l);
    // A plain "Key: value" line is data when its value is short; "The solution comprises: (1) a
    // script …" is a sentence with a colon.
    const std::string_view a = answer(doc, l);
    const bool short_plain = info.plain_field && std::count(a.begin(), a.end(), ' ') < 6;
    if (info.first_field < 0 && !short_plain) fields = false;
  }
  return fields || nothing_answer(doc.content(b.line));
}

// Metadata at the top of the document: every line a field (`**Owner:** x` or `Owner: x`).
bool field_only(const Document& doc, const Block& b) {
  for (uint32_t l = b.line; l <= b.end_line; ++l) {
    if (trim(doc.source.line(l)).empty()) continue;
    const LineInfo& info = doc.line_info(l);
    if (info.first_field < 0 && !info.plain_field) return false;
  }
  return true;
}

// "**Responsibilities**", "_Inputs_", "For each major decision:" — a one-line label.
// A paragraph that is one template slot ("[Describe the current state.]") is the placeholder
// rule's finding; it states nothing that could need evidence.
bool placeholder_only(std::string_view text) {
  text = trim(text);
  if (text.empty() || (text.front() != '[' && text.front() != '<' && text.front() != '{')) return false;
  const std::vector<PlaceholderHit> hits = find_placeholders(text);
  return hits.size() == 1 && hits.front().begin == 0 && hits.front().end == text.size();
}

bool label_line(std::string_view text) {
  text = trim(text);
  if (text.empty()) return true;
  if (text.size() >= 4 && ((text.substr(0, 2) == "**" && (text.substr(text.size() - 2) == "**" ||
                                                          text.substr(text.size() - 3) == "**:")) ||
                           (text.substr(0, 2) == "__" && text.substr(text.size() - 2) == "__")))
    return text.find("**", 2) >= text.size() - 3;
  return false;
}

std::string shorten(std::string_view s) {
  constexpr size_t kMax = 50;
  const size_t head = std::min(s.size(), kMax + 1);
  if (std::all_of(s.begin(), s.begin() + head, [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return s.size() <= kMax ? std::string(s) : std::string(s.substr(0, kMax - 1)) + "\xE2\x80\xA6";  // one byte a character
  // Walk at most kMax + 1 characters rather than counting the whole (often long) line.
  size_t i = 0, cut = 0, chars = 0;
  for (; chars <= kMax && i < s.size(); ++chars) {
    if (chars == kMax - 1) cut = i;
    i += utf8_seq_len(s, i);
  }
  if (i >= s.size() && chars <= kMax) return std::string(s);
  return std::string(s.substr(0, cut)) + "\xE2\x80\xA6";
}

class MissingEvidence : public Rule {
 public:
  std::string_view name() const override { return "missing-evidence"; }
  std::string_view summary() const override {
    return "A paragraph does not end with an Evidence: or Evidence gap: line (templates with the evidence rule)";
  }
  bool needs_template() const override { return true; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    if (!ctx.schema->rules.evidence) return;
    const Document& doc = ctx.doc;
    const auto prefixes = folded_prefixes(*ctx.schema);

    // Sections that are themselves evidence (Evidence Gaps, Evidence Map), and the Template
    // Metadata section (machine-read data, not claims), with their subsections.
    std::vector<bool> exempt(doc.sections.size(), false);
    for (size_t i = 0; i < doc.sections.size(); ++i) {
      const Section& s = doc.sections[i];
      exempt[i] = (s.parent >= 0 && exempt[s.parent]) || s.normalized_title.find("evidence") != std::string::npos ||
                  is_template_metadata_title(s.normalized_title);
    }
    uint32_t first_h2 = doc.source.line_count() + 1;
    for (const Section& s : doc.sections) {
      if (s.level >= 2) {
        first_h2 = s.line;
        break;
      }
    }

    std::vector<size_t> top;
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
      if (doc.blocks[i].depth == 0) top.push_back(i);
    }
    for (size_t k = 0; k < top.size(); ++k) {
      const Block& b = doc.blocks[top[k]];
      if (b.kind != BlockKind::Paragraph && b.kind != BlockKind::List) continue;
      if (b.section >= 0 && exempt[b.section]) continue;
      const Block* next = k + 1 < top.size() ? &doc.blocks[top[k + 1]] : nullptr;
      // The exemptions first: each is cheaper than searching every line for an Evidence clause,
      // and most lists are exempt.
      const bool asked = template_asks(ctx, b.section);
      if (b.kind == BlockKind::Paragraph) {
        if (data_paragraph(doc, b, asked)) continue;
        // The section's opening sentence says its subject is absent ("No database is used.").
        const Block* prev = k > 0 ? &doc.blocks[top[k - 1]] : nullptr;
        const bool opens_section = !prev || prev->section != b.section || prev->kind == BlockKind::Heading;
        if (opens_section && absence_statement(doc.content(b.line))) continue;
        const std::string_view first = trim(doc.source.line(b.line));
        if (b.line == last_line(doc, b) && (label_line(first) || placeholder_only(doc.content(b.line)))) continue;
        // A lead-in ending with ':' belongs to the list, table or code it introduces.
        const std::string_view last = trim(doc.source.line(last_line(doc, b)));
        if (!last.empty() && last.back() == ':' && next &&
            (next->kind == BlockKind::List || next->kind == BlockKind::Table || next->kind == BlockKind::Code))
          continue;
      } else {
        const std::vector<uint32_t> items = top_items(doc, b);
        if ((b.line < first_h2 && all_fields(doc, b)) || data_list(doc, items)) continue;
        if (k > 0 && labelled(doc, doc.blocks[top[k - 1]], b)) continue;
        // Lists are inventories, steps and filled-in fields unless they argue or the template
        // asks for evidence on this section's content.
        if (!asked && !states_claims(doc, b, items)) continue;
      }
      if (carries_evidence(doc, b, prefixes)) continue;
      if (next && next->kind == BlockKind::Paragraph && next->section == b.section &&
          evidence_line(doc.content(next->line), prefixes))
        continue;
      const std::string_view raw = doc.source.line(b.line);
      const size_t start = b.kind == BlockKind::List ? doc.line_info(b.line).content : raw.find_first_not_of(" \t");
      const std::string_view text = trim(raw.substr(std::min(start, raw.size())));
      out.report(b.line, doc.source.column_of(b.line, std::min(start, raw.size())),
                 static_cast<uint32_t>(count_chars(text)),
                 concat({b.kind == BlockKind::List ? "list" : "paragraph", " '", shorten(text),
                         "' does not end with an Evidence: or Evidence gap: line"}),
                 "end it with 'Evidence: <file path or link>', or 'Evidence gap: <what is missing>'");
    }
  }

 private:
  // Whether the template closes a block of the section matched to `section` with its own
  // Evidence: line (SectionSpec::evidence_line).
  static bool template_asks(const RuleContext& ctx, int32_t section) {
    if (section < 0 || !ctx.match || static_cast<size_t>(section) >= ctx.match->spec_of.size()) return false;
    const int32_t spec = ctx.match->spec_of[static_cast<size_t>(section)];
    return spec >= 0 && ctx.schema->sections[static_cast<size_t>(spec)].evidence_line;
  }

  // The block's last non-blank line.
  static uint32_t last_line(const Document& doc, const Block& b) {
    uint32_t l = b.end_line;
    while (l > b.line && trim(doc.source.line(l)).empty()) --l;
    return l;
  }

  // An Evidence clause on any line: "... . Evidence: x" inside a paragraph, or on any item of a
  // list (a nested `- Evidence:` under a decision included).
  static bool carries_evidence(const Document& doc, const Block& b, const std::vector<std::string>& prefixes) {
    for (uint32_t l = b.line; l <= b.end_line; ++l) {
      if (doc.line_info(l).kind == LineKind::Paragraph && evidence_line(doc.content(l), prefixes)) return true;
    }
    return false;
  }

  // A list right under a one-line label in its section (`**Inputs**`, `**Dependencies:**`,
  // `**Evidence:**`, `Sources:`) is the label's value — an inventory, or the evidence itself —
  // not a claim. A lead-in sentence ("For each decision:") does not make its list data.
  static bool labelled(const Document& doc, const Block& prev, const Block& list) {
    if (prev.kind != BlockKind::Paragraph || prev.section != list.section || prev.line != last_line(doc, prev))
      return false;
    const std::string_view text = trim(doc.source.line(prev.line));
    if (label_line(text)) return true;
    const LineInfo& info = doc.line_info(prev.line);
    if (info.first_field >= 0 && trim(answer(doc, prev.line)).empty()) return true;  // "**Runbook:**"
    if (!text.empty() && text.back() == ':' && std::count(text.begin(), text.end(), ' ') < 2) {
      const std::string f = fold_text(text);
      return f.find("evidence") != std::string::npos || f.find("source") != std::string::npos;
    }
    return false;
  }

  static bool all_fields(const Document& doc, const Block& b) { return field_only(doc, b); }
};

}  // namespace

std::unique_ptr<Rule> make_missing_evidence() { return std::make_unique<MissingEvidence>(); }

}  // namespace specgate
