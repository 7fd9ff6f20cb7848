// Sequence diagram validator. Emulates sequenceDiagram.jison (case-insensitive lexer with the
// ID/ALIAS/LINE/CONFIG start conditions, first match wins) and then replays the checks Mermaid's
// sequence database makes while applying the parsed statements (activations, create/destroy,
// boxes, participant @{...} YAML).
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/yaml_guard.h"
#include "mermaid/diagrams.h"
#include "mermaid/jison_lexer.h"
#include "mermaid/models.h"
#include "mermaid/sequence_model.h"
#include "mermaid/token_cursor.h"

namespace specgate::mermaid {
namespace {

enum State : uint8_t { Q_INITIAL, Q_ID, Q_ALIAS, Q_LINE, Q_CONFIG, Q_ACC_TITLE, Q_ACC_DESCR, Q_ACC_DESCR_ML };

enum Kind : uint8_t {
  K_EOF, K_ERROR, K_NEWLINE, K_NUM, K_CONFIG_START, K_CONFIG_CONTENT, K_CONFIG_END, K_ACTOR,
  K_INVALID, K_BOX, K_PARTICIPANT, K_ACTOR_KW, K_CREATE, K_DESTROY, K_AS, K_LOOP, K_RECT, K_OPT,
  K_ALT, K_ELSE, K_PAR, K_PAR_OVER, K_AND, K_CRITICAL, K_OPTION, K_BREAK, K_REST, K_END,
  K_LEFT_OF, K_RIGHT_OF, K_LINKS, K_LINK, K_PROPERTIES, K_DETAILS, K_OVER, K_NOTE, K_ACTIVATE,
  K_DEACTIVATE, K_TITLE, K_LEGACY_TITLE, K_ACC_TITLE, K_ACC_TITLE_VALUE, K_ACC_DESCR,
  K_ACC_DESCR_VALUE, K_ACC_DESCR_ML, K_SD, K_AUTONUMBER, K_OFF, K_COMMA, K_ARROW, K_TXT, K_PLUS,
  K_MINUS, K_CENTRAL
};

struct Tok {
  Kind kind;
  uint32_t begin;
  uint32_t end;
};

// First letters, either case, of the keyword rules (box, participant, sequenceDiagram, off, ...):
// a token starting with another character skips those tries.
bool keyword_start(char c) {
  switch (c | 0x20) {  // only letters land on 'a'..'z'
    case 'a': case 'b': case 'c': case 'd': case 'e': case 'l': case 'n': case 'o': case 'p':
    case 'r': case 's': case 't':
      return true;
    default:
      return false;
  }
}

// First characters of the arrow rules (->>, <<->>, /|--, \\-, ...).
bool arrow_start(char c) { return c == '-' || c == '<' || c == '/' || c == '\\'; }

bool excl_first(char c) {
  return c == '/' || c == '\\' || c == '+' || c == '(' || c == ')' || c == '<' || c == '-' ||
         c == '>' || c == ':' || c == '\n' || c == ',' || c == ';';
}
bool excl_rest(char c) {
  return c == '+' || c == '<' || c == '-' || c == '>' || c == ':' || c == '\n' || c == ',' || c == ';';
}

class Lexer : public TokenListLexer<Lexer, State, Tok, K_EOF, K_ERROR> {
 public:
  explicit Lexer(std::string_view s) : TokenListLexer(s, Q_INITIAL) {}

 private:
  friend TokenListLexer;

  // Same-line whitespace (JS \s without \n).
  size_t blank(size_t i) const {
    size_t j = i;
    while (j < s_.size() && s_[j] != '\n') {
      size_t n = js_space(s_, j);
      if (!n) break;
      j += n;
    }
    return j - i;
  }
  bool bad_ahead(size_t k) const {
    static constexpr std::string_view bad[] = {"-x", "--x", "-)", "--)", "-|\\", "-\\", "-/", "-//", "-|/", "/|-",
                                               "\\|-", "//-", "\\\\-", "--|\\", "--", "()"};
    for (std::string_view b : bad)
      if (lit_ci(s_, k, b)) return true;
    return false;
  }
  size_t match_actor(size_t i) const {
    size_t k = i;
    while (k < s_.size() && !excl_first(s_[k])) ++k;
    if (k == i) return 0;
    while (k < s_.size()) {
      if (bad_ahead(k)) break;
      size_t m = k;
      while (at(m) == '-') ++m;
      size_t e = m;
      while (e < s_.size() && !excl_rest(s_[e])) ++e;
      if (e == m) break;
      k = e;
    }
    return k - i;
  }
  // [0-9]+(\.[0-9]{1,2})?|\.[0-9]{1,2}, then (?=[ \n]+)
  size_t match_num(size_t i) const {
    size_t k = i;
    while (is_digit(at(k))) ++k;
    if (k > i) {
      if (at(k) == '.' && is_digit(at(k + 1))) {
        size_t f = k + 1;
        while (f < k + 3 && is_digit(at(f))) ++f;
        if (at(f) == ' ' || at(f) == '\n') return f - i;
      }
      if (at(k) == ' ' || at(k) == '\n') return k - i;
      return 0;
    }
    if (at(i) == '.' && is_digit(at(i + 1))) {
      size_t f = i + 1;
      while (f < i + 3 && is_digit(at(f))) ++f;
      if (at(f) == ' ' || at(f) == '\n') return f - i;
    }
    return 0;
  }
  // Characters up to the first of `stops` (or the end).
  size_t until(size_t i, std::string_view stops) const {
    size_t k = i;
    while (k < s_.size() && !in_set(s_[k], stops)) ++k;
    return k - i;
  }

