#include "model/suppressions.h"

#include <limits>

#include "core/text.h"
#include "model/directives.h"
#include "model/document.h"

namespace specgate {

namespace {

// The names in a comma- or blank-separated list, as views into `s`.
std::vector<std::string_view> rule_list(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',' || s[i] == ' ' || s[i] == '\t') {
      if (i > start) out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

Suppressions::Suppressions(const Document& doc) {
  constexpr uint32_t kEnd = std::numeric_limits<uint32_t>::max();
  std::vector<Range> open;
  for (const Directive& d : doc.directives) {
    if (d.verb == DirectiveVerb::Template || d.verb == DirectiveVerb::TemplateHeader) continue;
    const uint32_t l = d.line;
    const std::string_view line = doc.source.line(l);
    const std::string_view args = line.substr(std::min(d.args_offset, line.size()), d.args.size());
    std::vector<std::string> rules;
    for (std::string_view r : rule_list(args)) {
      const size_t byte = static_cast<size_t>(r.data() - line.data());
      named_.push_back({std::string(r), l, doc.source.column_of(l, byte), static_cast<uint32_t>(count_chars(r))});
      rules.emplace_back(r);
    }
    if (rules.empty()) rules.push_back("");
    if (d.verb == DirectiveVerb::DisableNextLine) {
      uint32_t target = l + 1;
      while (target <= doc.source.line_count() && trim(doc.source.line(target)).empty()) ++target;
      for (const auto& r : rules) ranges_.push_back({r, target, target});
    } else if (d.verb == DirectiveVerb::Disable) {
      for (const auto& r : rules) open.push_back({r, l, kEnd});
    } else {
      for (const auto& r : rules) {
        for (auto it = open.begin(); it != open.end();) {
          if (r.empty() || it->rule == r) {
            ranges_.push_back({it->rule, it->from, l});
            it = open.erase(it);
          } else {
            ++it;
          }
        }
      }
    }
  }
  for (auto& r : open) ranges_.push_back(r);
}

bool Suppressions::suppressed(const std::string& rule, uint32_t line) const {
  for (const auto& r : ranges_) {
    if ((r.rule.empty() || r.rule == rule) && line >= r.from && line <= r.to) return true;
  }
  return false;
}

}  // namespace specgate
