// Gantt validator. Emulates gantt.jison as shipped in 11.17.2: a case-insensitive lexer (first
// match wins, with the click/href/call start conditions) whose catch-all rule makes any unknown
// line a task name, then the statement grammar. Task data and dates are opaque to the parser,
// and Mermaid checks dates only when rendering, so neither is checked here.
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/jison_lexer.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  G_EOF, G_END, G_NL, G_GANTT, G_STATEMENT, G_ACC_TITLE, G_ACC_DESCR, G_ACC_VALUE, G_TASK_TXT,
  G_TASK_DATA, G_COLON, G_CLICK, G_HREF, G_CALLBACK_NAME, G_CALLBACK_ARGS, G_DATE, G_BAD_KEYWORD,
  G_DIRECTIVE, G_TOP_AXIS, G_INVALID
};

enum State : uint8_t { S_INITIAL, S_ACC, S_ACC_ML, S_CLICK, S_HREF, S_CALLBACK_NAME, S_CALLBACK_ARGS };

class Lexer : public JisonLexer<Lexer, G_END, CondLexer<State>> {
 public:
  explicit Lexer(std::string_view s) : JisonLexer(s, S_INITIAL) {}

  void step(int& k) {
    const size_t i = pos_;
    const char c = at(i);
    switch (top()) {
      case S_ACC:  // (?!\n|;|#)*[^\n]*
        pop();
        return take(line_end(s_, i), G_ACC_VALUE, k);
      case S_ACC_ML:
        if (c == '}') {
          pop();
          pos_ = i + 1;
          return;
        }
        return take(run_until(s_, i, "}") + i, G_ACC_VALUE, k);
      case S_CLICK:
        if (i < s_.size() && js_space(s_, i)) {
          pop();
          pos_ = i + js_space(s_, i);
          return;
        }
        {
          size_t e = i;
          while (e < s_.size() && !js_space(s_, e)) ++e;
          return take(e, G_CLICK, k);
        }
      case S_HREF:
        if (c == '"') {
          pop();
          pos_ = i + 1;
          return;
        }
        return take(i + run_until(s_, i, "\""), G_HREF, k);
      case S_CALLBACK_NAME:
        if (c == '(') {
          size_t j = skip_space(s_, i + 1);
          pop();
          if (at(j) == ')') {
            pos_ = j + 1;
          } else {
            push(S_CALLBACK_ARGS);
            pos_ = i + 1;
          }
          return;
        }
        return take(i + run_until(s_, i, "("), G_CALLBACK_NAME, k);
      case S_CALLBACK_ARGS:
        if (c == ')') {
          pop();
          pos_ = i + 1;
          return;
        }
        return take(i + run_until(s_, i, ")"), G_CALLBACK_ARGS, k);
      case S_INITIAL:
        break;
    }
    if (i >= s_.size()) return take(i, G_EOF, k);
    if (lit(s_, i, "%%{")) return take(i + 3, G_DIRECTIVE, k);
    if (lit_ci(s_, i, "accTitle") || lit_ci(s_, i, "accDescr")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        push(S_ACC);
        return take(skip_space(s_, j + 1), lower(s_[i + 3]) == 't' ? G_ACC_TITLE : G_ACC_DESCR, k);
      }
      if (lower(s_[i + 3]) == 'd' && at(j) == '{') {
        push(S_ACC_ML);
        pos_ = skip_space(s_, j + 1);
        return;
      }
    }
    // %%[^\n]*, then [^}]%%*[^\n]* (any character but '}' before a '%' starts a comment), then
    // %%*[^\n]*[\n]* (a single '%' comment also eats the line breaks after it).
    if (lit(s_, i, "%%")) {
      pos_ = line_end(s_, i);
      return;
    }
    // ([^}] is one UTF-16 unit: never the first half of a 4-byte character followed by '%'.)
    if (c != '}' && utf8_seq_len(s_, i) < 4 && at(i + utf8_seq_len(s_, i)) == '%') {
      pos_ = line_end(s_, i + utf8_seq_len(s_, i));
      return;
    }
    if (c == '%') {
      size_t e = line_end(s_, i);
      while (at(e) == '\n') ++e;
      pos_ = e;
      return;
    }
    if (c == '\n') {
      size_t e = i;
      while (at(e) == '\n') ++e;
      return take(e, G_NL, k);
    }
    if (js_space(s_, i)) {
      pos_ = skip_space(s_, i);
      return;
    }
    auto spaced = [&](std::string_view w) -> size_t {  // w[\s]+
      if (!lit_ci(s_, i, w) || !js_space(s_, i + w.size())) return 0;
      return skip_space(s_, i + w.size());
    };
    if (size_t e = spaced("href")) {
      if (at(e) == '"') {
        push(S_HREF);
        pos_ = e + 1;
        return;
      }
    }
    if (size_t e = spaced("call")) {
      push(S_CALLBACK_NAME);
      pos_ = e;
      return;
    }
    if (size_t e = spaced("click")) {
      push(S_CLICK);
      pos_ = e;
      return;
    }
    if (jison_kw(s_, i, "gantt")) return take(i + 5, G_GANTT, k);
    if (size_t e = valued(i, "dateFormat", "#\n;")) return take(e, G_STATEMENT, k);
    if (jison_kw(s_, i, "inclusiveEndDates")) return take(i + 17, G_STATEMENT, k);
    if (jison_kw(s_, i, "topAxis")) return take(i + 7, G_TOP_AXIS, k);
    for (std::string_view w : {"axisFormat", "tickInterval", "includes", "excludes"})
      if (size_t e = valued(i, w, "#\n;")) return take(e, G_STATEMENT, k);
    if (size_t e = valued(i, "todayMarker", "\n;")) return take(e, G_STATEMENT, k);
    for (std::string_view w : {"weekday", "weekend"}) {
      if (!lit_ci(s_, i, w) || !js_space(s_, i + 7)) continue;
      size_t j = skip_space(s_, i + 7);
      static const std::string_view days[] = {"monday", "tuesday", "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};
      for (std::string_view d : days) {
        bool allowed = w == "weekday" || d == "friday" || d == "saturday";
        if (allowed && jison_kw(s_, j, d)) return take(j + d.size(), G_STATEMENT, k);
      }
    }
    {
      // \d\d\d\d-\d\d-\d\d\b: a token the grammar has no place for.
      bool date = true;
      for (size_t d = 0; d < 10 && date; ++d)
        date = (d == 4 || d == 7) ? at(i + d) == '-' : is_digit(at(i + d));
      if (date && !is_word(at(i + 10))) return take(i + 10, G_DATE, k);
    }
    if (size_t e = valued(i, "title", "\n")) return take(e, G_STATEMENT, k);
    if (size_t e = valued(i, "accDescription", "#\n;")) return take(e, G_BAD_KEYWORD, k);
    if (size_t e = valued(i, "section", "\n")) return take(e, G_STATEMENT, k);
    if (c != ':') return take(i + run_until(s_, i, ":\n"), G_TASK_TXT, k);
    if (size_t n = run_until(s_, i + 1, "#\n;")) return take(i + 1 + n, G_TASK_DATA, k);
    return take(i + 1, G_COLON, k);
  }
};

