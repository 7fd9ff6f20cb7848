#include "model/normalize.h"

#include <cctype>

#include "core/source.h"

namespace specgate {

namespace {

// Pictographs, dingbats, symbols, flags, keycaps, variation selectors and joiners.
bool is_emoji(uint32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x25A0 && cp <= 0x25FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200D || cp == 0x20E3 || cp == 0x2122 ||
         cp == 0x2139 || cp == 0x3030 || cp == 0x303D || cp == 0x00A9 || cp == 0x00AE ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

// Removes emoji and markup characters, turns placeholders into "{}".
std::string strip_markup(std::string_view s, bool& placeholder) {
  std::string out;
  out.reserve(s.size());
  auto plain = [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && c != '*' && c != '`' && c != '_' && c != '[' && c != '<' &&
           c != '{';
  };
  for (size_t i = 0; i < s.size();) {
    // Runs of characters this loop keeps as they are go over whole.
    size_t run = i;
    while (run < s.size() && plain(s[run])) ++run;
    if (run > i) {
      out.append(s.substr(i, run - i));
      i = run;
      continue;
    }
    const size_t n = utf8_seq_len(s, i);
    if (n > 1) {
      size_t len = 0;
      if (!is_emoji(decode_utf8(s, i, len))) out.append(s.substr(i, n));
      i += n;
      continue;
    }
    const char c = s[i];
    if (c == '*' || c == '`') { ++i; continue; }
    if (c == '_' && i + 1 < s.size() && s[i + 1] == '_') { i += 2; continue; }
    if (c == '[' || c == '<' || c == '{') {
      const char close = c == '[' ? ']' : c == '<' ? '>' : '}';
      const size_t end = s.find(close, i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        // [text](url) is a link: keep its text. Otherwise it is a placeholder.
        if (c == '[' && end + 1 < s.size() && s[end + 1] == '(') {
          const size_t paren = s.find(')', end + 1);
          out.append(s.substr(i + 1, end - i - 1));
          i = paren == std::string_view::npos ? s.size() : paren + 1;
          continue;
        }
        out.append("{}");
        placeholder = true;
        i = end + 1;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// "0)", "16b)", "1.", "2.3", "2.3.", "1 -", "Step 1:", "Phase 2 -", "A)" at the start.
std::string_view strip_numbering(std::string_view s) {
  for (std::string_view word : {"step ", "phase ", "part ", "stage ", "section "}) {
    if (istarts_with(s, word)) {
      size_t i = word.size();
      size_t digits = 0;
      while (i < s.size() && ascii_digit(s[i])) { ++i; ++digits; }
      if (digits > 0 && i < s.size() && (s[i] == ':' || s[i] == '.' || s[i] == ')' || s[i] == ' ')) {
        ++i;
        while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == ':')) ++i;
        if (i < s.size()) return s.substr(i);
      }
    }
  }
  // "A. Glossary", "B) Notes": a single capital letter as an outline number.
  if (s.size() > 3 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] == '.' || s[1] == ')') && s[2] == ' ')
    return trim(s.substr(3));
  size_t i = 0;
  while (i < s.size() && ascii_digit(s[i])) ++i;
  if (i == 0) return s;
  while (i < s.size() && (ascii_digit(s[i]) || s[i] == '.')) ++i;
  if (i < s.size() && s[i] >= 'a' && s[i] <= 'z' && i + 1 < s.size() && s[i + 1] == ')') ++i;
  const bool dotted = s.substr(0, i).find('.') != std::string_view::npos;  // "1.", "2.3"
  if (i < s.size() && (s[i] == ')' || s[i] == ':')) ++i;
  else if (!dotted && !(i < s.size() && s[i] == ' ' && i + 1 < s.size() && s[i + 1] == '-'))
    return s;  // "2025 roadmap": a number that is not numbering
  while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
  return i < s.size() ? s.substr(i) : s;
}

std::string_view strip_trailing_annotations(std::string_view s) {
  for (;;) {
    s = trim(s);
    if (s.empty() || s.back() != ')') return s;
    int depth = 0;
    size_t open = std::string_view::npos;
    for (size_t i = s.size(); i-- > 0;) {
      if (s[i] == ')') ++depth;
      else if (s[i] == '(' && --depth == 0) { open = i; break; }
    }
    if (open == std::string_view::npos || open == 0) return s;
    if (trim(s.substr(0, open)).empty()) return s;
    s = s.substr(0, open);
  }
}

}  // namespace

NormalizedTitle normalize_title(std::string_view title) {
  NormalizedTitle r;
  std::string plain = strip_markup(title, r.has_placeholder);
  std::string_view s = trim(plain);
  s = strip_trailing_annotations(s);
  std::string_view numbered = trim(s);
  s = trim(strip_numbering(numbered));
  // "Step 1: [Name]" keeps its word: the placeholder alone would say nothing.
  std::string kept;
  if (s == "{}" && numbered.size() > 2 && !ascii_digit(numbered[0])) {
    kept = std::string(numbered.substr(0, numbered.find(' '))) + " {}";
    s = kept;
  }
  s = strip_trailing_annotations(s);
  while (!s.empty() && (s.back() == ':' || s.back() == '-')) s = trim(s.substr(0, s.size() - 1));
  r.text = fold_text(s);
  return r;
}

std::string fold_key(std::string_view key) {
  std::string out;
  fold_key_into(key, out);
  return out;
}

void fold_key_into(std::string_view key, std::string& out) {
  // fold_text over the key with markup dropped and '_' / '-' read as spaces, in one pass.
  out.resize(key.size());
  char* w = out.data();
  size_t n = 0;
  bool space = false;
  for (char c : key) {
    if (c == '*' || c == '`') continue;
    if (c == '_' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r')) {
      space = n > 0;
      continue;
    }
    if (space) w[n++] = ' ';
    space = false;
    w[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (n > 0 && (w[n - 1] == ':' || w[n - 1] == ' ')) --n;
  out.resize(n);
}

bool is_template_metadata_title(std::string_view t) {
  static constexpr std::string_view kWords = "template metadata";
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = t.find(kWords); at != std::string_view::npos; at = t.find(kWords, at + 1)) {
    const size_t end = at + kWords.size();
    if ((at == 0 || !word(t[at - 1])) && (end >= t.size() || !word(t[end]))) return true;
  }
  return false;
}

}  // namespace specgate
