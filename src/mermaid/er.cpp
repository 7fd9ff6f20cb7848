// ER diagram validator. Emulates erDiagram.jison: a case-insensitive lexer with the block
// (attributes) and style start conditions, first match wins, then the statement grammar.
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/er_model.h"
#include "mermaid/jison_lexer.h"
#include "mermaid/models.h"
#include "mermaid/token_cursor.h"

namespace specgate::mermaid {
namespace {

enum State : uint8_t { E_INITIAL, E_BLOCK, E_ACC_TITLE, E_ACC_DESCR, E_ACC_ML, E_STYLE };

enum Kind : uint8_t {
  X_EOF, X_ERROR, X_ACC_TITLE, X_ACC_VALUE, X_ACC_DESCR, X_ACC_ML, X_DIRECTION, X_NEWLINE,
  X_ENTITY_NAME, X_WORD, X_ER, X_BLOCK_START, X_BRKT, X_COMMA, X_STYLE_SEP, X_COLON, X_KEY,
  X_ATTR_WORD, X_COMMENT, X_BLOCK_STOP, X_CHAR, X_SQS, X_SQE, X_STYLE, X_CLASSDEF, X_CLASS,
  X_CARD, X_DECIMAL, X_ENTITY_ONE, X_NUM, X_REL, X_STYLE_TEXT, X_SEMI, X_UNICODE, X_SUBGRAPH, X_END
};

struct Tok {
  Kind kind;
  uint32_t begin;
  uint32_t end;
};

bool high(char c) { return static_cast<unsigned char>(c) >= 0x80; }

class Lexer : public TokenListLexer<Lexer, State, Tok, X_EOF, X_ERROR> {
 public:
  explicit Lexer(std::string_view s) : TokenListLexer(s, E_INITIAL) {}

 private:
  friend TokenListLexer;

  size_t match_direction(size_t i) const {
    size_t le = line_end(s_, i);
    size_t best = std::string::npos;
    for (size_t f = i; f + 9 <= le; ++f) {
      if (!lit_ci(s_, f, "direction")) continue;
      size_t w = skip_space(s_, f + 9);
      if (w == f + 9) continue;
      static constexpr std::string_view kDirections[] = {"TB", "BT", "RL", "LR"};
      for (std::string_view c : kDirections)
        if (lit_ci(s_, w, c)) best = line_end(s_, w);
    }
    return best == std::string::npos ? 0 : best - i;
  }

