#include "rules/rule.h"

namespace specgate {

void Reporter::report(uint32_t line, uint32_t column, uint32_t length, std::string message, std::string hint) {
  Diagnostic d;
  d.rule = std::string(rule_);
  d.line = line;
  d.column = column == 0 ? 1 : column;
  d.end_line = line;
  d.end_column = d.column + (length == 0 ? 1 : length);
  d.message = std::move(message);
  d.hint = std::move(hint);
  out_.push_back(std::move(d));
}

void Reporter::note(uint32_t line, uint32_t column, uint32_t length, std::string message, std::string hint) {
  report(line, column, length, std::move(message), std::move(hint));
  out_.back().severity = Severity::Note;
  out_.back().keep_severity = true;
}

void Reporter::fix(Fix f) {
  if (!out_.empty()) out_.back().fixes.push_back(std::move(f));
}

void Reporter::report_text(uint32_t line, std::string_view text, std::string message, std::string hint) {
  const std::string_view whole = doc_.source.line(line);
  const size_t byte = static_cast<size_t>(text.data() - whole.data());
  report(line, doc_.source.column_of(line, byte), static_cast<uint32_t>(count_chars(text)), std::move(message),
         std::move(hint));
}

void Reporter::report_line(uint32_t line, std::string message, std::string hint) {
  std::string_view text = doc_.source.line(line);
  size_t b = 0;
  while (b < text.size() && (text[b] == ' ' || text[b] == '\t')) ++b;
  const uint32_t col = doc_.source.column_of(line, b);
  const uint32_t len = static_cast<uint32_t>(count_chars(text.substr(b)));
  report(line, col, len, std::move(message), std::move(hint));
}

}  // namespace specgate
