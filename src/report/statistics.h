// `check --statistics`: findings counted per rule and per file, for the text and json reports.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/report.h"

namespace specgate::report {

struct FindingCounts {
  size_t errors = 0, warnings = 0, notes = 0;
  size_t total() const { return errors + warnings + notes; }
};

class Statistics {
 public:
  void add(const FileReport& f);  // a file's findings; the same path again adds to its row
  // Rows by number of findings, most first; ties by name. Only rules and files with findings.
  std::vector<std::pair<std::string, FindingCounts>> by_rule() const { return ranked(rules_); }
  std::vector<std::pair<std::string, FindingCounts>> by_file() const { return ranked(files_); }

 private:
  static std::vector<std::pair<std::string, FindingCounts>> ranked(const std::map<std::string, FindingCounts>& m);
  std::map<std::string, FindingCounts> rules_, files_;
};

Statistics statistics_of(const RunReport& report);

// The text form: two aligned tables, "rule" and "file", each with findings, errors, warnings and
// notes columns. Empty when there were no findings.
std::string statistics_text(const Statistics& stats);

}  // namespace specgate::report
