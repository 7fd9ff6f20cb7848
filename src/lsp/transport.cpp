#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string_view>

#include "core/text.h"

namespace specgate::lsp {

namespace {

bool iequals_prefix(std::string_view line, std::string_view name) {
  if (line.size() < name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char a = line[i], b = name[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

}  // namespace

Transport::Transport(int in_fd, int out_fd, size_t max_message)
    : in_fd_(in_fd), out_fd_(out_fd), max_message_(max_message) {}

bool Transport::poll_input(int timeout_ms) {
  timed_out_ = false;
  pollfd p{in_fd_, POLLIN, 0};
  int n;
  do {
    n = ::poll(&p, 1, timeout_ms);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    closed_reason_ = "poll failed";
    return false;
  }
  if (n == 0) {
    timed_out_ = true;
    return true;
  }
  char chunk[65536];
  ssize_t got;
  do {
    got = ::read(in_fd_, chunk, sizeof chunk);
  } while (got < 0 && errno == EINTR);
  if (got <= 0) {
    closed_reason_ = got == 0 ? "the client closed the input" : "reading the input failed";
    return false;
  }
  size_t have = static_cast<size_t>(got);
  size_t from = 0;
  if (skipping_ > 0) {  // the rest of a message too large to keep
    const size_t drop = std::min(skipping_, have);
    skipping_ -= drop;
    from = drop;
  }
  buf_.append(chunk + from, have - from);
  return parse_buffer();
}

bool Transport::parse_buffer() {
  while (!buf_.empty()) {
    const size_t end = buf_.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (buf_.size() > kMaxHeaderBytes) {
        closed_reason_ = "a message header is too long or not terminated";
        return false;
      }
      return true;
    }
    // Headers: Content-Length is required, Content-Type is accepted and ignored.
    std::string_view headers(buf_.data(), end);
    bool have_length = false;
    size_t length = 0;
    while (!headers.empty()) {
      const size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        closed_reason_ = "a message header line has no ':'";
        return false;
      }
      if (iequals_prefix(line, "content-length") && colon == 14) {
        std::string_view v = trim(line.substr(colon + 1));
        auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), length);
        if (ec != std::errc() || ptr != v.data() + v.size()) {
          closed_reason_ = "Content-Length is not a number";
          return false;
        }
        have_length = true;
      }
    }
    if (!have_length) {
      closed_reason_ = "a message has no Content-Length header";
      return false;
    }
    const size_t body_begin = end + 4;
    if (length > max_message_) {
      // Answered with an error; its bytes are read and dropped, never held.
      ready_.push_back({Incoming::TooLarge, {}});
      const size_t here = std::min(length, buf_.size() - body_begin);
      skipping_ = length - here;
      buf_.erase(0, body_begin + here);
      continue;
    }
    if (buf_.size() - body_begin < length) return true;  // wait for the rest
    ready_.push_back({Incoming::Message, buf_.substr(body_begin, length)});
    buf_.erase(0, body_begin + length);
  }
  return true;
}

Incoming Transport::take() {
  Incoming m = std::move(ready_.front());
  ready_.pop_front();
  return m;
}

bool Transport::send(const std::string& json) {
  std::string out = "Content-Length: " + std::to_string(json.size()) + "\r\n\r\n";
  out += json;
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::write(out_fd_, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace specgate::lsp