  bool next(Kind& k) {
    const State s = top();
    const size_t i = pos_;
    const char c = at(i);
    const bool eof = i >= s_.size();
    const bool ini = s == Q_INITIAL;
    const bool idl = s == Q_ID || s == Q_ALIAS || s == Q_LINE;
    const bool kwc = ini && keyword_start(c);
    size_t n = 0;

    if (ini && c == '\n') {
      size_t e = i;
      while (at(e) == '\n') ++e;
      return take(e - i, K_NEWLINE, k);
    }
    if (ini && (n = js_space(s_, i))) {
      pos_ = skip_space(s_, i);
      return false;
    }
    if (idl && (n = blank(i))) {
      pos_ = i + n;
      return false;
    }
    if ((ini || idl) && c == '#') {
      pos_ = line_end(s_, i);
      return false;
    }
    // jison reads this rule's \%% as a single '%', so a lone '%' starts a comment too.
    if (ini && c == '%' && at(i + 1) != '{') {
      pos_ = line_end(s_, i);
      return false;
    }
    if (ini && !eof && c != '}' && at(i + 1) == '%' && at(i + 2) == '%') {
      pos_ = line_end(s_, i + 1);
      return false;
    }
    if (ini && (n = match_num(i))) return take(n, K_NUM, k);
    if (s == Q_ID && c == '@' && at(i + 1) == '{') {
      pop();
      push(Q_CONFIG);
      return take(2, K_CONFIG_START, k);
    }
    if (s == Q_CONFIG && !eof) {
      if (c != '}') return take(until(i, "}"), K_CONFIG_CONTENT, k);
      // }(?=\s+as\s)
      size_t j = i + 1;
      size_t w = skip_space(s_, j);
      if (w > j && lit_ci(s_, w, "as") && js_space(s_, w + 2)) {
        pop();
        push(Q_ALIAS);
        return take(1, K_CONFIG_END, k);
      }
      pop();
      pop();
      return take(1, K_CONFIG_END, k);
    }
    if (s == Q_ID && !eof) {
      // [^<=>\-:\n,;@\s]+(?=@\{)
      size_t e = i;
      while (e < s_.size() && !js_space(s_, e) && !in_set(s_[e], "<=>-:\n,;@")) ++e;
      if (e > i && at(e) == '@' && at(e + 1) == '{') {
        // Stay in ID so that @{ is seen next (jison keeps the ID state here).
        return take(e - i, K_ACTOR, k);
      }
      // [^<>:\n,;@\s]+(?=\s+as\s)
      e = i;
      while (e < s_.size() && !js_space(s_, e) && !in_set(s_[e], "<>:\n,;@")) ++e;
      if (e > i) {
        size_t w = skip_space(s_, e);
        if (w > e && lit_ci(s_, w, "as") && js_space(s_, w + 2)) {
          push(Q_ALIAS);
          return take(e - i, K_ACTOR, k);
        }
      }
      // [^<>:\n,;@]+(?=\s*[\n;#]|$) -- greedy with backtracking: the longest prefix that works.
      size_t full = i;
      while (full < s_.size() && !in_set(s_[full], "<>:\n,;@")) ++full;
      for (size_t end = full; end > i; --end) {
        size_t w = skip_space(s_, end);
        bool nl = false;
        for (size_t m = end; m < w && !nl; ++m) nl = s_[m] == '\n';
        if (nl || w >= s_.size() || s_[w] == ';' || s_[w] == '#') {
          pop();
          return take(end - i, K_ACTOR, k);
        }
        // Only the whitespace-trimmed ends can satisfy the lookahead; jump to them.
        size_t back = end;
        while (back > i && js_space(s_, back - 1)) --back;
        if (back < end) end = back + 1;
      }
      if (at(full) == '<') {
        pop();
        return take(line_end(s_, i) - i, K_INVALID, k);
      }
      pop();
      return take(line_end(s_, i) - i, K_INVALID, k);
    }
    if (kwc) {
      if (kw(i, "box")) {
        push(Q_LINE);
        return take(3, K_BOX, k);
      }
      if (kw(i, "participant")) {
        push(Q_ID);
        return take(11, K_PARTICIPANT, k);
      }
      if (kw(i, "actor")) {
        push(Q_ID);
        return take(5, K_ACTOR_KW, k);
      }
      if (kw(i, "create")) return take(6, K_CREATE, k);
      if (kw(i, "destroy")) {
        push(Q_ID);
        return take(7, K_DESTROY, k);
      }
    }
    if (s == Q_ALIAS) {
      pop();
      pop();
      if (kw(i, "as")) {
        push(Q_LINE);
        return take(2, K_AS, k);
      }
      return take(0, K_NEWLINE, k);
    }
    if (kwc) {
      static const std::pair<std::string_view, Kind> blocks[] = {
          {"loop", K_LOOP}, {"rect", K_RECT}, {"opt", K_OPT}, {"alt", K_ALT}, {"else", K_ELSE},
          {"par", K_PAR}, {"par_over", K_PAR_OVER}, {"and", K_AND}, {"critical", K_CRITICAL},
          {"option", K_OPTION}, {"break", K_BREAK}};
      for (auto& [w, kind] : blocks) {
        if (kw(i, w)) {
          push(Q_LINE);
          return take(w.size(), kind, k);
        }
      }
    }
    if (s == Q_LINE) {
      pop();
      return take(until(i, "#\n;"), K_REST, k);
    }
    if (kwc) {
      static const std::pair<std::string_view, Kind> words[] = {
          {"end", K_END}, {"left of", K_LEFT_OF}, {"right of", K_RIGHT_OF}, {"links", K_LINKS},
          {"link", K_LINK}, {"properties", K_PROPERTIES}, {"details", K_DETAILS},
          {"over", K_OVER}, {"note", K_NOTE}};
      for (auto& [w, kind] : words)
        if (kw(i, w)) return take(w.size(), kind, k);
      if (kw(i, "activate")) {
        push(Q_ID);
        return take(8, K_ACTIVATE, k);
      }
      if (kw(i, "deactivate")) {
        push(Q_ID);
        return take(10, K_DEACTIVATE, k);
      }
      if (lit_ci(s_, i, "title") && (n = js_space(s_, i + 5))) {
        size_t r = until(i + 5 + n, "#\n;");
        if (r > 0) return take(5 + n + r, K_TITLE, k);
      }
      if (lit_ci(s_, i, "title:") && (n = js_space(s_, i + 6))) {
        size_t r = until(i + 6 + n, "#\n;");
        if (r > 0) return take(6 + n + r, K_LEGACY_TITLE, k);
      }
      if (lit_ci(s_, i, "accTitle")) {
        size_t j = skip_space(s_, i + 8);
        if (at(j) == ':') {
          push(Q_ACC_TITLE);
          return take(skip_space(s_, j + 1) - i, K_ACC_TITLE, k);
        }
      }
    }
    if (s == Q_ACC_TITLE || s == Q_ACC_DESCR) {
      pop();
      return take(line_end(s_, i) - i, s == Q_ACC_TITLE ? K_ACC_TITLE_VALUE : K_ACC_DESCR_VALUE, k);
    }
    if (kwc && lit_ci(s_, i, "accDescr")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        push(Q_ACC_DESCR);
        return take(skip_space(s_, j + 1) - i, K_ACC_DESCR, k);
      }
      if (at(j) == '{') {
        push(Q_ACC_DESCR_ML);
        pos_ = skip_space(s_, j + 1);
        return false;
      }
    }
    if (s == Q_ACC_DESCR_ML) {
      if (c == '}' && !eof) {
        pop();
        pos_ = i + 1;
        return false;
      }
      return take(until(i, "}"), K_ACC_DESCR_ML, k);
    }
    if (!ini) {
      if (eof) {
        k = K_EOF;
        return true;
      }
      error_ = true;
      return false;
    }
    if (kwc && kw(i, "sequenceDiagram")) return take(15, K_SD, k);
    if (kwc && kw(i, "autonumber")) return take(10, K_AUTONUMBER, k);
    if (kwc && kw(i, "off")) return take(3, K_OFF, k);
    if (c == ',') return take(1, K_COMMA, k);
    if (c == ';') return take(1, K_NEWLINE, k);
    if ((n = match_actor(i))) return take(n, K_ACTOR, k);
    static constexpr std::string_view arrows[] = {"->>", "<<->>", "-->>", "<<-->>", "->", "-->", "-x", "--x", "-)",
                                                  "--)", "--|\\", "--|/", "--\\\\", "--//", "/|--", "\\|--",
                                                  "//--", "\\\\--", "-|\\", "-|/", "-\\\\", "-//", "/|-", "\\|-",
                                                  "//-", "\\\\-"};
    if (arrow_start(c))
      for (std::string_view a : arrows)
        if (lit_ci(s_, i, a)) return take(a.size(), K_ARROW, k);
    if (c == ':') return take(1 + until(i + 1, "#\n;"), K_TXT, k);
    if (c == '+') return take(1, K_PLUS, k);
    if (c == '-') return take(1, K_MINUS, k);
    if (c == '(' && at(i + 1) == ')') return take(2, K_CENTRAL, k);
    if (eof) {
      done_ = true;
      return take(0, K_NEWLINE, k);
    }
    return take(utf8_seq_len(s_, i), K_INVALID, k);
  }
};

// What the sequence database does with each parsed statement, replayed after a clean parse.
enum OpKind : uint8_t { O_PARTICIPANT, O_CREATE, O_DESTROY, O_ACT_START, O_ACT_END, O_MESSAGE, O_BOX_START, O_BOX_END };
struct Op {
  OpKind kind;
  std::string actor;  // or message "from"
  std::string to;
  std::string config;
  Tok at;
};

std::string trim(std::string_view v) {
  size_t a = 0, b = v.size();
  while (a < b && js_space(v, a)) a += js_space(v, a);
  while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t' || v[b - 1] == '\n')) --b;
  return std::string(v.substr(a, b - a));
}

class Parser : TokenCursor<Tok> {
 public:
  // With a model, the grammar's actions also fill it (validation-only runs pass none and pay
  // only the null checks).
  Parser(const Prepared& p, std::vector<Tok> toks, SequenceModel* model = nullptr)
      : TokenCursor(std::move(toks)), p_(p), s_(p.text()), m_(model) {}

