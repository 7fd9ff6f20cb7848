// The library-level side of the reliability work: positions on long lines, linear placeholder
// scans, the YAML depth guard, reading odd files, and a file vanishing between discovery and
// reading. Sizes are chosen so that the quadratic code these replace would run into the ctest
// TIMEOUT; nothing here measures time.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "core/glob.h"
#include "core/source.h"
#include "core/yaml_guard.h"
#include "model/load.h"
#include "schema/placeholders.h"
#include "support/run_binary.h"
#include "workspace/discover.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using namespace specgate;

namespace {

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Columns straight from the definition: characters before the byte, plus one.
uint32_t naive_column(std::string_view line, size_t byte) {
  return static_cast<uint32_t>(count_chars(line.substr(0, std::min(byte, line.size()))) + 1);
}

// Every byte near the index's 4096-byte marks, and a spread of others, on line n.
void expect_exact_columns(const SourceText& src, uint32_t n) {
  const std::string_view line = src.line(n);
  const size_t base = static_cast<size_t>(line.data() - src.text().data());
  std::vector<size_t> bytes;
  for (size_t b = 0; b <= line.size() + 2; b += 37) bytes.push_back(b);
  for (size_t mark = 0; mark <= line.size(); mark += 4096) {
    for (size_t b = mark > 8 ? mark - 8 : 0; b <= mark + 8; ++b) bytes.push_back(b);
  }
  for (size_t b : bytes) {
    ASSERT_EQ(src.column_of(n, b), naive_column(line, b)) << "line " << n << " byte " << b;
    if (b <= line.size()) {
      const Location loc = src.location_of(base + b);
      ASSERT_EQ(loc.line, n);
      ASSERT_EQ(loc.column, naive_column(line, b)) << "line " << n << " byte " << b;
    }
  }
}

TEST(LongLines, ColumnsMatchTheDefinitionEverywhere) {
  // Multi-byte characters, invalid bytes and a sequence cut by the end of a line, on lines
  // long enough for the column index, after a BOM.
  std::string long_line;
  for (int i = 0; long_line.size() < 50000; ++i) {
    long_line += "ab\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80 \xff x";
    if (i % 7 == 0) long_line += "\xe2\x80";  // truncated sequence
  }
  // Both ways of splitting lines: CR LF endings, and LF only.
  for (const std::string eol : {"\r\n", "\n"}) {
    SCOPED_TRACE(eol == "\n" ? "LF" : "CRLF");
    const SourceText src("f.md", "\xEF\xBB\xBF" + long_line + eol + "short \xc3\xa9" + eol + long_line + "\xc3");
    ASSERT_EQ(src.line_count(), 3u);
    // Two long lines of ~50 KB: about a dozen marks each, so columns never count from far.
    EXPECT_GE(src.column_index_size(), 20u);
    for (uint32_t n = 1; n <= 3; ++n) expect_exact_columns(src, n);
  }
}

TEST(LongLines, PlaceholdersOnAMegabyteLine) {
  // Quoted markers are quotations; the others are placeholders, each at its own offset.
  const std::string unit = "x \"TBD\" TBD ";
  const std::string line = repeat(unit, 100000);
  const auto hits = find_placeholders(line);
  ASSERT_EQ(hits.size(), 100000u);
  for (size_t k = 0; k < hits.size(); k += 997) EXPECT_EQ(hits[k].begin, k * unit.size() + 8);

  // One run of capitals and dashes, an X-id at its end.
  const std::string ids = repeat("A-", 200000) + "TASK-XXX";
  const auto id_hits = find_placeholders(ids);
  ASSERT_EQ(id_hits.size(), 1u);
  EXPECT_EQ(id_hits[0].text(ids), ids);

  // Many '<' before one '>': only the last is a placeholder.
  const std::string angles = repeat("<a ", 200000) + "<name>";
  const auto angle_hits = find_placeholders(angles);
  ASSERT_EQ(angle_hits.size(), 1u);
  EXPECT_EQ(angle_hits[0].text(angles), "<name>");

  // Code spans stay exact: the TBD outside each span is a placeholder, the one inside is not.
  const std::string spans = repeat("`TBD` TBD ", 100000);
  const auto span_hits = find_placeholders(spans, PlaceholderOptions{});
  size_t in_code = 0;
  for (const auto& h : span_hits) in_code += h.in_code ? 1 : 0;
  EXPECT_EQ(span_hits.size(), 200000u);
  EXPECT_EQ(in_code, 100000u);
}

TEST(LongLines, CodeSpanRunsOfManyLengths) {
  // Runs of lengths 1..2000, none closed, then a closed pair of each of three lengths.
  std::string line;
  for (size_t r = 1; r <= 2000; ++r) line += std::string(r, '`') + "a";
  EXPECT_TRUE(code_span_ranges(line).empty());
  EXPECT_EQ(code_span_ranges("`a` ``b`` ```c```"),
            (std::vector<std::pair<size_t, size_t>>{{0, 3}, {4, 9}, {10, 17}}));
  // A shorter or longer run does not close a span.
  EXPECT_EQ(code_span_ranges("``a` b``"), (std::vector<std::pair<size_t, size_t>>{{0, 8}}));
  EXPECT_TRUE(code_span_ranges("``a`").empty());
}

TEST(YamlGuard, EstimatesNesting) {
  EXPECT_EQ(yaml_nesting_estimate(""), 0u);
  EXPECT_EQ(yaml_nesting_estimate("a: 1\nb: 2\n"), 1u);
  EXPECT_EQ(yaml_nesting_estimate("a:\n  b:\n    c: 1\nd: 2\n"), 3u);
  EXPECT_EQ(yaml_nesting_estimate("a: [[1], {b: [2]}]\n"), 4u);
  EXPECT_EQ(yaml_nesting_estimate("- - - x\n"), 4u);
  EXPECT_EQ(yaml_nesting_estimate("# [[[[[[\na: 1\n"), 1u);
  EXPECT_FALSE(yaml_too_deep("rules:\n  placeholder: off\n  date: {severity: warning}\n"));
  EXPECT_TRUE(yaml_too_deep("k: " + std::string(kMaxYamlDepth, '[')));
  EXPECT_TRUE(yaml_too_deep(repeat("- ", kMaxYamlDepth + 1) + "x"));
  std::string indented;
  for (size_t i = 0; i <= kMaxYamlDepth; ++i) indented += std::string(i, ' ') + "k:\n";
  EXPECT_TRUE(yaml_too_deep(indented));
}

// One guarded way into yaml-cpp: load_yaml() (nodes) and yaml_syntax_error() (events) measure
// the depth first; nothing else in src/ calls the parser.
TEST(YamlGuard, EveryParseGoesThroughTheGuard) {
  EXPECT_FALSE(load_yaml("k: " + std::string(kMaxYamlDepth + 1, '[')).has_value());
  const std::optional<YAML::Node> ok = load_yaml("a: 1\n");
  ASSERT_TRUE(ok.has_value());
  EXPECT_TRUE(ok->IsMap());
  EXPECT_THROW(load_yaml("a: [1\n"), YAML::Exception);
  const fs::path src = fs::path(specgate::test::source_dir()) / "src";
  for (const auto& e : fs::recursive_directory_iterator(src)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = e.path().lexically_relative(src).generic_string();
    if (rel == "core/yaml_guard.cpp" || rel == "core/yaml_syntax.cpp") continue;
    const ReadResult r = read_file(e.path().string());
    ASSERT_TRUE(r.ok) << rel;
    for (const char* call : {"YAML::Load(", "YAML::LoadAll(", "YAML::Parser "})
      EXPECT_EQ(r.bytes.find(call), std::string::npos) << rel << " calls " << call << " outside core/yaml_guard";
  }
}

TEST(ReadFile, FifoWithoutAWriterReadsAsEmpty) {
  test::TempDir t;
  ASSERT_EQ(::mkfifo((t / "p").c_str(), 0644), 0);
  const ReadResult r = read_file((t / "p").string());
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.bytes.empty());
}

