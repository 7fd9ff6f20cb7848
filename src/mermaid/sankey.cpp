// Sankey validator. Mermaid 11.17.2 first trims the text and collapses runs of line breaks, then
// lexes it with sankey.jison's CSV lexer, in which field text is printable ASCII only (so a tab,
// an accented letter or an encoded entity breaks a line), and parses
//   ('sankey-beta' | 'sankey') NEWLINE record (NEWLINE record)*,  record = field ',' field ',' field
// where a field is plain text or a non-empty "quoted" text ("" escapes a quote).
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/lexkit.h"

namespace specgate::mermaid {
namespace {

// TEXTDATA: [\x20-\x21\x23-\x2B\x2D-\x7E]
bool textdata(char c) { return c >= 0x20 && c <= 0x7E && c != '"' && c != ','; }

class Checker {
 public:
  Checker(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), out_(out) {
    // trim(): the text ends at its last non-space character.
    size_t i = 0;
    while (i < s_.size()) {
      size_t n = js_space(s_, i);
      if (n) {
        i += n;
        continue;
      }
      i += utf8_seq_len(s_, i);
      end_ = i;
    }
  }

  void run() {
    size_t i = 0;
    if (lit(s_, i, "sankey-beta") && !is_word(at(i + 11))) {
      i += 11;
    } else if (lit(s_, i, "sankey") && !is_word(at(i + 6))) {
      i += 6;
    } else {
      return fail(i, "unexpected " + describe(s_, i, 1), "'sankey-beta'", "");
    }
    if (!newline(i))
      return fail(i, i >= end_ ? "a sankey diagram needs at least one 'source,target,value' line"
                               : "unexpected " + found(i) + " after the header",
                  "a line break", "put the data on the lines after 'sankey-beta'");
    i = skip_newlines(i);
    while (true) {
      for (int f = 0; f < 3; ++f) {
        if (!field(i)) return;
        if (f < 2) {
          if (at(i) != ',' || i >= end_) return missing_comma(i, f);
          ++i;
        }
      }
      if (i >= end_) return;
      if (!newline(i)) {
        if (at(i) == ',')
          return fail(i, "a sankey line has exactly three fields: source,target,value", "end of line",
                      "quote text that contains commas: \"a, b\",target,5");
        return bad_char(i);
      }
      i = skip_newlines(i);
      if (i >= end_) return;  // unreachable after trim, kept for safety
    }
  }

 private:
  char at(size_t i) const { return i < end_ ? s_[i] : '\0'; }
  bool newline(size_t i) const { return i < end_ && (s_[i] == '\n' || s_[i] == '\r'); }
  size_t skip_newlines(size_t i) const {
    while (newline(i)) ++i;
    return i;
  }
  std::string found(size_t i) const { return i >= end_ ? "end of diagram" : describe(s_, i, utf8_seq_len(s_, i)); }
  void fail(size_t off, std::string msg, std::string expected, std::string hint) {
    first_error(out_, p_, off, std::move(msg), found(off), std::move(expected), std::move(hint));
  }
  void bad_char(size_t i) {
    if (s_[i] == '\t')
      return fail(i, "tab in a sankey line", "printable ASCII text, ',' or a line break",
                  "sankey fields allow only printable ASCII; use spaces instead of tabs");
    if (lit(s_, i, "\xEF\xAC\x82"))  // Mermaid's marker for an encoded entity such as #35;
      return fail(i, "an entity such as #35; cannot appear in a sankey line",
                  "printable ASCII text, ',' or a line break", "write the character itself, if it is ASCII");
    if (static_cast<unsigned char>(s_[i]) >= 0x80)
      return fail(i, "non-ASCII character " + found(i) + " in a sankey line",
                  "printable ASCII text, ',' or a line break",
                  "Mermaid's sankey lexer accepts printable ASCII only (no accents, symbols or #entities;)");
    return fail(i, "unexpected " + found(i), "printable ASCII text, ',' or a line break", "");
  }
  void missing_comma(size_t i, int f) {
    if (i < end_ && !newline(i) && at(i) != ',') return bad_char(i);
    fail(i, f == 0 ? "a sankey line needs three fields; only one found" : "a sankey line needs three fields; only two found",
         "','", "write each flow as source,target,value");
  }
  // field: "quoted" (non-empty) | plain text (possibly empty only at a character no rule takes).
  bool field(size_t& i) {
    if (at(i) == '"') {
      size_t b = i;
      size_t j = i + 1;
      while (j < end_) {
        char c = s_[j];
        if (c == '"') {
          if (at(j + 1) == '"') {
            j += 2;
            continue;
          }
          break;
        }
        if (!textdata(c) && c != ',' && c != '\n' && c != '\r') break;
        ++j;
      }
      if (j == i + 1 && at(j) == '"') {
        fail(b, "empty quoted sankey field", "text inside the quotes",
             "Mermaid rejects \"\"; write the text without quotes or put something inside");
        return false;
      }
      if (j >= end_) {
        fail(b, "unclosed quote in a sankey line", "'\"'", "close the quoted field");
        return false;
      }
      if (s_[j] != '"') {
        bad_char(j);
        return false;
      }
      i = j + 1;
      return true;
    }
    size_t j = i;
    while (j < end_ && textdata(s_[j])) ++j;
    if (j == i) {
      if (at(i) == ',')
        fail(i, "empty sankey field", "a source, target or value", "every line needs source,target,value");
      else if (i >= end_ || newline(i))
        fail(i, "a sankey line needs three fields", "a field", "write each flow as source,target,value");
      else
        bad_char(i);
      return false;
    }
    i = j;
    return true;
  }

  const Prepared& p_;
  std::string_view s_;
  size_t end_ = 0;
  std::vector<Diagnostic>& out_;
};

}  // namespace

void validate_sankey(const Prepared& p, std::vector<Diagnostic>& out) { Checker(p, out).run(); }

}  // namespace specgate::mermaid
