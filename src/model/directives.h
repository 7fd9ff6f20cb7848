// specgate's own HTML comments in a spec: one reader, one spelling, for every directive.
//
//   <!-- specgate: template=NAME -->                       the template to check against
//   <!-- specgate-template: NAME — DESCRIPTION -->         a template's own header (not a reference)
//   <!-- specgate-disable-next-line RULE[, RULE...] -->    suppress the next non-blank line
//   <!-- specgate-disable RULE -->  ...  <!-- specgate-enable RULE -->
//
// After `specgate` comes ':' or '-' (blanks allowed around ':'), then the verb; `template`
// takes its name after '=' or a blank (a reference), or after ':' (a template's header). So
// `<!-- specgate: disable-next-line placeholder -->` and `<!-- specgate-template=task -->` are
// read too. Directives are read anywhere outside
// code blocks, once per document (Document::directives).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specgate {

struct Document;

enum class DirectiveVerb : uint8_t { Template, TemplateHeader, DisableNextLine, Disable, Enable };

struct Directive {
  DirectiveVerb verb = DirectiveVerb::Template;
  std::string args;       // the rest of the comment: the template's name, or the rule list
  uint32_t line = 0;
  size_t args_offset = 0;  // byte offset of args within the line
};

// The directive in the comment that opens at byte `at` of `line` ("<!--" there), if it is one.
std::optional<Directive> parse_directive(std::string_view line, size_t at);
// The first comment on the line, if it is a directive (a line-level helper for templates).
std::optional<Directive> directive_on_line(std::string_view line);

// Every directive of a built document, in order (it needs the line kinds, to skip code).
std::vector<Directive> read_directives(const Document& doc);

}  // namespace specgate