  bool next(Kind& k) {
    const State s = top();
    const size_t i = pos_;
    const char c = at(i);
    const bool eof = i >= s_.size();
    size_t n = 0;
    if (s == E_INITIAL && lit_ci(s_, i, "accTitle")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        push(E_ACC_TITLE);
        return take(skip_space(s_, j + 1) - i, X_ACC_TITLE, k);
      }
    }
    if (s == E_ACC_TITLE || s == E_ACC_DESCR) {
      pop();
      return take(line_end(s_, i) - i, X_ACC_VALUE, k);
    }
    if (s == E_INITIAL && lit_ci(s_, i, "accDescr")) {
      size_t j = skip_space(s_, i + 8);
      if (at(j) == ':') {
        push(E_ACC_DESCR);
        return take(skip_space(s_, j + 1) - i, X_ACC_DESCR, k);
      }
      if (at(j) == '{') {
        push(E_ACC_ML);
        pos_ = skip_space(s_, j + 1);
        return false;
      }
    }
    if (s == E_ACC_ML) {
      if (c == '}' && !eof) {
        pop();
        pos_ = i + 1;
        return false;
      }
      size_t e = s_.find('}', i);
      return take((e == std::string::npos ? s_.size() : e) - i, X_ACC_ML, k);
    }
    if (s == E_INITIAL) {
      if ((n = match_direction(i))) return take(n, X_DIRECTION, k);
      if (c == '\n') {
        size_t e = i;
        while (at(e) == '\n') ++e;
        return take(e - i, X_NEWLINE, k);
      }
      if (js_space(s_, i)) {
        pos_ = skip_space(s_, i);
        return false;
      }
      if (c == '"') {
        size_t e = i + 1;
        bool plain = true;
        while (e < s_.size() && s_[e] != '"') {
          char d = s_[e];
          if (d == '%' || d == '\r' || d == '\n' || d == '\v' || d == '\b' || d == '\\') plain = false;
          ++e;
        }
        if (e < s_.size()) return take(e + 1 - i, plain && e > i + 1 ? X_ENTITY_NAME : X_WORD, k);
      }
      if (kw(i, "erDiagram")) return take(9, X_ER, k);
      if (c == '{') {
        push(E_BLOCK);
        return take(1, X_BLOCK_START, k);
      }
      if (c == '#') return take(1, X_BRKT, k);
      if (c == ',') return take(1, X_COMMA, k);
      if (lit(s_, i, ":::")) return take(3, X_STYLE_SEP, k);
      if (c == ':') return take(1, X_COLON, k);
    }
    if (s == E_BLOCK && !eof) {
      if ((n = js_space(s_, i))) {
        pos_ = skip_space(s_, i);
        return false;
      }
      static constexpr std::string_view kKeys[] = {"PK", "FK", "UK"};
      for (std::string_view key : kKeys)
        if (lit_ci(s_, i, key) && word_boundary(s_, i) && !is_word(at(i + 2))) return take(2, X_KEY, k);
      // ([^\s]*)[~].*[~]([^\s]*)
      {
        // The first '~' must sit in the leading non-space run; the last '~' of the line ends .*
        // Run end and next '~' are cached: tokens only move forward, so this stays linear.
        if (!(i >= run_begin_ && i < run_end_)) {
          run_begin_ = i;
          run_end_ = i;
          while (run_end_ < s_.size() && !js_space(s_, run_end_)) ++run_end_;
          tilde_ = i;
        }
        if (tilde_ < i) tilde_ = i;
        while (tilde_ < run_end_ && s_[tilde_] != '~') ++tilde_;
        size_t f = tilde_;
        if (f < run_end_) {
          size_t le = line_end(s_, i);
          size_t last = s_.substr(i, le - i).rfind('~');
          if (last != std::string_view::npos) last += i;
          if (last != std::string_view::npos && last > f && last < le) {
            size_t end = last + 1;
            while (end < s_.size() && !js_space(s_, end)) ++end;
            return take(end - i, X_ATTR_WORD, k);
          }
        }
      }
      auto start_ok = [&](char d) { return d == '*' || is_alpha(d) || d == '_' || high(d); };
      auto rest_ok = [&](char d) {
        return is_word(d) || d == '-' || d == '[' || d == ']' || d == '(' || d == ')' || d == '*' ||
               d == '.' || d == ',' || high(d);
      };
      if (start_ok(c)) {
        size_t e = i + 1;
        while (e < s_.size() && rest_ok(s_[e])) ++e;
        return take(e - i, X_ATTR_WORD, k);
      }
      if (c == '"') {
        size_t e = s_.find('"', i + 1);
        if (e != std::string::npos) return take(e + 1 - i, X_COMMENT, k);
      }
      if (c == '}') {
        pop();
        return take(1, X_BLOCK_STOP, k);
      }
      return take(utf8_seq_len(s_, i), X_CHAR, k);
    }
    if (s == E_INITIAL) {
      if (c == '[') return take(1, X_SQS, k);
      if (c == ']') return take(1, X_SQE, k);
      if (kw(i, "style")) {
        push(E_STYLE);
        return take(5, X_STYLE, k);
      }
    }
    if (s == E_STYLE && !eof) {
      if (c == '\n') {
        size_t e = i;
        while (at(e) == '\n') ++e;
        pop();
        return take(e - i, X_NEWLINE, k);
      }
      if (js_space(s_, i)) {
        pos_ = skip_space(s_, i);
        return false;
      }
      if (c == ':') return take(1, X_COLON, k);
      if (c == ',') return take(1, X_COMMA, k);
      if (c == '#') return take(1, X_BRKT, k);
    }
    if (s == E_INITIAL) {
      if (kw(i, "classDef")) {
        push(E_STYLE);
        return take(8, X_CLASSDEF, k);
      }
      if (kw(i, "class")) return take(5, X_CLASS, k);
      // Mermaid 11.17's ER grammar has subgraph ... end blocks.
      if (kw(i, "subgraph")) return take(8, X_SUBGRAPH, k);
      if (lit_ci(s_, i, "end") && !is_word(at(i + 3))) return take(skip_space(s_, i + 3) - i, X_END, k);
      static constexpr std::string_view words[] = {"one or zero", "one or more", "one or many", "1+", "|o",
                                                   "zero or one", "zero or more", "zero or many", "0+", "}o",
                                                   "many(0)", "many(1)", "many", "}|", "one", "only one"};
      for (std::string_view w : words)
        if (kw(i, w)) return take(w.size(), X_CARD, k);
      if (is_digit(c)) {
        size_t e = i;
        while (is_digit(at(e))) ++e;
        if (at(e) == '.' && is_digit(at(e + 1))) {
          size_t f = e + 1;
          while (is_digit(at(f))) ++f;
          return take(f - i, X_DECIMAL, k);
        }
      }
      if (c == '1') {
        size_t w = skip_space(s_, i + 1);
        char d = at(w);
        if (w > i + 1 && (is_alpha(d) || d == '_' || d == '"' || d == '\'' || is_digit(d)))
          return take(1, X_CARD, k);
        if (lit(s_, i + 1, "--") || lit(s_, i + 1, "..") || lit(s_, i + 1, ".-") || lit(s_, i + 1, "-."))
          return take(1, X_CARD, k);
        if (!is_word(at(i + 1))) return take(1, X_ENTITY_ONE, k);
      }
      if (is_digit(c)) {
        size_t e = i;
        while (is_digit(at(e))) ++e;
        return take(e - i, X_NUM, k);
      }
      static constexpr std::string_view kCards[] = {"||", "o|", "o{", "|{"};
      for (std::string_view w : kCards)
        if (lit_ci(s_, i, w)) return take(2, X_CARD, k);
      if ((c == 'u' || c == 'U') && (at(i + 1) == '.' || at(i + 1) == '-' || at(i + 1) == '|'))
        return take(1, X_CARD, k);
      if (lit(s_, i, "..") || lit(s_, i, "--")) return take(2, X_REL, k);
      if (kw(i, "to")) return take(2, X_REL, k);
      if (kw(i, "optionally to")) return take(13, X_REL, k);
      if (lit(s_, i, ".-") || lit(s_, i, "-.")) return take(2, X_REL, k);
    }
    if (s == E_STYLE && !eof) {
      size_t e = i;
      while (e < s_.size() && (high(s_[e]) || is_word(s_[e]) || s_[e] == '-' || s_[e] == '*')) ++e;
      if (e > i) return take(e - i, X_STYLE_TEXT, k);
      if (c == ';') return take(1, X_SEMI, k);
    }
    if (s == E_INITIAL && !eof) {
      size_t e = i;
      while (e < s_.size() && (high(s_[e]) || is_word(s_[e]) || s_[e] == '-' || s_[e] == '*' || s_[e] == '.')) ++e;
      if (e > i) return take(e - i, X_UNICODE, k);
      return take(utf8_seq_len(s_, i), X_CHAR, k);
    }
    if (eof) {
      done_ = true;
      return take(0, X_EOF, k);
    }
    error_ = true;
    return false;
  }

