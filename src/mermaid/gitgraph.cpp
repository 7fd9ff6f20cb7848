// gitGraph validator. Mermaid 11.17.2 parses gitGraph with its Langium grammar (gitGraph.langium
// plus the common terminals): a case-sensitive lexer in which keywords win unless a longer
// REFERENCE matches (so a branch named 'LR' or 'commit' is a keyword, and 'titlebar' starts with
// a TITLE token), then
//   NEWLINE* ('gitGraph' | 'gitGraph' ':' | 'gitGraph:' | 'gitGraph' (LR|TB|BT) ':')
//   ( NEWLINE | (title|accTitle|accDescr) EOL | commit | branch | merge | checkout | cherry-pick )*
// and then replays the database's checks: branches must exist before checkout or merge and must
// not be created twice, merges need commits on both sides, cherry-picks need an existing commit.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "mermaid/diagrams.h"
#include "mermaid/langium_parser.h"
#include "mermaid/langium_terms.h"
#include "mermaid/lexkit.h"

namespace specgate::mermaid {
namespace {

enum Kind : int {
  T_END, T_CHERRY_PICK, T_HEADER_COLON, T_HIGHLIGHT, T_GITGRAPH, T_CHECKOUT, T_REVERSE, T_PARENT,
  T_COMMIT, T_NORMAL, T_BRANCH, T_ORDER, T_SWITCH, T_TYPE, T_MERGE, T_MSG, T_TAG, T_ID, T_LR, T_TB,
  T_BT, T_COLON, T_ACC, T_INT, T_STRING, T_NL, T_REFERENCE
};

struct Keyword {
  std::string_view text;
  Kind kind;
  bool longer_alt;  // yields to a longer REFERENCE
};

// Langium orders keywords longest first (stable among equal lengths, as in the shipped lexer).
const Keyword kKeywords[] = {
    {"cherry-pick", T_CHERRY_PICK, true}, {"gitGraph:", T_HEADER_COLON, false},
    {"HIGHLIGHT", T_HIGHLIGHT, true},     {"gitGraph", T_GITGRAPH, true},
    {"checkout", T_CHECKOUT, true},       {"REVERSE", T_REVERSE, true},
    {"parent:", T_PARENT, false},         {"commit", T_COMMIT, true},
    {"NORMAL", T_NORMAL, true},           {"branch", T_BRANCH, true},
    {"order:", T_ORDER, false},           {"switch", T_SWITCH, true},
    {"type:", T_TYPE, false},             {"merge", T_MERGE, true},
    {"msg:", T_MSG, false},               {"tag:", T_TAG, false},
    {"id:", T_ID, false},                 {"LR", T_LR, true},
    {"TB", T_TB, true},                   {"BT", T_BT, true},
    {":", T_COLON, false},
};

// REFERENCE: \w([-\./\w]*[-\w])?
size_t reference(std::string_view s, size_t i) {
  if (!is_word(langium::at(s, i))) return 0;
  size_t e = i + 1, last = e;
  while (e < s.size() && (is_word(s[e]) || s[e] == '-' || s[e] == '.' || s[e] == '/')) {
    ++e;
    if (s[e - 1] != '.' && s[e - 1] != '/') last = e;
  }
  return last - i;
}

void lex(std::string_view s, std::vector<LexTok>& out, size_t& error) {
  using namespace langium;
  size_t i = 0;
  error = std::string_view::npos;
  auto push = [&](int k, size_t n) {
    out.push_back(LexTok{k, static_cast<uint32_t>(i), static_cast<uint32_t>(i + n)});
    i += n;
  };
  while (i < s.size()) {
    bool done = false;
    for (const Keyword& k : kKeywords) {
      if (!lit(s, i, k.text)) continue;
      if (k.kind == T_GITGRAPH && !keyword_end(s, i + 8)) continue;
      size_t n = k.text.size();
      if (k.longer_alt && reference(s, i) > n) {
        push(T_REFERENCE, reference(s, i));
      } else {
        push(k.kind, n);
      }
      done = true;
      break;
    }
    if (done) continue;
    if (size_t n = acc_or_title(s, i)) {
      push(T_ACC, n);
    } else if (size_t n3 = int_num(s, i)) {
      push(T_INT, n3);
    } else if (size_t n4 = string(s, i)) {
      push(T_STRING, n4);
    } else if (size_t n5 = newline(s, i)) {
      push(T_NL, n5);
    } else if (size_t n6 = skipped(s, i)) {
      i += n6;
    } else if (size_t n8 = reference(s, i)) {
      push(T_REFERENCE, n8);
    } else {
      error = i;
      break;
    }
  }
  out.push_back(LexTok{T_END, static_cast<uint32_t>(i), static_cast<uint32_t>(i)});
}

// Langium's STRING value: quotes removed, backslash escapes resolved (enough for comparing names).
std::string string_value(std::string_view tok) {
  std::string v;
  for (size_t k = 1; k + 1 < tok.size(); ++k) {
    if (tok[k] == '\\' && k + 2 < tok.size()) ++k;
    v += tok[k];
  }
  return v;
}

// mainBranchName from front matter or an init directive; "" when unset, nullopt-like flag when
// present but unreadable (then the branch checks are skipped: unsure means report less).
bool main_branch_name(std::string_view src, std::string& name) {
  name = "main";
  size_t k = src.find("mainBranchName");
  if (k == std::string_view::npos) return true;
  size_t j = k + 14;
  if (j < src.size() && (src[j] == '\'' || src[j] == '"')) ++j;
  j = skip_blank(src, j);
  if (j >= src.size() || src[j] != ':') return false;
  j = skip_blank(src, j + 1);
  if (j >= src.size()) return false;
  char q = src[j];
  if (q == '\'' || q == '"') {
    size_t e = src.find(q, j + 1);
    if (e == std::string_view::npos) return false;
    name.assign(src.substr(j + 1, e - j - 1));
  } else {
    size_t e = j;
    while (e < src.size() && src[e] != '\n' && src[e] != '\r' && src[e] != ',' && src[e] != '}' &&
           src[e] != ' ' && src[e] != '#')
      ++e;
    name.assign(src.substr(j, e - j));
  }
  return !name.empty();
}

enum CommitType { C_NORMAL, C_REVERSE, C_HIGHLIGHT, C_MERGE, C_CHERRY_PICK };

struct Commit {
  std::string branch;
  int type = C_NORMAL;
  std::vector<std::string> parents;
};

class Parser : langium::TokenParser<T_END, T_NL> {
 public:
  Parser(const Prepared& p, std::vector<Diagnostic>& out) : TokenParser(p, out) {}

