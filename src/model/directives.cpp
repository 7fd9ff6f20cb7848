#include "model/directives.h"

#include "core/text.h"
#include "model/document.h"

namespace specgate {

namespace {

constexpr std::string_view kPrefix = "specgate";

struct VerbName {
  std::string_view name;
  DirectiveVerb verb;
};
// Longest first: "disable-next-line" before "disable".
constexpr VerbName kVerbs[] = {{"disable-next-line", DirectiveVerb::DisableNextLine},
                               {"disable", DirectiveVerb::Disable},
                               {"enable", DirectiveVerb::Enable},
                               {"template", DirectiveVerb::Template}};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::optional<Directive> parse_directive(std::string_view line, size_t at) {
  if (line.compare(at, 4, "<!--") != 0) return std::nullopt;
  size_t i = at + 4;
  while (i < line.size() && is_blank(line[i])) ++i;
  if (line.compare(i, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  i += kPrefix.size();
  // The separator: '-' right after the prefix, or ':' with blanks around it.
  size_t j = i;
  while (j < line.size() && is_blank(line[j])) ++j;
  if (j < line.size() && line[j] == ':') {
    i = j + 1;
    while (i < line.size() && is_blank(line[i])) ++i;
  } else if (i < line.size() && line[i] == '-') {
    ++i;
  } else {
    return std::nullopt;
  }
  for (const VerbName& v : kVerbs) {
    if (line.compare(i, v.name.size(), v.name) != 0) continue;
    size_t a = i + v.name.size();
    const bool end = a >= line.size() || line.compare(a, 3, "-->") == 0;
    DirectiveVerb verb = v.verb;
    if (v.verb == DirectiveVerb::Template) {
      // template=NAME or template NAME (a reference); template: NAME (a template's header)
      while (a < line.size() && is_blank(line[a])) ++a;
      if (a < line.size() && line[a] == ':') {
        verb = DirectiveVerb::TemplateHeader;
        ++a;
      } else if (a < line.size() && line[a] == '=') {
        ++a;
      } else if (a == i + v.name.size()) {
        return std::nullopt;  // "templates", "template-x"
      }
    } else if (!end && !is_blank(line[a])) {
      return std::nullopt;  // "disabled", "enable-all"
    }
    while (a < line.size() && is_blank(line[a])) ++a;
    const size_t close = line.find("-->", a);
    const size_t stop = close == std::string_view::npos ? line.size() : close;
    Directive d;
    d.verb = verb;
    d.args_offset = a;
    d.args = std::string(trim(line.substr(a, stop - a)));
    return d;
  }
  return std::nullopt;
}

std::optional<Directive> directive_on_line(std::string_view line) {
  const size_t at = line.find("<!--");
  if (at == std::string_view::npos) return std::nullopt;
  return parse_directive(line, at);
}

std::vector<Directive> read_directives(const Document& doc) {
  std::vector<Directive> out;
  // Comments are rare: search the whole text for them (a comment opener never spans lines), in
  // the order a walk over the lines would meet them.
  const std::string_view text = doc.source.text();
  uint32_t hint = 1;
  for (size_t at = text.find("<!--"); at != std::string_view::npos; at = text.find("<!--", at + 4)) {
    const uint32_t l = hint = doc.source.line_of(at, hint);
    if (l < 1 || l > doc.source.line_count()) continue;
    if (doc.line_info(l).kind == LineKind::Code) continue;
    const std::string_view line = doc.source.line(l);
    const size_t line_at = static_cast<size_t>(line.data() - text.data());
    if (at < line_at || at + 4 > line_at + line.size()) continue;
    if (auto d = parse_directive(line, at - line_at)) {
      d->line = l;
      out.push_back(std::move(*d));
    }
  }
  return out;
}

}  // namespace specgate
