// table-shape: a table row with more or fewer cells than its header (a pipe-less line glued to a
// table is such a row: GFM ends a table only at a blank line), and, with a template, a table
// whose header columns differ from the template's table in the same section. A table that shares
// fewer than half of its columns with every template table is taken to be the author's own
// table, not a changed copy, and is left alone.
#include <algorithm>
#include <cctype>

#include "model/normalize.h"
#include "rules/rule.h"
#include "schema/placeholders.h"

namespace specgate {

namespace {

// Header text compared without markup and case: "**Owner**" == "owner".
std::string column_key(std::string_view cell) {
  std::string s;
  for (char c : cell) {
    if (c != '*' && c != '`' && c != '_') s += c;
  }
  return fold_text(s);
}

// Words of a column key (letters and digits), in order.
std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> out;
  std::string w;
  for (char c : key) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      w += c;
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// A rename a reader would not call a change: the shorter name's words all in the longer one
// ("Time" for "Time Estimate", "Estimate (h)" for "Estimate"), or the first column, which names
// the rows ("Role" for "Area" in a RACI table) — the table's data columns are what the template fixes.
bool trivial_rename(std::string_view want, std::string_view have, size_t column) {
  if (column == 0) return true;
  std::vector<std::string> a = key_words(want), b = key_words(have);
  if (a.empty() || b.empty()) return false;
  if (a.size() > b.size()) std::swap(a, b);
  return std::all_of(a.begin(), a.end(), [&](const std::string& w) { return std::find(b.begin(), b.end(), w) != b.end(); });
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += "'" + items[i] + "'";
  }
  return out;
}

class TableShape : public Rule {
 public:
  std::string_view name() const override { return "table-shape"; }
  std::string_view summary() const override {
    return "A table row's cell count differs from its header, or a table's columns differ from the template's";
  }

  void check(const RuleContext& ctx, Reporter& out) const override {
    const Document& doc = ctx.doc;
    for (const Table& t : doc.tables) {
      check_rows(t, out);
      if (ctx.schema && ctx.match) check_columns(ctx, t, out);
    }
  }

 private:
  static void check_rows(const Table& t, Reporter& out) {
    const size_t want = t.header.size();
    // Short rows in at least half of a table's rows (of two or more) are its design — a sparse
    // or triangular table whose blank tail cells GFM pads — not a slip; a lone short row is.
    // (A pipe-less line glued under the table is no row the author wrote: not counted, and
    // always reported.)
    const SourceText& src = out.doc().source;
    auto piped = [&](const std::vector<TableCell>& row) {
      return row.front().line != 0 && src.line(row.front().line).find('|') != std::string_view::npos;
    };
    size_t short_rows = 0, rows = 0;
    for (const auto& row : t.rows) {
      if (row.empty() || !piped(row)) continue;
      ++rows;
      short_rows += row.size() < want;
    }
    const bool sparse = rows >= 2 && 2 * short_rows >= rows;
    for (const auto& row : t.rows) {
      if (row.empty() || row.size() == want) continue;
      if (sparse && row.size() < want && piped(row)) continue;
      const uint32_t line = row.front().line;
      if (line == 0) continue;
      if (out.doc().source.line(line).find('|') == std::string_view::npos) {
        // GFM ends a table only at a blank line: a plain line right after one renders as a row.
        out.report_line(line, "line is read as a row of the table above it",
                        "put a blank line between the table and this line");
        continue;
      }
      out.report_line(line,
                      "table row has " + std::to_string(row.size()) + (row.size() == 1 ? " cell" : " cells") +
                          " but the header has " + std::to_string(want),
                      row.size() > want ? "remove the extra cells, or escape a '|' inside a cell as '\\|'"
                                        : "add the missing cells (leave them empty if there is nothing to say)");
    }
  }

  static void check_columns(const RuleContext& ctx, const Table& t, Reporter& out) {
    if (t.section < 0 || static_cast<size_t>(t.section) >= ctx.match->spec_of.size()) return;
    const int32_t spec_index = ctx.match->spec_of[t.section];
    if (spec_index < 0) return;
    const SectionSpec& spec = ctx.schema->sections[spec_index];
    if (spec.tables.empty()) return;

    std::vector<std::string> have;
    for (const auto& c : t.header) have.push_back(column_key(c.text));

    // The template table this one most resembles.
    const TableSpec* best = nullptr;
    size_t best_shared = 0;
    for (const TableSpec& ts : spec.tables) {
      bool templated = false;
      for (const auto& c : ts.columns) templated = templated || !find_placeholders(c).empty();
      if (templated) continue;
      size_t shared = 0;
      for (const auto& c : ts.columns) shared += std::count(have.begin(), have.end(), column_key(c)) > 0;
      if (shared > best_shared) {
        best_shared = shared;
        best = &ts;
      }
    }
    if (!best || best_shared * 2 < best->columns.size() || best_shared * 2 < have.size()) return;

    std::vector<std::string> want;
    for (const auto& c : best->columns) want.push_back(column_key(c));
    if (want == have) return;

    std::vector<std::string> missing, added, renamed;
    std::vector<bool> used(have.size(), false);
    for (size_t i = 0; i < want.size(); ++i) {
      auto it = std::find(have.begin(), have.end(), want[i]);
      if (it != have.end()) used[static_cast<size_t>(it - have.begin())] = true;
    }
    for (size_t i = 0; i < want.size(); ++i) {
      if (std::find(have.begin(), have.end(), want[i]) != have.end()) continue;
      // Same position, unknown name on both sides: a renamed column.
      if (i < have.size() && !used[i] && std::find(want.begin(), want.end(), have[i]) == want.end()) {
        if (!trivial_rename(want[i], have[i], i)) renamed.push_back("'" + best->columns[i] + "' as '" + t.header[i].text + "'");
        used[i] = true;
        continue;
      }
      missing.push_back(best->columns[i]);
    }
    for (size_t i = 0; i < have.size(); ++i) {
      if (!used[i]) added.push_back(t.header[i].text);
    }
    std::vector<std::string> parts;
    if (!missing.empty()) parts.push_back("missing " + quoted_list(missing));
    if (!added.empty()) parts.push_back("added " + quoted_list(added));
    if (!renamed.empty()) {
      std::string r = "renamed ";
      for (size_t i = 0; i < renamed.size(); ++i) r += (i ? ", " : "") + renamed[i];
      parts.push_back(r);
    }
    if (parts.empty()) {
      // Only trivial renames: the columns are the template's. Anything else left is order.
      bool reordered = false;
      for (size_t i = 0; i < want.size() && i < have.size(); ++i) {
        if (want[i] != have[i] && std::find(have.begin(), have.end(), want[i]) != have.end()) reordered = true;
      }
      if (!reordered) return;
      parts.push_back("columns in a different order");
    }
    std::string msg = "table columns differ from the template's: ";
    for (size_t i = 0; i < parts.size(); ++i) msg += (i ? "; " : "") + parts[i];
    std::string cols;
    for (size_t i = 0; i < best->columns.size(); ++i) cols += (i ? " | " : "") + best->columns[i];
    out.report_line(t.line, msg, "use the template's columns: | " + cols + " |");
  }
};

}  // namespace

std::unique_ptr<Rule> make_table_shape() { return std::make_unique<TableShape>(); }

}  // namespace specgate
