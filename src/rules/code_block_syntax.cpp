// code-block-syntax: ```json blocks that do not parse as JSON and ```yaml / ```yml blocks that do
// not parse as YAML, reported where the parser stopped. `jsonc` / `json5` blocks are not JSON and
// are skipped, as are templated blocks (`{{ ... }}`) and empty ones. JSON Lines (one value per
// line) in a json block are accepted.
#include <nlohmann/json.hpp>

#include "core/json_syntax.h"
#include "core/yaml_syntax.h"
#include "model/normalize.h"
#include "rules/rule.h"

namespace specgate {

namespace {

struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
};

// Content lines of a code block as [begin, end) byte ranges of `content`.
std::vector<std::pair<size_t, size_t>> content_lines(std::string_view content) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  while (start < content.size()) {
    size_t nl = content.find('\n', start);
    if (nl == std::string_view::npos) nl = content.size();
    out.emplace_back(start, nl);
    start = nl + 1;
  }
  return out;
}

// Maps (content line k, byte column c) to the file: non-blank content lines are anchored by the
// block's line_offsets (their first non-blank byte in the file), so indentation stripped by a
// list or quote container is accounted for.
Position to_file(const Document& doc, const CodeBlock& cb, size_t k, size_t c) {
  const auto lines = content_lines(cb.content);
  if (lines.empty()) return {cb.content_line, 1};
  if (k >= lines.size()) {
    k = lines.size() - 1;
    c = lines[k].second - lines[k].first;
  }
  size_t nonblank_index = 0;
  bool found = false;
  size_t lead = 0;
  for (size_t i = 0; i <= k; ++i) {
    const std::string_view text = std::string_view(cb.content).substr(lines[i].first, lines[i].second - lines[i].first);
    const size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;
    if (i == k) {
      found = true;
      lead = first;
    } else {
      ++nonblank_index;
    }
  }
  if (!found || nonblank_index >= cb.line_offsets.size()) {
    const uint32_t line = cb.content_line + static_cast<uint32_t>(k);
    return {line, doc.source.column_of(line, c)};
  }
  const size_t anchor = cb.line_offsets[nonblank_index];
  const uint32_t line = doc.source.line_of(anchor);
  const size_t anchor_in_line = anchor - doc.source.line_begin(line);
  size_t byte = c >= lead ? anchor_in_line + (c - lead) : (anchor_in_line > lead - c ? anchor_in_line - (lead - c) : 0);
  byte = std::min(byte, doc.source.line(line).size());
  return {line, doc.source.column_of(line, byte)};
}

Position offset_to_file(const Document& doc, const CodeBlock& cb, size_t offset) {
  const std::string& t = cb.content;
  if (offset >= t.size()) {
    // "Unexpected end of input": point just past the last real character.
    offset = t.size();
    while (offset > 0 && (t[offset - 1] == '\n' || t[offset - 1] == ' ' || t[offset - 1] == '\t' || t[offset - 1] == '\r'))
      --offset;
  }
  size_t k = 0, line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (t[i] == '\n') {
      ++k;
      line_start = i + 1;
    }
  }
  return to_file(doc, cb, k, offset - line_start);
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// nlohmann's "[json.exception.parse_error.101] parse error at line 2, column 3: syntax error
// while parsing value - invalid literal; last read: '.'" -> "syntax error while parsing value -
// invalid literal; last read: '.'".
std::string json_reason(std::string_view what) {
  const size_t col = what.find("column ");
  if (col != std::string_view::npos) {
    const size_t colon = what.find(": ", col);
    if (colon != std::string_view::npos) what = what.substr(colon + 2);
  }
  std::string reason(what);
  // "; last read: '{<U+000A>  /'" echoes raw input with escapes; the position already shows it.
  const size_t last = reason.find("; last read: '");
  if (last != std::string::npos) {
    const size_t end = reason.find("'; ", last + 14);
    reason.erase(last, end == std::string::npos ? std::string::npos : end + 1 - last);
  }
  return reason;
}

// nlohmann reports the last character it read; a finding reads better at the start of the
// offending token (a whole string or literal).
size_t token_start(std::string_view t, size_t offset) {
  if (offset >= t.size()) return offset;
  if (t[offset] == '"') {
    for (size_t i = offset; i-- > 0;) {
      if (t[i] != '"') continue;
      size_t slashes = 0;
      for (size_t k = i; k-- > 0 && t[k] == '\\';) ++slashes;
      if (slashes % 2 == 0) return i;
    }
    return offset;
  }
  auto literal = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-';
  };
  if (!literal(t[offset]) || t[offset] == '.') return offset;
  while (offset > 0 && literal(t[offset - 1])) --offset;
  return offset;
}

bool parses(std::string_view text, bool comments) {
  return nlohmann::json::accept(text.begin(), text.end(), comments);
}

// One JSON value per non-blank line.
bool json_lines(std::string_view content) {
  size_t values = 0;
  for (const auto& [b, e] : content_lines(content)) {
    const std::string_view line = content.substr(b, e - b);
    if (blank(line)) continue;
    if (!parses(line, false)) return false;
    ++values;
  }
  return values >= 2;
}

bool has_ellipsis(std::string_view s) {
  return s.find("...") != std::string_view::npos || s.find("\xE2\x80\xA6") != std::string_view::npos;
}

class CodeBlockSyntax : public Rule {
 public:
  std::string_view name() const override { return "code-block-syntax"; }
  std::string_view summary() const override { return "A json or yaml code block does not parse"; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    for (const CodeBlock& cb : ctx.doc.code_blocks) {
      if (!cb.fenced || blank(cb.content)) continue;
      if (cb.content.find("{{") != std::string::npos || cb.content.find("{%") != std::string::npos) continue;
      if (iequals(cb.language, "json")) check_json(ctx.doc, cb, out);
      else if (iequals(cb.language, "yaml") || iequals(cb.language, "yml")) check_yaml(ctx.doc, cb, out);
    }
  }

 private:
  static void check_json(const Document& doc, const CodeBlock& cb, Reporter& out) {
    const std::string& text = cb.content;
    const std::optional<JsonSyntaxError> error = json_syntax_error(text);
    if (!error) return;
    const size_t byte = error->byte;
    // A syntax error's message carries a position the finding shows better; others stay whole.
    const std::string reason = error->syntax ? json_reason(error->what) : error->what;
    if (json_lines(text)) return;
    const size_t offset = token_start(text, byte > 0 ? byte - 1 : 0);
    const Position at = offset_to_file(doc, cb, offset);
    std::string hint = "fix the JSON, or mark the block with the language it really is";
    if (parses(text, true)) {
      hint = "JSON has no comments: remove them, or mark the block ```jsonc";
    } else if (has_ellipsis(text.substr(offset > 8 ? offset - 8 : 0, 16))) {
      hint = "'...' stands in for content but is not JSON: write the example out, or mark the block ```jsonc or ```text";
    }
    out.report(at.line, at.column, 1, "invalid JSON in code block: " + reason, hint);
  }

  static void check_yaml(const Document& doc, const CodeBlock& cb, Reporter& out) {
    const auto error = yaml_syntax_error(cb.content);  // none when too deep to judge
    if (!error) return;
    const Position at = error->located ? to_file(doc, cb, error->line, error->column)
                                       : Position{cb.content_line, 1};
    out.report(at.line, at.column, 1, "invalid YAML in code block: " + error->message,
               "fix the YAML, or mark the block with the language it really is");
  }
};

}  // namespace

std::unique_ptr<Rule> make_code_block_syntax() { return std::make_unique<CodeBlockSyntax>(); }

}  // namespace specgate
