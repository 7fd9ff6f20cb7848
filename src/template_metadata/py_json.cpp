#include "template_metadata/py_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace specgate::pyjson {

Value::Value() = default;
Value::Value(const Value&) = default;
Value::Value(Value&&) noexcept = default;
Value& Value::operator=(const Value&) = default;
Value& Value::operator=(Value&&) noexcept = default;
Value::~Value() = default;

Value Value::string(std::string s) {
  Value v;
  v.kind = Kind::String;
  v.text = std::move(s);
  return v;
}

Value Value::array() {
  Value v;
  v.kind = Kind::Array;
  return v;
}

Value Value::object() {
  Value v;
  v.kind = Kind::Object;
  return v;
}

void Value::set(std::string key, Value v) {
  for (auto& m : members) {
    if (m.first == key) {
      m.second = std::move(v);
      return;
    }
  }
  members.emplace_back(std::move(key), std::move(v));
}

const Value* Value::find(std::string_view key) const {
  for (const auto& m : members) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

namespace {

bool is_json_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// Recursive descent over code points, mirroring CPython's C scanner (Modules/_json.c).
class Parser {
 public:
  Parser(const std::u32string& s, pytext::Span span, int max_depth, ParseResult& out)
      : s_(s), pos_(span.begin), end_(span.end), max_depth_(max_depth), out_(out) {}

  bool run() {
    skip_ws();
    if (!value(out_.value, 0)) return false;
    skip_ws();
    if (pos_ != end_) return fail("Extra data", pos_);
    return true;
  }

 private:
  bool fail(const char* msg, size_t at) {
    out_.error = msg;
    out_.error_at = at;
    return false;
  }
  void skip_ws() {
    while (pos_ < end_ && is_json_space(s_[pos_])) ++pos_;
  }
  bool literal(std::u32string_view word) {
    if (end_ - pos_ < word.size()) return false;
    if (std::u32string_view(s_).substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool value(Value& v, int depth) {
    if (pos_ >= end_) return fail("Expecting value", pos_);
    const char32_t c = s_[pos_];
    switch (c) {
      case '"': {
        const size_t at = pos_;
        v.kind = Value::Kind::String;
        if (!string(v.text)) return false;
        const bool verbatim = std::u32string_view(s_).substr(at, pos_ - at).find(U'\\') ==
                              std::u32string_view::npos;
        out_.strings.push_back({v.text, at, verbatim});
        return true;
      }
      case '{':
      case '[':
        if (depth >= max_depth_) return fail("Nesting is too deep", pos_);
        return c == '{' ? object(v, depth + 1) : array(v, depth + 1);
      case 'n':
        if (literal(U"null")) return v.kind = Value::Kind::Null, true;
        break;
      case 't':
        if (literal(U"true")) return v.kind = Value::Kind::Bool, v.boolean = true, true;
        break;
      case 'f':
        if (literal(U"false")) return v.kind = Value::Kind::Bool, v.boolean = false, true;
        break;
      case 'N':
        if (literal(U"NaN")) return set_float(v, std::numeric_limits<double>::quiet_NaN());
        break;
      case 'I':
        if (literal(U"Infinity")) return set_float(v, std::numeric_limits<double>::infinity());
        break;
      case '-':
        if (literal(U"-Infinity")) return set_float(v, -std::numeric_limits<double>::infinity());
        break;
      default:
        break;
    }
    return number(v);
  }

  static bool set_float(Value& v, double d) {
    v.kind = Value::Kind::Float;
    v.number = d;
    return true;
  }

  bool number(Value& v) {
    const size_t start = pos_;
    size_t i = pos_;
    bool negative = false;
    if (i < end_ && s_[i] == '-') {
      negative = true;
      ++i;
    }
    if (i < end_ && s_[i] >= '1' && s_[i] <= '9') {
      while (i < end_ && is_digit(s_[i])) ++i;
    } else if (i < end_ && s_[i] == '0') {
      ++i;
    } else {
      return fail("Expecting value", start);
    }
    const size_t int_end = i;
    bool is_float = false;
    if (i + 1 < end_ && s_[i] == '.' && is_digit(s_[i + 1])) {
      i += 2;
      while (i < end_ && is_digit(s_[i])) ++i;
      is_float = true;
    }
    if (i < end_ && (s_[i] == 'e' || s_[i] == 'E')) {
      // An exponent without digits is not part of the number (the scanner backs off).
      size_t j = i + 1;
      if (j < end_ && (s_[j] == '+' || s_[j] == '-')) ++j;
      if (j < end_ && is_digit(s_[j])) {
        while (j < end_ && is_digit(s_[j])) ++j;
        i = j;
        is_float = true;
      }
    }
    pos_ = i;
    std::string digits = pytext::to_utf8(std::u32string_view(s_).substr(start, i - start));
    if (!is_float) {
      // Python ints are exact at any size; "-0" prints as "0".
      v.kind = Value::Kind::Int;
      const size_t first = negative ? 1 : 0;
      const bool zero = int_end - start - first == 1 && s_[start + first] == '0';
      v.text = zero ? "0" : digits;
      return true;
    }
    v.kind = Value::Kind::Float;
    v.number = parse_double(digits);
    return true;
  }

  // Correctly rounded like Python's float(); out-of-range values become +-inf or +-0.0.
  static double parse_double(const std::string& digits) {
    double d = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
    (void)ptr;
    if (ec != std::errc::result_out_of_range) return d;
    const bool negative = !digits.empty() && digits[0] == '-';
    // Decide overflow vs underflow from the decimal magnitude: position of the first non-zero
    // digit relative to the point, plus the exponent (saturating).
    long long magnitude = 0;
    size_t i = negative ? 1 : 0;
    long long int_digits = 0;
    bool seen_nonzero = false;
    long long leading_frac_zeros = 0;
    for (; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i) {
      if (digits[i] != '0') seen_nonzero = true;
      if (seen_nonzero) ++int_digits;
    }
    if (i < digits.size() && digits[i] == '.') {
      for (++i; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i) {
        if (!seen_nonzero && digits[i] == '0') ++leading_frac_zeros;
        if (digits[i] != '0') seen_nonzero = true;
      }
    }
    long long exponent = 0;
    if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
      ++i;
      bool exp_negative = false;
      if (i < digits.size() && (digits[i] == '+' || digits[i] == '-')) exp_negative = digits[i++] == '-';
      for (; i < digits.size(); ++i) {
        exponent = std::min<long long>(exponent * 10 + (digits[i] - '0'), 1'000'000'000LL);
      }
      if (exp_negative) exponent = -exponent;
    }
    magnitude = (int_digits > 0 ? int_digits : -leading_frac_zeros) + exponent;
    const double result = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return negative ? -result : result;
  }

  bool string(std::string& out) {
    const size_t open = pos_;
    ++pos_;  // opening quote
    for (;;) {
      if (pos_ >= end_) return fail("Unterminated string starting at", open);
      char32_t c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c <= 0x1F) return fail("Invalid control character at", pos_);
      if (c != '\\') {
        pytext::append_utf8(out, c);
        ++pos_;
        continue;
      }
      const size_t esc = pos_;
      ++pos_;
      if (pos_ >= end_) return fail("Unterminated string starting at", open);
      c = s_[pos_++];
      switch (c) {
        case '"': out += '"'; continue;
        case '\\': out += '\\'; continue;
        case '/': out += '/'; continue;
        case 'b': out += '\b'; continue;
        case 'f': out += '\f'; continue;
        case 'n': out += '\n'; continue;
        case 'r': out += '\r'; continue;
        case 't': out += '\t'; continue;
        case 'u': break;
        default: return fail("Invalid \\escape", esc);
      }
      char32_t cp = 0;
      if (!hex4(cp)) return fail("Invalid \\uXXXX escape", esc);
      // A high surrogate joins a directly following \u low surrogate; otherwise it stays lone.
      if (cp >= 0xD800 && cp <= 0xDBFF && end_ - pos_ >= 6 && s_[pos_] == '\\' &&
          s_[pos_ + 1] == 'u') {
        const size_t save = pos_;
        pos_ += 2;
        char32_t low = 0;
        if (!hex4(low)) return fail("Invalid \\uXXXX escape", save);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else {
          pos_ = save;
        }
      }
      pytext::append_utf8(out, cp);
    }
  }

  bool hex4(char32_t& cp) {
    if (end_ - pos_ < 4) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(s_[pos_ + k]);
      if (h < 0) return false;
      cp = (cp << 4) | static_cast<char32_t>(h);
    }
    pos_ += 4;
    return true;
  }

  bool object(Value& v, int depth) {
    v.kind = Value::Kind::Object;
    ++pos_;
    skip_ws();
    if (pos_ < end_ && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      if (pos_ >= end_ || s_[pos_] != '"') {
        return fail("Expecting property name enclosed in double quotes", pos_);
      }
      std::string key;
      if (!string(key)) return false;
      skip_ws();
      if (pos_ >= end_ || s_[pos_] != ':') return fail("Expecting ':' delimiter", pos_);
      ++pos_;
      skip_ws();
      Value member;
      if (!value(member, depth)) return false;
      v.set(std::move(key), std::move(member));
      skip_ws();
      if (pos_ < end_ && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      if (pos_ >= end_ || s_[pos_] != ',') return fail("Expecting ',' delimiter", pos_);
      ++pos_;
      skip_ws();
    }
  }

  bool array(Value& v, int depth) {
    v.kind = Value::Kind::Array;
    ++pos_;
    skip_ws();
    if (pos_ < end_ && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      Value item;
      if (!value(item, depth)) return false;
      v.items.push_back(std::move(item));
      skip_ws();
      if (pos_ < end_ && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      if (pos_ >= end_ || s_[pos_] != ',') return fail("Expecting ',' delimiter", pos_);
      ++pos_;
      skip_ws();
    }
  }

  const std::u32string& s_;
  size_t pos_;
  size_t end_;
  int max_depth_;
  ParseResult& out_;
};

void dump_string(std::string& out, const std::string& utf8) {
  static const char kHex[] = "0123456789abcdef";
  auto u_escape = [&](char32_t unit) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(unit >> shift) & 0xF];
  };
  out += '"';
  for (char32_t c : pytext::from_utf8(utf8)) {
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (c >= 0x20 && c <= 0x7E) {
      out += static_cast<char>(c);
    } else if (c >= 0x10000) {
      const char32_t v = c - 0x10000;
      u_escape(0xD800 | (v >> 10));
      u_escape(0xDC00 | (v & 0x3FF));
    } else {
      u_escape(c);
    }
  }
  out += '"';
}

void dump_value(std::string& out, const Value& v, int indent) {
  auto newline = [&](int level) {
    out += '\n';
    out.append(static_cast<size_t>(level) * 2, ' ');
  };
  switch (v.kind) {
    case Value::Kind::Null: out += "null"; return;
    case Value::Kind::Bool: out += v.boolean ? "true" : "false"; return;
    case Value::Kind::Int: out += v.text; return;
    case Value::Kind::Float: out += format_float(v.number); return;
    case Value::Kind::String: dump_string(out, v.text); return;
    case Value::Kind::Array:
      if (v.items.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ',';
        newline(indent + 1);
        dump_value(out, v.items[i], indent + 1);
      }
      newline(indent);
      out += ']';
      return;
    case Value::Kind::Object: {
      if (v.members.empty()) {
        out += "{}";
        return;
      }
      // Python sorts str keys by code point; UTF-8 byte order is the same order.
      std::vector<const std::pair<std::string, Value>*> sorted;
      sorted.reserve(v.members.size());
      for (const auto& m : v.members) sorted.push_back(&m);
      std::sort(sorted.begin(), sorted.end(),
                [](const auto* a, const auto* b) { return a->first < b->first; });
      out += '{';
      for (size_t i = 0; i < sorted.size(); ++i) {
        if (i) out += ',';
        newline(indent + 1);
        dump_string(out, sorted[i]->first);
        out += ": ";
        dump_value(out, sorted[i]->second, indent + 1);
      }
      newline(indent);
      out += '}';
      return;
    }
  }
}

}  // namespace

ParseResult parse(const std::u32string& text, pytext::Span span, int max_depth) {
  ParseResult result;
  span.end = std::min(span.end, text.size());
  Parser parser(text, span, max_depth, result);
  result.ok = parser.run();
  if (!result.ok) result.value = Value{};
  return result;
}

std::string dump(const Value& value) {
  std::string out;
  dump_value(out, value, 0);
  return out;
}

std::string format_float(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // Shortest round-trip digits in scientific form, then laid out as Python's repr does:
  // positional when the decimal point falls in (-4, 16], exponent form otherwise.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string out;
  size_t i = 0;
  if (sci[0] == '-') {
    out += '-';
    i = 1;
  }
  const size_t e_pos = sci.find('e');
  std::string digits;
  for (size_t k = i; k < e_pos; ++k) {
    if (sci[k] != '.') digits += sci[k];
  }
  const int exponent = std::stoi(sci.substr(e_pos + 1));
  const int decpt = exponent + 1;
  const int ndigits = static_cast<int>(digits.size());
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(static_cast<size_t>(-decpt), '0');
      out += digits;
    } else if (decpt >= ndigits) {
      out += digits;
      out.append(static_cast<size_t>(decpt - ndigits), '0');
      out += ".0";
    } else {
      out += digits.substr(0, static_cast<size_t>(decpt));
      out += '.';
      out += digits.substr(static_cast<size_t>(decpt));
    }
    return out;
  }
  out += digits[0];
  if (ndigits > 1) {
    out += '.';
    out += digits.substr(1);
  }
  char exp[16];
  std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  out += exp;
  return out;
}

}  // namespace specgate::pyjson
