// Escaping shared by the report formats. Every function here takes arbitrary bytes (paths and
// messages may quote whatever a spec contains) and returns text that is valid for its target.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/source.h"

namespace specgate::report {

inline constexpr uint32_t kReplacementChar = 0xFFFD;

// The UTF-8 decoder and encoder every module shares (core/source.h).
using specgate::append_utf8;
using specgate::decode_utf8;

// Valid UTF-8: each invalid byte becomes U+FFFD.
std::string valid_utf8(std::string_view s);

// One terminal line: tabs, CR and LF become spaces; other control characters, bidi overrides
// (which can reorder what a reader sees) and invalid bytes become U+FFFD.
std::string terminal_safe(std::string_view s);
// terminal_safe(s) appended to `out`.
void append_terminal_safe(std::string& out, std::string_view s);
bool is_unsafe_for_terminal(uint32_t cp);
// Length of the leading run of printable ASCII bytes (0x20-0x7E): most of every message and line.
size_t printable_ascii_prefix(std::string_view s);

// GitHub workflow commands: the message part, and a property value (which also may not
// contain the ':' and ',' that delimit properties).
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);
// github_escape_data or _property of valid_utf8(s), appended to `out` in one pass.
void append_github_escaped(std::string& out, std::string_view s, bool property);

// XML 1.0 text or attribute value: escapes markup characters, drops characters XML 1.0 cannot
// carry at all (most C0 controls, U+FFFE, U+FFFF), repairs invalid UTF-8. In attributes, tab,
// LF and CR become character references so parsers do not normalise them to spaces.
std::string xml_escape(std::string_view s, bool attribute);
// xml_escape(s, attribute) appended to `out`.
void append_xml_escaped(std::string& out, std::string_view s, bool attribute);

// A file path as a URI reference: relative paths stay relative (with "./" dropped), absolute
// ones become file:// URIs; every byte outside RFC 3986's unreserved set and '/' is
// percent-encoded, which also keeps a ':' in the first segment from reading as a scheme.
std::string path_to_uri(std::string_view path);

// "1 error", "2 errors".
std::string count_noun(size_t n, std::string_view singular, std::string_view plural);

}  // namespace specgate::report
