// The dispatcher: does what Mermaid does before any diagram parser runs (line endings, HTML
// attribute quotes, YAML front matter, %%{...}%% directives, whole-line %% comments, header
// detection, entity encoding), then hands the text to the diagram's own validator.
#include "mermaid/validator.h"

#include <yaml-cpp/yaml.h>

#include <unordered_set>

#include "core/yaml_guard.h"
#include "mermaid/diagrams.h"
#include "mermaid/scan.h"

namespace specgate::mermaid {
namespace {

MappedText normalize_newlines(std::string_view src) {
  MappedText in;
  in.text.assign(src);
  in.segs.push_back(Segment{0, 0, false});
  std::vector<Edit> edits;
  for (size_t i = src.find('\r'); i != std::string_view::npos; i = src.find('\r', i + 1)) {
    if (i + 1 < src.size() && src[i + 1] == '\n') {
      edits.push_back(Edit{i, i + 1, ""});
    } else {
      edits.push_back(Edit{i, i + 1, "\n"});
    }
  }
  if (edits.empty()) return in;
  return apply_edits(in, edits);
}

// <tag a="x"> becomes <tag a='x'>: Mermaid does this so that label HTML never closes a string.
void requote_html(std::string& t) {
  size_t i = 0;
  while ((i = t.find('<', i)) != std::string::npos) {
    size_t j = i + 1;
    while (j < t.size() && is_word(t[j])) ++j;
    if (j == i + 1) {
      ++i;
      continue;
    }
    size_t close = t.find('>', j);
    if (close == std::string::npos) break;
    for (size_t k = j; k + 1 < close; ++k) {
      if (t[k] == '=' && t[k + 1] == '"') {
        size_t q = t.find('"', k + 2);
        if (q == std::string::npos || q >= close) break;
        t[k + 1] = '\'';
        t[q] = '\'';
        k = q;
      }
    }
    i = close + 1;
  }
}

// Mermaid's front matter: ^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+ (dot matches newlines).
bool match_front_matter(std::string_view t, size_t& yaml_begin, size_t& yaml_end, size_t& end) {
  if (!lit(t, 0, "---")) return false;
  size_t i = 3;
  // \s*[\n\r]: the whitespace run must end right after some newline inside it.
  size_t ws_end = skip_space(t, i);
  size_t nl = std::string_view::npos;
  for (size_t k = i; k < ws_end; ++k)
    if (t[k] == '\n') nl = k;
  if (nl == std::string_view::npos) return false;
  // The lazy body may start right after any newline in that run; the first closing fence wins.
  size_t body = i;
  for (size_t k = i; k < ws_end; ++k)
    if (t[k] == '\n') {
      body = k + 1;
      break;
    }
  for (size_t k = body > 0 ? body - 1 : 0; k < t.size(); ++k) {
    if (t[k] != '\n' || !lit(t, k + 1, "---")) continue;
    if (k + 1 < body) continue;
    size_t after = k + 4;
    size_t we = skip_space(t, after);
    bool has_nl = false;
    for (size_t m = after; m < we; ++m)
      if (t[m] == '\n') has_nl = true;
    if (!has_nl) continue;
    yaml_begin = body;
    yaml_end = k < body ? body : k;
    end = we;
    return true;
  }
  return false;
}

// Mermaid's directive regex: %%{ \s* word [\s* :] \s* (word | anything up to }%%) \s* [}%%]
void find_directives(std::string_view t, std::vector<Edit>& edits) {
  size_t i = 0;
  while ((i = t.find("%%{", i)) != std::string_view::npos) {
    size_t j = skip_space(t, i + 3);
    size_t w = j;
    while (w < t.size() && is_word(t[w])) ++w;
    if (w == j) {
      i += 3;
      continue;
    }
    j = w;
    size_t k = skip_space(t, j);
    if (k < t.size() && t[k] == ':') j = k + 1;
    j = skip_space(t, j);
    if (j < t.size() && is_word(t[j])) {
      while (j < t.size() && is_word(t[j])) ++j;
    } else {
      size_t close = t.find("}%%", j);
      // Without a closing }%% the directive swallows the rest of the text, except a stray CR.
      j = close == std::string_view::npos ? t.size() : close;
    }
    j = skip_space(t, j);
    if (lit(t, j, "}%%")) j += 3;
    edits.push_back(Edit{i, j, ""});
    i = j;
  }
}

// ^\s*%%(?!{)[^\n]+\n? per line, then trimStart of the whole text.
void find_comment_lines(std::string_view t, std::vector<Edit>& edits) {
  size_t i = 0;
  while (i < t.size()) {
    size_t ls = i;
    size_t j = skip_space(t, i);
    if (lit(t, j, "%%") && !(j + 2 < t.size() && t[j + 2] == '{') && j + 2 < t.size() &&
        t[j + 2] != '\n') {
      size_t e = line_end(t, j);
      if (e < t.size()) ++e;
      edits.push_back(Edit{ls, e, ""});
      i = e;
      continue;
    }
    size_t e = line_end(t, i);
    i = e < t.size() ? e + 1 : e;
  }
  // trimStart
  size_t lead = 0;
  size_t ei = 0;
  while (true) {
    if (ei < edits.size() && edits[ei].begin == lead) {
      lead = edits[ei].end;
      ++ei;
      continue;
    }
    size_t n = js_space(t, lead);
    if (n == 0) break;
    lead += n;
  }
  if (lead > 0) {
    std::vector<Edit> merged;
    merged.push_back(Edit{0, lead, ""});
    for (size_t k = ei; k < edits.size(); ++k) merged.push_back(edits[k]);
    edits.swap(merged);
  }
}

// encodeEntities: drops the ';' of style/classDef lines with a colour, and turns #name; into
// markers, so an entity's ';' never ends a statement.
std::vector<Edit> entity_edits(std::string_view t) {
  std::vector<Edit> edits;
  // Most diagrams style nothing: then no line needs looking at.
  const bool styled = t.find("style") != std::string_view::npos || t.find("classDef") != std::string_view::npos;
  size_t ls = styled ? 0 : t.size();
  while (ls < t.size()) {
    size_t le = line_end(t, ls);
    std::string_view line = t.substr(ls, le - ls);
    for (std::string_view kw : {std::string_view("style"), std::string_view("classDef")}) {
      size_t k = line.find(kw);
      if (k == std::string_view::npos) continue;
      size_t semi = line.rfind(';');
      if (semi == std::string_view::npos || semi < k) continue;
      // Needs ':' \S* '#' between the keyword and that last ';'.
      bool ok = false;
      for (size_t c = k + kw.size(); c < semi && !ok; ++c) {
        if (line[c] != ':') continue;
        for (size_t m = c + 1; m < semi; ++m) {
          if (line[m] == '#') {
            ok = true;
            break;
          }
          if (js_space(line, m)) break;
        }
      }
      if (ok) {
        edits.push_back(Edit{ls + semi, ls + semi + 1, ""});
        break;
      }
    }
    ls = le + 1;
  }
  std::vector<Edit> ent;
  for (size_t i = t.find('#'); i != std::string_view::npos; i = t.find('#', i + 1)) {
    size_t j = i + 1;
    while (j < t.size() && is_word(t[j])) ++j;
    if (j == i + 1 || j >= t.size() || t[j] != ';') continue;
    std::string_view inner = t.substr(i + 1, j - i - 1);
    bool digits = true;
    for (char c : inner) digits = digits && is_digit(c);
    std::string rep = digits ? "\xEF\xAC\x82\xC2\xB0\xC2\xB0" : "\xEF\xAC\x82\xC2\xB0";
    rep += inner;
    rep += "\xC2\xB6\xC3\x9F";
    ent.push_back(Edit{i, j + 1, rep});
    i = j;
  }
  // Merge the two sorted lists; a dropped ';' inside an entity stays the entity's.
  std::vector<Edit> all;
  size_t a = 0, b = 0;
  while (a < edits.size() || b < ent.size()) {
    if (b >= ent.size() || (a < edits.size() && edits[a].begin < ent[b].begin)) {
      if (b < ent.size() && edits[a].begin >= ent[b].begin && edits[a].begin < ent[b].end) {
        ++a;
        continue;
      }
      all.push_back(edits[a++]);
    } else {
      if (!all.empty() && all.back().end > ent[b].begin) {
        ++b;
        continue;
      }
      all.push_back(ent[b++]);
    }
  }
  return all;
}

struct Detector {
  const char* key;
  bool (*match)(std::string_view t);
  DiagramValidator validate;
};

bool starts(std::string_view t, std::string_view w) { return lit(t, 0, w); }

const Detector kDetectors[] = {
    {"flowchart-elk", [](std::string_view t) { return starts(t, "flowchart-elk"); }, validate_flowchart},
    {"mindmap", [](std::string_view t) { return starts(t, "mindmap"); }, validate_mindmap},
    {"architecture", [](std::string_view t) { return starts(t, "architecture"); }, nullptr},
    {"c4",
     [](std::string_view t) {
       return starts(t, "C4Context") || t.find("C4Container") != std::string_view::npos ||
              t.find("C4Component") != std::string_view::npos ||
              t.find("C4Dynamic") != std::string_view::npos ||
              t.find("C4Deployment") != std::string_view::npos;
     },
     nullptr},
    {"kanban", [](std::string_view t) { return starts(t, "kanban"); }, nullptr},
    {"classDiagram", [](std::string_view t) { return starts(t, "classDiagram"); }, validate_class},
    {"erDiagram", [](std::string_view t) { return starts(t, "erDiagram"); }, validate_er},
    {"gantt", [](std::string_view t) { return starts(t, "gantt"); }, validate_gantt},
    {"info", [](std::string_view t) { return starts(t, "info"); }, nullptr},
    {"pie", [](std::string_view t) { return starts(t, "pie"); }, validate_pie},
    {"requirement", [](std::string_view t) { return starts(t, "requirement"); }, validate_requirement},
    {"sequenceDiagram", [](std::string_view t) { return starts(t, "sequenceDiagram"); }, validate_sequence},
    {"flowchart", [](std::string_view t) { return starts(t, "flowchart"); }, validate_flowchart},
    {"graph", [](std::string_view t) { return starts(t, "graph"); }, validate_flowchart},
    {"timeline", [](std::string_view t) { return starts(t, "timeline"); }, validate_timeline},
    {"gitGraph", [](std::string_view t) { return starts(t, "gitGraph"); }, validate_gitgraph},
    {"stateDiagram", [](std::string_view t) { return starts(t, "stateDiagram"); }, validate_state},
    {"journey", [](std::string_view t) { return starts(t, "journey"); }, validate_journey},
    {"quadrantChart", [](std::string_view t) { return starts(t, "quadrantChart"); }, validate_quadrant},
    {"sankey", [](std::string_view t) { return starts(t, "sankey"); }, validate_sankey},
    {"packet", [](std::string_view t) { return starts(t, "packet"); }, nullptr},
    {"xychart", [](std::string_view t) { return starts(t, "xychart"); }, validate_xychart},
    {"block", [](std::string_view t) { return starts(t, "block"); }, nullptr},
    {"eventmodeling", [](std::string_view t) { return starts(t, "eventmodeling"); }, nullptr},
    {"treeView-beta", [](std::string_view t) { return starts(t, "treeView-beta"); }, nullptr},
    {"radar-beta", [](std::string_view t) { return starts(t, "radar-beta"); }, nullptr},
    {"ishikawa",
     [](std::string_view t) {
       if (!lit_ci(t, 0, "ishikawa")) return false;
       size_t n = lit_ci(t, 8, "-beta") ? 13 : 8;
       return !(n < t.size() && is_word(t[n]));
     },
     nullptr},
    {"treemap", [](std::string_view t) { return starts(t, "treemap"); }, nullptr},
    {"venn-beta", [](std::string_view t) { return starts(t, "venn-beta"); }, nullptr},
    {"wardley-beta", [](std::string_view t) { return lit_ci(t, 0, "wardley-beta"); }, nullptr},
};

// Mermaid's YAML loader (js-yaml) rejects a mapping that repeats a key or has an empty key;
// yaml-cpp accepts both.
// Walks the tree with an explicit stack; reports the second occurrence.
bool bad_mapping_key(const YAML::Node& root, std::string_view yaml, YAML::Mark& where, std::string& what) {
  std::vector<YAML::Node> todo{root};
  while (!todo.empty()) {
    YAML::Node n = todo.back();
    todo.pop_back();
    if (n.IsSequence()) {
      for (const auto& child : n) todo.push_back(child);
    } else if (n.IsMap()) {
      std::unordered_set<std::string> seen;
      for (const auto& kv : n) {
        // All spellings of null ("~", "null", nothing) are one key.
        std::string key = kv.first.IsNull() ? std::string("\x01null") : kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (!key.empty() && key != "<<" && !seen.insert(key).second) {
          where = kv.first.Mark();
          what = "duplicated mapping key";
          return true;
        }
        // ": value" with no key at all (yaml-cpp reads a null key; js-yaml refuses).
        size_t at = kv.first.Mark().pos >= 0 ? static_cast<size_t>(kv.first.Mark().pos) : yaml.size();
        size_t ls = at;
        while (ls > 0 && ls <= yaml.size() && (yaml[ls - 1] == ' ' || yaml[ls - 1] == '\t')) --ls;
        bool block = ls == 0 || (ls <= yaml.size() && yaml[ls - 1] == '\n');
        if (kv.first.IsNull() && at < yaml.size() && yaml[at] == ':' && block) {
          where = kv.first.Mark();
          what = "a mapping entry has no key";
          return true;
        }
        todo.push_back(kv.second);
      }
    }
  }
  return false;
}

Result fail(const Prepared& p, size_t off, std::string message, std::string hint) {
  Result r;
  r.valid = false;
  r.validated = true;
  r.diagnostics.push_back(diag_at(p, off, std::move(message), "", "", std::move(hint)));
  return r;
}

}  // namespace

namespace {

// Everything before the diagram's own parser: fills p and r, returns the detector to run (null
// when r is already final: an error before the header, or no validator for the type).
const Detector* prepare(std::string_view source, Prepared& p, Result& r, bool& done) {
  done = true;
  p.src = source;
  index_lines(source, p.src_lines);
  p.bom = lit(source, 0, "\xEF\xBB\xBF");

  MappedText cur = normalize_newlines(source);
  // Mermaid never sees a byte-order mark (the oracle accepts BOM + front matter).
  if (p.bom) cur = apply_edits(cur, {Edit{0, 3, ""}});
  requote_html(cur.text);
  p.mapped = cur;

  size_t yb = 0, ye = 0, fe = 0;
  if (match_front_matter(cur.text, yb, ye, fe)) {
    std::string yaml = cur.text.substr(yb, ye - yb);
    // Too deep for yaml-cpp's recursive parser to be safe: not judged (unsure means silent).
    try {
      const std::optional<YAML::Node> doc = load_yaml(yaml);
      YAML::Mark dup;
      std::string what;
      if (doc && bad_mapping_key(*doc, yaml, dup, what)) {
        size_t k = yb;
        for (int l = 0; l < dup.line && k < ye; ++l) {
          size_t nl = cur.text.find('\n', k);
          if (nl == std::string::npos) break;
          k = nl + 1;
        }
        r = fail(p, k + (dup.column > 0 ? static_cast<size_t>(dup.column) : 0),
                 "front matter is not valid YAML: " + what,
                 what[0] == 'd' ? "remove or merge the repeated key" : "write the key before ':'");
        return nullptr;
      }
    } catch (const YAML::Exception& e) {
      std::string msg = "front matter is not valid YAML";
      if (!e.msg.empty()) msg += ": " + e.msg;
      size_t at = yb;
      if (e.mark.line >= 0) {
        // Point at the YAML error's line inside the front matter.
        size_t k = yb;
        for (int l = 0; l < e.mark.line && k < ye; ++l) {
          size_t nl = cur.text.find('\n', k);
          if (nl == std::string::npos) break;
          k = nl + 1;
        }
        at = k + (e.mark.column > 0 ? static_cast<size_t>(e.mark.column) : 0);
      }
      r = fail(p, at, msg, "fix the YAML between the '---' lines");
      return nullptr;
    }
    cur = apply_edits(cur, {Edit{0, fe, ""}});
  }

  std::vector<Edit> edits;
  find_directives(cur.text, edits);
  if (!edits.empty()) cur = apply_edits(cur, edits);
  edits.clear();
  find_comment_lines(cur.text, edits);
  if (!edits.empty()) cur = apply_edits(cur, edits);
  p.mapped = cur;

  std::string_view t = cur.text;
  if (lit(t, 0, "---")) {
    r.type = "---";
    r.validated = true;
    r.valid = false;
    r.diagnostics.push_back(diag_at(p, 0, "front matter is not closed or not at the very start",
                                    "'---'", "a diagram type",
                                    "open and close the front matter with un-indented '---' lines "
                                    "and put nothing before it"));
    return nullptr;
  }
  const Detector* found = nullptr;
  for (const Detector& d : kDetectors) {
    if (d.match(t)) {
      found = &d;
      break;
    }
  }
  size_t hl = 0;
  while (hl < t.size() && (is_word(t[hl]) || t[hl] == '-')) ++hl;
  if (!found) {
    r.valid = false;
    r.validated = true;
    std::string word(t.substr(0, hl));
    r.diagnostics.push_back(diag_at(
        p, 0, "No diagram type detected", describe(t, 0, hl ? hl : utf8_seq_len(t, 0)),
        "a diagram type such as 'flowchart', 'sequenceDiagram', 'classDiagram'",
        "start the diagram with its type keyword (keywords are case-sensitive)"));
    return nullptr;
  }
  r.type = hl ? std::string(t.substr(0, hl)) : std::string(found->key);
  if (!found->validate) return nullptr;
  r.validated = true;

  cur = apply_edits(cur, entity_edits(cur.text));
  cur.text += '\n';
  p.mapped = std::move(cur);
  done = false;
  return found;
}

Result run(std::string_view source, const Models* models) {
  Prepared p;
  Result r;
  bool done = false;
  const Detector* d = prepare(source, p, r, done);
  if (done || !d) return r;
  p.models = models;
  d->validate(p, r.diagnostics);
  r.valid = r.diagnostics.empty();
  return r;
}

}  // namespace

Result validate(std::string_view source) { return run(source, nullptr); }

Result validate(std::string_view source, const Models& models) { return run(source, &models); }

std::string detect_type(std::string_view source) {
  Prepared p;
  Result r;
  bool done = false;
  prepare(source, p, r, done);
  return r.type;
}

}  // namespace specgate::mermaid
