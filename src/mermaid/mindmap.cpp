// Mindmap validator. Emulates mindmap.jison as shipped in 11.17.2: a case-insensitive lexer with
// the NODE/NSTR/NSTR2/ICON/CLASS start conditions (first match wins; blank lines become
// SPACELINE tokens, which the grammar accepts only where a statement may end), the statement
// grammar, and the database's checks: a node indented no deeper than the root has no parent
// ("There can be only one root"), and ::icon()/::: need a node before them.
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/jison_lexer.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  M_END, M_LEX_ERROR, M_SPACELINE, M_MINDMAP, M_CLASS, M_ICON, M_NL, M_DSTART, M_SPACELIST,
  M_NODE_ID, M_EOF, M_DESCR, M_DEND
};

enum State : uint8_t { S_INITIAL, S_NODE, S_NSTR, S_NSTR2, S_ICON, S_CLASS };

class Lexer : public JisonLexer<Lexer, M_END> {
 public:
  using JisonLexer::JisonLexer;

  void step(int& k) {
    const size_t i = pos_;
    const char c = at(i);
    switch (state_) {
      case S_CLASS:
        if (at_end(k)) return;
        state_ = S_INITIAL;
        if (c == '\n') {
          pos_ = i + 1;
          return;
        }
        return take(line_end(s_, i), M_CLASS, k);
      case S_ICON:
        if (at_end(k)) return;
        if (c == ')') {
          state_ = S_INITIAL;
          pos_ = i + 1;
          return;
        }
        return take(i + run_until(s_, i, ")"), M_ICON, k);
      case S_NSTR2:
        if (at_end(k)) return;
        if (c == '`' && at(i + 1) == '"') {
          state_ = S_NODE;
          pos_ = i + 2;
          return;
        }
        if (size_t n = run_until(s_, i, "`\"")) return take(i + n, M_DESCR, k);
        return error(k);
      case S_NSTR:
        if (at_end(k)) return;
        if (c == '"') {
          state_ = S_NODE;
          pos_ = i + 1;
          return;
        }
        return take(i + run_until(s_, i, "\""), M_DESCR, k);
      case S_NODE:
        if (at_end(k)) return;
        if (c == '"') {
          state_ = at(i + 1) == '`' ? S_NSTR2 : S_NSTR;
          pos_ = i + (state_ == S_NSTR2 ? 2 : 1);
          return;
        }
        for (std::string_view end : {"))", ")", "]", "}}", "(-", "-)", "((", "("}) {
          if (lit(s_, i, end)) {
            state_ = S_INITIAL;
            return take(i + end.size(), M_DEND, k);
          }
        }
        if (size_t n = run_until(s_, i, ")]("
                                           "}"))
          return take(i + n, M_DESCR, k);
        return take(line_end(s_, i), M_DESCR, k);  // .+ : a lone '}' and the rest of its line
      case S_INITIAL:
        break;
    }
    // \s*%%.* (the whitespace may span lines)
    {
      size_t j = skip_space(s_, i);
      if (lit(s_, j, "%%")) return take(line_end(s_, j), M_SPACELINE, k);
    }
    if (jison_kw(s_, i, "mindmap")) return take(i + 7, M_MINDMAP, k);
    if (lit(s_, i, ":::")) {
      state_ = S_CLASS;
      pos_ = i + 3;
      return;
    }
    if (lit_ci(s_, i, "::icon(")) {
      state_ = S_ICON;
      pos_ = i + 7;
      return;
    }
    // [\s]+[\n]: a whitespace run up to its last line break, when that is not its first character.
    if (js_space(s_, i)) {
      size_t r = skip_space(s_, i);
      size_t q = std::string_view::npos;
      for (size_t m = r; m > i + 1; --m)
        if (s_[m - 1] == '\n') {
          q = m - 1;
          break;
        }
      if (q != std::string_view::npos) return take(q + 1, M_SPACELINE, k);
    }
    if (c == '\n') {
      size_t e = i;
      while (at(e) == '\n') ++e;
      return take(e, M_NL, k);
    }
    for (std::string_view start : {"-)", "(-", "))", ")", "((", "{{", "(", "["}) {
      if (lit(s_, i, start)) {
        state_ = S_NODE;
        return take(i + start.size(), M_DSTART, k);
      }
    }
    if (js_space(s_, i)) return take(skip_space(s_, i), M_SPACELIST, k);
    if (size_t n = run_until(s_, i, "([\n){}")) return take(i + n, M_NODE_ID, k);
    if (i >= s_.size()) return take(i, M_EOF, k);
    return error(k);
  }

 private:
  void error(int& k) {
    done_ = true;
    k = M_LEX_ERROR;
  }
  // jison returns $end when no rule matches at the end of the input.
  bool at_end(int& k) {
    if (pos_ < s_.size()) return false;
    done_ = true;
    k = M_END;
    return true;
  }

  State state_ = S_INITIAL;
};

class Parser {
 public:
  Parser(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), lex_(s_), out_(out) {}