  void run() {
    size_t lex_error = 0;
    lex(s_, t_, lex_error);
    check_db_ = main_branch_name(p_.src, curr_);
    branches_[curr_] = "";
    parse();
    if (lexer_error_first(lex_error)) lexer_error(lex_error);
  }

 private:
  std::string text(const LexTok& t) const { return std::string(s_.substr(t.begin, t.end - t.begin)); }
  // A branch name: REFERENCE or STRING.
  bool name(std::string& out, const char* what_for) {
    if (kind() == T_REFERENCE) {
      out = text(peek());
    } else if (kind() == T_STRING) {
      out = string_value(text(peek()));
    } else {
      std::string hint = "branch names are words such as feature/login; quote other names: \"my branch\"";
      if (kind() != T_NL && kind() != T_END && kind() != T_STRING && kind() != T_INT &&
          kind() != T_ACC)
        hint = "'" + text(peek()) + "' is a gitGraph keyword; quote it to use it as a name: \"" + text(peek()) + "\"";
      else if (kind() == T_ACC || kind() == T_INT)
        hint = "quote the branch name: \"" + text(peek()) + "\"";
      unexpected(what_for, hint);
      return false;
    }
    advance();
    return true;
  }
  bool quoted(std::string* out) {
    if (kind() != T_STRING) {
      unexpected("a quoted string", "quote the value: id: \"abc\"");
      return false;
    }
    if (out) *out = string_value(text(peek()));
    advance();
    return true;
  }
  bool commit_type(int& type) {
    if (kind() == T_NORMAL || kind() == T_REVERSE || kind() == T_HIGHLIGHT) {
      type = kind() == T_NORMAL ? C_NORMAL : kind() == T_REVERSE ? C_REVERSE : C_HIGHLIGHT;
      advance();
      return true;
    }
    unexpected("NORMAL, REVERSE or HIGHLIGHT", "commit types are upper case: type: HIGHLIGHT");
    return false;
  }