  void run(std::vector<Diagnostic>& out) {
    out_ = &out;
    parse();
    if (out.empty()) replay();
  }

 private:
  bool failed() const { return !out_->empty(); }
  std::string text(const Tok& t) const { return std::string(s_.substr(t.begin, t.end - t.begin)); }

  void fail(const Tok& t, std::string message, std::string expected, std::string hint = "") {
    if (failed()) return;
    if (t.kind == K_ERROR) {
      size_t len = t.begin < s_.size() ? utf8_seq_len(s_, t.begin) : 0;
      out_->push_back(diag_at(p_, t.begin, "unrecognized text " + describe(s_, t.begin, len),
                              describe(s_, t.begin, len), std::move(expected), std::move(hint)));
      return;
    }
    std::string found = t.kind == K_EOF ? "end of diagram"
                        : (t.kind == K_NEWLINE) ? "end of line"
                                                : describe(s_, t.begin, t.end - t.begin);
    out_->push_back(diag_at(p_, t.begin, std::move(message), found, std::move(expected), std::move(hint)));
  }
  void unexpected(std::string expected, std::string hint = "") {
    const Tok& t = peek();
    std::string what = t.kind == K_EOF ? "end of diagram"
                       : t.kind == K_NEWLINE ? "end of line"
                                             : describe(s_, t.begin, t.end - t.begin);
    fail(t, "unexpected " + what, std::move(expected), std::move(hint));
  }
  bool expect(Kind k, const char* expected, const char* hint = "") {
    if (failed()) return false;
    if (kind() != k) {
      unexpected(expected, hint);
      return false;
    }
    advance();
    return true;
  }
  bool actor(std::string& name, const char* expected) {
    if (kind() != K_ACTOR) {
      const Tok& t = peek();
      std::string tx = text(t);
      bool keyword = t.kind == K_LOOP || t.kind == K_ALT || t.kind == K_END || t.kind == K_NOTE ||
                     t.kind == K_BOX || t.kind == K_OPT || t.kind == K_PAR || t.kind == K_AND ||
                     t.kind == K_ELSE || t.kind == K_RECT || t.kind == K_BREAK ||
                     t.kind == K_CRITICAL || t.kind == K_OPTION || t.kind == K_OVER ||
                     t.kind == K_CREATE || t.kind == K_LINK || t.kind == K_LINKS ||
                     t.kind == K_PARTICIPANT || t.kind == K_ACTOR_KW || t.kind == K_DESTROY ||
                     t.kind == K_ACTIVATE || t.kind == K_DEACTIVATE || t.kind == K_AUTONUMBER ||
                     t.kind == K_OFF || t.kind == K_DETAILS || t.kind == K_PROPERTIES;
      if (keyword) {
        fail(t, "'" + tx + "' is a keyword (in any case) and cannot be a participant name", expected,
             "declare the participant with an alias: participant L as " + tx);
        return false;
      }
      unexpected(expected);
      return false;
    }
    name = trim(text(peek()));
    advance();
    return true;
  }
  bool text2() {
    if (kind() != K_TXT) {
      unexpected("':' and the message text", "write A->>B: message");
      return false;
    }
    advance();
    return true;
  }
  bool newline() {
    if (kind() == K_NEWLINE || kind() == K_EOF) {
      if (kind() == K_NEWLINE) advance();
      return true;
    }
    unexpected("end of line");
    return false;
  }

