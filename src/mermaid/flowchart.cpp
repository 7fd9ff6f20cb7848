// Flowchart validator. Emulates Mermaid's flow.jison: the lexer below applies the same rules in
// the same order with the same start-condition stack (first match wins, literal rules ending in a
// word character get an implicit \b, as jison-lex does), and the parser walks the same grammar.
// The token stream does not depend on the parser, so the whole input is lexed first.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/yaml_guard.h"
#include "mermaid/diagrams.h"
#include "mermaid/flowchart_model.h"
#include "mermaid/jison_lexer.h"
#include "mermaid/token_cursor.h"

namespace specgate::mermaid {
namespace {

enum State : uint8_t {
  S_INITIAL, S_STRING, S_MD, S_ACC_TITLE, S_ACC_DESCR, S_ACC_DESCR_ML, S_DIR, S_TEXT, S_ELLIPSE,
  S_TRAP, S_EDGE, S_THICK, S_DOTTED, S_CLICK, S_CBNAME, S_CBARGS, S_SHAPE, S_SHAPE_STR
};

enum Kind : uint8_t {
  T_EOF, T_ERROR, T_ACC_TITLE, T_ACC_TITLE_VALUE, T_ACC_DESCR, T_ACC_DESCR_VALUE, T_ACC_DESCR_ML,
  T_SHAPE_DATA, T_CALLBACKNAME, T_CALLBACKARGS, T_MD_STR, T_STR, T_STYLE, T_DEFAULT, T_LINKSTYLE,
  T_INTERPOLATE, T_CLASSDEF, T_CLASS, T_HREF, T_CLICK, T_GRAPH, T_SUBGRAPH, T_END, T_LINK_TARGET,
  T_NODIR, T_DIR, T_DIRECTION, T_LINK_ID, T_NUM, T_BRKT, T_STYLE_SEP, T_COLON, T_AMP, T_SEMI,
  T_COMMA, T_MULT, T_LINK, T_START_LINK, T_EDGE_TEXT, T_ELLIPSE_END, T_TEXT, T_ELLIPSE_START,
  T_STADIUM_END, T_STADIUM_START, T_SUB_END, T_SUB_START, T_PROPS_START, T_TAGEND, T_CYL_END,
  T_CYL_START, T_DC_END, T_DC_START, T_TRAP_END, T_INVTRAP_END, T_TRAP_START, T_INVTRAP_START,
  T_TAGSTART, T_UP, T_SEP, T_DOWN, T_NODE_STRING, T_MINUS, T_UNICODE, T_PIPE, T_PE, T_PS, T_SQE,
  T_SQS, T_DIAMOND_STOP, T_DIAMOND_START, T_QUOTE, T_NEWLINE, T_SPACE
};

struct Tok {
  Kind kind;
  uint32_t begin;
  uint32_t end;
};

// First characters of the keyword rules (accTitle, call, style, graph, subgraph, end, _self, ...).
bool keyword_start(char c) {
  switch (c) {
    case 'a': case 'c': case 'd': case 'e': case 'f': case 'g': case 'h': case 'i': case 'l':
    case 's': case '_':
      return true;
    default:
      return false;
  }
}

bool node_char(char c) {
  return is_word(c) || c == '!' || c == '"' || c == '#' || c == '$' || c == '%' || c == '&' ||
         c == '\'' || c == '*' || c == '+' || c == '.' || c == '`' || c == '?' || c == '\\' ||
         c == '/';
}

class Lexer : CondLexer<State> {
 public:
  explicit Lexer(std::string_view s) : CondLexer(s, S_INITIAL) {}

  void run(std::vector<Tok>& out) {
    size_t same_pos_empty = 0;
    while (true) {
      if (done_) {
        out.push_back(Tok{T_EOF, u(pos_), u(pos_)});
        return;
      }
      if (pos_ >= s_.size()) done_ = true;
      size_t before = pos_;
      Kind k;
      bool has = next(k);
      if (error_) {
        out.push_back(Tok{T_ERROR, u(before), u(before)});
        return;
      }
      if (!has) {
        if (pos_ >= s_.size() && before == pos_ && done_) {
          out.push_back(Tok{T_EOF, u(pos_), u(pos_)});
          return;
        }
        continue;
      }
      // A rule that matches nothing and keeps its state would repeat forever; jison would too,
      // but the parser stops at the second such token, so two are enough.
      if (pos_ == before) {
        if (++same_pos_empty > 2) {
          out.push_back(Tok{T_EOF, u(pos_), u(pos_)});
          return;
        }
      } else {
        same_pos_empty = 0;
      }
      out.push_back(Tok{k, u(before), u(pos_)});
    }
  }

 private:
  bool wlit(size_t i, std::string_view w) const {
    return lit(s_, i, w) && !(i + w.size() < s_.size() && is_word(s_[i + w.size()]) &&
                              is_word(w.back()));
  }

  // \s*[xo<]?--+[-xo>]\s*  (and the == variant)
  size_t match_link(size_t i, char c) const {
    size_t j = skip_space(s_, i);
    for (int with_prefix = 1; with_prefix >= 0; --with_prefix) {
      size_t k = j;
      if (with_prefix) {
        char p = at(k);
        if (p != 'x' && p != 'o' && p != '<') continue;
        ++k;
      }
      size_t r = k;
      while (r < s_.size() && s_[r] == c) ++r;
      size_t run = r - k;
      char nx = at(r);
      if (run >= 2 && (nx == 'x' || nx == 'o' || nx == '>')) return skip_space(s_, r + 1) - i;
      if (run >= 3) return skip_space(s_, r) - i;
    }
    return 0;
  }
  // \s*[xo<]?--\s*
  size_t match_start_link(size_t i, char c) const {
    size_t j = skip_space(s_, i);
    for (int with_prefix = 1; with_prefix >= 0; --with_prefix) {
      size_t k = j;
      if (with_prefix) {
        char p = at(k);
        if (p != 'x' && p != 'o' && p != '<') continue;
        ++k;
      }
      if (at(k) == c && at(k + 1) == c) return skip_space(s_, k + 2) - i;
    }
    return 0;
  }
  // \s*[xo<]?-?\.+-[xo>]?\s*
  size_t match_dotted(size_t i) const {
    size_t j = skip_space(s_, i);
    for (int with_prefix = 1; with_prefix >= 0; --with_prefix) {
      size_t k = j;
      if (with_prefix) {
        char p = at(k);
        if (p != 'x' && p != 'o' && p != '<') continue;
        ++k;
      }
      for (int dash = 1; dash >= 0; --dash) {
        size_t m = k;
        if (dash) {
          if (at(m) != '-') continue;
          ++m;
        }
        size_t d = m;
        while (at(d) == '.') ++d;
        if (d == m || at(d) != '-') continue;
        ++d;
        char e = at(d);
        if (e == 'x' || e == 'o' || e == '>') ++d;
        return skip_space(s_, d) - i;
      }
    }
    return 0;
  }
  size_t match_start_dotted(size_t i) const {
    size_t j = skip_space(s_, i);
    for (int with_prefix = 1; with_prefix >= 0; --with_prefix) {
      size_t k = j;
      if (with_prefix) {
        char p = at(k);
        if (p != 'x' && p != 'o' && p != '<') continue;
        ++k;
      }
      if (at(k) == '-' && at(k + 1) == '.') return skip_space(s_, k + 2) - i;
    }
    return 0;
  }
  size_t match_tilde(size_t i) const {
    size_t j = skip_space(s_, i);
    size_t k = j;
    while (at(k) == '~') ++k;
    if (k - j < 3) return 0;
    return skip_space(s_, k) - i;
  }
  // .*direction\s+(TB|BT|RL|LR|TD)[^\n]*, cached per line since it is tried at every token.
  size_t match_direction(size_t i) {
    if (!(dir_line_begin_ <= i && i < dir_line_end_)) {
      size_t ls = i;
      while (ls > 0 && s_[ls - 1] != '\n' && s_[ls - 1] != '\r') --ls;
      size_t le = ls;
      while (le < s_.size() && js_dot(s_, le)) le += js_dot(s_, le);
      dir_line_begin_ = ls;
      dir_line_end_ = le + 1;
      dir_last_ = std::string::npos;
      dir_end_ = 0;
      std::string_view line = s_.substr(ls, le - ls);
      size_t rel = 0;
      size_t f = ls;
      while ((rel = line.find("direction", f - ls)) != std::string_view::npos) {
        f = ls + rel;
        size_t k = f + 9;
        size_t w = skip_space(s_, k);
        if (w > k) {
          static constexpr std::string_view codes[] = {"TB", "BT", "RL", "LR", "TD"};
          for (std::string_view c : codes) {
            if (lit(s_, w, c)) {
              dir_last_ = f;
              dir_end_ = line_end(s_, w);
              break;
            }
          }
        }
        ++f;
      }
    }
    if (dir_last_ == std::string::npos || dir_last_ < i) return 0;
    return dir_end_ - i;
  }
  // [^\s"]+@(?=[^{"]) : the last usable '@' of the run, cached per run.
  size_t match_link_id(size_t i) {
    if (!(run_begin_ <= i && i < run_end_)) {
      size_t e = i;
      while (e < s_.size() && s_[e] != '"' && !js_space(s_, e)) ++e;
      run_begin_ = i;
      run_end_ = e;
      run_at_ = std::string::npos;
      for (size_t k = e; k > i; --k) {
        size_t a = k - 1;
        if (s_[a] != '@') continue;
        if (a + 1 >= s_.size()) continue;
        char n = s_[a + 1];
        if (n == '{' || n == '"') continue;
        run_at_ = a;
        break;
      }
    }
    if (run_at_ == std::string::npos || run_at_ < i + 1) return 0;
    return run_at_ + 1 - i;
  }
  size_t match_node_string(size_t i) const {
    size_t k = i;
    while (k < s_.size()) {
      char c = s_[k];
      if (node_char(c)) {
        ++k;
      } else if (c == '-') {
        if (k + 1 >= s_.size()) break;
        char n = s_[k + 1];
        if (n == '>' || n == '-' || n == '.') break;
        ++k;
      } else if (c == '=') {
        if (at(k + 1) == '=') break;
        ++k;
      } else {
        break;
      }
    }
    return k - i;
  }

