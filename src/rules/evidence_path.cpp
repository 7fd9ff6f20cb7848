// evidence-path: a file cited as evidence does not exist. Specs written to an evidence rule end
// their claims with `Evidence: docs/X.md; src/y.py:42` and keep an Evidence Map table; a path
// there that names no file (renamed, moved, mistyped, never written) leaves the claim unsupported
// while it looks supported. A per-file rule with file-system access, like broken-link: it judges
// one spec's own lines, and needs no other spec. Paths are resolved from the repository root
// (the nearest folder upward holding `.git`, else the config file's folder) and from the spec's
// folder; without a root a path's base is unknown, and the rule says nothing.
#include <filesystem>
#include <memory>

#include <sys/stat.h>

#include "core/path_lexical.h"
#include "model/normalize.h"
#include "rules/link_targets.h"
#include "rules/rule.h"

namespace specgate {

namespace {

namespace fs = std::filesystem;

// Extensions of files a spec cites. A token needs a folder and one of these to count as a path:
// "status/TUI", "try/catch", "docs.github.com" and "v1.2" are not files.
bool file_extension(std::string_view ext) {
  static constexpr std::string_view known[] = {
      "md", "mdx", "markdown", "txt", "rst", "adoc", "json", "jsonl", "yaml", "yml", "toml", "ini", "cfg", "conf",
      "env", "xml", "csv", "tsv", "sql", "proto", "graphql", "py", "pyi", "ipynb", "js", "mjs", "cjs", "ts",
      "tsx", "jsx", "go", "rs", "c", "h", "cc", "cpp", "hpp", "cs", "java", "kt", "kts", "swift", "m", "rb", "php",
      "sh", "bash", "zsh", "ps1", "tf", "tfvars", "hcl", "lock", "mod", "sum", "gradle", "html", "css", "scss",
      "vue", "svelte", "lua", "dart", "ex", "exs", "scala", "clj", "r", "mmd", "puml", "svg", "png", "jpg", "pdf",
      "log", "patch", "diff", "dockerfile", "mk", "cmake", "bzl", "nix"};
  const std::string e = to_lower_ascii(ext);
  for (std::string_view k : known) {
    if (e == k) return true;
  }
  return false;
}

bool path_char(char c) {
  return ascii_alnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == '@';
}

// The path a token cites, or "" when it is not path-shaped. Strips the `:12` / `:12-20` /
// `#L12` line suffixes; refuses URLs, absolute and home paths (another machine's files), globs
// and template slots.
std::string_view path_of(std::string_view tok) {
  if (tok.find("://") != std::string_view::npos || istarts_with(tok, "www.")) return {};
  if (!tok.empty() && (tok.front() == '/' || tok.front() == '~')) return {};
  const size_t hash = tok.find('#');
  if (hash != std::string_view::npos) tok = tok.substr(0, hash);
  const size_t colon = tok.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view rest = tok.substr(colon + 1);
    if (rest.empty() || (!ascii_digit(rest.front()) && !(rest.front() == 'L' && rest.size() > 1 && ascii_digit(rest[1]))))
      return {};
    tok = tok.substr(0, colon);
  }
  if (tok.empty()) return {};
  for (char c : tok) {
    if (!path_char(c)) return {};
  }
  if (tok.find("//") != std::string_view::npos) return {};
  // A bare name ("loop.py", "(state.json)") names a file, not where it is: authors cite it
  // from wherever it lives in the tree. Only a path with a folder says where to look.
  const size_t slash = tok.rfind('/');
  if (slash == std::string_view::npos) return {};
  const std::string_view name = tok.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return {};
  if (!file_extension(name.substr(dot + 1))) return {};
  return tok;
}

// Calls f(token) for each whitespace/`;`/`,`-separated token of `text` (views into it), with
// backticks, quotes and surrounding brackets and punctuation stripped. Markdown links are
// broken-link's: a token holding "](" is skipped.
template <typename F>
void each_token(std::string_view text, F f) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (ascii_space(text[i]) || text[i] == ';' || text[i] == ',')) ++i;
    size_t j = i;
    while (j < text.size() && !ascii_space(text[j]) && text[j] != ';' && text[j] != ',') ++j;
    std::string_view tok = text.substr(i, j - i);
    i = j;
    if (tok.find("](") != std::string_view::npos || tok.find('[') != std::string_view::npos) continue;
    while (!tok.empty() && contains_any_of(tok.substr(0, 1), "`'\"(*_")) tok.remove_prefix(1);
    while (!tok.empty() && contains_any_of(tok.substr(tok.size() - 1), "`'\").:*_")) tok.remove_suffix(1);
    if (!tok.empty()) f(tok);
  }
}

