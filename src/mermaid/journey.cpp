// User journey validator. Emulates journey.jison as shipped in 11.17.2: a case-insensitive lexer
// (first match wins) in which any other text up to ':' is a task name, then the statement
// grammar. Task data (score and actors) is opaque: Mermaid never rejects it.
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/line_diagram.h"

namespace specgate::mermaid {
namespace {

enum Kind : int { J_TASK = L_OWN, J_TASK_DATA, J_COLON };

class Lexer : public LineLexer<Lexer> {
 public:
  using LineLexer::LineLexer;

  void step(int& k) {
    if (shared_rules(k)) return;
    const size_t i = pos_;
    if (jison_kw(s_, i, "journey")) return take(i + 7, L_HEADER, k);
    if (size_t e = valued(i, "title", "#\n;")) return take(e, L_STATEMENT, k);
    if (acc_rules(k)) return;
    if (size_t e = valued(i, "section", "#:\n;")) return take(e, L_STATEMENT, k);
    if (size_t n = run_until(s_, i, "#:\n;")) return take(i + n, J_TASK, k);
    if (at(i) == ':') {
      if (size_t n = run_until(s_, i + 1, "#\n;")) return take(i + 1 + n, J_TASK_DATA, k);
      return take(i + 1, J_COLON, k);
    }
    return take(i + utf8_seq_len(s_, i), L_INVALID, k);
  }
};

class Parser : public LineParser<Lexer, Parser> {
 public:
  using LineParser::LineParser;

  bool own(const LexTok& t) {
    switch (t.kind) {
      case J_TASK: {
        LexTok d = lex_.next();
        if (d.kind == J_TASK_DATA) return true;
        task_without_data(t, d);
        return false;
      }
      case J_TASK_DATA:
      case J_COLON:
        fail(t, "a task needs a name before ':'", "a task name",
             "write tasks as 'Task name: score: actor1, actor2'");
        return false;
      default:
        fail(t, "unexpected " + what(t), "a statement",
             "';' is not allowed here; tasks are 'Task name: score: actors'");
        return false;
    }
  }

 private:
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
};

}  // namespace

void validate_journey(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run("'journey'"); }

}  // namespace specgate::mermaid