  bool take(size_t n, Kind k, Kind& out) {
    pos_ += n;
    out = k;
    return true;
  }

  // One jison lexer step: returns false when the matched rule returns no token.
  bool next(Kind& k) {
    const State s = top();
    const size_t i = pos_;
    const bool ini = s == S_INITIAL;
    const char c = at(i);
    const bool eof = i >= s_.size();
    size_t n = 0;
    // Every keyword rule below starts with one of these characters; the others skip those tries.
    const bool kw = ini && keyword_start(c);

    if (kw && lit(s_, i, "accTitle")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        push(S_ACC_TITLE);
        return take(skip_space(s_, j + 1) - i, T_ACC_TITLE, k);
      }
    }
    if (s == S_ACC_TITLE || s == S_ACC_DESCR) {
      pop();
      return take(line_end(s_, i) - i, s == S_ACC_TITLE ? T_ACC_TITLE_VALUE : T_ACC_DESCR_VALUE, k);
    }
    if (kw && lit(s_, i, "accDescr")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        push(S_ACC_DESCR);
        return take(skip_space(s_, j + 1) - i, T_ACC_DESCR, k);
      }
      if (at(j) == '{') {
        push(S_ACC_DESCR_ML);
        pos_ = skip_space(s_, j + 1);
        return false;
      }
    }
    if (s == S_ACC_DESCR_ML) {
      if (c == '}' && !eof) {
        pop();
        pos_ = i + 1;
        return false;
      }
      size_t e = s_.find('}', i);
      if (e == std::string::npos) e = s_.size();
      return take(e - i, T_ACC_DESCR_ML, k);
    }
    if (ini && c == '@' && at(i + 1) == '{') {
      push(S_SHAPE);
      return take(2, T_SHAPE_DATA, k);
    }
    if (s == S_SHAPE && c == '"' && !eof) {
      push(S_SHAPE_STR);
      return take(1, T_SHAPE_DATA, k);
    }
    if (s == S_SHAPE_STR && !eof) {
      if (c == '"') {
        pop();
        return take(1, T_SHAPE_DATA, k);
      }
      size_t e = s_.find('"', i);
      if (e == std::string::npos) e = s_.size();
      return take(e - i, T_SHAPE_DATA, k);
    }
    if (s == S_SHAPE && !eof) {
      size_t e = i;
      while (e < s_.size() && s_[e] != '}' && s_[e] != '^' && s_[e] != '"') ++e;
      if (e > i) return take(e - i, T_SHAPE_DATA, k);
      if (c == '}') {
        pop();
        pos_ = i + 1;
        return false;
      }
    }
    if (kw && lit(s_, i, "call") && js_space(s_, i + 4)) {
      push(S_CBNAME);
      pos_ = skip_space(s_, i + 4);
      return false;
    }
    if (s == S_CBNAME) {
      if (c == '(' && !eof) {
        size_t j = skip_space(s_, i + 1);
        pop();
        if (at(j) == ')') {
          pos_ = j + 1;
          return false;
        }
        push(S_CBARGS);
        pos_ = i + 1;
        return false;
      }
      size_t e = s_.find('(', i);
      if (e == std::string::npos) e = s_.size();
      return take(e - i, T_CALLBACKNAME, k);
    }
    if (s == S_CBARGS) {
      if (c == ')' && !eof) {
        pop();
        pos_ = i + 1;
        return false;
      }
      size_t e = s_.find(')', i);
      if (e == std::string::npos) e = s_.size();
      return take(e - i, T_CALLBACKARGS, k);
    }
    if (s == S_MD && !eof) {
      size_t e = i;
      while (e < s_.size() && s_[e] != '`' && s_[e] != '"') ++e;
      if (e > i) return take(e - i, T_MD_STR, k);
      if (c == '`' && at(i + 1) == '"') {
        pop();
        pos_ = i + 2;
        return false;
      }
    }
    if (c == '"' && at(i + 1) == '`') {
      push(S_MD);
      pos_ = i + 2;
      return false;
    }
    if (s == S_STRING && !eof) {
      if (c != '"') {
        size_t e = s_.find('"', i);
        if (e == std::string::npos) e = s_.size();
        return take(e - i, T_STR, k);
      }
      pop();
      pos_ = i + 1;
      return false;
    }
    if (c == '"' && !eof) {
      push(S_STRING);
      pos_ = i + 1;
      return false;
    }
    if (kw) {
      if (wlit(i, "style")) return take(5, T_STYLE, k);
      if (wlit(i, "default")) return take(7, T_DEFAULT, k);
      if (wlit(i, "linkStyle")) return take(9, T_LINKSTYLE, k);
      if (wlit(i, "interpolate")) return take(11, T_INTERPOLATE, k);
      if (wlit(i, "classDef")) return take(8, T_CLASSDEF, k);
      if (wlit(i, "class")) return take(5, T_CLASS, k);
      if (lit(s_, i, "href") && (n = js_space(s_, i + 4))) return take(4 + n, T_HREF, k);
      if (lit(s_, i, "click") && js_space(s_, i + 5)) {
        push(S_CLICK);
        pos_ = skip_space(s_, i + 5);
        return false;
      }
    }
    if (s == S_CLICK) {
      if ((n = js_space(s_, i))) {
        pop();
        pos_ = i + n;
        return false;
      }
      size_t e = i;
      while (e < s_.size() && !js_space(s_, e)) ++e;
      return take(e - i, T_CLICK, k);
    }
    if (kw) {
      for (std::string_view g : {std::string_view("flowchart-elk"), std::string_view("graph"),
                                 std::string_view("flowchart")}) {
        if (wlit(i, g)) {
          if (first_graph_) {
            first_graph_ = false;
            push(S_DIR);
          }
          return take(g.size(), T_GRAPH, k);
        }
      }
      if (wlit(i, "subgraph")) return take(8, T_SUBGRAPH, k);
      if (lit(s_, i, "end") && word_boundary(s_, i + 3)) return take(skip_space(s_, i + 3) - i, T_END, k);
      for (std::string_view t : {std::string_view("_self"), std::string_view("_blank"),
                                 std::string_view("_parent"), std::string_view("_top")})
        if (wlit(i, t)) return take(t.size(), T_LINK_TARGET, k);
    }
    if (s == S_DIR) {
      size_t j = skip_space(s_, i);
      size_t last_nl = std::string::npos;
      for (size_t m = i; m < j; ++m)
        if (s_[m] == '\n') last_nl = m;
      if (last_nl != std::string::npos) {
        pop();
        return take(last_nl + 1 - i, T_NODIR, k);
      }
      for (std::string_view d : {"LR", "RL", "TB", "BT", "TD", "BR"}) {
        if (lit(s_, j, d) && !is_word(at(j + 2))) {
          pop();
          return take(j + 2 - i, T_DIR, k);
        }
      }
      char d = at(j);
      if (d == '<' || d == '>' || d == '^' || (d == 'v' && !is_word(at(j + 1)))) {
        pop();
        return take(j + 1 - i, T_DIR, k);
      }
    }
    if (ini && (n = match_direction(i))) return take(n, T_DIRECTION, k);
    if (ini && !eof && (n = match_link_id(i))) return take(n, T_LINK_ID, k);
    if (ini && is_digit(c)) {
      size_t e = i;
      while (is_digit(at(e))) ++e;
      return take(e - i, T_NUM, k);
    }
    if (ini) {
      if (c == '#') return take(1, T_BRKT, k);
      if (lit(s_, i, ":::")) return take(3, T_STYLE_SEP, k);
      if (c == ':') return take(1, T_COLON, k);
      if (c == '&') return take(1, T_AMP, k);
      if (c == ';') return take(1, T_SEMI, k);
      if (c == ',') return take(1, T_COMMA, k);
      if (c == '*') return take(1, T_MULT, k);
    }
    // Every link rule below starts, after spaces, with one of these characters; a token starting
    // with another (most: node names, text) skips them all.
    const char lc = at(skip_space(s_, i));
    const bool link = lc == '-' || lc == '=' || lc == '.' || lc == '~' || lc == 'x' || lc == 'o' || lc == '<';
    if (link && (ini || s == S_EDGE) && (n = match_link(i, '-'))) {
      pop();
      return take(n, T_LINK, k);
    }
    if (link && ini && (n = match_start_link(i, '-'))) {
      push(S_EDGE);
      return take(n, T_START_LINK, k);
    }
    if (s == S_EDGE && !eof) {
      if (c != '-' || at(i + 1) != '-') return take(utf8_seq_len(s_, i), T_EDGE_TEXT, k);
    }
    if (link && (ini || s == S_THICK) && (n = match_link(i, '='))) {
      pop();
      return take(n, T_LINK, k);
    }
    if (link && ini && (n = match_start_link(i, '='))) {
      push(S_THICK);
      return take(n, T_START_LINK, k);
    }
    if (s == S_THICK && !eof) {
      if (c != '=' || at(i + 1) != '=') return take(utf8_seq_len(s_, i), T_EDGE_TEXT, k);
    }
    if (link && (ini || s == S_DOTTED) && (n = match_dotted(i))) {
      pop();
      return take(n, T_LINK, k);
    }
    if (link && ini && (n = match_start_dotted(i))) {
      push(S_DOTTED);
      return take(n, T_START_LINK, k);
    }
    if (s == S_DOTTED && !eof) {
      if (c != '.' || at(i + 1) != '-') return take(utf8_seq_len(s_, i), T_EDGE_TEXT, k);
    }
    if (link && (n = match_tilde(i))) return take(n, T_LINK, k);
    if (s == S_ELLIPSE && !eof) {
      if ((c == '-' || c == '/' || c == ')') && at(i + 1) == ')') {
        pop();
        return take(2, T_ELLIPSE_END, k);
      }
      if (c != '(' && c != ')' && c != '[' && c != ']' && c != '{' && c != '}')
        return take(utf8_seq_len(s_, i), T_TEXT, k);
    }
    if (c == '(' && at(i + 1) == '-') {
      push(S_ELLIPSE);
      return take(2, T_ELLIPSE_START, k);
    }
    if (s == S_TEXT && lit(s_, i, "])")) {
      pop();
      return take(2, T_STADIUM_END, k);
    }
    // The shape openers below ("([", "[[", "[|", "[(", "(((", "[/", "[\\") start with '[' or '('.
    const bool opener = c == '[' || c == '(';
    if (opener && lit(s_, i, "([")) {
      push(S_TEXT);
      return take(2, T_STADIUM_START, k);
    }
    if (s == S_TEXT && lit(s_, i, "]]")) {
      pop();
      return take(2, T_SUB_END, k);
    }
    if (opener && lit(s_, i, "[[")) {
      push(S_TEXT);
      return take(2, T_SUB_START, k);
    }
    if (opener && ini && lit(s_, i, "[|")) return take(2, T_PROPS_START, k);
    if (ini && c == '>') {
      push(S_TEXT);
      return take(1, T_TAGEND, k);
    }
    if (s == S_TEXT && lit(s_, i, ")]")) {
      pop();
      return take(2, T_CYL_END, k);
    }
    if (opener && lit(s_, i, "[(")) {
      push(S_TEXT);
      return take(2, T_CYL_START, k);
    }
    if (s == S_TEXT && lit(s_, i, ")))")) {
      pop();
      return take(3, T_DC_END, k);
    }
    if (opener && lit(s_, i, "(((")) {
      push(S_TEXT);
      return take(3, T_DC_START, k);
    }
    if (s == S_TRAP && !eof) {
      if ((c == '\\' || c == '(' || c == '?' || c == '=' || c == ']') && at(i + 1) == ']') {
        pop();
        return take(2, T_TRAP_END, k);
      }
      if (c == '/' && at(i + 1) == ']') {
        pop();
        return take(2, T_INVTRAP_END, k);
      }
      if ((c == '/' || c == '\\') && at(i + 1) != ']') return take(1, T_TEXT, k);
      size_t e = i;
      while (e < s_.size() && s_[e] != '\\' && s_[e] != '[' && s_[e] != ']' && s_[e] != '(' &&
             s_[e] != ')' && s_[e] != '{' && s_[e] != '}' && s_[e] != '/')
        ++e;
      if (e > i) return take(e - i, T_TEXT, k);
    }
    if (opener && lit(s_, i, "[/")) {
      push(S_TRAP);
      return take(2, T_TRAP_START, k);
    }
    if (opener && lit(s_, i, "[\\")) {
      push(S_TRAP);
      return take(2, T_INVTRAP_START, k);
    }
    if (ini) {
      if (c == '<') return take(1, T_TAGSTART, k);
      if (c == '^') return take(1, T_UP, k);
      if (c == '\\' && at(i + 1) == '|') return take(2, T_SEP, k);
      if (c == 'v' && !is_word(at(i + 1))) return take(1, T_DOWN, k);
      if ((n = match_node_string(i))) return take(n, T_NODE_STRING, k);
      if (c == '-') return take(1, T_MINUS, k);
      if (!eof && static_cast<unsigned char>(c) >= 0x80) {
        size_t len = 0;
        uint32_t cp = decode(s_, i, len);
        if (in_unicode_text(cp)) return take(len, T_UNICODE, k);
      }
    }
    if (s == S_TEXT && c == '|') {
      pop();
      return take(1, T_PIPE, k);
    }
    if (c == '|') {
      push(S_TEXT);
      return take(1, T_PIPE, k);
    }
    if (s == S_TEXT && c == ')') {
      pop();
      return take(1, T_PE, k);
    }
    if (c == '(') {
      push(S_TEXT);
      return take(1, T_PS, k);
    }
    if (s == S_TEXT && c == ']') {
      pop();
      return take(1, T_SQE, k);
    }
    if (c == '[') {
      push(S_TEXT);
      return take(1, T_SQS, k);
    }
    if (s == S_TEXT && c == '}') {
      pop();
      return take(1, T_DIAMOND_STOP, k);
    }
    if (c == '{') {
      push(S_TEXT);
      return take(1, T_DIAMOND_START, k);
    }
    if (s == S_TEXT && !eof) {
      size_t e = i;
      while (e < s_.size() && s_[e] != '[' && s_[e] != ']' && s_[e] != '(' && s_[e] != ')' &&
             s_[e] != '{' && s_[e] != '}' && s_[e] != '|' && s_[e] != '"')
        ++e;
      if (e > i) return take(e - i, T_TEXT, k);
    }
    if (ini && !eof) {
      if (c == '\n') {
        size_t e = i;
        while (at(e) == '\n') ++e;
        return take(e - i, T_NEWLINE, k);
      }
      if ((n = js_space(s_, i))) return take(n, T_SPACE, k);
    }
    if (eof) {
      k = T_EOF;
      done_ = true;
      return true;
    }
    error_ = true;
    return false;
  }