  size_t run_begin_ = 1, run_end_ = 0, tilde_ = 0;
};

class Parser : TokenCursor<Tok> {
 public:
  // With a model, the grammar's actions also fill it (validation-only runs pass none).
  Parser(const Prepared& p, std::vector<Tok> t, ErModel* model = nullptr)
      : TokenCursor(std::move(t)), p_(p), s_(p.text()), m_(model) {}
  void run(std::vector<Diagnostic>& out) {
    out_ = &out;
    parse();
  }

 private:
  bool failed() const { return !out_->empty(); }
  void fail(const Tok& t, std::string msg, std::string expected, std::string hint = "") {
    if (failed()) return;
    size_t len = t.kind == X_ERROR ? (t.begin < s_.size() ? utf8_seq_len(s_, t.begin) : 0) : t.end - t.begin;
    std::string found = t.kind == X_EOF ? "end of diagram" : describe(s_, t.begin, len);
    out_->push_back(diag_at(p_, t.begin, std::move(msg), found, std::move(expected), std::move(hint)));
  }
  void unexpected(std::string expected, std::string hint = "") {
    const Tok& t = peek();
    std::string_view tx = s_.substr(t.begin, t.end - t.begin);
    if (t.kind == X_CHAR && tx == "%" && t.begin + 1 < s_.size() && s_[t.begin + 1] == '%') {
      fail(t, "a '%%' comment must be on its own line in an ER diagram", std::move(expected),
           "move the comment to a line of its own");
      return;
    }
    if (t.kind == X_ERROR) {
      fail(t, "unrecognized text " + describe(s_, t.begin, utf8_seq_len(s_, t.begin)), std::move(expected), std::move(hint));
      return;
    }
    std::string what = t.kind == X_EOF ? "end of diagram" : t.kind == X_NEWLINE ? "end of line" : describe(s_, t.begin, t.end - t.begin);
    fail(t, "unexpected " + what, std::move(expected), std::move(hint));
  }
  static bool entity(Kind k) {
    return k == X_ENTITY_NAME || k == X_UNICODE || k == X_NUM || k == X_DECIMAL || k == X_ENTITY_ONE;
  }
  bool id_list(std::vector<std::string>* names = nullptr) {
    if (kind() != X_UNICODE && kind() != X_STYLE_TEXT) {
      unexpected("a class name");
      return false;
    }
    if (names) names->push_back(tx(peek()));
    advance();
    while (kind() == X_COMMA && (kind(1) == X_UNICODE || kind(1) == X_STYLE_TEXT)) {
      if (names) names->push_back(tx(peek(1)));
      i_ += 2;
    }
    return true;
  }
  // The declarations as written (`fill:#f9f,stroke:#333`) into `css` when asked.
  bool styles(std::string* css = nullptr) {
    auto comp = [](Kind k) { return k == X_STYLE_TEXT || k == X_NUM || k == X_COLON || k == X_BRKT; };
    const uint32_t begin = peek().begin;
    uint32_t end = begin;
    while (true) {
      if (!comp(kind())) {
        unexpected("a style such as fill:#f9f");
        return false;
      }
      while (comp(kind())) {
        end = peek().end;
        advance();
      }
      if (kind() != X_COMMA) {
        if (css) {
          std::string_view v = s_.substr(begin, end - begin);
          while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
          while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
          *css = std::string(v);
        }
        return true;
      }
      advance();
    }
  }
  bool separator() {
    if (kind() == X_SEMI || kind() == X_NEWLINE) {
      advance();
      return true;
    }
    if (kind() == X_EOF) return true;
    unexpected("end of line or ';'");
    return false;
  }
  bool cardinality(const char* expected) {
    if (kind() != X_CARD) {
      unexpected(expected, "cardinalities are |o, ||, }o, }|, o|, o{, |{ (or words such as 'one or more')");
      return false;
    }
    advance();
    return true;
  }
  bool attributes(ErEntity* into = nullptr) {
    // Called after BLOCK_START; empty blocks are fine.
    while (kind() == X_ATTR_WORD) {
      ErAttribute a;
      if (into) a.type = generics(tx(peek()));
      advance();
      if (kind() != X_ATTR_WORD) {
        unexpected("an attribute name after its type", "attributes are 'type name [PK|FK|UK] [\"comment\"]'");
        return false;
      }
      if (into) a.name = tx(peek());
      advance();
      if (kind() == X_KEY) {
        if (into) a.keys.push_back(upper(tx(peek())));
        advance();
        while (kind() == X_CHAR && s_[peek().begin] == ',' && kind(1) == X_KEY) {
          if (into) a.keys.push_back(upper(tx(peek(1))));
          i_ += 2;
        }
      }
      if (kind() == X_COMMENT) {
        if (into) a.comment = unquote(tx(peek()));
        advance();
      }
      if (into) into->attributes.push_back(std::move(a));
    }
    if (kind() != X_BLOCK_STOP) {
      if (kind() == X_KEY) {
        unexpected("'}' or the next attribute", "separate key types with commas: PK, FK");
        return false;
      }
      if (kind() == X_EOF) {
        unexpected("'}' closing the entity's attributes", "add the closing '}'");
        return false;
      }
      unexpected("'}' or the next attribute", "attributes are 'type name [PK|FK|UK] [\"comment\"]'");
      return false;
    }
    advance();
    return true;
  }
  void parse() {
    if (kind() != X_ER) {
      unexpected("'erDiagram'");
      return;
    }
    advance();
    while (!failed()) {
      Kind k = kind();
      if (k == X_EOF) {
        if (!open_.empty()) fail(open_.back(), "subgraph is not closed", "'end'", "add a line 'end'");
        return;
      }
      if (k == X_NEWLINE || k == X_DIRECTION || k == X_ACC_ML) {
        if (m_ && k == X_DIRECTION) {
          std::string d = tx(peek());
          while (!d.empty() && (d.back() == ' ' || d.back() == '\t')) d.pop_back();
          if (d.size() >= 2) m_->direction = upper(d.substr(d.size() - 2));
        }
        advance();
        continue;
      }
      if (k == X_ACC_TITLE || k == X_ACC_DESCR) {
        advance();
        advance();
        continue;
      }
      if (k == X_CLASSDEF || k == X_STYLE) {
        advance();
        std::vector<std::string> ids;
        std::string css;
        if (id_list(m_ ? &ids : nullptr) && styles(m_ ? &css : nullptr)) separator();
        if (m_ && !failed())
          for (const std::string& id : ids) {
            // Mermaid's addCssStyles styles only an entity that exists; classDef only defines.
            const int e = m_->find(id);
            if (k == X_STYLE && e < 0) continue;
            std::string& d = k == X_CLASSDEF ? m_->class_defs[id] : m_->entities[static_cast<size_t>(e)].style;
            d += (d.empty() ? "" : ",") + css;
          }
        continue;
      }
      if (k == X_SUBGRAPH) {
        open_.push_back(peek());
        advance();
        while (kind() != X_NEWLINE && kind() != X_EOF && kind() != X_ERROR) advance();
        continue;
      }
      if (k == X_END) {
        if (open_.empty()) {
          fail(peek(), "'end' without an open subgraph", "an entity or relationship",
               "remove it; 'end' is a reserved word");
          return;
        }
        open_.pop_back();
        advance();
        continue;
      }
      if (k == X_CLASS) {
        advance();
        std::vector<std::string> ids, classes;
        if (id_list(m_ ? &ids : nullptr)) id_list(m_ ? &classes : nullptr);
        if (m_ && !failed())
          for (const std::string& id : ids) {
            ErEntity& e = entity_named(id);
            e.classes.insert(e.classes.end(), classes.begin(), classes.end());
          }
        continue;
      }
      if (!entity(k)) {
        unexpected("an entity name or relationship");
        return;
      }
      const Tok first = peek();
      advance();
      bool alias = false;
      std::string alias_text;
      if (kind() == X_SQS) {
        advance();
        if (!entity(kind())) {
          unexpected("an alias name inside [ ]");
          return;
        }
        if (m_) alias_text = unquote(tx(peek()));
        advance();
        if (kind() != X_SQE) {
          unexpected("']'");
          return;
        }
        advance();
        alias = true;
      }
      std::vector<std::string> classes;
      if (kind() == X_STYLE_SEP) {
        advance();
        if (!id_list(m_ ? &classes : nullptr)) return;
      }
      ErEntity* ent = nullptr;
      if (m_) {
        ent = &entity_named(unquote(tx(first)));
        if (alias) ent->label = alias_text;
        ent->classes.insert(ent->classes.end(), classes.begin(), classes.end());
      }
      if (kind() == X_BLOCK_START) {
        advance();
        attributes(ent);
        continue;
      }
      if (kind() == X_CARD && !alias) {
        ErRelation r;
        if (m_) {
          r.line = line_of(first);
          r.a = unquote(tx(first));
          r.card_a = card(tx(peek()));
        }
        advance();
        if (kind() != X_REL) {
          unexpected("'--' or '..' between the cardinalities", "write A ||--o{ B : label");
          return;
        }
        if (m_) {
          const std::string rel = tx(peek());
          r.identifying = rel == "--" || rel == "to";
        }
        advance();
        if (m_ && kind() == X_CARD) r.card_b = card(tx(peek()));
        if (!cardinality("the second cardinality")) return;
        if (!entity(kind())) {
          unexpected("the second entity name");
          return;
        }
        if (m_) r.b = unquote(tx(peek()));
        advance();
        std::vector<std::string> classes_b;
        if (kind() == X_STYLE_SEP) {
          advance();
          if (!id_list(m_ ? &classes_b : nullptr)) return;
        }
        if (m_) {
          ErEntity& eb = entity_named(r.b);
          eb.classes.insert(eb.classes.end(), classes_b.begin(), classes_b.end());
        }
        if (kind() != X_COLON) {
          unexpected("':' and a relationship label", "write A ||--o{ B : label");
          return;
        }
        advance();
        if (kind() != X_WORD && kind() != X_ENTITY_NAME && kind() != X_UNICODE) {
          unexpected("a relationship label (a word or a quoted string)", "quote the label: A ||--o{ B : \"label text\"");
          return;
        }
        if (m_) {
          r.label = unquote(tx(peek()));
          m_->relations.push_back(std::move(r));
        }
        advance();
        continue;
      }
      if (kind() == X_CARD && alias) {
        unexpected("'{' or end of line", "aliases (A[Alias]) are allowed only on an entity declaration, not in a relationship");
        return;
      }
    }
  }

