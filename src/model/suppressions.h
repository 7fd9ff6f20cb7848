// Inline suppression comments:
//   <!-- specgate-disable-next-line RULE[, RULE...] -->   the next non-blank line
//   <!-- specgate-disable RULE -->  ...  <!-- specgate-enable RULE -->   a range
// Without rule names they apply to every rule. Read once when the Document is built
// (Document::suppressions); the checker and the cross-document index both use that copy.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace specgate {

struct Document;

class Suppressions {
 public:
  Suppressions() = default;
  // Reads the comments of a built document (it needs the line kinds, to skip code).
  explicit Suppressions(const Document& doc);
  bool empty() const { return ranges_.empty(); }
  bool suppressed(const std::string& rule, uint32_t line) const;

  // A rule name as written in a comment, with its place, so unknown ones can be reported.
  struct NamedRule {
    std::string rule;
    uint32_t line = 0, column = 0;  // 1-based; column in characters
    uint32_t length = 0;            // in characters
  };
  const std::vector<NamedRule>& named_rules() const { return named_; }

 private:
  struct Range {
    std::string rule;  // "" for all rules
    uint32_t from, to;
  };
  std::vector<Range> ranges_;
  std::vector<NamedRule> named_;
};

}  // namespace specgate
