// Timeline validator. Emulates timeline.jison as shipped in 11.17.2: a case-insensitive lexer
// (first match wins) in which any text up to ':' or '#' is a time period and ': text' is an
// event, then the statement grammar, and the database's need for a period before the first
// event (Mermaid fails with "Cannot read properties of undefined (reading 'events')").
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/line_diagram.h"

namespace specgate::mermaid {
namespace {

enum Kind : int { J_PERIOD = L_OWN, J_EVENT };

class Lexer : public LineLexer<Lexer> {
 public:
  using LineLexer::LineLexer;

  void step(int& k) {
    if (shared_rules(k)) return;
    const size_t i = pos_;
    const char c = at(i);
    if (lit_ci(s_, i, "timeline")) {
      size_t j = skip_blank(s_, i + 8);
      if (j > i + 8 && (jison_kw(s_, j, "LR") || jison_kw(s_, j, "TD"))) return take(j + 2, L_HEADER, k);
      if (jison_kw(s_, i, "timeline")) return take(i + 8, L_HEADER, k);
    }
    if (size_t e = valued(i, "title", "\n")) return take(e, L_STATEMENT, k);
    if (acc_rules(k)) return;
    if (size_t e = valued(i, "section", ":\n")) return take(e, L_STATEMENT, k);
    // :\s(?:[^:\n]|:(?!\s))+
    if (c == ':' && js_space(s_, i + 1)) {
      size_t e = i + 1 + js_space(s_, i + 1);
      size_t b = e;
      while (e < s_.size() && s_[e] != '\n' && !(s_[e] == ':' && js_space(s_, e + 1))) ++e;
      if (e > b) return take(e, J_EVENT, k);
    }
    if (size_t n = run_until(s_, i, "#:\n")) return take(i + n, J_PERIOD, k);
    return take(i + utf8_seq_len(s_, i), L_INVALID, k);
  }
};

class Parser : public LineParser<Lexer, Parser> {
 public:
  using LineParser::LineParser;

  bool own(const LexTok& t) {
    switch (t.kind) {
      case J_PERIOD:
        period_ = true;
        return true;
      case J_EVENT:
        if (period_) return true;
        fail(t, "an event before any time period", "a time period such as '2024 : event'",
             "start with a period: '2024 : event'; a 'section' line cannot hold events");
        return false;
      default:
        if (s_[t.begin] == ':')
          fail(t, "':' must be followed by a space and the event text", "': event'",
               "write '2024 : event' (a space after ':', and '::' is not allowed)");
        else
          fail(t, "unexpected " + what(t), "a statement", "");
        return false;
    }
  }

 private:
  bool period_ = false;
};

}  // namespace

void validate_timeline(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run("'timeline'"); }

}  // namespace specgate::mermaid