  bool participant_statement() {
    Tok at = peek();
    Kind k = kind();
    advance();
    std::string name;
    if (!actor(name, "a participant name")) return false;
    if (k == K_DESTROY) {
      ops_.push_back(Op{O_DESTROY, name, "", "", at});
      if (m_) {
        declare(name, false, nullptr, nullptr);
        m_->participants[static_cast<size_t>(m_->find(name))].destroyed = true;
        event(SeqEventKind::Destroy, at).from = name;
      }
      return newline();
    }
    std::string config;
    bool has_config = false;
    if (kind() == K_CONFIG_START) {
      advance();
      if (kind() != K_CONFIG_CONTENT) {
        unexpected("participant settings inside @{ }");
        return false;
      }
      config = text(peek());
      has_config = true;
      advance();
      if (!expect(K_CONFIG_END, "'}'")) return false;
    }
    std::string alias;
    bool has_alias = false;
    if (kind() == K_AS) {
      advance();
      if (m_ && kind() == K_REST) {
        alias = message(text(peek()));
        has_alias = true;
      }
      if (!expect(K_REST, "an alias after 'as'")) return false;
    }
    if (m_) declare(name, k == K_ACTOR_KW, has_alias ? &alias : nullptr, has_config ? &config : nullptr);
    Op op{O_PARTICIPANT, name, "", has_config ? config : std::string("\x01"), at};
    ops_.push_back(op);
    return newline();
  }