// Where the text after an "Evidence:" label starts on this line, or npos. The label may carry
// bold markup ("**Evidence:**"); one inside a code span ("`Evidence:`") is a mention, not a label.
size_t evidence_label_end(std::string_view line) {
  for (size_t at = line.find("vidence:"); at != std::string_view::npos; at = line.find("vidence:", at + 1)) {
    if (at == 0 || (line[at - 1] != 'E' && line[at - 1] != 'e')) continue;
    const size_t start = at - 1;
    if (start > 0 && (ascii_alnum(line[start - 1]) || line[start - 1] == '`')) continue;
    size_t v = at + 8;
    while (v < line.size() && (line[v] == '*' || line[v] == '_')) ++v;
    if (v < line.size() && line[v] == '`') continue;
    return v;
  }
  return std::string_view::npos;
}

bool exists(const std::string& path, LinkTargets& targets) {
  if (!targets.may_exist(path)) return false;
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// The nearest folder at or above `dir` (absolute) that holds `.git` (a folder, or a worktree's file).
std::string git_top(fs::path dir, LinkTargets& targets) {
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    if (exists((dir / ".git").native(), targets)) return dir.native();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

class EvidencePathRule : public Rule {
 public:
  std::string_view name() const override { return "evidence-path"; }
  std::string_view summary() const override { return "A file cited as evidence does not exist"; }
  Severity default_severity() const override { return Severity::Warning; }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    const std::string& path = doc.source.path();
    if (path.empty() || path == "-" || path == "<stdin>") return;
    std::unique_ptr<LinkTargets> local;  // without a run to share with (a context built in a test)
    LinkTargets& targets = ctx.link_targets ? *ctx.link_targets : *(local = std::make_unique<LinkTargets>());

    // The cited spans first: most specs cite nothing, and then the file system is not asked.
    std::vector<std::pair<uint32_t, std::string_view>> cited;
    collect(doc, cited);
    if (cited.empty()) return;

    std::error_code ec;
    const fs::path spec_dir = fs::absolute(fs::path(path), ec).parent_path();
    if (ec) return;
    std::string root = git_top(spec_dir, targets);
    if (root.empty() && !ctx.config.path.empty()) root = fs::absolute(fs::path(ctx.config.dir), ec).native();
    if (root.empty() || ec) return;

    for (const auto& [line, tok] : cited) {
      const std::string p(tok);
      if (exists(lexically_joined(root, p), targets) || exists(lexically_joined(spec_dir.native(), p), targets)) continue;
      out.report_text(line, tok, "evidence '" + p + "' does not exist (looked from the repository root and the spec's folder)",
                      "fix the path, or write the claim's evidence as an 'Evidence gap:'");
    }
  }

 private:
  // Path-shaped tokens on Evidence lines, in the list under a bare "Evidence:" label, and in
  // Evidence Map tables (every cell) or Evidence columns of other tables.
  static void collect(const Document& doc, std::vector<std::pair<uint32_t, std::string_view>>& cited) {
    auto add = [&](uint32_t line, std::string_view text) {
      each_token(text, [&](std::string_view tok) {
        const std::string_view p = path_of(tok);
        if (!p.empty()) cited.emplace_back(line, p);
      });
    };
    bool list_under_label = false;
    for (uint32_t l = 1; l <= doc.lines.size(); ++l) {
      const LineInfo& li = doc.line_info(l);
      if (li.kind != LineKind::Paragraph) {
        if (li.kind != LineKind::Blank) list_under_label = false;
        continue;
      }
      const std::string_view line = doc.source.line(l);
      if (list_under_label && li.in_list) {
        add(l, doc.content(l));
        continue;
      }
      list_under_label = false;
      const size_t v = evidence_label_end(line);
      if (v == std::string_view::npos) continue;
      const std::string_view rest = trim(line.substr(v));
      if (rest.empty()) {
        list_under_label = true;
      } else {
        add(l, line.substr(v));
      }
    }
    for (const Table& t : doc.tables) {
      const bool map = t.section >= 0 && doc.sections[t.section].normalized_title.find("evidence map") != std::string::npos;
      std::vector<bool> column(t.header.size(), map);
      for (size_t c = 0; c < t.header.size(); ++c) {
        const std::string_view h = trim(t.header[c].text);
        if (istarts_with(h, "evidence") && !icontains(h, "gap")) column[c] = true;
      }
      for (const auto& row : t.rows) {
        for (size_t c = 0; c < row.size() && c < column.size(); ++c) {
          if (!column[c]) continue;
          const std::string_view line = doc.source.line(row[c].line);
          if (line.substr(row[c].offset, row[c].text.size()) != row[c].text) continue;
          add(row[c].line, line.substr(row[c].offset, row[c].text.size()));
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_evidence_path() { return std::make_unique<EvidencePathRule>(); }

}  // namespace specgate
