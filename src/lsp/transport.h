// JSON-RPC framing over a pair of file descriptors (stdin/stdout for `specgate lsp`): a header
// block with Content-Length, a blank line, then that many bytes of JSON. Reads never block the
// event loop beyond what poll() said is there, so the server can debounce with poll's timeout.
#pragma once

#include <cstddef>
#include <deque>
#include <string>

namespace specgate::lsp {

// Far above any spec (core/file_io.h reads Markdown up to 32 MiB, and JSON escaping can double
// it), small enough that a bogus length cannot make the server allocate without bound.
inline constexpr size_t kMaxMessageBytes = size_t(80) << 20;
// A header block longer than this is not LSP: the stream is unusable.
inline constexpr size_t kMaxHeaderBytes = 8192;

struct Incoming {
  enum Kind { Message, TooLarge } kind = Message;
  std::string body;  // the JSON text (Message)
};

class Transport {
 public:
  Transport(int in_fd, int out_fd, size_t max_message = kMaxMessageBytes);

  // Waits up to `timeout_ms` (-1: forever) for input and reads what is there; parsed messages
  // are then available from take(). False when the input has ended or the framing is broken
  // (see closed_reason()): the server must stop.
  bool poll_input(int timeout_ms);
  // True when a message is ready.
  bool has_message() const { return !ready_.empty(); }
  Incoming take();
  // The messages read and not yet taken, oldest first.
  const std::deque<Incoming>& pending() const { return ready_; }
  // True when poll_input() last returned because its timeout passed, with no input.
  bool timed_out() const { return timed_out_; }

  // Writes one framed message; false when the client is gone (the write failed).
  bool send(const std::string& json);

  const std::string& closed_reason() const { return closed_reason_; }

 private:
  bool parse_buffer();  // moves complete messages from buf_ to ready_; false on broken framing

  int in_fd_, out_fd_;
  size_t max_message_;
  std::string buf_;
  std::deque<Incoming> ready_;
  size_t skipping_ = 0;  // bytes of an over-long message still to discard
  bool timed_out_ = false;
  std::string closed_reason_;
};

}  // namespace specgate::lsp