  bool error_ = false;
  bool first_graph_ = true;
  size_t dir_line_begin_ = 1, dir_line_end_ = 0, dir_last_ = 0, dir_end_ = 0;
  size_t run_begin_ = 1, run_end_ = 0, run_at_ = 0;
};

constexpr std::string_view kShapes[] = {
    "anchor", "bang", "bolt", "bow-rect", "bow-tie-rectangle", "brace", "brace-l", "brace-r",
    "braces", "card", "choice", "circ", "circle", "classBox", "cloud", "collate", "com-link",
    "comment", "cross-circ", "crossed-circle", "curv-trap", "curved-trapezoid", "cyl", "cylinder",
    "das", "data-store", "database", "datastore", "db", "dbl-circ", "decision",
    "defaultMindmapNode", "delay", "diam", "diamond", "disk", "display", "div-proc", "div-rect",
    "divided-process", "divided-rectangle", "doc", "docs", "document", "documents",
    "double-circle", "doublecircle", "erBox", "event", "extract", "f-circ", "filled-circle",
    "flag", "flip-tri", "flipped-triangle", "fork", "forkJoin", "fr-circ", "fr-rect",
    "framed-circle", "framed-rectangle", "h-cyl", "half-rounded-rectangle", "hex", "hexagon",
    "horizontal-cylinder", "hourglass", "icon", "iconCircle", "iconRounded", "iconSquare",
    "imageSquare", "in-out", "internal-storage", "inv-trapezoid", "inv_trapezoid", "join",
    "junction", "kanbanItem", "labelRect", "lean-l", "lean-left", "lean-r", "lean-right",
    "lean_left", "lean_right", "lightning-bolt", "lin-cyl", "lin-doc", "lin-proc", "lin-rect",
    "lined-cylinder", "lined-document", "lined-process", "lined-rectangle", "loop-limit",
    "manual", "manual-file", "manual-input", "mindmapCircle", "notch-pent", "notch-rect",
    "notched-pentagon", "notched-rectangle", "note", "odd", "out-in", "paper-tape", "pill",
    "prepare", "priority", "proc", "process", "processes", "procs", "question", "rect",
    "rectWithTitle", "rect_left_inv_arrow", "rectangle", "requirementBox", "rounded",
    "roundedRect", "shaded-process", "sl-rect", "sloped-rectangle", "sm-circ", "small-circle",
    "squareRect", "st-doc", "st-rect", "stacked-document", "stacked-rectangle", "stadium",
    "start", "state", "stateEnd", "stateStart", "stop", "stored-data", "subproc", "subprocess",
    "subroutine", "summary", "tag-doc", "tag-proc", "tag-rect", "tagged-document",
    "tagged-process", "tagged-rectangle", "terminal", "text", "trap-b", "trap-t", "trapezoid",
    "trapezoid-bottom", "trapezoid-top", "tri", "triangle", "win-pane", "window-pane"};