const std::initializer_list<std::string_view> kKeywords = {
    "dateFormat", "axisFormat", "tickInterval", "includes", "excludes", "todayMarker", "title",
    "section", "inclusiveEndDates", "topAxis", "weekday", "weekend", "accTitle", "accDescr", "click"};

class Parser {
 public:
  Parser(const Prepared& p, std::vector<Diagnostic>& out) : p_(p), s_(p.text()), lex_(s_), out_(out) {}

  void run() {
    LexTok t = next();
    if (t.kind != G_GANTT) return fail(t, "unexpected " + what(t), "'gantt'", "");
    bool seen_eof = false;
    while (true) {
      t = next();
      switch (t.kind) {
        case G_END:
          if (!seen_eof) fail(t, "unexpected end of diagram", "'}' closing accDescr { ... }",
                              "close the accessibility description with '}'");
          return;
        case G_EOF:
          seen_eof = true;
          continue;
        case G_NL:
        case G_STATEMENT:
          continue;
        case G_ACC_TITLE:
        case G_ACC_DESCR: {
          LexTok v = next();
          if (v.kind != G_ACC_VALUE) return fail(v, "unexpected " + what(v), "the accessibility text", "");
          continue;
        }
        case G_ACC_VALUE:  // accDescr { ... }
          continue;
        case G_TASK_TXT: {
          LexTok d = next();
          if (d.kind == G_TASK_DATA) continue;
          return task_without_data(t, d);
        }
        case G_CLICK:
          if (!click()) return;
          continue;
        case G_TASK_DATA:
        case G_COLON:
          return fail(t, "a task needs a name before ':'", "a task name",
                      "write tasks as 'Task name : id, start, duration'");
        case G_DATE:
          return fail(t, "a date cannot start a line", "a task name or a keyword",
                      "dates belong in a task's data after ':' (Task : 2024-01-01, 3d)");
        case G_BAD_KEYWORD:
          return fail(t, "'accDescription' is not a gantt keyword", "a statement",
                      "use 'accDescr: text' for an accessibility description");
        case G_TOP_AXIS:
          // The grammar action calls yy.TopAxis(), which the 11.17.2 gantt database lacks.
          return fail(t, "'topAxis' fails in Mermaid 11.17.2 (\"yy.TopAxis is not a function\")",
                      "a statement", "remove 'topAxis'; this Mermaid version cannot render it");
        case G_DIRECTIVE:
          return fail(t, "unexpected '%%{'", "a statement",
                      "directives look like %%{init: {...}}%% and go before the diagram");
        default:
          return fail(t, "unexpected " + what(t), "a statement", "");
      }
    }
  }

