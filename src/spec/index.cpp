#include "spec/index.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <filesystem>
#include <set>

#include "model/normalize.h"
#include "spec/ids.h"

namespace specgate {

namespace {

struct RefKey {
  std::string_view key;
  RefKind kind;
};

// Field keys and section titles (folded) that hold references, and what they mean.
constexpr RefKey kRefKeys[] = {
    {"blocked by", RefKind::DependsOn},       {"depends on", RefKind::DependsOn},
    {"dependencies", RefKind::DependsOn},     {"dependency", RefKind::DependsOn},
    {"blocking tasks", RefKind::DependsOn},   {"blocking issues", RefKind::DependsOn},
    {"blocking stories", RefKind::DependsOn}, {"blockers", RefKind::DependsOn},
    {"prerequisites", RefKind::DependsOn},    {"requires", RefKind::DependsOn},
    {"waiting on", RefKind::DependsOn},       {"blocks", RefKind::Blocks},
    {"blocked tasks", RefKind::Blocks},       {"blocked stories", RefKind::Blocks},
    {"blocked issues", RefKind::Blocks},      {"unblocks", RefKind::Blocks},
    {"parent story", RefKind::Parent},        {"parent epic", RefKind::Parent},
    {"parent task", RefKind::Parent},         {"parent spec", RefKind::Parent},
    {"parent", RefKind::Parent},              {"epic", RefKind::Parent},
    {"super task", RefKind::Parent},          {"related tasks", RefKind::Related},
    {"related stories", RefKind::Related},    {"related specs", RefKind::Related},
    {"related issues", RefKind::Related},     {"related", RefKind::Related},
    {"see also", RefKind::Related},           {"repo / tracking", RefKind::Related},
    {"tracking", RefKind::Related},           {"supersedes", RefKind::Related},
    {"superseded by", RefKind::Related},
};

const RefKey* ref_key(std::string_view folded) {
  // Most field keys and titles ("owner", "status", "overview") start with a letter no reference
  // key starts with: out after one table look-up.
  static constexpr auto kFirst = [] {
    std::array<bool, 256> t{};
    for (const auto& k : kRefKeys) t[static_cast<unsigned char>(k.key[0])] = true;
    return t;
  }();
  if (folded.empty() || !kFirst[static_cast<unsigned char>(folded[0])]) return nullptr;
  for (const auto& k : kRefKeys) {
    if (k.key == folded) return &k;
  }
  return nullptr;
}

bool id_field_key(std::string_view folded) {
  static constexpr std::string_view kIdKeys[] = {"id",      "spec id",     "ticket id", "task id", "story id",
                                                 "epic id", "issue id",    "document id", "doc id", "ticket"};
  for (std::string_view k : kIdKeys) {
    if (folded == k) return true;
  }
  return false;
}

size_t skip_markup(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == '*' || s[i] == '_' || s[i] == '`' || s[i] == '[' || s[i] == ' ' || s[i] == '\t'))
    ++i;
  return i;
}

// Byte offset of `value` within `line`, searching from the field's key.
size_t value_offset(std::string_view line, const Field& f) {
  if (f.value.empty()) return std::string_view::npos;
  size_t from = line.find(f.key);
  from = from == std::string_view::npos ? 0 : from + f.key.size();
  return line.find(f.value, from);
}

// The words before an ID in a dependencies list: "Blocks", "blocking", "unblocks", "enables",
// "required by", "needed by" — the other spec waits for this one; "Requires", "depends on",
// "blocked by", "after", "needs", "waiting on/for" — this spec waits. `words` says whether the
// text held any word at all (a bare "- STORY-054" keeps the list's meaning).
struct Direction {
  bool found = false, words = false;
  RefKind kind = RefKind::DependsOn;
};