bool valid_shape(const std::string& s) {
  for (std::string_view k : kShapes)
    if (s == k) return true;
  return false;
}

const char* closer_for(Kind open) {
  switch (open) {
    case T_SQS: return "]";
    case T_PS: return ")";
    case T_DIAMOND_START: return "}";
    case T_STADIUM_START: return "])";
    case T_SUB_START: return "]]";
    case T_CYL_START: return ")]";
    case T_DC_START: return ")))";
    case T_ELLIPSE_START: return "-)";
    case T_TAGEND: return "]";
    case T_TRAP_START: return "/] or \\]";
    case T_INVTRAP_START: return "\\] or /]";
    default: return "]";
  }
}

class Parser : TokenCursor<Tok> {
 public:
  Parser(const Prepared& p, std::vector<Tok> toks)
      : TokenCursor(std::move(toks)), p_(p), s_(p.text()),
        m_(p.models ? p.models->flowchart : nullptr) {}

  void run(std::vector<Diagnostic>& out) {
    out_ = &out;
    parse();
  }

 private:
  bool failed() const { return !out_->empty(); }
  std::string_view text(const Tok& t) const { return s_.substr(t.begin, t.end - t.begin); }

  void fail(const Tok& t, std::string message, std::string expected, std::string hint = "") {
    if (failed()) return;
    if (t.kind == T_ERROR) {
      size_t len = 0;
      if (t.begin < s_.size()) len = utf8_seq_len(s_, t.begin);
      out_->push_back(diag_at(p_, t.begin, "unrecognized text " + describe(s_, t.begin, len),
                              describe(s_, t.begin, len), std::move(expected),
                              "check for characters Mermaid does not allow here, or quote the text"));
      return;
    }
    std::string found = t.kind == T_EOF ? "end of diagram" : describe(s_, t.begin, t.end - t.begin);
    size_t at = t.begin;
    // Tokens that swallow leading spaces (links) point at their first visible character.
    while (at < t.end && js_space(s_, at) && s_[at] != '\n') at += js_space(s_, at);
    if (t.kind == T_NEWLINE || t.kind == T_EOF) at = t.begin;
    out_->push_back(diag_at(p_, at, std::move(message), found, std::move(expected), std::move(hint)));
  }
  void unexpected(const Tok& t, std::string expected, std::string hint = "") {
    std::string_view tx = text(t);
    if (tx.size() >= 2 && tx.substr(0, 2) == "%%") {
      fail(t, "a '%%' comment must be on its own line in a flowchart", std::move(expected),
           "move the comment to a line of its own");
      return;
    }
    std::string what = t.kind == T_EOF ? "end of diagram"
                       : t.kind == T_NEWLINE ? "end of line"
                                             : describe(s_, t.begin, t.end - t.begin);
    fail(t, "unexpected " + what, std::move(expected), std::move(hint));
  }

  static bool id_token(Kind k) {
    return k == T_NUM || k == T_NODE_STRING || k == T_DOWN || k == T_MINUS || k == T_DEFAULT ||
           k == T_COMMA || k == T_COLON || k == T_AMP || k == T_BRKT || k == T_MULT ||
           k == T_UNICODE;
  }
  static bool text_token(Kind k) {
    return k == T_TEXT || k == T_TAGSTART || k == T_TAGEND || k == T_UNICODE;
  }
  static bool alnum_token(Kind k) {
    return k == T_NUM || k == T_UNICODE || k == T_NODE_STRING || k == T_DIR || k == T_DOWN ||
           k == T_MINUS || k == T_COMMA || k == T_COLON || k == T_AMP || k == T_BRKT ||
           k == T_MULT;
  }
  static bool style_token(Kind k) {
    return k == T_NUM || k == T_NODE_STRING || k == T_COLON || k == T_SPACE || k == T_BRKT ||
           k == T_STYLE;
  }
  static bool title_token(Kind k) {
    switch (k) {
      case T_NUM: case T_NODE_STRING: case T_SPACE: case T_MINUS: case T_AMP: case T_UNICODE:
      case T_COLON: case T_MULT: case T_BRKT: case T_STYLE: case T_LINKSTYLE: case T_CLASSDEF:
      case T_CLASS: case T_CLICK: case T_GRAPH: case T_DIR: case T_SUBGRAPH: case T_END:
      case T_DOWN: case T_UP: case T_START_LINK:
        return true;
      default:
        return false;
    }
  }
  static bool link_start(Kind k) { return k == T_LINK || k == T_START_LINK || k == T_LINK_ID; }

  bool expect(Kind k, const char* expected, const char* hint = "") {
    if (failed()) return false;
    if (kind() != k) {
      unexpected(peek(), expected, hint);
      return false;
    }
    advance();
    return true;
  }
  bool spaces_required(const char* expected) {
    if (kind() != T_SPACE) {
      unexpected(peek(), expected);
      return false;
    }
    while (kind() == T_SPACE) advance();
    return true;
  }
  bool id_string(const char* expected) {
    if (!id_token(kind())) {
      const Tok& t = peek();
      std::string_view tx = text(t);
      if (t.kind == T_END || t.kind == T_STYLE || t.kind == T_CLASS || t.kind == T_SUBGRAPH ||
          t.kind == T_GRAPH || t.kind == T_CLASSDEF || t.kind == T_LINKSTYLE ||
          t.kind == T_INTERPOLATE) {
        std::string word(tx.substr(0, tx.find_first_of(" \t\n")));
        fail(t, "'" + word + "' is a reserved word and cannot be used as a node id", expected,
             "rename the node or change its case, e.g. '" +
                 std::string(1, static_cast<char>(word[0] - 32)) + word.substr(1) + "'");
        return false;
      }
      if (t.kind == T_CALLBACKNAME) {
        fail(t, "'call' is a reserved word and cannot be used as a node id", expected,
             "rename the node");
        return false;
      }
      if (t.kind == T_LINK_ID) {
        fail(t, "unexpected '@' in a node id or unquoted text", expected,
             "quote the label: id[\"user@example.com\"]");
        return false;
      }
      unexpected(t, expected);
      return false;
    }
    while (id_token(kind())) advance();
    return true;
  }

