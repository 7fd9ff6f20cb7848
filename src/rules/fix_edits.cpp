#include "rules/fix_edits.h"

#include "core/text.h"

namespace specgate {

namespace {

bool blank(std::string_view s) { return trim(s).empty(); }

}  // namespace

std::optional<TextEdit> value_edit(const Document& doc, const Field& f, size_t offset, size_t length, std::string text) {
  if (f.front_matter || offset + length > f.value.size()) return std::nullopt;
  const size_t at = doc.source.line_begin(f.line) + (f.line == 1 ? doc.source.content_begin() : 0) + f.value_offset;
  const std::string_view src = doc.source.text();
  if (at > src.size() || src.substr(at, f.value.size()) != f.value) return std::nullopt;
  return TextEdit{at + offset, at + offset + length, std::move(text)};
}

TextEdit delete_line(const Document& doc, uint32_t line) {
  const SourceText& s = doc.source;
  size_t begin = s.line_begin(line);
  if (line == 1) begin = s.content_begin();
  size_t end = s.line_begin(line + 1);
  const bool blank_before = line == 1 || blank(s.line(line - 1));
  if (blank_before && line < s.line_count() && blank(s.line(line + 1))) end = s.line_begin(line + 2);
  return TextEdit{begin, end, ""};
}

TextEdit insert_lines(const Document& doc, uint32_t line, std::string text) {
  const SourceText& s = doc.source;
  // New lines end the way the file's lines do.
  if (s.text().find("\r\n") != std::string_view::npos) {
    std::string crlf;
    for (char c : text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    text = std::move(crlf);
  }
  if (line <= s.line_count()) {
    const size_t at = line == 1 ? s.content_begin() : s.line_begin(line);
    return TextEdit{at, at, std::move(text)};
  }
  const std::string_view all = s.text();
  // A file without a final line ending keeps it that way: the line ending moves from the end of
  // the new lines to their start, so several insertions here still join up line by line.
  if (!all.empty() && all.back() != '\n') {
    const std::string_view eol = all.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    if (text.size() >= eol.size() && text.compare(text.size() - eol.size(), eol.size(), eol) == 0)
      text.resize(text.size() - eol.size());
    text = std::string(eol) + text;
  }
  return TextEdit{all.size(), all.size(), std::move(text)};
}

}  // namespace specgate