Direction direction(std::string_view text) {
  Direction d;
  // Lowercase words, one space before each and after the last, markup and punctuation dropped.
  std::string w = " ";
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      w += static_cast<char>(std::tolower(u));
    } else if (w.back() != ' ') {
      w += ' ';
    }
  }
  if (w.back() != ' ') w += ' ';
  d.words = w.size() > 1 && w != " and " && w != " or ";
  // Passive forms first: "blocked by" holds "block", "required by" holds "require".
  static constexpr std::string_view kWaitedFor[] = {" blocked by ", " required by ", " needed by "};
  static constexpr std::string_view kOtherWaits[] = {" blocks ", " blocking ", " unblocks ", " enables ", " block "};
  static constexpr std::string_view kThisWaits[] = {" requires ", " require ", " depends on ", " depend on ",
                                                    " after ", " needs ", " need ", " waiting on ",
                                                    " waiting for ", " waits for "};
  size_t best = std::string::npos;
  auto look = [&](const auto& phrases, RefKind kind) {
    for (std::string_view p : phrases) {
      const size_t at = w.rfind(p);  // the phrase nearest the ID decides
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at;
        d.kind = kind;
        d.found = true;
      }
    }
  };
  look(kThisWaits, RefKind::DependsOn);
  look(kOtherWaits, RefKind::Blocks);
  for (std::string_view p : kWaitedFor) {
    const size_t at = w.rfind(p);
    if (at != std::string::npos && (best == std::string::npos || at >= best)) {
      best = at;
      d.kind = p == " blocked by " ? RefKind::DependsOn : RefKind::Blocks;
      d.found = true;
    }
  }
  return d;
}

bool generic_dependency_key(std::string_view folded) { return folded == "dependencies" || folded == "dependency"; }

class IndexBuilder {
 public:
  IndexBuilder(const Document& doc, const Config& config, SpecIndex& out) : doc_(doc), config_(config), out_(out) {}

  void build() {
    out_.path = doc_.source.path();
    // Each field key folded once: both passes below look every key up.
    folded_keys_.reserve(doc_.fields.size());
    for (const auto& f : doc_.fields) folded_keys_.push_back(fold_text(f.key));
    declarations();
    references();
    out_.suppressions = doc_.suppressions;
  }

 private:
  void keep_line(uint32_t line) {
    if (line > 0 && line <= doc_.source.line_count() && !out_.lines.count(line))
      out_.lines[line] = {std::string(doc_.source.line(line)), doc_.section_path(doc_.section_at(line))};
  }

  void declare(std::string id, IdSource source, std::string key, uint32_t line, uint32_t column, uint32_t length) {
    for (const auto& d : out_.ids) {
      if (d.id == id) return;  // the strongest source already declared it
    }
    keep_line(line);
    out_.ids.push_back({std::move(id), source, std::move(key), line, column, length});
  }

  void declarations() {
    // Strongest first: front matter, an ID field, the title, the file name.
    for (const auto& e : doc_.front_matter.entries) {
      if (!iequals(e.key, "id")) continue;
      std::string_view v = trim(e.value);
      IdToken t = id_at(v, 0);
      if (t.length == v.size() && t.length > 0)
        declare(std::string(v), IdSource::FrontMatter, e.key, e.line, e.column, static_cast<uint32_t>(t.length));
    }
    for (size_t i = 0; i < doc_.fields.size(); ++i) {
      const Field& f = doc_.fields[i];
      if (f.front_matter || !id_field_key(folded_keys_[i])) continue;
      const size_t start = skip_markup(f.value, 0);
      IdToken t = id_at(f.value, start);
      if (t.length == 0) continue;
      std::string_view line = doc_.source.line(f.line);
      const size_t off = value_offset(line, f);
      const uint32_t col = off == std::string_view::npos ? f.value_column
                                                        : doc_.source.column_of(f.line, off + start);
      declare(id_text(f.value, t), IdSource::Field, f.key, f.line, col, static_cast<uint32_t>(t.length));
    }
    const int32_t ts = title_section(doc_);
    if (ts != kPreamble) {
      const Section& s = doc_.sections[ts];
      TitleId tid = title_id(s.title);
      if (!tid.id.empty()) {
        std::string_view line = doc_.source.line(s.line);
        const size_t off = line.find(tid.id);
        const uint32_t col = off == std::string_view::npos ? s.column : doc_.source.column_of(s.line, off);
        declare(tid.id, IdSource::Title, "", s.line, col, static_cast<uint32_t>(tid.id.size()));
      }
    }
    const std::string stem = std::filesystem::path(doc_.source.path()).stem().string();
    IdToken t = id_at(stem, 0, /*underscores=*/true);
    if (t.length > 0) {
      std::string id = id_text(stem, t);
      // File names are weak evidence: only IDs of a configured family count.
      if (!id_family(id, config_.id_families).empty()) declare(id, IdSource::FileName, "", 1, 1, 0);
    }
  }

