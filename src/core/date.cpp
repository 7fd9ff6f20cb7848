#include "core/date.h"

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <iterator>

#include "core/text.h"

namespace specgate {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

std::optional<Date> make_date(int y, int m, int d) {
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date{y, m, d};
}

int number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The month a whole word names ("Jan", "january", "Sept", "Dec."), 0 when none.
int month_of_word(std::string_view w) {
  static constexpr std::string_view months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                                "sep", "sept", "oct", "nov", "dec", "january", "february",
                                                "march", "april", "june", "july", "august", "september",
                                                "october", "november", "december"};
  static constexpr int numbers[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12};
  std::string lw = to_lower_ascii(w);
  if (!lw.empty() && lw.back() == '.') lw.pop_back();
  for (size_t i = 0; i < std::size(months); ++i) {
    if (lw == months[i]) return numbers[i];
  }
  return 0;
}

// Three numeric groups as one day: year first, or year last with the only day/month order
// the numbers allow (a number above 12 is the day; equal numbers read the same either way).
std::optional<Date> numeric_date(const std::string_view g[3]) {
  if (g[0].size() == 4) return make_date(number(g[0]), number(g[1]), number(g[2]));
  if (g[2].size() != 4 || g[0].size() > 2 || g[1].size() > 2) return std::nullopt;
  const int a = number(g[0]), b = number(g[1]), y = number(g[2]);
  if (a == b || (a > 12 && b <= 12)) return make_date(y, b, a);
  if (b > 12 && a <= 12) return make_date(y, a, b);
  return std::nullopt;
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

std::optional<DateToken> find_other_date(std::string_view v) {
  // Three digit groups with one kind of separator.
  for (size_t i = 0; i < v.size(); ++i) {
    if (!ascii_digit(v[i]) || (i > 0 && (ascii_digit(v[i - 1]) || ascii_alpha(v[i - 1]) || v[i - 1] == '.'))) continue;
    size_t p = i;
    size_t groups = 0, widest = 0;
    char sep = 0;
    size_t last_end = i;
    std::string_view g[3];
    while (groups < 3) {
      size_t q = p;
      while (q < v.size() && ascii_digit(v[q])) ++q;
      const size_t w = q - p;
      if (w == 0 || w > 4) break;
      widest = std::max(widest, w);
      g[groups] = v.substr(p, w);
      ++groups;
      last_end = q;
      if (groups == 3 || q >= v.size()) break;
      const char c = v[q];
      if (c != '/' && c != '.' && c != '-') break;
      if (sep != 0 && c != sep) break;
      sep = c;
      p = q + 1;
    }
    const bool after_ok = last_end >= v.size() || !(ascii_digit(v[last_end]) || ascii_alpha(v[last_end]) ||
                                                    (v[last_end] == sep && last_end + 1 < v.size() && ascii_digit(v[last_end + 1])));
    if (groups == 3 && after_ok && (widest == 4 || sep == '/')) {
      DateToken t;
      t.begin = i;
      t.end = last_end;
      if (auto d = numeric_date(g)) {
        t.valid = true;
        t.date = *d;
      }
      return t;
    }
  }
  // A month name next to a number.
  size_t i = 0;
  while (i < v.size()) {
    if (!ascii_alpha(v[i])) { ++i; continue; }
    size_t j = i;
    while (j < v.size() && ascii_alpha(v[j])) ++j;
    if (j < v.size() && v[j] == '.') ++j;
    const int month = month_of_word(v.substr(i, j - i));
    if (month != 0) {
      size_t a = j;
      while (a < v.size() && (v[a] == ' ' || v[a] == ',')) ++a;
      size_t b = i;
      while (b > 0 && (v[b - 1] == ' ' || v[b - 1] == ',')) --b;
      const bool number_after = a < v.size() && ascii_digit(v[a]);
      const bool number_before = b > 0 && ascii_digit(v[b - 1]) && b < i;
      if (number_after || number_before) {
        DateToken t;
        t.begin = i;
        std::string_view day, year;
        if (number_before) {
          t.begin = b;
          while (t.begin > 0 && ascii_digit(v[t.begin - 1])) --t.begin;
          day = v.substr(t.begin, b - t.begin);
        }
        t.end = j;
        // "Jan 5, 2025" (day after the month, then the year), "16 Dec 2025" (day before, year after).
        size_t c = j;
        std::string_view after;
        if (number_after) {
          t.end = a;
          while (t.end < v.size() && ascii_digit(v[t.end])) ++t.end;
          after = v.substr(a, t.end - a);
          c = t.end;
        }
        while (c < v.size() && (v[c] == ' ' || v[c] == ',')) ++c;
        size_t d = c;
        while (d < v.size() && ascii_digit(v[d])) ++d;
        if (d - c == 4) {
          t.end = d;
          year = v.substr(c, 4);
        }
        if (number_before) {
          if (after.size() == 4 && year.empty()) year = after;
          else if (!after.empty()) day = {};  // "5 Jan 6": two days, no reading
        } else {
          day = after;
        }
        if (!year.empty() && !day.empty() && day.size() <= 2) {
          if (auto date = make_date(number(year), month, number(day))) {
            t.valid = true;
            t.date = *date;
          }
        }
        return t;
      }
    }
    i = j;
  }
  return std::nullopt;
}

std::optional<DateToken> find_any_date(std::string_view s) {
  if (auto t = find_date_token(s); t && t->valid) return t;
  if (auto t = find_other_date(s); t && t->valid) return t;
  return std::nullopt;
}

Date today_utc() {
  using namespace std::chrono;
  year_month_day ymd(floor<days>(system_clock::now()));
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace specgate