  void parse() {
    while (kind() == T_NL) advance();
    if (kind() == T_HEADER_COLON) {
      advance();
    } else if (kind() == T_GITGRAPH) {
      advance();
      if (kind() == T_COLON) {
        advance();
      } else if (kind() == T_LR || kind() == T_TB || kind() == T_BT) {
        advance();
        if (kind() != T_COLON) return unexpected("':' after the direction", "write 'gitGraph LR:'");
        advance();
      }
    } else {
      return unexpected("'gitGraph'", "");
    }
    while (out_.empty()) {
      const LexTok start = peek();
      switch (kind()) {
        case T_END:
          return;
        case T_NL:
          advance();
          continue;
        case T_ACC:
          advance();
          if (!eol("put the next statement on its own line")) return;
          continue;
        case T_COMMIT: {
          advance();
          std::string id;
          bool has_id = false;
          int type = C_NORMAL;
          while (true) {
            if (kind() == T_ID) {
              advance();
              if (!quoted(&id)) return;
              has_id = true;
            } else if (kind() == T_MSG) {
              advance();
              if (!quoted(nullptr)) return;
            } else if (kind() == T_STRING) {
              advance();
            } else if (kind() == T_TAG) {
              advance();
              if (!quoted(nullptr)) return;
            } else if (kind() == T_TYPE) {
              advance();
              if (!commit_type(type)) return;
            } else {
              break;
            }
          }
          if (!eol("commit options are id: \"x\", msg: \"x\", tag: \"x\", type: NORMAL|REVERSE|HIGHLIGHT"))
            return;
          db_commit(has_id ? id : generated(), type, {});
          continue;
        }
        case T_BRANCH: {
          advance();
          std::string n;
          if (!name(n, "a branch name")) return;
          if (kind() == T_ORDER) {
            advance();
            if (kind() != T_INT) return unexpected("a whole number", "write 'branch name order: 2'");
            advance();
          }
          if (!eol("write 'branch name' or 'branch name order: 2'")) return;
          if (!db_branch(start, n)) return;
          continue;
        }
        case T_MERGE: {
          advance();
          std::string n, id;
          bool has_id = false;
          if (!name(n, "the branch to merge")) return;
          int type = C_MERGE;
          while (true) {
            if (kind() == T_ID) {
              advance();
              if (!quoted(&id)) return;
              has_id = true;
            } else if (kind() == T_TAG) {
              advance();
              if (!quoted(nullptr)) return;
            } else if (kind() == T_TYPE) {
              advance();
              if (!commit_type(type)) return;
            } else {
              break;
            }
          }
          if (!eol("merge options are id: \"x\", tag: \"x\", type: NORMAL|REVERSE|HIGHLIGHT")) return;
          if (!db_merge(start, n, has_id ? id : "")) return;
          continue;
        }
        case T_CHECKOUT:
        case T_SWITCH: {
          advance();
          std::string n;
          if (!name(n, "a branch name")) return;
          if (!eol("write 'checkout name'")) return;
          if (!db_checkout(start, n)) return;
          continue;
        }
        case T_CHERRY_PICK: {
          advance();
          std::string id, parent;
          bool has_parent = false;
          while (true) {
            if (kind() == T_ID) {
              advance();
              if (!quoted(&id)) return;
            } else if (kind() == T_TAG) {
              advance();
              if (!quoted(nullptr)) return;
            } else if (kind() == T_PARENT) {
              advance();
              if (!quoted(&parent)) return;
              has_parent = true;
            } else {
              break;
            }
          }
          if (!eol("cherry-pick options are id: \"x\", tag: \"x\", parent: \"x\"")) return;
          if (!db_cherry_pick(start, id, has_parent ? parent : "")) return;
          continue;
        }
        default: {
          std::string t = text(peek());
          std::string guess = suggest(t, {"commit", "branch", "merge", "checkout", "switch", "cherry-pick"});
          if (kind() == T_REFERENCE && !guess.empty())
            return fail(peek(), "unknown statement '" + t + "'", "a statement",
                        "did you mean '" + guess + "'? (keywords are case-sensitive)");
          return unexpected("commit, branch, merge, checkout or cherry-pick",
                            "gitGraph statements are commit, branch, merge, checkout/switch and cherry-pick");
        }
      }
    }
  }

  void lexer_error(size_t off) {
    at_ = off;
    std::string found = describe(s_, off, utf8_seq_len(s_, off));
    std::string msg = "unexpected character " + found;
    std::string hint = "quote names and values: branch \"my branch\", commit id: \"abc\"";
    if (s_[off] == '"' || s_[off] == '\'') msg = "unclosed quoted string", hint = "close the string";
    out_.push_back(diag_at(p_, off, msg, found, "a gitGraph statement", hint));
  }