  bool signal() {
    Tok at = peek();
    std::string from, to;
    actor(from, "a participant");
    bool central_first = false;
    if (kind() == K_CENTRAL) {
      central_first = true;
      advance();
    }
    if (kind() != K_ARROW) {
      unexpected("an arrow such as ->> or -->>",
                 "arrows are ->, -->, ->>, -->>, -x, --x, -), --), <<->>, <<-->>");
      return false;
    }
    const Tok arrow_tok = peek();
    advance();
    int act = 0;
    if (kind() == K_PLUS && !central_first) {
      act = 1;
      advance();
    } else if (kind() == K_MINUS && !central_first) {
      act = -1;
      advance();
    } else if (kind() == K_CENTRAL) {
      advance();
    }
    if (!actor(to, "the receiving participant")) return false;
    std::string said = m_ && kind() == K_TXT ? text(peek()) : std::string();
    if (!text2()) return false;
    if (!newline()) return false;
    ops_.push_back(Op{O_PARTICIPANT, from, "", "\x01", at});
    ops_.push_back(Op{O_PARTICIPANT, to, "", "\x01", at});
    ops_.push_back(Op{O_MESSAGE, from, to, "", at});
    if (act == 1) ops_.push_back(Op{O_ACT_START, to, "", "", at});
    if (act == -1) ops_.push_back(Op{O_ACT_END, from, "", "", at});
    if (m_) add_message(at, from, to, arrow_tok, said, act);
    return true;
  }

