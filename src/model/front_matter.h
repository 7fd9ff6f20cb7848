// YAML front matter between `---` fences at the very top of a file.
#pragma once

#include "core/source.h"
#include "model/document.h"

namespace specgate {

// Fills `fm` and returns the byte offset where Markdown starts (0 when there is no front matter).
size_t read_front_matter(const SourceText& src, FrontMatter& fm);

}  // namespace specgate