  // --- the database ---
  // A generated commit id, never equal to a user's id.
  std::string generated() {
    std::string id(1, '\x01');
    id += std::to_string(seq_);
    return id;
  }
  std::string head_id() const { return head_; }
  void db_commit(const std::string& id, int type, std::vector<std::string> extra_parents) {
    Commit c;
    c.branch = curr_;
    c.type = type;
    if (has_head_) c.parents.push_back(head_);
    for (auto& e : extra_parents) c.parents.push_back(e);
    ++seq_;
    commits_[id] = std::move(c);
    head_ = id;
    has_head_ = true;
    branches_[curr_] = id;
  }
  const Commit* commit_of(const std::string& branch) const {
    auto b = branches_.find(branch);
    if (b == branches_.end() || b->second.empty()) return nullptr;
    auto c = commits_.find(b->second);
    return c == commits_.end() ? nullptr : &c->second;
  }
  bool db_checkout(const LexTok& at, const std::string& n) {
    if (!check_db_) return true;
    auto b = branches_.find(n);
    if (b == branches_.end()) {
      fail(at, "checkout of branch '" + n + "', which does not exist yet", "an existing branch",
           "create it first with 'branch " + n + "'");
      return false;
    }
    curr_ = n;
    auto c = b->second.empty() ? commits_.end() : commits_.find(b->second);
    has_head_ = c != commits_.end();
    head_ = has_head_ ? b->second : "";
    return true;
  }
  bool db_branch(const LexTok& at, const std::string& n) {
    if (!check_db_) return true;
    if (branches_.count(n)) {
      fail(at, "branch '" + n + "' already exists", "a new branch name",
           "use 'checkout " + n + "' to switch to it, or pick a new name");
      return false;
    }
    branches_[n] = has_head_ ? head_ : "";
    return db_checkout(at, n);
  }
  bool db_merge(const LexTok& at, const std::string& other, const std::string& custom_id) {
    if (!check_db_) return true;
    const Commit* cur = commit_of(curr_);
    const Commit* oth = commit_of(other);
    auto bad = [&](std::string msg, std::string hint) {
      fail(at, std::move(msg), "a valid merge", std::move(hint));
      return false;
    };
    if (cur && oth && cur->branch == other)
      return bad("cannot merge branch '" + other + "' into itself", "check out the branch to merge into first");
    if (curr_ == other)
      return bad("cannot merge branch '" + other + "' into itself", "check out the branch to merge into first");
    if (!cur) return bad("the current branch (" + curr_ + ") has no commits to merge into", "add a commit first");
    if (!branches_.count(other))
      return bad("branch to be merged (" + other + ") does not exist", "create it with 'branch " + other + "'");
    if (!oth) return bad("branch to be merged (" + other + ") has no commits", "commit on it before merging");
    if (cur == oth) return bad("both branches have the same head commit", "commit on one of them before merging");
    if (!custom_id.empty() && commits_.count(custom_id))
      return bad("a commit with id '" + custom_id + "' already exists", "use a different id");
    std::string merged = branches_[other];
    db_commit(custom_id.empty() ? generated() : custom_id, C_MERGE, {merged});
    return true;
  }
  bool db_cherry_pick(const LexTok& at, const std::string& id, const std::string& parent) {
    if (!check_db_) return true;
    auto bad = [&](std::string msg, std::string hint) {
      fail(at, std::move(msg), "a valid cherry-pick", std::move(hint));
      return false;
    };
    auto src = id.empty() ? commits_.end() : commits_.find(id);
    if (src == commits_.end())
      return bad("cherry-pick needs the id of an existing commit", "write cherry-pick id: \"commit-id\" after that commit");
    const Commit source = src->second;
    if (!parent.empty()) {
      bool found = false;
      for (auto& p : source.parents) found = found || p == parent;
      if (!found) return bad("'" + parent + "' is not an immediate parent of the cherry-picked commit", "use one of its parents' ids");
    }
    if (source.type == C_MERGE && parent.empty())
      return bad("cherry-picking a merge commit needs parent: \"id\"", "add parent: \"<id of one of its parents>\"");
    if (source.branch == curr_)
      return bad("the commit to cherry-pick is already on the current branch", "check out another branch first");
    if (!commit_of(curr_)) return bad("the current branch (" + curr_ + ") has no commits", "add a commit first");
    db_commit(generated(), C_CHERRY_PICK, {id});
    return true;
  }

  bool check_db_ = true;
  std::map<std::string, std::string> branches_;  // name -> head commit id ("" = none)
  std::map<std::string, Commit> commits_;
  std::string curr_;
  std::string head_;
  bool has_head_ = false;
  long seq_ = 0;
};

}  // namespace

void validate_gitgraph(const Prepared& p, std::vector<Diagnostic>& out) { Parser(p, out).run(); }

}  // namespace specgate::mermaid
