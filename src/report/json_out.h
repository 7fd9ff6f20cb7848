// JSON written straight into a string, byte for byte what nlohmann's
// `dump(2, ' ', false, error_handler_t::replace)` prints for the same document: the machine
// formats list a hundred thousand findings, and building a nlohmann value for each only to
// print it cost more than the whole text report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace specgate::report {

// `s` as a quoted JSON string: '"', '\\' and control characters escaped as nlohmann escapes
// them, other bytes as they are, invalid UTF-8 replaced with U+FFFD the way nlohmann's replace
// handler does.
void append_json_string(std::string& out, std::string_view s);

// A pretty-printed JSON value, two spaces per level, as nlohmann lays it out. `base_depth`
// indents every line after the first as if the value sat that many levels deep in a larger
// document. Keys are written as given (they are ASCII names).
class JsonOut {
 public:
  explicit JsonOut(std::string& out, int base_depth = 0) : out_(out), depth_(base_depth) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next member of the open object; its value follows.
  void key(std::string_view name);
  // The next element of the open array; its value follows.
  void item();

  void string(std::string_view s) { append_json_string(out_, s); }
  void number(uint64_t n);
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  void null() { out_ += "null"; }

  // Shorthands for `key(name)` and a value.
  void member(std::string_view name, std::string_view s) { key(name); string(s); }
  void member_number(std::string_view name, uint64_t n) { key(name); number(n); }

 private:
  void open(char c);
  void close(char c);
  void newline_indent();

  std::string& out_;
  int depth_;
  // Bit k: whether the container k levels out from the innermost open one has a member yet.
  // Machine reports nest a few levels; containers past 64 levels would lose their bits.
  uint64_t has_members_ = 0;
};

}  // namespace specgate::report
