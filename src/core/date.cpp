#include "core/date.h"

#include <chrono>
#include <cstdio>

#include "core/text.h"

namespace specgate {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}
}  // namespace

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

long Date::days_since_epoch() const {
  using namespace std::chrono;
  return sys_days(std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                  std::chrono::day(static_cast<unsigned>(day)))
      .time_since_epoch()
      .count();
}

Date Date::plus_days(int days) const {
  using namespace std::chrono;
  sys_days d = sys_days(std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                        std::chrono::day(static_cast<unsigned>(day))) +
               std::chrono::days(days);
  year_month_day ymd(d);
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!ascii_digit(s[i])) return std::nullopt;
  }
  Date d;
  d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  d.month = (s[5] - '0') * 10 + (s[6] - '0');
  d.day = (s[8] - '0') * 10 + (s[9] - '0');
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

std::optional<DateToken> find_date_token(std::string_view s) {
  for (size_t i = 0; i + 10 <= s.size(); ++i) {
    if (i > 0 && (ascii_digit(s[i - 1]) || s[i - 1] == '-')) continue;
    std::string_view cand = s.substr(i, 10);
    if (!(ascii_digit(cand[0]) && ascii_digit(cand[1]) && ascii_digit(cand[2]) && ascii_digit(cand[3]) && cand[4] == '-' &&
          ascii_digit(cand[5]) && ascii_digit(cand[6]) && cand[7] == '-' && ascii_digit(cand[8]) && ascii_digit(cand[9])))
      continue;
    if (i + 10 < s.size() && ascii_digit(s[i + 10])) continue;
    DateToken t;
    t.begin = i;
    t.end = i + 10;
    if (auto d = parse_iso_date(cand)) {
      t.valid = true;
      t.date = *d;
    }
    return t;
  }
  return std::nullopt;
}

Date today_utc() {
  using namespace std::chrono;
  year_month_day ymd(floor<days>(system_clock::now()));
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace specgate
