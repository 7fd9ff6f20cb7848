// The per-format ReportWriter implementations, made by the format table (formats.cpp).
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "report/report.h"

namespace specgate::report {

std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const TextOptions& options);
std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out);
std::unique_ptr<ReportWriter> make_gitlab_writer(std::ostream& out);
std::unique_ptr<ReportWriter> make_sarif_writer(std::ostream& out, const std::vector<RuleInfo>& rules);
// json and junit: the whole run is one document with one entry per file, so it is written at the
// end, by `write_run`.
using WholeRunWrite = void (*)(std::ostream& out, const RunReport& report);
// `statistics` sets RunReport::statistics of the run it writes.
std::unique_ptr<ReportWriter> make_whole_run_writer(std::ostream& out, WholeRunWrite write_run,
                                                    const std::vector<RuleInfo>& rules, bool statistics = false);

}  // namespace specgate::report