  // text inside a shape: STR | MD_STR | textToken, then textToken*
  bool label(const Tok& open, const char* id_hint) {
    const Kind first = kind();
    const Tok first_tok = peek();
    if (first == T_STR || first == T_MD_STR || text_token(first)) {
      advance();
    } else {
      label_error(open, id_hint);
      return false;
    }
    while (text_token(kind())) advance();
    if (m_) capture_label(first_tok);
    return true;
  }
  // The label from `first` up to the current token: a quoted string's content, or the text as
  // written (the lexer splits unquoted text into many tokens).
  void capture_label(const Tok& first) {
    label_md_ = first.kind == T_MD_STR;
    if (first.kind == T_STR || first.kind == T_MD_STR) {
      label_ = std::string(text(first));
      return;
    }
    size_t end = i_ > 0 ? t_[i_ - 1].end : first.end;
    label_ = trim_copy(s_.substr(first.begin, end - first.begin));
  }
  static std::string trim_copy(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n')) v.remove_suffix(1);
    return std::string(v);
  }
  void label_error(const Tok& open, const char* id_hint) {
    const Tok& t = peek();
    std::string shape = std::string(text(open));
    std::string close = closer_for(open.kind);
    // Show the whole label quoted when it ends on this line: A["text (with parentheses)"].
    std::string inner = "...";
    size_t le = line_end(s_, open.end);
    size_t last = s_.substr(open.end, le - open.end).rfind(close);
    if (last != std::string_view::npos && last > 0 && last < 200) {
      std::string_view body = s_.substr(open.end, last);
      if (body.find('"') == std::string_view::npos) inner = std::string(body);
    }
    std::string hint = std::string("quote the label: ") + id_hint + shape + "\"" + inner + "\"" + close;
    std::string expected = "'" + close + "' or a quoted label";
    switch (t.kind) {
      case T_PS: case T_PE: case T_SQS: case T_SQE: case T_DIAMOND_START: case T_DIAMOND_STOP:
      case T_PIPE: case T_STADIUM_START: case T_STADIUM_END: case T_SUB_START: case T_SUB_END:
      case T_CYL_START: case T_CYL_END: case T_DC_START: case T_DC_END: case T_TRAP_START:
      case T_INVTRAP_START: case T_TRAP_END: case T_INVTRAP_END: case T_ELLIPSE_START:
      case T_LINK: {
        std::string ch(text(t));
        if (t.kind == T_LINK) ch = "~~~";
        // An empty label (A[]) reaches its closer directly.
        if (t.begin == open.end && ch == close) {
          fail(t, "empty node label '" + shape + close + "'", "label text",
               std::string("write a label or drop the brackets: ") + id_hint + shape + "text" + close);
          return;
        }
        fail(t, "unquoted '" + ch + "' inside a " + shape + " " + close + " node label", expected, hint);
        return;
      }
      case T_STR:
        fail(t, "a quoted string must be the whole label, not part of it", expected,
             std::string("quote the whole label: ") + id_hint + shape + "\"...\"" + close);
        return;
      case T_EOF: case T_ERROR:
        fail(t, "node label '" + shape + "' is not closed", expected, "close it with '" + close + "'");
        return;
      default:
        unexpected(t, expected, hint);
    }
  }

  bool shape_data() {
    // Concatenate SHAPE_DATA tokens the way the grammar does, then check it as Mermaid does.
    const Tok& first = peek();
    std::string meta;
    bool in_str = false;
    while (kind() == T_SHAPE_DATA) {
      std::string_view tx = text(peek());
      if (tx == "@{") {
        tx = {};
      } else if (tx == "\"") {
        in_str = !in_str;
      } else if (in_str) {
        // Line breaks inside quoted values become <br/>.
        std::string part;
        for (size_t k = 0; k < tx.size(); ++k) {
          if (tx[k] == '\n') {
            part += "<br/>";
            while (k + 1 < tx.size() && js_space(tx, k + 1)) k += js_space(tx, k + 1);
          } else {
            part += tx[k];
          }
        }
        meta += part;
        advance();
        continue;
      }
      meta.append(tx);
      advance();
    }
    shape_meta_.push_back(ShapeMeta{first, std::move(meta), group_.empty() ? SIZE_MAX : group_.back()});
    return true;
  }

  struct ShapeMeta {
    Tok at;
    std::string meta;
    size_t node = SIZE_MAX;  // the vertex it belongs to, when recording a model
  };
  std::vector<ShapeMeta> shape_meta_;

  static void record_shape_data(const YAML::Node& data, FlowNode& v) {
    YAML::Node shape = data["shape"];
    if (shape && shape.IsScalar() && !shape.Scalar().empty()) {
      v.shape = FlowShape::Named;
      v.shape_name = shape.Scalar();
    }
    YAML::Node label = data["label"];
    if (label && label.IsScalar()) {
      v.label = label.Scalar();
      v.markdown = false;
    }
  }

  bool check_shapes() {
    for (const ShapeMeta& m : shape_meta_) {
      std::string yaml = m.meta.find('\n') == std::string::npos ? "{\n" + m.meta + "\n}" : m.meta + "\n";
      std::optional<YAML::Node> parsed;
      try {
        parsed = load_yaml(yaml);
      } catch (const YAML::Exception& e) {
        fail(m.at, "node data in @{ } is not valid YAML: " + e.msg, "key: value pairs",
             "write it as @{ shape: rect, label: \"text\" }");
        return false;
      }
      if (!parsed || !parsed->IsMap()) continue;  // too deep to parse safely: not judged
      if (m_ && m.node != SIZE_MAX) record_shape_data(*parsed, m_->nodes[m.node]);
      YAML::Node shape = (*parsed)["shape"];
      if (!shape || !shape.IsScalar()) continue;
      std::string v = shape.Scalar();
      if (v.empty()) continue;
      bool lower_ok = true;
      for (char c : v) lower_ok = lower_ok && !(c >= 'A' && c <= 'Z') && c != '_';
      if (!lower_ok) {
        fail(m.at, "No such shape: " + v + ". Shape names should be lowercase.", "a lowercase shape name",
             "use a shape name such as rect, rounded, circle, diam, hex, cyl");
        return false;
      }
      if (!valid_shape(v)) {
        fail(m.at, "No such shape: " + v + ".", "a known shape name",
             "use a shape name such as rect, rounded, circle, diam, hex, cyl");
        return false;
      }
    }
    shape_meta_.clear();
    return true;
  }

  // vertex: idString [shape]; returns false on error
  bool vertex() {
    size_t id_begin = peek().begin;
    if (!id_string("a node id")) return false;
    std::string id(s_.substr(id_begin, peek().begin - id_begin));
    if (id.size() > 20) id = "id";
    std::string id_hint = id;
    const Tok open = peek();
    const size_t before = i_;
    if (!vertex_shape(open, id_hint)) return false;
    if (m_) record_vertex(s_.substr(id_begin, open.begin - id_begin), open, i_ != before);
    return true;
  }

  // The shape Mermaid gives the brackets from `open` to the token just read.
  FlowShape shape_of(const Tok& open) const {
    const Kind close = t_[i_ - 1].kind;
    switch (open.kind) {
      case T_TAGEND: return FlowShape::Asymmetric;
      case T_DC_START: return FlowShape::DoubleCircle;
      case T_STADIUM_START: return FlowShape::Stadium;
      case T_SUB_START: return FlowShape::Subroutine;
      case T_CYL_START: return FlowShape::Cylinder;
      case T_PS: return t_[i_ - 2].kind == T_PE ? FlowShape::Circle : FlowShape::Round;
      case T_DIAMOND_START:
        return t_[i_ - 2].kind == T_DIAMOND_STOP ? FlowShape::Hexagon : FlowShape::Diamond;
      case T_ELLIPSE_START: return FlowShape::Ellipse;
      case T_TRAP_START:  // [/ ... \] or [/ ... /]
        return close == T_INVTRAP_END ? FlowShape::LeanRight : FlowShape::Trapezoid;
      case T_INVTRAP_START:  // [\ ... /] or [\ ... \]
        return close == T_INVTRAP_END ? FlowShape::InvTrapezoid : FlowShape::LeanLeft;
      default: return FlowShape::Rect;
    }
  }

  // Mermaid's addVertex returns early for the id of an edge already added (`A e1@--> B` then
  // `e1@{ animate: true }`): its data belongs to the edge, and no node is drawn.
  bool is_edge_id(std::string_view id) const {
    return !edge_ids_.empty() && edge_ids_.count(std::string(id)) != 0;
  }

