// core/date's reader of dates written in other forms than YYYY-MM-DD: the span it finds (the
// date rule reports it) and the day it reads (overdue compares it), only where one reading exists.
#include <gtest/gtest.h>

#include "core/date.h"

namespace specgate {
namespace {

std::string read(std::string_view s) {
  auto t = find_other_date(s);
  if (!t) return "none";
  std::string span(s.substr(t->begin, t->end - t->begin));
  return span + " -> " + (t->valid ? t->date.iso() : "no day");
}

TEST(DateForms, MonthNames) {
  EXPECT_EQ(read("Dec 16, 2025 (Sprint 1)"), "Dec 16, 2025 -> 2025-12-16");
  EXPECT_EQ(read("16 Dec 2025"), "16 Dec 2025 -> 2025-12-16");
  EXPECT_EQ(read("5 January 2025"), "5 January 2025 -> 2025-01-05");
  EXPECT_EQ(read("Sept. 3 2026"), "Sept. 3 2026 -> 2026-09-03");
  EXPECT_EQ(read("Jan 5"), "Jan 5 -> no day");           // no year
  EXPECT_EQ(read("December 2025"), "December 2025 -> no day");  // a month, not a day
  EXPECT_EQ(read("Feb 30, 2026"), "Feb 30, 2026 -> no day");
  EXPECT_EQ(read("may happen later"), "none");
}

TEST(DateForms, NumericOnlyWhereUnambiguous) {
  EXPECT_EQ(read("2025/12/16"), "2025/12/16 -> 2025-12-16");
  EXPECT_EQ(read("2025.12.16"), "2025.12.16 -> 2025-12-16");
  EXPECT_EQ(read("2025-1-5"), "2025-1-5 -> 2025-01-05");
  EXPECT_EQ(read("16/12/2025"), "16/12/2025 -> 2025-12-16");
  EXPECT_EQ(read("12/16/2025"), "12/16/2025 -> 2025-12-16");
  EXPECT_EQ(read("04/04/2025"), "04/04/2025 -> 2025-04-04");
  EXPECT_EQ(read("03/04/2025"), "03/04/2025 -> no day");  // 3 April or March 4
  EXPECT_EQ(read("1/2/25"), "1/2/25 -> no day");          // two-digit year
  EXPECT_EQ(read("v1.2.3"), "none");
}

TEST(DateForms, AnyDatePrefersIso) {
  auto t = find_any_date("moved from Dec 1, 2025 to 2026-01-05");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->date.iso(), "2026-01-05");
  t = find_any_date("16 Dec 2025");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->date.iso(), "2025-12-16");
  EXPECT_FALSE(find_any_date("2026-02-30"));
  EXPECT_FALSE(find_any_date("Q3 2026"));
}

}  // namespace
}  // namespace specgate
