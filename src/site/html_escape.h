// Escaping for the site's HTML: every string that comes from a spec (titles, field values, file
// names, messages) goes through one of these before it reaches a page.
#pragma once

#include <string>
#include <string_view>

namespace specgate::site {

// Text content: & < > " ' escaped, so the result is also safe inside a quoted attribute.
void escape_html(std::string_view text, std::string& out);
std::string escape_html(std::string_view text);

// Decodes the character references a sanitizer must see through (&amp; &lt; &gt; &quot; &apos;
// &nbsp; &#N; &#xN;); other named references are kept as written.
std::string decode_entities(std::string_view text);

// A URL a page may carry: http, https, mailto, a fragment or a relative path; for images also
// data:image/(png|gif|jpeg|webp). `url` is decoded text. Returns "" when it is not allowed.
std::string safe_url(std::string_view url, bool image);

// Text for a <script type="application/json"> block: "<" written as \u003c so no "</script>"
// or "<!--" can end or bend the block.
std::string json_for_script(std::string_view json);
// The same, appended to `out`; a character at a time, so a long index can go through in pieces.
void json_for_script(std::string_view json, std::string& out);

}  // namespace specgate::site
