// The site's style sheet and its one script, carried in the binary: a generated site needs no
// file from anywhere else, and works offline from file://.
#pragma once

#include <string_view>

namespace specgate::site {

// Every page: the layout, GitHub-like Markdown, badges, findings, the dashboard.
extern const std::string_view kStyle;
// The index page only: search over the embedded index, sorting and filtering the table. The
// page works without it.
extern const std::string_view kScript;

}  // namespace specgate::site