  void parse() {
    while (kind() == K_NEWLINE) advance();
    if (!expect(K_SD, "'sequenceDiagram'")) return;
    struct Block {
      Kind kind;
      Tok at;
    };
    std::vector<Block> open;
    while (!failed()) {
      Kind k = kind();
      bool in_box = !open.empty() && open.back().kind == K_BOX;
      if (k == K_EOF) {
        if (!open.empty()) {
          fail(open.back().at, "'" + text(open.back().at) + "' block is not closed", "'end'",
               "add a line 'end' to close the block");
        }
        return;
      }
      if (k == K_NEWLINE) {
        advance();
        continue;
      }
      if (k == K_END) {
        if (open.empty()) {
          fail(peek(), "'end' without an open block", "a statement",
               "remove it; keywords are case-insensitive, so a participant cannot be called 'end'");
          return;
        }
        if (open.back().kind == K_BOX) {
          ops_.push_back(Op{O_BOX_END, "", "", "", peek()});
          box_ = -1;
        } else if (m_) {
          event(SeqEventKind::BlockEnd, peek()).block = "end";
        }
        open.pop_back();
        advance();
        continue;
      }
      if (in_box) {
        if (k == K_PARTICIPANT || k == K_ACTOR_KW || k == K_DESTROY) {
          participant_statement();
          continue;
        }
        unexpected("a participant declaration or 'end' inside a box");
        return;
      }
      switch (k) {
        case K_INVALID:
          advance();
          continue;
        case K_PARTICIPANT: case K_ACTOR_KW: case K_DESTROY:
          participant_statement();
          continue;
        case K_CREATE: {
          Tok at = peek();
          advance();
          if (kind() != K_PARTICIPANT && kind() != K_ACTOR_KW && kind() != K_DESTROY) {
            unexpected("'participant' or 'actor' after 'create'");
            return;
          }
          size_t before = ops_.size();
          if (participant_statement() && ops_.size() > before) {
            ops_.back().kind = ops_.back().kind == O_DESTROY ? O_DESTROY : O_CREATE;
            ops_.back().at = at;
            if (m_ && ops_.back().kind == O_CREATE) {
              event(SeqEventKind::Create, at).from = ops_.back().actor;
              m_->participants[static_cast<size_t>(m_->find(ops_.back().actor))].created = true;
            }
          }
          continue;
        }
        case K_BOX:
          open.push_back(Block{k, peek()});
          ops_.push_back(Op{O_BOX_START, "", "", "", peek()});
          advance();
          if (m_ && kind() == K_REST) open_box(text(peek()));
          if (!expect(K_REST, "a box label or colour")) return;
          continue;
        case K_ACTOR:
          signal();
          continue;
        case K_AUTONUMBER: {
          SeqEvent e;
          e.kind = SeqEventKind::Autonumber;
          if (m_) e.line = line_of(peek());
          advance();
          if (kind() == K_NUM) {
            if (m_) e.number_start = number(peek());
            advance();
            if (kind() == K_NUM) {
              if (m_) e.number_step = number(peek());
              advance();
            }
          } else if (kind() == K_OFF) {
            e.number_on = false;
            advance();
          }
          if (newline() && m_) m_->events.push_back(std::move(e));
          continue;
        }
        case K_ACTIVATE: case K_DEACTIVATE: {
          Tok at = peek();
          advance();
          std::string name;
          if (!actor(name, "a participant")) return;
          if (!newline()) return;
          ops_.push_back(Op{k == K_ACTIVATE ? O_ACT_START : O_ACT_END, name, "", "", at});
          if (m_) event(k == K_ACTIVATE ? SeqEventKind::ActivateStart : SeqEventKind::ActivateEnd, at).from = name;
          continue;
        }
        case K_NOTE: {
          Tok at = peek();
          advance();
          std::string a, b;
          const SeqNotePlace place = kind() == K_LEFT_OF    ? SeqNotePlace::LeftOf
                                     : kind() == K_RIGHT_OF ? SeqNotePlace::RightOf
                                                            : SeqNotePlace::Over;
          if (kind() == K_LEFT_OF || kind() == K_RIGHT_OF) {
            advance();
            if (!actor(a, "a participant")) return;
          } else if (kind() == K_OVER) {
            advance();
            if (!actor(a, "a participant")) return;
            if (kind() == K_COMMA) {
              advance();
              if (!actor(b, "a second participant after ','")) return;
            }
          } else {
            unexpected("'left of', 'right of' or 'over'", "write: Note right of A: text");
            return;
          }
          std::string said = m_ && kind() == K_TXT ? text(peek()) : std::string();
          if (!text2() || !newline()) return;
          ops_.push_back(Op{O_PARTICIPANT, a, "", "\x01", at});
          if (!b.empty()) ops_.push_back(Op{O_PARTICIPANT, b, "", "\x01", at});
          if (m_) {
            declare(a, false, nullptr, nullptr);
            if (!b.empty()) declare(b, false, nullptr, nullptr);
            SeqEvent& e = event(SeqEventKind::Note, at);
            e.place = place;
            e.from = a;
            e.to = b;
            e.text = message(said);
          }
          continue;
        }
        case K_LINKS: case K_LINK: case K_PROPERTIES: case K_DETAILS: {
          Tok at = peek();
          advance();
          std::string a;
          if (!actor(a, "a participant")) return;
          if (!text2() || !newline()) return;
          ops_.push_back(Op{O_PARTICIPANT, a, "", "\x01", at});
          if (m_) declare(a, false, nullptr, nullptr);
          continue;
        }
        case K_TITLE: case K_LEGACY_TITLE:
          if (m_) m_->title = message(text(peek()).substr(k == K_TITLE ? 5 : 6));
          advance();
          continue;
        case K_ACC_DESCR_ML:
          advance();
          continue;
        case K_ACC_TITLE: case K_ACC_DESCR:
          advance();
          advance();
          continue;
        case K_LOOP: case K_RECT: case K_OPT: case K_ALT: case K_PAR: case K_PAR_OVER:
        case K_CRITICAL: case K_BREAK:
          open.push_back(Block{k, peek()});
          if (m_) block_event(SeqEventKind::BlockStart);
          advance();
          if (!expect(K_REST, "the block label")) return;
          continue;
        case K_ELSE: case K_AND: case K_OPTION: {
          Kind want = k == K_ELSE ? K_ALT : k == K_OPTION ? K_CRITICAL : K_PAR;
          bool ok = !open.empty() && (open.back().kind == want ||
                                      (k == K_AND && open.back().kind == K_PAR_OVER));
          if (!ok) {
            std::string w = text(peek());
            const char* parent = k == K_ELSE ? "alt" : k == K_OPTION ? "critical" : "par";
            fail(peek(), "'" + w + "' outside an '" + parent + "' block", "a statement",
                 std::string("use '") + w + "' only directly inside '" + parent + " ... end'");
            return;
          }
          if (m_) block_event(SeqEventKind::BlockSection);
          advance();
          if (!expect(K_REST, "the section label")) return;
          continue;
        }
        default:
          unexpected("a message, participant, note or block statement");
          return;
      }
    }
  }

  void replay() {
    std::map<std::string, int> box_of;  // actor -> box index (-1 none)
    std::map<std::string, int> active;
    int box = -1, boxes = 0;
    std::string last_created, last_destroyed;
    for (const Op& op : ops_) {
      switch (op.kind) {
        case O_BOX_START:
          box = boxes++;
          break;
        case O_BOX_END:
          box = -1;
          break;
        case O_CREATE:
          if (box_of.count(op.actor)) {
            fail(op.at, "participant '" + op.actor + "' already exists and cannot be created again", "a new participant id",
                 "use an 'as' alias to give a new participant the same label");
            return;
          }
          last_created = op.actor;
          [[fallthrough]];
        case O_PARTICIPANT: {
          if (op.config != "\x01") {
            std::string yaml = op.config.find('\n') == std::string::npos ? "{\n" + op.config + "\n}" : op.config + "\n";
            try {
              (void)load_yaml(yaml);  // too deep to parse safely: not judged
            } catch (const YAML::Exception& e) {
              fail(op.at, "participant settings in @{ } are not valid YAML: " + e.msg, "key: value pairs",
                   "write it as participant A@{ \"type\": \"database\" }");
              return;
            }
          }
          auto it = box_of.find(op.actor);
          if (it != box_of.end()) {
            if (box >= 0 && it->second >= 0 && it->second != box) {
              fail(op.at, "participant '" + op.actor + "' is declared in two boxes", "one box per participant",
                   "declare each participant in a single box");
              return;
            }
            if (it->second < 0) it->second = box;
          } else {
            box_of[op.actor] = box;
          }
          break;
        }
        case O_DESTROY:
          last_destroyed = op.actor;
          break;
        case O_ACT_START:
          ++active[op.actor];
          break;
        case O_ACT_END:
          if (active[op.actor] < 1) {
            fail(op.at, "Trying to inactivate an inactive participant (" + op.actor + ")", "an active participant",
                 "activate it first (activate " + op.actor + " or ->>+" + op.actor + "), or drop the '-'");
            return;
          }
          --active[op.actor];
          break;
        case O_MESSAGE:
          if (!last_created.empty()) {
            if (op.to != last_created) {
              fail(op.at, "created participant '" + last_created + "' must receive the next message", "a message to " + last_created,
                   "follow 'create participant X' with a message to X");
              return;
            }
            last_created.clear();
          } else if (!last_destroyed.empty()) {
            if (op.to != last_destroyed && op.actor != last_destroyed) {
              fail(op.at, "destroyed participant '" + last_destroyed + "' must send or receive the next message",
                   "a message to or from " + last_destroyed, "follow 'destroy X' with a message involving X");
              return;
            }
            last_destroyed.clear();
          }
          break;
      }
    }
  }