TEST(ReadFile, RefusesDirectoriesAndOversizedFiles) {
  test::TempDir t;
  EXPECT_EQ(read_file(t.path().string()).error, "is a directory, not a file");
  t.write("big.md", std::string(2048, 'a'));
  const ReadResult r = read_file((t / "big.md").string(), 1024);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("too large"), std::string::npos) << r.error;
}

// The race made deterministic: discovery sees the file, then it is gone when read.
TEST(Vanishing, FileRemovedBetweenDiscoveryAndRead) {
  test::TempDir t;
  t.write("specs/a.md", "# A\n");
  t.write("specs/b.md", "# B\n");
  const Discovery d = discover({(t / "specs").string()}, {});
  ASSERT_EQ(d.files.size(), 2u);
  fs::remove(t / "specs/a.md");
  std::string error;
  EXPECT_FALSE(load_document(d.files[0], error).has_value());
  EXPECT_EQ(error, d.files[0] + ": cannot open: No such file or directory");
  EXPECT_TRUE(load_document(d.files[1], error).has_value());
}

TEST(Vanishing, DirectoryRemovedBeforeItIsWalked) {
  test::TempDir t;
  t.write("specs/a.md", "# A\n");
  fs::create_directory_symlink(t / "gone", t / "specs/sub");
  const Discovery d = discover({(t / "specs").string()}, {});
  EXPECT_EQ(d.files.size(), 1u);
  EXPECT_TRUE(d.errors.empty());
}

TEST(Glob, BacktrackingIsBounded) {
  // Exponential for plain backtracking: every split of 120 'a's among the stars.
  const std::string pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
  const std::string path(120, 'a');
  EXPECT_FALSE(glob_match(pattern, path));
  EXPECT_TRUE(glob_match(pattern, path + "b"));
  EXPECT_FALSE(glob_match("**/" + pattern, "x/y/" + path));
  EXPECT_TRUE(glob_match("**/" + pattern, "x/y/" + path + "b"));
}

TEST(Glob, Semantics) {
  EXPECT_TRUE(glob_match("*.md", "docs/a.md"));
  EXPECT_TRUE(glob_match("docs/*.md", "docs/a.md"));
  EXPECT_FALSE(glob_match("docs/*.md", "docs/sub/a.md"));
  EXPECT_TRUE(glob_match("docs/**/*.md", "docs/sub/deeper/a.md"));
  EXPECT_TRUE(glob_match("docs/**/*.md", "docs/a.md"));
  EXPECT_TRUE(glob_match("specs/TASK-[0-9]*.md", "specs/TASK-12.md"));
  EXPECT_FALSE(glob_match("specs/TASK-[!0-9]*.md", "specs/TASK-12.md"));
  EXPECT_TRUE(glob_match("./drafts/?.md", "drafts/a.md"));
  EXPECT_FALSE(glob_match("drafts/?.md", "drafts/ab.md"));
}

}  // namespace
