// Calendar dates: ISO 8601 YYYY-MM-DD, and the other forms people write ("Dec 16, 2025",
// "16 Dec 2025", "2025/12/16"). The one date reader of the program: rules find and read dates here.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace specgate {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;
  Date plus_days(int days) const;
  long days_since_epoch() const;
};

// Parses exactly YYYY-MM-DD with a real calendar day (leap years included).
std::optional<Date> parse_iso_date(std::string_view s);
// Finds the first YYYY-MM-DD-shaped token in s; `valid` tells whether it is a real date.
struct DateToken {
  size_t begin = 0, end = 0;
  bool valid = false;
  Date date;
};
std::optional<DateToken> find_date_token(std::string_view s);

// Finds the first date written in a form other than YYYY-MM-DD: three digit groups with one
// separator ("2025/01/02", "02.01.2025", "2025-1-5"; a 4-digit group or '/' is needed), or a
// month name next to a number ("Jan 5", "5 January 2025", "Dec 16, 2025"). [begin, end) is the
// span; `valid` is set, with `date`, when the span names one calendar day: a 4-digit year, and
// for numeric forms with the year last, a day/month order that only one reading allows
// ("16/12/2025", not "03/04/2025"). "Jan 5" (no year) and "2025/02/30" are spans without a date.
std::optional<DateToken> find_other_date(std::string_view s);

// The first date in s that names a calendar day: a real YYYY-MM-DD, otherwise the first other
// form that reads as one day (see find_other_date).
std::optional<DateToken> find_any_date(std::string_view s);
Date today_utc();

}  // namespace specgate