  // ---- model building (only with a model) ----

  uint32_t line_of(const Tok& t) const {
    uint32_t line = 0, column = 0;
    p_.locate(t.begin, line, column);
    return line;
  }
  SeqEvent& event(SeqEventKind kind, const Tok& at) {
    SeqEvent e;
    e.kind = kind;
    e.line = line_of(at);
    m_->events.push_back(std::move(e));
    return m_->events.back();
  }
  // parseMessage: the ':' of a message token dropped, a "wrap:"/"nowrap:" prefix dropped, trimmed.
  static std::string message(std::string_view t) {
    if (!t.empty() && t[0] == ':') t.remove_prefix(1);
    std::string s = trim(t);
    std::string_view v = s;
    if (lit_ci(v, 0, "wrap:")) v.remove_prefix(5);
    else if (lit_ci(v, 0, "nowrap:")) v.remove_prefix(7);
    return trim(v);
  }
  int number(const Tok& t) const { return std::atoi(text(t).c_str()); }

  // addActor: the first mention adds the participant; a later declaration sets what it gives
  // (an alias never reset to nothing) and joins the open box.
  void declare(const std::string& id, bool actor_kw, const std::string* alias, const std::string* config) {
    int i = m_->find(id);
    if (i < 0) {
      SeqParticipant np;
      np.id = id;
      np.label = id;
      m_->participants.push_back(std::move(np));
      i = static_cast<int>(m_->participants.size() - 1);
    }
    SeqParticipant& q = m_->participants[static_cast<size_t>(i)];
    if (actor_kw) q.actor = true;
    if (alias) q.label = *alias;
    if (box_ >= 0 && q.box < 0) q.box = box_;
    if (config) {
      std::string yaml = config->find('\n') == std::string::npos ? "{\n" + *config + "\n}" : *config + "\n";
      try {
        if (const std::optional<YAML::Node> doc = load_yaml(yaml); doc && doc->IsMap()) {
          if ((*doc)["type"] && (*doc)["type"].IsScalar()) q.type = (*doc)["type"].Scalar();
          if ((*doc)["alias"] && (*doc)["alias"].IsScalar()) q.label = (*doc)["alias"].Scalar();
        }
      } catch (const YAML::Exception&) {
        // replay() reports invalid settings; the model is not used then.
      }
      if (q.type == "actor") q.actor = true;
    }
  }

  void add_message(const Tok& at, const std::string& from, const std::string& to, const Tok& arrow, const std::string& said,
                   int act) {
    declare(from, false, nullptr, nullptr);
    declare(to, false, nullptr, nullptr);
    SeqEvent& e = event(SeqEventKind::Message, at);
    e.from = from;
    e.to = to;
    e.text = message(said);
    e.arrow = text(arrow);
    std::string_view a = e.arrow;
    e.bidirectional = a.rfind("<<", 0) == 0;
    if (e.bidirectional) a.remove_prefix(2);
    // A leading half head (/|-, \\-, ...) is drawn at the sender.
    e.reverse_head = !a.empty() && (a[0] == '/' || a[0] == '\\');
    size_t dashes = 0;
    for (char c : a) dashes += c == '-';
    e.dotted = dashes >= 2;
    std::string_view head = a;
    while (!head.empty() && head.front() == '-') head.remove_prefix(1);
    while (!head.empty() && head.back() == '-') head.remove_suffix(1);
    if (head == ">>") e.head = SeqHead::Filled;
    else if (head == ">") e.head = SeqHead::None;
    else if (head == "x" || head == "X") e.head = SeqHead::Cross;
    else if (head == ")") e.head = SeqHead::Open;
    else if (head == "|\\") e.head = e.reverse_head ? SeqHead::HalfBottom : SeqHead::HalfTop;
    else if (head == "|/") e.head = e.reverse_head ? SeqHead::HalfTop : SeqHead::HalfBottom;
    else if (head == "\\\\") e.head = e.reverse_head ? SeqHead::StickBottom : SeqHead::StickTop;
    else if (head == "//") e.head = e.reverse_head ? SeqHead::StickTop : SeqHead::StickBottom;
    else if (head == "/|") e.head = SeqHead::HalfTop;
    else if (head == "\\|") e.head = SeqHead::HalfBottom;
    if (act == 1) event(SeqEventKind::ActivateStart, at).from = to;
    if (act == -1) event(SeqEventKind::ActivateEnd, at).from = from;
  }

