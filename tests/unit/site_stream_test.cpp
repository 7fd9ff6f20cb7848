// `specgate site` in bounded memory: each page is written in the pass that checks it, so the
// writer never holds more than a window of pages whatever the number of specs; the search index
// streamed in pieces is still one JSON document; and a run that fails leaves OUT as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "check/checker.h"
#include "config/config.h"
#include "schema/registry.h"
#include "site/build.h"
#include "site/gather.h"
#include "support/run_binary.h"

namespace fs = std::filesystem;
using specgate::test::read_all;
using specgate::test::TempDir;

namespace specgate {
namespace {

// A spec with findings (an impossible date, a placeholder), a diagram and a reference to the
// next spec, so every page has findings, an SVG and a backlink.
std::string numbered_spec(int n) {
  const std::string id = "TASK-" + std::to_string(n);
  return "# " + id + ": Spec " + std::to_string(n) + "\n\n**Status**: Draft\n**Updated**: 2026-02-30\n" +
         "**Depends On**: TASK-" + std::to_string(n + 1) + "\n\n## Overview\n\nSee <name> and TASK-" +
         std::to_string(n + 1) + ".\n\n```mermaid\nflowchart LR\n  A" + std::to_string(n) + " --> B\n```\n";
}

struct Built {
  std::string error;
  site::SiteStats stats;
  size_t pages = 0;
};

Built build(const fs::path& specs, const fs::path& out, bool single_file,
            site::SiteOptions options = site::SiteOptions()) {
  Config config;
  TemplateRegistry registry(config);
  CheckOptions copts;
  copts.today = *parse_iso_date("2026-06-01");
  Checker checker(config, registry, copts);
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(specs))
    if (e.path().extension() == ".md") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  options.out = out.string();
  options.single_file = single_file;
  options.jobs = 2;
  options.complete = true;
  options.today = copts.today;
  std::vector<std::string> errors;
  site::Gathered g = site::gather_site(files, checker, config, registry, options, errors);
  Built b;
  b.pages = g.site.pages.size();
  b.error = site::write_site(g, checker, config, registry, options, &b.stats);
  return b;
}

fs::path write_specs(const TempDir& t, int n) {
  for (int i = 1; i <= n; ++i) t.write("specs/TASK-" + std::to_string(i) + ".md", numbered_spec(i));
  return t / "specs";
}

bool has_staging(const fs::path& out) {
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().filename().string().rfind(".specgate-site-", 0) == 0) return true;
  return false;
}

// The window is what bounds the pages held; this test's 200 specs must be well past it.
static_assert(site::kPageWindow < 100);

TEST(SiteStream, PagesAreWrittenAsTheyAreCheckedNotHeldToTheEnd) {
  TempDir t;
  const fs::path specs = write_specs(t, 200);
  for (bool single : {false, true}) {
    const fs::path out = t / (single ? "one" : "many");
    const Built b = build(specs, out, single);
    ASSERT_EQ(b.error, "");
    EXPECT_EQ(b.stats.pages_written, 200u);
    // A writer that kept every page until the end would hold 200.
    EXPECT_GE(b.stats.most_pages_held, 1u);
    EXPECT_LE(b.stats.most_pages_held, site::kPageWindow) << (single ? "single file" : "pages");
    EXPECT_FALSE(has_staging(out));
  }
  EXPECT_TRUE(fs::is_regular_file(t / "many" / "specs" / "TASK-200.html"));
  const std::string one = read_all(t / "one" / "index.html");
  EXPECT_NE(one.find("<section class=\"sg-page\" id=\"P199\">"), std::string::npos);
}

TEST(SiteStream, SearchIndexWrittenInPiecesIsOneJsonDocument) {
  TempDir t;
  const fs::path specs = write_specs(t, 40);
  const fs::path out = t / "site";
  ASSERT_EQ(build(specs, out, false).error, "");
  const std::string text = read_all(out / "search.json");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const auto json = nlohmann::ordered_json::parse(text);
  ASSERT_EQ(json["pages"].size(), 40u);
  EXPECT_EQ(json["pages"][0]["id"], "TASK-1");
  EXPECT_EQ(json["pages"][39]["url"], "specs/TASK-9.html");  // path order: TASK-1, TASK-10, ...
  // The same bytes as the document dumped whole.
  EXPECT_EQ(json.dump() + "\n", text);
  // The dashboard embeds the same index, "<" written as \u003c.
  const std::string index = read_all(out / "index.html");
  const std::string open = "<script type=\"application/json\" id=\"SG-search-data\">";
  const size_t at = index.find(open);
  ASSERT_NE(at, std::string::npos);
  const size_t end = index.find("</script>", at);
  EXPECT_EQ(nlohmann::ordered_json::parse(index.substr(at + open.size(), end - at - open.size())), json);
}

TEST(SiteStream, EmptySiteIsStillValid) {
  TempDir t;
  t.write("specs/README.txt", "not a spec");
  const fs::path out = t / "site";
  ASSERT_EQ(build(t / "specs", out, false).error, "");
  EXPECT_EQ(nlohmann::ordered_json::parse(read_all(out / "search.json"))["pages"].size(), 0u);
}

site::SiteOptions failing_on_page(int page) {
  site::SiteOptions o;
  o.diagram = [page](std::string_view source, const std::string&, std::string&) -> std::string {
    if (source.find("A" + std::to_string(page) + " ") != std::string_view::npos) throw std::runtime_error("boom");
    return "";
  };
  return o;
}

TEST(SiteStream, FailedRunCreatesNoOutputFolder) {
  TempDir t;
  const fs::path specs = write_specs(t, 20);
  for (bool single : {false, true}) {
    const fs::path out = t / "new" / "site";
    const Built b = build(specs, out, single, failing_on_page(13));
    EXPECT_NE(b.error.find("TASK-13.md: internal error: boom"), std::string::npos) << b.error;
    EXPECT_FALSE(fs::exists(out));
  }
}

TEST(SiteStream, FailedRunLeavesAnExistingSiteAsItWas) {
  TempDir t;
  const fs::path specs = write_specs(t, 20);
  const fs::path out = t / "site";
  ASSERT_EQ(build(specs, out, false).error, "");
  t.write("site/notes.txt", "mine");
  const std::string index = read_all(out / "index.html");
  const std::string page = read_all(out / "specs" / "TASK-3.html");
  // A spec changes, and the next run fails: nothing it wrote may show.
  t.write("specs/TASK-3.md", numbered_spec(3) + "\nNew text.\n");
  const Built b = build(specs, out, false, failing_on_page(13));
  EXPECT_NE(b.error, "");
  EXPECT_EQ(read_all(out / "index.html"), index);
  EXPECT_EQ(read_all(out / "specs" / "TASK-3.html"), page);
  EXPECT_EQ(read_all(out / "notes.txt"), "mine");
  EXPECT_FALSE(has_staging(out));
  // The next good run replaces the site's files and keeps the others.
  ASSERT_EQ(build(specs, out, false).error, "");
  EXPECT_NE(read_all(out / "specs" / "TASK-3.html"), page);
  EXPECT_NE(read_all(out / "specs" / "TASK-3.html").find("New text."), std::string::npos);
  EXPECT_EQ(read_all(out / "notes.txt"), "mine");
  EXPECT_FALSE(has_staging(out));
}

}  // namespace
}  // namespace specgate