 private:
  std::string what(const LexTok& t) const { return token_found(s_, t, G_END, G_EOF, G_NL); }
  void fail(const LexTok& t, std::string msg, std::string expected, std::string hint) {
    first_error(out_, p_, t.begin, std::move(msg), what(t), std::move(expected), std::move(hint));
  }
  void task_without_data(const LexTok& name, const LexTok& after) {
    std::string_view text = s_.substr(name.begin, name.end - name.begin);
    std::string_view w = first_word(s_, name.begin);
    std::string guess = suggest(w, kKeywords);
    if (!guess.empty()) {
      return fail(name, "unknown keyword '" + std::string(w) + "'", "a keyword or a task",
                  "did you mean '" + guess + "'? (otherwise a task needs ': data' after its name)");
    }
    if (after.kind == G_COLON) {
      return fail(after, "a task's data after ':' is empty or starts with '#' or ';'",
                  "task data such as 'a1, 2024-01-01, 3d'", "put the task data right after ':'");
    }
    (void)text;
    return fail(name, quoted(text) + " is neither a keyword nor a task",
                "a keyword (title, section, dateFormat, ...) or 'Task name : data'",
                "a task needs ':' followed by its data; keywords are title, section, dateFormat, "
                "axisFormat, excludes, ...");
  }
  // click ID (call NAME[(ARGS)] [href "URL"] | href "URL" [call NAME[(ARGS)]]).
  bool click() {
    LexTok t = next();
    if (t.kind == G_CALLBACK_NAME) {
      LexTok x = next();
      if (x.kind == G_CALLBACK_ARGS) x = next();
      if (x.kind != G_HREF) unread(x);
      return true;
    }
    if (t.kind == G_HREF) {
      LexTok x = next();
      if (x.kind == G_CALLBACK_NAME) {
        x = next();
        if (x.kind != G_CALLBACK_ARGS) unread(x);
      } else {
        unread(x);
      }
      return true;
    }
    fail(t, "unexpected " + what(t) + " in a click statement", "call NAME(args) or href \"url\"",
         "write: click taskId call callback(args) or click taskId href \"https://...\"");
    return false;
  }
  LexTok next() { return lex_.next(); }
  void unread(const LexTok& t) { lex_.unread(t); }

  const Prepared& p_;
  std::string_view s_;
  Lookahead<Lexer> lex_;
  std::vector<Diagnostic>& out_;
};

}  // namespace

void validate_gantt(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