  void run() {
    LexTok t = next();
    if (t.kind == M_SPACELINE) {
      t = next();
      while (t.kind == M_SPACELINE || t.kind == M_NL) t = next();
    }
    if (t.kind != M_MINDMAP) return unexpected(t, "'mindmap'", "");
    t = next();
    if (t.kind == M_NL) t = next();
    bool any = false;
    while (true) {
      // statement
      if (t.kind == M_END && any) return;
      const LexTok first = t;
      const bool any_before = any;
      if (!statement(t)) return;
      any = true;
      // stop: (NL | EOF | SPACELINE) (NL | EOF)*
      t = next();
      if (t.kind != M_NL && t.kind != M_EOF && t.kind != M_SPACELINE) {
        if (!any_before && first.kind == M_SPACELINE) {
          LexTok blank{M_SPACELINE, first.begin + 1, first.begin + 1};
          return fail(blank, "blank line right after the 'mindmap' line", "the root node",
                      "remove the blank line (or comment) between 'mindmap' and the root node");
        }
        return unexpected(t, "end of line", stop_hint(t));
      }
      t = next();
      while (t.kind == M_NL || t.kind == M_EOF) t = next();
    }
  }

 private:
  LexTok next() { return lex_.next(); }
  void unread(const LexTok& t) { lex_.unread(t); }
  std::string what(const LexTok& t) const {
    return token_found(s_, t, M_END, M_EOF, M_NL, M_SPACELINE);
  }
  void fail(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    first_error(out_, p_, t.begin, std::move(msg), what(t), std::move(expected), std::move(hint));
  }
  void unexpected(const LexTok& t, std::string expected, std::string hint) {
    if (t.kind == M_LEX_ERROR) {
      std::string found = describe(s_, t.begin, utf8_seq_len(s_, t.begin));
      return fail(t, "unexpected " + found, std::move(expected),
                  "'{' and '}' must come in pairs ({{hexagon}}); quote other text: id[\"text {x}\"]");
    }
    if (t.kind == M_END)
      return fail(t, "unexpected end of diagram", "the node's closing bracket",
                  "close the node shape (']', ')', '))', '}}', '-)') or the quoted text");
    fail(t, "unexpected " + what(t), std::move(expected), std::move(hint));
  }
  std::string stop_hint(const LexTok& t) const {
    if (t.kind == M_DESCR || t.kind == M_DSTART)
      return "a node has one shape: id[text]; quote text with brackets: id[\"a (b) c\"]";
    if (t.kind == M_NODE_ID || t.kind == M_SPACELIST)
      return "blank lines cannot come right after the 'mindmap' line";
    return "one node per line";
  }

  // Parses one statement starting at t; false on error.
  bool statement(LexTok t) {
    size_t level = 0;
    if (t.kind == M_SPACELINE) return true;
    if (t.kind == M_SPACELIST) {
      level = count_chars(s_.substr(t.begin, t.end - t.begin));
      LexTok n = next();
      if (n.kind == M_NL || n.kind == M_EOF || n.kind == M_SPACELINE) {
        unread(n);  // a lone SPACELIST is a statement
        return true;
      }
      t = n;
    }
    if (t.kind == M_ICON || t.kind == M_CLASS) {
      LexTok kw = t;  // point at '::icon(' or ':::', not at the text after it
      kw.begin -= t.kind == M_ICON ? 7 : 3;
      if (!has_root_)
        return fail(kw, t.kind == M_ICON ? "::icon() before any node" : "':::' class before any node",
                    "a node", "put ::icon(...) or :::class on the line after the node it decorates"),
               false;
      return true;
    }
    LexTok start = t;
    if (t.kind == M_NODE_ID) {
      LexTok n = next();
      if (n.kind != M_DSTART) {
        unread(n);
        return add_node(start, level);
      }
      t = n;
    }
    if (t.kind != M_DSTART) return unexpected(t, "a node", ""), false;
    LexTok d = next();
    if (d.kind != M_DESCR) return unexpected(d, "the node's text", "a node's text cannot be empty"), false;
    LexTok e = next();
    if (e.kind != M_DEND)
      return unexpected(e, "the node's closing bracket",
                        "quote text that has brackets or quotes: id[\"text (x)\"]"),
             false;
    return add_node(start, level);
  }

  // addNode: the first node is the root and sets the base indentation; any later node needs a
  // node with a smaller level before it, and since no node ever sits below the root's level,
  // that means being indented deeper than the root.
  bool add_node(const LexTok& at, size_t level) {
    if (!has_root_) {
      has_root_ = true;
      base_ = level;
      return true;
    }
    if (level > base_) return true;
    fail(at, "There can be only one root: this node is not indented deeper than the root",
         "an indented child node", "indent every node below the root more than the root");
    return false;
  }

  const Prepared& p_;
  std::string_view s_;
  Lookahead<Lexer> lex_;
  std::vector<Diagnostic>& out_;
  bool has_root_ = false;
  size_t base_ = 0;
};

}  // namespace

void validate_mindmap(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
