#include "markdown/html.h"

#include <md4c-html.h>

namespace specgate::markdown {

namespace {

void append(const MD_CHAR* text, MD_SIZE size, void* out) { static_cast<std::string*>(out)->append(text, size); }

}  // namespace

std::string render_html(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size() + markdown.size() / 4);
  const unsigned flags = MD_DIALECT_GITHUB;  // tables, task lists, strikethrough, permissive autolinks
  md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &out, flags, MD_HTML_FLAG_SKIP_UTF8_BOM);
  return out;
}

}  // namespace specgate::markdown