  // ---- model building (only with a model) ----

  std::string tx(const Tok& t) const { return std::string(s_.substr(t.begin, t.end - t.begin)); }
  uint32_t line_of(const Tok& t) const {
    uint32_t line = 0, column = 0;
    p_.locate(t.begin, line, column);
    return line;
  }
  static std::string unquote(std::string v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
    return v;
  }
  static std::string upper(std::string v) {
    for (char& c : v)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return v;
  }
  // type~T~ is shown type<T>, as Mermaid draws it.
  static std::string generics(std::string v) {
    bool open = true;
    for (char& c : v) {
      if (c != '~') continue;
      c = open ? '<' : '>';
      open = !open;
    }
    return v;
  }
  static ErCardinality card(std::string v) {
    for (char& c : v) c = lower(c);
    if (v == "|o" || v == "o|" || v == "one or zero" || v == "zero or one") return ErCardinality::ZeroOrOne;
    if (v == "}o" || v == "o{" || v == "zero or more" || v == "zero or many" || v == "many(0)" || v == "0+" ||
        v == "many")
      return ErCardinality::ZeroOrMore;
    if (v == "}|" || v == "|{" || v == "one or more" || v == "one or many" || v == "many(1)" || v == "1+")
      return ErCardinality::OneOrMore;
    if (v == "u") return ErCardinality::MdParent;
    return ErCardinality::ExactlyOne;  // ||, one, only one, 1
  }
  ErEntity& entity_named(const std::string& id) {
    int i = m_->find(id);
    if (i >= 0) return m_->entities[static_cast<size_t>(i)];
    ErEntity e;
    e.id = id;
    e.label = id;
    m_->entities.push_back(std::move(e));
    return m_->entities.back();
  }

  const Prepared& p_;
  std::string_view s_;
  ErModel* m_ = nullptr;
  std::vector<Tok> open_;
  std::vector<Diagnostic>* out_ = nullptr;
};

}  // namespace

namespace {
// The one place that lexes and parses, for validation (no model) and for the model: one call
// site keeps the compiler's inlining of the lexer what it was before the model existed.
void lex_and_parse(const Prepared& p, std::vector<Diagnostic>& out, ErModel* model) {
  std::vector<Tok> toks;
  toks.reserve(p.text().size() / 4 + 8);
  Lexer(p.text()).run(toks);
  Parser(p, std::move(toks), model).run(out);
}
}  // namespace

void validate_er(const Prepared& p, std::vector<Diagnostic>& out) {
  lex_and_parse(p, out, p.models ? p.models->er : nullptr);
}

ErParse parse_er(std::string_view source) {
  ErParse r;
  Models sinks;
  sinks.er = &r.model;
  r.result = validate(source, sinks);
  if (!r.result.valid) r.model = ErModel{};
  return r;
}

}  // namespace specgate::mermaid
