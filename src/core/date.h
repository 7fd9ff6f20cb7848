// Calendar dates (ISO 8601 YYYY-MM-DD), enough for review and update checks.
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
Date today_utc();

}  // namespace specgate