  void record_vertex(std::string_view id, const Tok& open, bool shaped) {
    if (is_edge_id(id)) {
      group_.push_back(kNoNode);
      return;
    }
    size_t n = m_->node(id);
    if (shaped) {
      FlowNode& v = m_->nodes[n];
      v.shape = shape_of(open);
      v.label = label_;
      v.markdown = label_md_;
    }
    group_.push_back(n);
    if (!open_sg_.empty()) open_sg_.back().mentioned.push_back(n);
  }

  bool vertex_shape(const Tok& open, const std::string& id_hint) {
    switch (open.kind) {
      case T_SQS: case T_DC_START: case T_STADIUM_START: case T_SUB_START: case T_CYL_START:
      case T_TAGEND: {
        advance();
        if (!label(open, id_hint.c_str())) return false;
        Kind close = open.kind == T_SQS || open.kind == T_TAGEND ? T_SQE
                     : open.kind == T_DC_START ? T_DC_END
                     : open.kind == T_STADIUM_START ? T_STADIUM_END
                     : open.kind == T_SUB_START ? T_SUB_END : T_CYL_END;
        if (kind() != close) {
          label_error(open, id_hint.c_str());
          return false;
        }
        advance();
        return true;
      }
      case T_PS:
      case T_DIAMOND_START: {
        advance();
        Kind close = open.kind == T_PS ? T_PE : T_DIAMOND_STOP;
        bool doubled = kind() == open.kind;
        Tok inner = open;
        if (doubled) {
          inner = peek();
          advance();
        }
        if (!label(open, id_hint.c_str())) return false;
        for (int k = 0; k < (doubled ? 2 : 1); ++k) {
          if (kind() != close) {
            label_error(open, id_hint.c_str());
            return false;
          }
          advance();
        }
        (void)inner;
        return true;
      }
      case T_ELLIPSE_START: {
        advance();
        if (!label(open, id_hint.c_str())) return false;
        if (kind() != T_ELLIPSE_END) {
          label_error(open, id_hint.c_str());
          return false;
        }
        advance();
        return true;
      }
      case T_TRAP_START:
      case T_INVTRAP_START: {
        advance();
        if (!label(open, id_hint.c_str())) return false;
        if (kind() != T_TRAP_END && kind() != T_INVTRAP_END) {
          label_error(open, id_hint.c_str());
          return false;
        }
        advance();
        return true;
      }
      case T_PROPS_START: {
        advance();
        if (!expect(T_NODE_STRING, "a property name")) return false;
        if (!expect(T_COLON, "':'")) return false;
        if (!expect(T_NODE_STRING, "a property value")) return false;
        if (!expect(T_PIPE, "'|'")) return false;
        if (!label(open, id_hint.c_str())) return false;
        return expect(T_SQE, "']'");
      }
      default:
        return true;
    }
  }

  bool styled_vertex() {
    if (!vertex()) return false;
    if (kind() == T_STYLE_SEP) {
      advance();
      size_t b = peek().begin;
      if (!id_string("a class name after ':::'")) return false;
      if (m_ && !group_.empty() && group_.back() != kNoNode)
        m_->nodes[group_.back()].classes.emplace_back(s_.substr(b, peek().begin - b));
    }
    return true;
  }

  // node: styledVertex ([shapeData] spaceList AMP spaceList styledVertex)*; returns group size.
  bool node(size_t& count) {
    count = 1;
    group_.clear();
    if (!styled_vertex()) return false;
    while (true) {
      size_t save = i_;
      size_t saved_meta = shape_meta_.size();
      bool had_data = false;
      if (kind() == T_SHAPE_DATA) {
        shape_data();
        had_data = true;
      }
      size_t k = 0;
      while (kind(k) == T_SPACE) ++k;
      if (k > 0 && kind(k) == T_AMP) {
        i_ += k + 1;
        if (!spaces_required("a space after '&'")) return false;
        if (!styled_vertex()) return false;
        ++count;
        continue;
      }
      if (had_data && k > 0) {
        // LALR commits to the '&' continuation once shape data is followed by a space.
        i_ += k;
        unexpected(peek(), "'&'");
        return false;
      }
      i_ = save;
      shape_meta_.resize(saved_meta);
      return true;
    }
  }

  bool link() {
    if (m_) edge_ = PendingEdge{};
    if (kind() == T_LINK_ID) {
      if (m_) {
        std::string_view id = text(peek());
        edge_.id = std::string(id.substr(0, id.size() - 1));
      }
      advance();
    }
    if (kind() == T_LINK) {
      if (m_) destruct_link(text(peek()), {});
      advance();
      if (kind() == T_PIPE) {
        Tok open = peek();
        advance();
        const Kind first = kind();
        const Tok first_tok = peek();
        if (first == T_STR || first == T_MD_STR || text_token(first)) {
          advance();
          while (text_token(kind())) advance();
          if (m_) {
            capture_label(first_tok);
            edge_.label = label_;
            edge_.markdown = label_md_;
          }
        } else {
          edge_label_error(open);
          return false;
        }
        if (kind() != T_PIPE) {
          edge_label_error(open);
          return false;
        }
        advance();
        if (kind() == T_SPACE) advance();
      }
      return true;
    }
    if (kind() == T_START_LINK) {
      const Tok opener = peek();
      advance();
      const Tok first_tok = peek();
      const Kind first = kind();
      if (first == T_EDGE_TEXT || first == T_UNICODE || first == T_STR || first == T_MD_STR) {
        advance();
      } else {
        unexpected(peek(), "edge text");
        return false;
      }
      while (kind() == T_EDGE_TEXT || kind() == T_UNICODE) advance();
      if (kind() != T_LINK) {
        const Tok& t = peek();
        if (t.kind == T_EOF || t.kind == T_ERROR) {
          fail(t, "edge text is not closed by an arrow", "an arrow such as '-->' after the edge text",
               "write A -- text --> B, or use A -->|text| B");
        } else {
          unexpected(t, "an arrow such as '-->'", "write A -- text --> B, or use A -->|text| B");
        }
        return false;
      }
      if (m_) {
        destruct_link(text(peek()), text(opener));
        if (first_tok.kind == T_STR || first_tok.kind == T_MD_STR) {
          edge_.label = std::string(text(first_tok));
          edge_.markdown = first_tok.kind == T_MD_STR;
        } else {
          edge_.label = trim_copy(s_.substr(first_tok.begin, peek().begin - first_tok.begin));
        }
      }
      advance();
      return true;
    }
    unexpected(peek(), "an arrow such as '-->'");
    return false;
  }
  // Mermaid's destructLink: the closing link gives the end arrow, the stroke and the length
  // (dashes after the first, or dots); an opener ("<--", "x==", "-.") or a doubled closing link
  // ("<-->") gives the start arrow.
  void destruct_link(std::string_view link, std::string_view opener) {
    while (!link.empty() && js_space(link, 0)) link.remove_prefix(1);
    while (!link.empty() && (link.back() == ' ' || link.back() == '\t' || link.back() == '\n')) link.remove_suffix(1);
    while (!opener.empty() && js_space(opener, 0)) opener.remove_prefix(1);
    if (link.empty()) return;
    auto head = [](char c) {
      return c == '>' || c == '<' ? FlowArrow::Point : c == 'x' ? FlowArrow::Cross
             : c == 'o' ? FlowArrow::Circle : FlowArrow::None;
    };
    std::string_view line = link.substr(0, link.size() - 1);
    const char last = link.back();
    edge_.end = head(last);
    edge_.start = FlowArrow::None;
    if (edge_.end != FlowArrow::None && opener.empty()) {
      const char first = link.front();
      if ((last == '>' && first == '<') || (last == first && last != '>')) {
        edge_.start = edge_.end;
        line.remove_prefix(1);
      }
    }
    if (!opener.empty()) edge_.start = head(opener.front());
    edge_.stroke = FlowStroke::Normal;
    edge_.length = static_cast<int>(line.size()) - 1;
    if (!line.empty() && line.front() == '=') edge_.stroke = FlowStroke::Thick;
    if (!line.empty() && line.front() == '~') edge_.stroke = FlowStroke::Invisible;
    const auto dots = static_cast<int>(std::count(line.begin(), line.end(), '.'));
    if (dots) {
      edge_.stroke = FlowStroke::Dotted;
      edge_.length = dots;
    }
    if (edge_.length < 1) edge_.length = 1;
  }

