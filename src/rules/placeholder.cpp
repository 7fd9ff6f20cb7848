// placeholder: template placeholder forms left in the spec. Code is exempt unless the template's
// own code held the same placeholder (then the author copied the example without filling it).
#include <re2/re2.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "model/normalize.h"
#include "rules/legends.h"
#include "rules/rule.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

std::string describe(PlaceholderKind k, std::string_view text) {
  const std::string t(text);
  switch (k) {
    case PlaceholderKind::Marker: return "'" + t + "' left in the spec";
    case PlaceholderKind::DateMask: return "date placeholder '" + t + "' left in the spec";
    case PlaceholderKind::XId: return "ID placeholder '" + t + "' left in the spec";
    case PlaceholderKind::Quantity: return "quantity placeholder '" + t + "' left in the spec";
    default: return "placeholder '" + t + "' left in the spec";
  }
}

std::string hint_for(PlaceholderKind k) {
  switch (k) {
    case PlaceholderKind::Marker: return "fill in the value, or write N/A with the reason";
    case PlaceholderKind::DateMask: return "replace it with the real date, e.g. 2026-01-31";
    case PlaceholderKind::XId: return "use the real ID number";
    case PlaceholderKind::Quantity: return "write the real number";
    default: return "replace the placeholder with the real content";
  }
}

class Placeholder : public Rule {
 public:
  std::string_view name() const override { return "placeholder"; }
  std::string_view summary() const override { return "A template placeholder was left in the spec"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const auto& extra = ctx.config.placeholder_regexes;
    const Legends& legends = legends_of(ctx);
    const std::unordered_set<std::string> labels = labels_in(doc, ctx.schema);
    std::vector<uint32_t> title_template_lines;
    for (const Field& f : doc.fields) {
      if (iequals(f.key, "title_template") || iequals(f.key, "title template")) title_template_lines.push_back(f.line);
    }
    // Walked alongside the lines (a search per line was quadratic when a spec has many).
    std::sort(title_template_lines.begin(), title_template_lines.end());
    size_t next_title_template = 0;
    for (uint32_t l = 1; l <= doc.source.line_count(); ++l) {
      const LineInfo& info = doc.line_info(l);
      const std::string_view line = doc.source.line(l);
      const bool code = info.kind == LineKind::Code;
      if (info.kind == LineKind::Blank || info.kind == LineKind::FrontMatter || info.kind == LineKind::Html ||
          info.kind == LineKind::ThematicBreak)
        continue;
      if (code && !ctx.schema) continue;
      if (info.comment) continue;  // comments hold directives
      PlaceholderOptions opts;
      while (next_title_template < title_template_lines.size() && title_template_lines[next_title_template] < l)
        ++next_title_template;
      opts.variables =
          next_title_template == title_template_lines.size() || title_template_lines[next_title_template] != l;
      for (const PlaceholderHit& h : find_placeholders(line, opts)) {
        const std::string_view text = h.text(line);
        // A bracket the document defines in a legend (`**[Story]**: the user story`) is a label.
        if (h.kind == PlaceholderKind::Bracket && legends.defined_brackets.count(std::string(text.substr(1, text.size() - 2))))
          continue;
        if (h.kind == PlaceholderKind::Bracket && !h.in_code && !code) {
          const std::string inner = fold_text(text.substr(1, text.size() - 2));
          // A reference-style link ("[RFC 42]" with "[rfc 42]: https://..." below), or a tag
          // that leads several list items ("* [framework] The router matches ...").
          if (labels.count(inner)) continue;
          // After the words that precede a template slot, other text fills it: "Chosen option
          // [Option 3: Serverless]" for the template's "Chosen option [Option 1: Thing]".
          // A field's value in brackets ("**Primary Cause:** [Main technical reason]") still
          // reads as a slot, whatever the template's wording was.
          if (ctx.schema && !ctx.schema->text_placeholders.count(std::string(text)) && info.first_field < 0 &&
              !info.plain_field && !info.checkbox) {
            const std::string before = fold_text(line.substr(0, h.begin));
            if (ctx.schema->slots_after.count(before)) continue;
          }
        }
        // A quoted message format ("Command '<name>' not implemented") shows a slot the program
        // fills; it is a placeholder only when the template's own prose has it.
        if (h.in_quotes && !code && !h.in_code && (!ctx.schema || !ctx.schema->text_placeholders.count(std::string(text)))) continue;
        if (code || h.in_code) {
          if (!ctx.schema || !ctx.schema->code_placeholders.count(std::string(text))) continue;
        }
        out.report(l, doc.source.column_of(l, h.begin), static_cast<uint32_t>(count_chars(text)),
                   describe(h.kind, text), hint_for(h.kind));
      }
      if (!code) {
        for (const auto& re : extra) report_pattern(*re, line, l, doc, out);
      }
    }
    check_option_lists(ctx, legends, out);
  }

