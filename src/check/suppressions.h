// Inline suppression comments:
//   <!-- specgate-disable-next-line RULE[, RULE...] -->   the next non-blank line
//   <!-- specgate-disable RULE -->  ...  <!-- specgate-enable RULE -->   a range
// Without rule names they apply to every rule.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace specgate {

class Suppressions {
 public:
  Suppressions() = default;
  explicit Suppressions(const Document& doc);
  bool empty() const { return ranges_.empty(); }
  bool suppressed(const std::string& rule, uint32_t line) const;
  // Rule names used in comments, with their lines, so unknown ones can be reported.
  const std::vector<std::pair<std::string, uint32_t>>& named_rules() const { return named_; }

 private:
  struct Range {
    std::string rule;  // "" for all rules
    uint32_t from, to;
  };
  std::vector<Range> ranges_;
  std::vector<std::pair<std::string, uint32_t>> named_;
};

}  // namespace specgate