  void block_event(SeqEventKind kind) {
    SeqEvent& e = event(kind, peek());
    std::string w = text(peek());
    for (char& c : w) c = lower(c);
    e.block = w;
    if (this->kind(1) == K_REST) e.text = message(text(peek(1)));
  }

  // parseBoxData: a leading colour (a CSS colour word, rgb()/rgba()/hsl()/hsla()), then the label.
  void open_box(std::string_view rest) {
    SeqBox b;
    std::string all = trim(rest);
    std::string_view v = all;
    size_t n = 0;
    if (lit_ci(v, 0, "rgb") || lit_ci(v, 0, "hsl")) {
      size_t close = v.rfind(')');
      if (v.find('(') != std::string_view::npos && close != std::string_view::npos) n = close + 1;
    } else {
      while (n < v.size() && is_word(v[n])) ++n;
      if (!css_color_word(v.substr(0, n))) n = 0;
    }
    b.color = std::string(v.substr(0, n));
    b.label = trim(v.substr(n));
    m_->boxes.push_back(std::move(b));
    box_ = static_cast<int>(m_->boxes.size() - 1);
  }
  static bool css_color_word(std::string_view w) {
    static constexpr std::string_view kNames[] = {
        "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque", "black", "blanchedalmond", "blue",
        "blueviolet", "brown", "burlywood", "cadetblue", "chartreuse", "chocolate", "coral", "cornflowerblue", "cornsilk",
        "crimson", "cyan", "darkblue", "darkcyan", "darkgoldenrod", "darkgray", "darkgreen", "darkgrey", "darkkhaki",
        "darkmagenta", "darkolivegreen", "darkorange", "darkorchid", "darkred", "darksalmon", "darkseagreen",
        "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise", "darkviolet", "deeppink", "deepskyblue",
        "dimgray", "dimgrey", "dodgerblue", "firebrick", "floralwhite", "forestgreen", "fuchsia", "gainsboro",
        "ghostwhite", "gold", "goldenrod", "gray", "green", "greenyellow", "grey", "honeydew", "hotpink", "indianred",
        "indigo", "ivory", "khaki", "lavender", "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral",
        "lightcyan", "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey", "lightpink", "lightsalmon",
        "lightseagreen", "lightskyblue", "lightslategray", "lightslategrey", "lightsteelblue", "lightyellow", "lime",
        "limegreen", "linen", "magenta", "maroon", "mediumaquamarine", "mediumblue", "mediumorchid", "mediumpurple",
        "mediumseagreen", "mediumslateblue", "mediumspringgreen", "mediumturquoise", "mediumvioletred", "midnightblue",
        "mintcream", "mistyrose", "moccasin", "navajowhite", "navy", "oldlace", "olive", "olivedrab", "orange",
        "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise", "palevioletred", "papayawhip",
        "peachpuff", "peru", "pink", "plum", "powderblue", "purple", "rebeccapurple", "red", "rosybrown", "royalblue",
        "saddlebrown", "salmon", "sandybrown", "seagreen", "seashell", "sienna", "silver", "skyblue", "slateblue",
        "slategray", "slategrey", "snow", "springgreen", "steelblue", "tan", "teal", "thistle", "tomato",
        "transparent", "turquoise", "violet", "wheat", "white", "whitesmoke", "yellow", "yellowgreen"};
    // In a browser Mermaid asks CSS.supports('color', word): colour names in any case.
    for (std::string_view n : kNames)
      if (w.size() == n.size() && lit_ci(w, 0, n)) return true;
    return false;
  }

  const Prepared& p_;
  std::string_view s_;
  SequenceModel* m_ = nullptr;
  int box_ = -1;  // the open box's index in the model
  std::vector<Op> ops_;
  std::vector<Diagnostic>* out_ = nullptr;
};

}  // namespace

namespace {
// The one place that lexes and parses, for validation (no model) and for the model: one call
// site keeps the compiler's inlining of the lexer what it was before the model existed.
void lex_and_parse(const Prepared& p, std::vector<Diagnostic>& out, SequenceModel* model) {
  std::vector<Tok> toks;
  toks.reserve(p.text().size() / 4 + 8);
  Lexer(p.text()).run(toks);
  Parser(p, std::move(toks), model).run(out);
}
}  // namespace

void validate_sequence(const Prepared& p, std::vector<Diagnostic>& out) {
  lex_and_parse(p, out, p.models ? p.models->sequence : nullptr);
}

SequenceParse parse_sequence(std::string_view source) {
  SequenceParse r;
  Models sinks;
  sinks.sequence = &r.model;
  r.result = validate(source, sinks);
  if (!r.result.valid) r.model = SequenceModel{};
  return r;
}

}  // namespace specgate::mermaid