 private:
  // Every non-empty match of a configured pattern on the line, left to right.
  static void report_pattern(const re2::RE2& re, std::string_view line, uint32_t l, const Document& doc, Reporter& out) {
    const re2::StringPiece text(line.data(), line.size());
    re2::StringPiece m;
    for (size_t at = 0; at <= line.size() && re.Match(text, at, line.size(), re2::RE2::UNANCHORED, &m, 1);) {
      const size_t b = static_cast<size_t>(m.data() - line.data());
      if (m.empty()) {  // an empty match finds nothing to replace; look on from the next character
        at = b + 1;
        while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
        continue;
      }
      const std::string_view hit = line.substr(b, m.size());
      out.report(l, doc.source.column_of(l, b), static_cast<uint32_t>(count_chars(hit)),
                 "placeholder '" + std::string(hit) + "' left in the spec (configured pattern)",
                 "replace the placeholder with the real content");
      at = b + m.size();
    }
  }

  // Bracket texts (folded) that are labels in this document: reference-link definitions
  // ("[label]: url" anywhere, outside code), and tags that open two or more list items followed by
  // a sentence ("* [React] React renders ...") unless the template's prose holds the same bracket.
  static std::unordered_set<std::string> labels_in(const Document& doc, const Schema* schema) {
    std::unordered_set<std::string> out;
    std::unordered_map<std::string, int> leading;
    for (uint32_t l = 1; l <= doc.source.line_count(); ++l) {
      const LineInfo& info = doc.line_info(l);
      // The parser takes a definition line out of the text: it may be Blank to the model.
      if (info.kind == LineKind::Code || info.kind == LineKind::FrontMatter || info.kind == LineKind::Html) continue;
      const std::string_view line = doc.source.line(l);
      const size_t indent = line.find_first_not_of(" \t");
      if (indent != std::string_view::npos && indent <= 3 && line[indent] == '[') {
        const size_t close = line.find("]:", indent);
        if (close != std::string_view::npos && close > indent + 1 && line.find('[', indent + 1) > close &&
            trim(line.substr(close + 2)).size() > 0)
          out.insert(fold_text(line.substr(indent + 1, close - indent - 1)));
      }
      if (info.kind != LineKind::Paragraph || !info.list_item_start || info.checkbox) continue;
      const std::string_view content = doc.content(l);
      if (content.empty() || content[0] != '[') continue;
      const size_t close = content.find(']');
      if (close == std::string_view::npos || close < 2 || close + 1 >= content.size() || content[close + 1] != ' ') continue;
      const std::string_view rest = content.substr(close + 2);
      if (std::count(rest.begin(), rest.end(), ' ') < 3 || rest.find('[') != std::string_view::npos) continue;
      const std::string_view tag = content.substr(0, close + 1);
      if (schema && schema->text_placeholders.count(std::string(tag))) continue;
      ++leading[fold_text(tag.substr(1, tag.size() - 2))];
    }
    for (const auto& [tag, n] : leading) {
      if (n >= 2) out.insert(tag);
    }
    return out;
  }

  // Without a template: the whole value is three or more short options joined by " | ".
  static bool looks_like_option_list(const std::string& v) {
    if (v.size() > 80 || v.find_first_of("()[],:") != std::string::npos) return false;
    size_t options = 1, start = 0;
    for (size_t p = v.find(" | "); p != std::string::npos; p = v.find(" | ", start)) {
      if (p - start > 25) return false;
      ++options;
      start = p + 3;
    }
    return options >= 3 && v.size() - start <= 25;
  }

  // "Draft | In Review | Approved" copied from the template instead of picking one value.
  static void check_option_lists(const RuleContext& ctx, const Legends& legends, Reporter& out) {
    std::vector<const FieldSpec*> specs;  // the template's choice fields: only they list options
    if (ctx.schema) {
      for (const FieldSpec* spec : ctx.schema->all_fields()) {
        if (spec->type == FieldType::Choice) specs.push_back(spec);
      }
    }
    for (const Field& f : ctx.doc.fields) {
      // `**Legend**: ✅ Pass | ❌ Violation` lists marks to read, not options to choose from.
      if (f.front_matter || legends.on(f.line)) continue;
      // Folded only when a choice field or the option-list test needs it.
      std::string v;
      bool folded = false;
      bool unresolved = false;
      if (ctx.schema) {
        for (const FieldSpec* spec : specs) {
          if (!iequals(spec->key, f.key)) continue;
          if (!folded) v = fold_text(f.value);
          folded = true;
          size_t named = 0;
          for (const auto& c : spec->choices) {
            if (v.find(fold_text(c)) != std::string::npos) ++named;
          }
          if (named >= 2 && v.find_first_of("|/,") != std::string::npos) unresolved = true;
        }
      }
      if (!unresolved && !ctx.schema) unresolved = looks_like_option_list(fold_text(f.value));
      if (!unresolved) continue;
      const uint32_t len = static_cast<uint32_t>(count_chars(f.value));
      out.report(f.line, f.value_column, len, "field '" + f.key + "' still lists the template's options '" + f.value + "'",
                 "keep the one value that applies");
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_placeholder() { return std::make_unique<Placeholder>(); }

}  // namespace specgate