  void add_edges(const std::vector<size_t>& from, const std::vector<size_t>& to) {
    if (!edge_.id.empty()) edge_ids_.insert(edge_.id);
    for (size_t a : from) {
      for (size_t b : to) {
        if (a == kNoNode || b == kNoNode) continue;  // an edge id named as an endpoint
        FlowEdge e;
        e.from = a;
        e.to = b;
        e.label = edge_.label;
        e.markdown = edge_.markdown;
        e.stroke = edge_.stroke;
        e.start = edge_.start;
        e.end = edge_.end;
        e.length = edge_.length;
        e.id = edge_.id;
        m_->edges.push_back(std::move(e));
      }
    }
  }

  void edge_label_error(const Tok& open) {
    const Tok& t = peek();
    if (t.kind == T_PIPE && t.begin == open.end) {
      fail(t, "empty edge label '||'", "label text", "write -->|text| or drop the pipes");
      return;
    }
    switch (t.kind) {
      case T_PS: case T_PE: case T_SQS: case T_SQE: case T_DIAMOND_START: case T_DIAMOND_STOP:
        fail(t, "unquoted '" + std::string(text(t)) + "' inside an edge label |...|", "'|' or a quoted label",
             "quote the label: -->|\"text (with parentheses)\"|");
        return;
      default:
        unexpected(t, "'|' closing the edge label", "quote the label: -->|\"text\"|");
    }
  }

  bool vertex_statement() {
    size_t group = 0;
    if (!node(group)) return false;
    std::vector<size_t> prev;
    if (m_) prev = group_;
    if (kind() == T_SPACE) {
      while (kind() == T_SPACE) advance();
    } else if (kind() == T_SHAPE_DATA) {
      shape_data();
    }
    while (link_start(kind())) {
      if (!link()) return false;
      size_t next = 0;
      if (!node(next)) return false;
      if (m_) {
        add_edges(prev, group_);
        prev = group_;
      }
      edges_ += group * next;
      if (edges_ > 500) {
        fail(peek(), "too many edges: Mermaid's limit is 500", "", "raise maxEdges in the config or split the diagram");
        return false;
      }
      group = next;
      if (kind() == T_SHAPE_DATA) {
        shape_data();
      } else if (kind() == T_SPACE) {
        while (kind() == T_SPACE) advance();
      }
    }
    return check_shapes();
  }

  bool separator() {
    Kind k = kind();
    if (k == T_NEWLINE || k == T_SEMI) {
      advance();
      return true;
    }
    if (k == T_EOF) return true;
    const Tok& t = peek();
    std::string_view tx = text(t);
    if (tx.size() >= 2 && tx.substr(0, 2) == "%%") {
      fail(t, "a '%%' comment must be on its own line in a flowchart", "end of line or ';'",
           "move the comment to a line of its own");
      return false;
    }
    if (t.kind == T_PS || t.kind == T_SQS || t.kind == T_DIAMOND_START) {
      unexpected(t, "end of line, ';', an arrow or '&'",
                 "a node shape must follow its id directly, without a space: A[text]");
      return false;
    }
    unexpected(t, "end of line, ';', an arrow or '&'");
    return false;
  }

  bool styles() {
    while (true) {
      if (!style_token(kind())) {
        unexpected(peek(), "a style such as fill:#f9f");
        return false;
      }
      while (style_token(kind())) advance();
      if (kind() != T_COMMA) return true;
      advance();
    }
  }

  bool link_style() {
    advance();
    css_.clear();
    if (!expect(T_SPACE, "a space after 'linkStyle'")) return false;
    std::vector<std::pair<Tok, long long>> nums;
    if (kind() == T_DEFAULT) {
      advance();
    } else {
      while (true) {
        if (kind() != T_NUM) {
          unexpected(peek(), "an edge number or 'default'");
          return false;
        }
        std::string_view tx = text(peek());
        long long v = tx.size() > 12 ? (1LL << 40) : std::stoll(std::string(tx));
        nums.emplace_back(peek(), v);
        advance();
        if (kind() != T_COMMA) break;
        advance();
      }
    }
    if (!expect(T_SPACE, "a space before the styles")) return false;
    if (kind() == T_INTERPOLATE) {
      advance();
      if (!expect(T_SPACE, "a space after 'interpolate'")) return false;
      if (!alnum_token(kind())) {
        unexpected(peek(), "a curve name such as basis");
        return false;
      }
      while (alnum_token(kind())) advance();
      if (kind() == T_SPACE) {
        advance();
        const size_t sb = peek().begin;
        if (!styles()) return false;
        css_ = trim_copy(s_.substr(sb, peek().begin - sb));
      }
    } else {
      const size_t sb = peek().begin;
      if (!styles()) return false;
      css_ = trim_copy(s_.substr(sb, peek().begin - sb));
    }
    for (auto& [tok, v] : nums) {
      if (v >= static_cast<long long>(edges_)) {
        fail(tok,
             "linkStyle index " + std::string(text(tok)) + " is out of bounds: the diagram has " +
                 std::to_string(edges_) + " edge" + (edges_ == 1 ? "" : "s") + " so far",
             edges_ ? "0.." + std::to_string(edges_ - 1) : "an edge defined before this line",
             "edges are numbered from 0 in the order they are defined");
        return false;
      }
    }
    if (m_) {
      if (nums.empty()) m_->default_link_style = css_;
      for (auto& [tok, v] : nums) {
        std::string& st = m_->edges[static_cast<size_t>(v)].style;
        st += st.empty() ? css_ : "," + css_;
      }
    }
    return true;
  }

  bool click() {
    advance();  // CLICK
    Kind k = kind();
    if (k == T_CALLBACKNAME) {
      advance();
      if (kind() == T_CALLBACKARGS) advance();
      if (kind() == T_SPACE && kind(1) == T_STR) i_ += 2;
      return true;
    }
    auto link_tail = [&]() {
      if (kind() == T_SPACE && kind(1) == T_STR) i_ += 2;
      if (kind() == T_SPACE && kind(1) == T_LINK_TARGET) i_ += 2;
    };
    if (k == T_HREF) {
      advance();
      if (!expect(T_STR, "a quoted link after href")) return false;
      link_tail();
      return true;
    }
    if (k == T_STR) {
      advance();
      link_tail();
      return true;
    }
    if (alnum_token(k)) {
      while (alnum_token(kind())) advance();
      if (kind() == T_SPACE && kind(1) == T_STR) i_ += 2;
      return true;
    }
    unexpected(peek(), "a callback, 'call', 'href' or a quoted link");
    return false;
  }

  bool subgraph_header() {
    advance();  // subgraph
    OpenSubgraph sg;
    if (kind() == T_SPACE) {
      advance();
      Kind f = kind();
      const Tok first = peek();
      if (f == T_STR || f == T_MD_STR || title_token(f)) {
        advance();
      } else {
        unexpected(peek(), "a subgraph id or title");
        return false;
      }
      while (title_token(kind())) advance();
      if (m_) {
        capture_label(first);
        sg.sg.id = label_;
        sg.sg.title = label_;
        sg.sg.markdown = label_md_;
      }
      if (kind() == T_SQS) {
        Tok open = peek();
        advance();
        if (!label(open, "")) return false;
        if (kind() != T_SQE) {
          label_error(open, "");
          return false;
        }
        advance();
        if (m_) {
          sg.sg.title = label_;
          sg.sg.markdown = label_md_;
        }
      } else if (m_ && sg.sg.id.find_first_of(" \t") != std::string::npos) {
        sg.sg.id.clear();  // a title with spaces is no id: Mermaid generates one
      }
    }
    if (m_) open_sg_.push_back(std::move(sg));
    return separator();
  }

  // `end`: Mermaid's addSubGraph. Nodes an earlier-closed subgraph claimed stay there.
  void close_subgraph() {
    OpenSubgraph o = std::move(open_sg_.back());
    open_sg_.pop_back();
    FlowSubgraph sg = std::move(o.sg);
    const auto index = static_cast<int>(m_->subgraphs.size());
    if (sg.id.empty()) sg.id = "subGraph" + std::to_string(index);
    for (size_t n : o.mentioned) {
      FlowNode& v = m_->nodes[n];
      if (v.subgraph != -1 || v.id == sg.id) continue;
      v.subgraph = index;
      sg.nodes.push_back(n);
    }
    for (size_t c : o.child_subgraphs) m_->subgraphs[c].parent = index;
    sg.subgraphs = std::move(o.child_subgraphs);
    m_->subgraphs.push_back(std::move(sg));
    if (!open_sg_.empty()) open_sg_.back().child_subgraphs.push_back(static_cast<size_t>(index));
  }

