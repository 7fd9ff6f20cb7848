// User journey validator. Emulates journey.jison as shipped in 11.17.2: a case-insensitive lexer
// (first match wins) in which any other text up to ':' is a task name, then the statement
// grammar. Task data (score and actors) is opaque: Mermaid never rejects it.
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/lexkit.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  J_EOF, J_END, J_NL, J_JOURNEY, J_STATEMENT, J_ACC, J_ACC_VALUE, J_TASK, J_TASK_DATA, J_COLON,
  J_INVALID
};

enum State : uint8_t { S_INITIAL, S_ACC, S_ACC_ML };

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  LexTok next() {
    while (true) {
      if (done_) return LexTok{J_END, u(pos_), u(pos_)};
      if (pos_ >= s_.size()) done_ = true;
      size_t b = pos_;
      int k = -1;
      step(k);
      if (k >= 0) return LexTok{k, u(b), u(pos_)};
      if (pos_ == b && !done_) ++pos_;
    }
  }

 private:
  static uint32_t u(size_t v) { return static_cast<uint32_t>(v); }
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  void take(size_t end, int kind, int& k) {
    pos_ = end;
    k = kind;
  }
  // keyword\s[^stop]+
  size_t valued(size_t i, std::string_view w, std::string_view stop) const {
    if (!lit_ci(s_, i, w)) return 0;
    size_t j = i + w.size();
    size_t sp = js_space(s_, j);
    if (!sp) return 0;
    size_t n = run_until(s_, j + sp, stop);
    return n ? j + sp + n : 0;
  }

  void step(int& k) {
    const size_t i = pos_;
    const char c = at(i);
    if (state_ == S_ACC) {
      state_ = S_INITIAL;
      return take(line_end(s_, i), J_ACC_VALUE, k);
    }
    if (state_ == S_ACC_ML) {
      if (c == '}') {
        state_ = S_INITIAL;
        pos_ = i + 1;
        return;
      }
      return take(i + run_until(s_, i, "}"), J_ACC_VALUE, k);
    }
    if (i >= s_.size()) return take(i, J_EOF, k);
    // %(?!\{)[^\n]*, then [^}]%%[^\n]*: comments, also after any character but '}'.
    if (c == '%' && at(i + 1) != '{') {
      pos_ = line_end(s_, i);
      return;
    }
    size_t cl = utf8_seq_len(s_, i);
    if (c != '}' && cl < 4 && lit(s_, i + cl, "%%")) {
      pos_ = line_end(s_, i + cl);
      return;
    }
    if (c == '\n') {
      size_t e = i;
      while (at(e) == '\n') ++e;
      return take(e, J_NL, k);
    }
    if (js_space(s_, i)) {
      pos_ = skip_space(s_, i);
      return;
    }
    if (c == '#') {
      pos_ = line_end(s_, i);
      return;
    }
    if (jison_kw(s_, i, "journey")) return take(i + 7, J_JOURNEY, k);
    if (size_t e = valued(i, "title", "#\n;")) return take(e, J_STATEMENT, k);
    if (lit_ci(s_, i, "accTitle") || lit_ci(s_, i, "accDescr")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        state_ = S_ACC;
        return take(skip_space(s_, j + 1), J_ACC, k);
      }
      if (lower(s_[i + 3]) == 'd' && at(j) == '{') {
        state_ = S_ACC_ML;
        pos_ = skip_space(s_, j + 1);
        return;
      }
    }
    if (size_t e = valued(i, "section", "#:\n;")) return take(e, J_STATEMENT, k);
    if (size_t n = run_until(s_, i, "#:\n;")) return take(i + n, J_TASK, k);
    if (c == ':') {
      if (size_t n = run_until(s_, i + 1, "#\n;")) return take(i + 1 + n, J_TASK_DATA, k);
      return take(i + 1, J_COLON, k);
    }
    return take(i + cl, J_INVALID, k);
  }

  std::string_view s_;
  size_t pos_ = 0;
  State state_ = S_INITIAL;
  bool done_ = false;
};

class Parser {
 public:
  Parser(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), lex_(s_), out_(out) {}

  void run() {
    LexTok t = lex_.next();
    if (t.kind != J_JOURNEY) return fail(t, "unexpected " + what(t), "'journey'", "");
    bool seen_eof = false;
    while (true) {
      t = lex_.next();
      switch (t.kind) {
        case J_END:
          if (!seen_eof)
            fail(t, "unexpected end of diagram", "'}' closing accDescr { ... }",
                 "close the accessibility description with '}'");
          return;
        case J_EOF:
          seen_eof = true;
          continue;
        case J_NL:
        case J_STATEMENT:
        case J_ACC_VALUE:
          continue;
        case J_ACC: {
          LexTok v = lex_.next();
          if (v.kind != J_ACC_VALUE) return fail(v, "unexpected " + what(v), "the accessibility text", "");
          continue;
        }
        case J_TASK: {
          LexTok d = lex_.next();
          if (d.kind == J_TASK_DATA) continue;
          return task_without_data(t, d);
        }
        case J_TASK_DATA:
        case J_COLON:
          return fail(t, "a task needs a name before ':'", "a task name",
                      "write tasks as 'Task name: score: actor1, actor2'");
        default:
          return fail(t, "unexpected " + what(t), "a statement",
                      "';' is not allowed here; tasks are 'Task name: score: actors'");
      }
    }
  }

 private:
  std::string what(const LexTok& t) const {
    if (t.kind == J_END || t.kind == J_EOF) return "end of diagram";
    if (t.kind == J_NL) return "end of line";
    return describe(s_, t.begin, t.end - t.begin);
  }
  void fail(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    if (!out_.empty()) return;
    out_.push_back(diag_at(p_, t.begin, std::move(msg), what(t), std::move(expected), std::move(hint)));
  }
  void task_without_data(const LexTok& name, const LexTok& after) {
    std::string_view text = s_.substr(name.begin, name.end - name.begin);
    std::string_view w = first_word(s_, name.begin);
    std::string guess = suggest(w, {"title", "section", "accTitle", "accDescr"});
    if (!guess.empty())
      return fail(name, "unknown keyword '" + std::string(w) + "'", "a keyword or a task",
                  "did you mean '" + guess + "'? (otherwise a task needs ': score' after its name)");
    if (after.kind == J_COLON)
      return fail(after, "a task's score after ':' is empty or starts with '#' or ';'", "a score",
                  "write tasks as 'Task name: 5: Me'");
    return fail(name, quoted(text) + " is neither a keyword nor a task",
                "'title', 'section' or 'Task name: score: actors'",
                "a task needs ':' and a score after its name, e.g. 'Make tea: 5: Me'");
  }

  const Prepared& p_;
  std::string_view s_;
  Lexer lex_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

void validate_journey(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
