// The one answer to "is this a Markdown file?", by its name alone: the extension is .md,
// .markdown, .mdown or .mkd, in any letter case (GitHub renders all of them as Markdown).
// Discovery, template folders, the ID scan of `new`, `mermaid` and link checks all ask here.
#pragma once

#include <string_view>

namespace specgate {

// `path` may be a bare name or a path with '/' separators; the extension is what
// std::filesystem::path::extension() finds (so ".md" alone is a hidden file, not Markdown).
bool is_markdown_path(std::string_view path);

}  // namespace specgate
