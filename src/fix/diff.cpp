#include "fix/diff.h"

#include <algorithm>
#include <vector>

namespace specgate {

namespace {

// Lines with their endings, so that a changed line ending shows as a change.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (b < s.size()) {
    size_t e = s.find('\n', b);
    e = e == std::string_view::npos ? s.size() : e + 1;
    out.push_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

enum class Op : char { Same = ' ', Del = '-', Add = '+' };

// Myers' O((N+M)·D) shortest edit script over the lines between the common prefix and suffix
// (fixes touch a few places, so D stays small however long the spec).
std::vector<Op> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const long n = static_cast<long>(a.size() - pre - suf), m = static_cast<long>(b.size() - pre - suf);
  const long max = n + m, off = max + 1;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  long found_d = -1;
  for (long d = 0; d <= max && found_d < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[pre + x] == b[pre + y]) ++x, ++y;
      v[off + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  std::vector<Op> mid;
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& pv = trace[static_cast<size_t>(d)];
    const long k = x - y;
    const bool down = k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1]);
    const long pk = down ? k + 1 : k - 1;
    const long px = pv[off + pk], py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) mid.push_back(Op::Same), --x, --y;
    mid.push_back(down ? Op::Add : Op::Del);
    x = px, y = py;
  }
  while (x > 0 && y > 0) mid.push_back(Op::Same), --x, --y;
  std::vector<Op> ops(pre, Op::Same);
  ops.insert(ops.end(), mid.rbegin(), mid.rend());
  ops.insert(ops.end(), suf, Op::Same);
  return ops;
}

void append_line(std::string& out, char mark, std::string_view line) {
  out.push_back(mark);
  out.append(line);
  if (line.empty() || line.back() != '\n') out.append("\n\\ No newline at end of file\n");
}

}  // namespace

std::string unified_diff(const std::string& path, std::string_view before, std::string_view after, size_t context) {
  if (before == after) return "";
  const std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  const std::vector<Op> ops = edit_script(a, b);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::Same) {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the last change that
    // lies within 2·context of the one before it.
    size_t start = i >= context ? i - context : 0;
    size_t end = i;
    while (end < ops.size()) {
      if (ops[end] != Op::Same) {
        ++end;
        continue;
      }
      size_t run = end;
      while (run < ops.size() && ops[run] == Op::Same) ++run;
      if (run == ops.size() || run - end > 2 * context) {
        end = std::min(run, end + context);
        break;
      }
      end = run;
    }
    // Line numbers of the hunk's first line in each file.
    size_t la = 0, lb = 0;
    for (size_t j = 0; j < start; ++j) {
      if (ops[j] != Op::Add) ++la;
      if (ops[j] != Op::Del) ++lb;
    }
    size_t ca = 0, cb = 0;
    for (size_t j = start; j < end; ++j) {
      if (ops[j] != Op::Add) ++ca;
      if (ops[j] != Op::Del) ++cb;
    }
    out += "@@ -" + std::to_string(ca ? la + 1 : la) + "," + std::to_string(ca) + " +" + std::to_string(cb ? lb + 1 : lb) +
           "," + std::to_string(cb) + " @@\n";
    size_t ia = la, ib = lb;
    for (size_t j = start; j < end; ++j) {
      if (ops[j] == Op::Same) {
        append_line(out, ' ', a[ia++]);
        ++ib;
      } else if (ops[j] == Op::Del) {
        append_line(out, '-', a[ia++]);
      } else {
        append_line(out, '+', b[ib++]);
      }
    }
    i = end;
  }
  return out;
}

}  // namespace specgate