  // `directional`: the references sit under a generic "Dependencies" key or heading, where the
  // words before each ID say which way it points (see direction()).
  void add_refs(std::string_view text, size_t base_offset, uint32_t line, RefKind kind, const std::string& via,
                bool directional = false) {
    size_t seg = 0;
    bool first = true;
    for (const IdToken& t : find_ids(text)) {
      if (directional) {
        const Direction d = direction(text.substr(seg, t.offset - seg));
        if (d.found) kind = d.kind;
        else if (first && d.words) kind = RefKind::Related;  // an unknown verb: no edge
        seg = t.offset + t.length;
        first = false;
      }
      std::string id = id_text(text, t);
      bool dup = false;
      for (const auto& r : out_.refs) {
        if (r.line == line && r.id == id) dup = true;
      }
      if (dup) continue;
      keep_line(line);
      out_.refs.push_back({std::move(id), kind, via, line,
                           doc_.source.column_of(line, base_offset + t.offset), static_cast<uint32_t>(t.length)});
    }
  }

  void references() {
    for (size_t i = 0; i < doc_.fields.size(); ++i) {
      const Field& f = doc_.fields[i];
      const RefKey* k = ref_key(folded_keys_[i]);
      if (!k) continue;
      if (f.front_matter) {
        for (const auto& e : doc_.front_matter.entries) {
          if (e.line != f.line) continue;
          std::string_view line = doc_.source.line(e.line);
          const size_t off = line.find(e.value);
          if (off != std::string_view::npos) add_refs(line.substr(off), off, e.line, k->kind, f.key);
          else add_refs(e.value, 0, e.line, k->kind, f.key);  // flow YAML: columns approximate
        }
        continue;
      }
      std::string_view line = doc_.source.line(f.line);
      const size_t off = value_offset(line, f);
      if (off == std::string_view::npos) continue;
      add_refs(std::string_view(line).substr(off, f.value.size()), off, f.line, k->kind, f.key,
               generic_dependency_key(folded_keys_[i]));
    }
    // List items directly under a section titled like a reference field ("### Blocking Tasks").
    for (int32_t s = 0; s < static_cast<int32_t>(doc_.sections.size()); ++s) {
      const Section& sec = doc_.sections[s];
      const RefKey* k = ref_key(sec.normalized_title);  // the model holds normalize_title(title).text
      if (!k) continue;
      for (uint32_t l = sec.line + 1; l <= sec.body_end_line && l <= doc_.source.line_count(); ++l) {
        const LineInfo& li = doc_.line_info(l);
        if (!li.list_item_start || li.section != s || li.kind == LineKind::Code || li.kind == LineKind::Html) continue;
        const size_t c = li.content;
        add_refs(doc_.source.line(l).substr(c), c, l, k->kind, sec.title, generic_dependency_key(sec.normalized_title));
      }
    }
    std::stable_sort(out_.refs.begin(), out_.refs.end(), [](const Reference& a, const Reference& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
  }

  const Document& doc_;
  const Config& config_;
  SpecIndex& out_;
  std::vector<std::string> folded_keys_;  // fold_text of each field's key, in doc_.fields order
};

}  // namespace

std::string_view id_source_name(IdSource s) {
  switch (s) {
    case IdSource::FrontMatter: return "front matter";
    case IdSource::Field: return "ID field";
    case IdSource::Title: return "title";
    case IdSource::FileName: return "file name";
  }
  return "";
}

int32_t title_section(const Document& doc) {
  for (int32_t i = 0; i < static_cast<int32_t>(doc.sections.size()); ++i) {
    if (doc.sections[i].level == 1) return i;
  }
  return doc.sections.empty() ? kPreamble : 0;
}

TitleId title_id(std::string_view title) {
  TitleId r;
  const size_t start = skip_markup(title, 0);
  IdToken t = id_at(title, start);
  if (t.length == 0) return r;
  size_t i = start + t.length;
  while (i < title.size() && (title[i] == '*' || title[i] == '_' || title[i] == '`' || title[i] == ']')) ++i;
  std::string_view rest = title.substr(i);
  std::string_view trimmed = trim(rest);
  // The ID must stand as a label: "TASK-1: ...", "TASK-1 — ...", "TASK-1 - ...", or alone.
  if (!trimmed.empty()) {
    bool label = false;
    for (std::string_view sep : {":", "\xE2\x80\x94", "\xE2\x80\x93", "- ", "|"}) {
      if (trimmed.substr(0, sep.size()) == sep) {
        trimmed = trim(trimmed.substr(sep.size()));
        label = true;
        break;
      }
    }
    if (!label) return r;
  }
  r.id = std::string(title.substr(start, t.length));
  r.rest = std::string(trimmed);
  r.offset = start;
  r.length = t.length;
  return r;
}

SpecIndex build_spec_index(const Document& doc, const Config& config) {
  SpecIndex index;
  IndexBuilder(doc, config, index).build();
  return index;
}

}  // namespace specgate