  static std::string direction_code(std::string_view d) {
    if (d == "TD") return "TB";
    if (d == ">") return "LR";
    if (d == "<") return "RL";
    if (d == "^") return "BT";
    if (d == "v") return "TB";
    return std::string(d);
  }

  static std::vector<std::string_view> split_ids(std::string_view ids) {
    std::vector<std::string_view> out;
    size_t b = 0;
    for (size_t i = 0; i <= ids.size(); ++i) {
      if (i == ids.size() || ids[i] == ',') {
        if (i > b) out.push_back(ids.substr(b, i - b));
        b = i + 1;
      }
    }
    return out;
  }
  // `style id css`: creates the vertex, as Mermaid does; `classDef a,b css`.
  void record_style(Kind k, std::string_view ids, std::string css) {
    if (k == T_CLASSDEF) {
      for (std::string_view c : split_ids(ids)) {
        std::string& d = m_->class_defs[std::string(c)];
        d += d.empty() ? css : "," + css;
      }
      return;
    }
    if (is_edge_id(ids)) return;
    FlowNode& v = m_->nodes[m_->node(ids)];
    v.style += v.style.empty() ? css : "," + css;
  }
  // `class a,b name`: existing nodes, else subgraphs, else nothing (Mermaid's setClass).
  void record_class(std::string_view ids, std::string name) {
    for (std::string_view id : split_ids(ids)) {
      auto it = m_->node_index.find(std::string(id));
      if (it != m_->node_index.end()) {
        m_->nodes[it->second].classes.push_back(name);
        continue;
      }
      for (FlowSubgraph& sg : m_->subgraphs)
        if (sg.id == id) sg.classes.push_back(name);
    }
  }

  void parse() {
    while (kind() == T_SPACE || kind() == T_NEWLINE) advance();
    if (!expect(T_GRAPH, "'flowchart' or 'graph'")) return;
    if (kind() == T_NODIR) {
      advance();
    } else if (kind() == T_DIR) {
      if (m_) m_->direction = direction_code(trim_copy(text(peek())));
      advance();
      if (kind() == T_SEMI || kind() == T_NEWLINE) {
        advance();
      } else if (kind() == T_SPACE) {
        while (kind() == T_SPACE) advance();
        if (kind() != T_NEWLINE) {
          unexpected(peek(), "end of line after the direction",
                     "put nothing after the direction on the header line");
          return;
        }
        advance();
      } else {
        unexpected(peek(), "end of line after the direction",
                   "directions are TB, TD, BT, RL, LR");
        return;
      }
    } else {
      const Tok& t = peek();
      if (t.kind == T_ERROR) {
        size_t j = skip_space(s_, t.begin);
        size_t e = j;
        while (e < s_.size() && !js_space(s_, e)) ++e;
        out_->push_back(diag_at(p_, j, "invalid direction " + describe(s_, j, e - j),
                                describe(s_, j, e - j), "TB, TD, BT, RL or LR",
                                "use one of TB, TD, BT, RL, LR (uppercase)"));
        return;
      }
      unexpected(t, "a direction (TB, TD, BT, RL, LR) or end of line");
      return;
    }

    std::vector<Tok> open;  // open subgraphs, kept explicitly so deep nesting cannot overflow
    while (!failed()) {
      Kind k = kind();
      switch (k) {
        case T_SEMI: case T_NEWLINE: case T_SPACE:
          advance();
          continue;
        case T_EOF:
          if (!open.empty()) {
            fail(open.back(), "subgraph is not closed", "'end'", "add a line 'end' to close the subgraph");
          }
          return;
        case T_END:
          if (open.empty()) {
            fail(peek(), "'end' without an open subgraph", "a statement",
                 "remove it, or rename the node: 'end' is a reserved word");
            return;
          }
          open.pop_back();
          if (m_ && !open_sg_.empty()) close_subgraph();
          advance();
          continue;
        case T_SUBGRAPH:
          open.push_back(peek());
          subgraph_header();
          continue;
        case T_DIRECTION: case T_ACC_DESCR_ML:
          if (m_ && k == T_DIRECTION && !open_sg_.empty()) {
            std::string_view d = text(peek());
            size_t at = d.rfind("direction");
            if (at != std::string_view::npos)
              open_sg_.back().sg.direction = direction_code(trim_copy(d.substr(at + 9, 3)).substr(0, 2));
          }
          advance();
          continue;
        case T_ACC_TITLE: case T_ACC_DESCR:
          advance();
          advance();
          continue;
        case T_STYLE: case T_CLASSDEF: {
          advance();
          if (!expect(T_SPACE, "a space")) return;
          const size_t ib = peek().begin;
          if (!id_string("a node or class id")) return;
          const size_t ie = peek().begin;
          if (!expect(T_SPACE, "a space before the styles")) return;
          const size_t sb = peek().begin;
          if (!styles()) return;
          if (m_) record_style(k, s_.substr(ib, ie - ib), trim_copy(s_.substr(sb, peek().begin - sb)));
          separator();
          continue;
        }
        case T_CLASS: {
          advance();
          if (!expect(T_SPACE, "a space after 'class'")) return;
          const size_t ib = peek().begin;
          if (!id_string("node ids")) return;
          const size_t ie = peek().begin;
          if (!expect(T_SPACE, "a space before the class name")) return;
          const size_t cb = peek().begin;
          if (!id_string("a class name")) return;
          if (m_) record_class(s_.substr(ib, ie - ib), trim_copy(s_.substr(cb, peek().begin - cb)));
          separator();
          continue;
        }
        case T_LINKSTYLE:
          if (link_style()) separator();
          continue;
        case T_CLICK:
          if (click()) separator();
          continue;
        default:
          if (vertex_statement()) separator();
          continue;
      }
    }
  }

  const Prepared& p_;
  std::string_view s_;
  // The model sink (null on validation-only runs) and what the actions below collect for it.
  FlowchartModel* m_ = nullptr;
  std::vector<size_t> group_;  // nodes of the current `A & B` group (kNoNode: an edge id)
  static constexpr size_t kNoNode = SIZE_MAX;
  std::unordered_set<std::string> edge_ids_;  // ids of the edges added so far
  struct PendingEdge {
    std::string label, id;
    bool markdown = false;
    FlowStroke stroke = FlowStroke::Normal;
    FlowArrow start = FlowArrow::None, end = FlowArrow::Point;
    int length = 1;
  } edge_;
  std::string label_;        // the last label() read, as written
  std::string css_;          // the last linkStyle's declarations
  bool label_md_ = false;
  struct OpenSubgraph {
    FlowSubgraph sg;
    std::vector<size_t> mentioned;       // nodes named by its own statements
    std::vector<size_t> child_subgraphs;
  };
  std::vector<OpenSubgraph> open_sg_;
  size_t edges_ = 0;
  std::vector<Diagnostic>* out_ = nullptr;
};

}  // namespace

size_t FlowchartModel::node(std::string_view id) {
  auto [it, added] = node_index.try_emplace(std::string(id), nodes.size());
  if (added) {
    FlowNode v;
    v.id = std::string(id);
    v.label = v.id;
    nodes.push_back(std::move(v));
  }
  return it->second;
}

FlowchartParse parse_flowchart(std::string_view source) {
  FlowchartParse out;
  Models sinks;
  sinks.flowchart = &out.model;
  out.result = validate(source, sinks);
  return out;
}

void validate_flowchart(const Prepared& p, std::vector<Diagnostic>& out) {
  // Mermaid's flow parser first drops spaces between a closing '}' and the end of its line.
  std::string_view t = p.text();
  std::vector<Edit> edits;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '}') continue;
    size_t j = skip_space(t, i + 1);
    size_t last_nl = std::string::npos;
    for (size_t k = i + 1; k < j; ++k)
      if (t[k] == '\n') last_nl = k;
    if (last_nl != std::string::npos && last_nl > i + 1) edits.push_back(Edit{i + 1, last_nl, ""});
    i = j > i ? j - 1 : i;
  }
  Prepared q;
  const Prepared* use = &p;
  if (!edits.empty()) {
    q.mapped = apply_edits(p.mapped, edits);
    q.src = p.src;
    q.src_lines = p.src_lines;
    q.bom = p.bom;
    q.models = p.models;
    use = &q;
  }
  std::vector<Tok> toks;
  toks.reserve(use->text().size() / 3 + 8);
  Lexer(use->text()).run(toks);
  Parser(*use, std::move(toks)).run(out);
}

}  // namespace specgate::mermaid
