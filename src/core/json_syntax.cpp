#include "core/json_syntax.h"

#include <nlohmann/json.hpp>

namespace specgate {

namespace {

using Json = nlohmann::json;

// Accepts every value and remembers the error the parser reports instead of throwing it.
class ErrorOnly : public nlohmann::json_sax<Json> {
 public:
  std::optional<JsonSyntaxError> error;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) override {
    JsonSyntaxError e;
    // json::parse throws this same object; only a parse_error carries a position.
    if (const auto* pe = dynamic_cast<const Json::parse_error*>(&ex)) {
      e.syntax = true;
      e.byte = pe->byte;
    }
    e.what = ex.what();
    error = std::move(e);
    return false;
  }
};

}  // namespace

std::optional<JsonSyntaxError> json_syntax_error(std::string_view text) {
  ErrorOnly sax;
  Json::sax_parse(text.begin(), text.end(), &sax);
  return std::move(sax.error);
}

}  // namespace specgate
