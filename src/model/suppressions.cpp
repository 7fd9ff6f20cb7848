#include "model/suppressions.h"

#include <limits>

#include "core/text.h"
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
  // Comments are rare: search the whole text for them (a comment opener never spans lines), in
  // the same order a walk over the lines would meet them.
  const std::string_view text = doc.source.text();
  for (size_t at = text.find("<!--"); at != std::string_view::npos; at = text.find("<!--", at + 4)) {
    const uint32_t l = doc.source.line_of(at);
    if (l < 1 || l > doc.source.line_count()) continue;
    if (doc.line_info(l).kind == LineKind::Code) continue;
    const std::string_view line = doc.source.line(l);
    const size_t line_at = static_cast<size_t>(line.data() - text.data());
    if (at < line_at || at + 4 > line_at + line.size()) continue;
    const size_t p = at - line_at;
    {
      std::string_view rest = trim(line.substr(p + 4));
      size_t close = rest.find("-->");
      std::string_view body = trim(rest.substr(0, close));
      std::string_view verb;
      for (std::string_view v : {"specgate-disable-next-line", "specgate-disable", "specgate-enable"}) {
        if (body.rfind(v, 0) == 0 && (body.size() == v.size() || body[v.size()] == ' ')) {
          verb = v;
          break;
        }
      }
      if (verb.empty()) continue;
      std::vector<std::string> rules;
      for (std::string_view r : rule_list(body.substr(verb.size()))) {
        const size_t byte = static_cast<size_t>(r.data() - line.data());
        named_.push_back({std::string(r), l, doc.source.column_of(l, byte), static_cast<uint32_t>(count_chars(r))});
        rules.emplace_back(r);
      }
      if (rules.empty()) rules.push_back("");
      if (verb == "specgate-disable-next-line") {
        uint32_t target = l + 1;
        while (target <= doc.source.line_count() && trim(doc.source.line(target)).empty()) ++target;
        for (const auto& r : rules) ranges_.push_back({r, target, target});
      } else if (verb == "specgate-disable") {
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
