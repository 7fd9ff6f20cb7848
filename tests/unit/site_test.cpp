// `specgate site`: the sanitizer and escaping on their own, then whole sites built by the binary
// and read back as a browser would: the XSS catalogue, links and anchors, determinism,
// single-file output, and the example and shared corpora.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "site/assets.h"
#include "site/html_escape.h"
#include "site/sanitize.h"
#include "site/sha256.h"
#include "support/html_audit.h"
#include "support/run_binary.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::site::safe_url;
using specgate::site::sanitize_html;
using specgate::test::html_dangers;
using specgate::test::html_links;
using specgate::test::read_all;
using specgate::test::run_specgate;
using specgate::test::TempDir;

namespace {

std::vector<std::string> dangers(const std::string& html) {
  return html_dangers(html, specgate::site::kStyle, specgate::site::kScript);
}

std::map<std::string, std::string> html_files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = read_all(e.path());
  return files;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Every internal link and anchor of a generated site resolves: a relative link to a page that
// exists, a fragment to an id on the page it names. Links out of the site (files that are not
// pages: images in the repository) are checked to exist when they are relative.
std::vector<std::string> broken_links(const fs::path& dir) {
  std::vector<std::string> broken;
  std::map<std::string, specgate::test::HtmlLinks> pages;
  for (const auto& [rel, html] : html_files(dir))
    if (rel.size() > 5 && rel.compare(rel.size() - 5, 5, ".html") == 0) pages[rel] = html_links(html);
  for (const auto& [rel, links] : pages) {
    for (const std::string& href : links.hrefs) {
      if (href.find(':') != std::string::npos && href.find(':') < href.find_first_of("/?#")) continue;  // external
      const size_t hash = href.find('#');
      const std::string path = percent_decode(href.substr(0, hash));
      const std::string frag = hash == std::string::npos ? "" : href.substr(hash + 1);
      std::string target = rel;
      if (!path.empty()) target = (fs::path(rel).parent_path() / path).lexically_normal().generic_string();
      auto it = pages.find(target);
      if (it == pages.end()) {
        // A file of the repository beside the site (an image): broken only if the spec's own
        // link was; a target inside the site must exist.
        if (target.rfind("../", 0) != 0 && !fs::exists(dir / target)) broken.push_back(rel + ": " + href);
        continue;
      }
      if (!frag.empty() && !it->second.ids.count(frag)) broken.push_back(rel + ": " + href + " (no such anchor)");
    }
  }
  return broken;
}

std::string spec(const std::string& id, const std::string& body) {
  return "# " + id + ": A spec\n\n**Status**: Draft\n**Owner**: Ana\n\n## Overview\n\n" + body + "\n";
}

}  // namespace

TEST(SiteEscape, TextAndAttributes) {
  EXPECT_EQ(specgate::site::escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(specgate::site::json_for_script("{\"a\":\"</script><!--\"}"), "{\"a\":\"\\u003c/script>\\u003c!--\"}");
  EXPECT_EQ(specgate::site::decode_entities("&#106;ava&#X73;cript&colon;&amp;&copy;"), "javascript:&&copy;");
}

TEST(SiteEscape, SafeUrls) {
  EXPECT_EQ(safe_url("https://example.com/a?b#c", false), "https://example.com/a?b#c");
  EXPECT_EQ(safe_url("mailto:a@example.com", false), "mailto:a@example.com");
  EXPECT_EQ(safe_url("../specs/TASK-1.md#goals", false), "../specs/TASK-1.md#goals");
  EXPECT_EQ(safe_url("#x", false), "#x");
  EXPECT_EQ(safe_url("javascript:alert(1)", false), "");
  EXPECT_EQ(safe_url(" JaVaScRiPt:alert(1)", false), "");
  EXPECT_EQ(safe_url("java\tscript:alert(1)", false), "");
  EXPECT_EQ(safe_url("java\nscript:alert(1)", false), "");
  EXPECT_EQ(safe_url("\x01javascript:alert(1)", false), "");
  EXPECT_EQ(safe_url("vbscript:msgbox(1)", false), "");
  EXPECT_EQ(safe_url("data:text/html,<script>alert(1)</script>", false), "");
  EXPECT_EQ(safe_url("data:image/png;base64,iVBORw0KGgo=", false), "");
  EXPECT_EQ(safe_url("data:image/png;base64,iVBORw0KGgo=", true), "data:image/png;base64,iVBORw0KGgo=");
  EXPECT_EQ(safe_url("data:image/svg+xml,<svg onload=alert(1)>", true), "");
  EXPECT_EQ(safe_url("file:///etc/passwd", false), "");
}

TEST(SiteSha256, KnownDigests) {
  EXPECT_EQ(specgate::site::sha256_base64(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  EXPECT_EQ(specgate::site::sha256_base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  EXPECT_EQ(specgate::site::sha256_base64(std::string(1000, 'a')), "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
}

TEST(SiteSanitize, KeepsWhatGitHubRenders) {
  EXPECT_EQ(sanitize_html("<p>a <strong>b</strong> <code>c</code></p>\n"), "<p>a <strong>b</strong> <code>c</code></p>\n");
  EXPECT_EQ(sanitize_html("<table><thead><tr><th align=\"left\">A</th></tr></thead></table>"),
            "<table><thead><tr><th align=\"left\">A</th></tr></thead></table>");
  EXPECT_EQ(sanitize_html("<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled checked>x</li>"),
            "<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked=\"\" class=\"task-list-item-checkbox\">x</li>");
  EXPECT_EQ(sanitize_html("<pre><code class=\"language-rust\">fn</code></pre>"), "<pre><code class=\"language-rust\">fn</code></pre>");
  EXPECT_EQ(sanitize_html("<details open><summary>More</summary>x</details>"), "<details open=\"\"><summary>More</summary>x</details>");
  EXPECT_EQ(sanitize_html("<img src=\"a.png\" alt=\"A\" width=\"40\">"), "<img src=\"a.png\" alt=\"A\" width=\"40\">");
  EXPECT_EQ(sanitize_html("a &amp; b &copy; &bogus c &lt;"), "a &amp; b &copy; &amp;bogus c &lt;");
}

TEST(SiteSanitize, HeadingsGetGitHubAnchors) {
  EXPECT_EQ(sanitize_html("<h2>Hello, <em>World</em>!</h2><h2>Hello World</h2>"),
            "<h2 id=\"hello-world\">Hello, <em>World</em>!</h2><h2 id=\"hello-world-1\">Hello World</h2>");
  EXPECT_EQ(sanitize_html("<h3>1. Überblick &amp; Ziele</h3>"), "<h3 id=\"1-überblick--ziele\">1. Überblick &amp; Ziele</h3>");
  specgate::site::SanitizeHooks hooks;
  hooks.id_prefix = "P3-";
  EXPECT_EQ(sanitize_html("<h1>Goals</h1><a name=\"x\"></a>", hooks), "<h1 id=\"P3-goals\">Goals</h1><a name=\"P3-x\"></a>");
}

TEST(SiteSanitize, DropsWhatCanRunOrEscape) {
  EXPECT_EQ(sanitize_html("a<script>alert(1)</script>b"), "ab");
  EXPECT_EQ(sanitize_html("<style>p{}</style><iframe src=x></iframe><svg><a>x</a></svg>c"), "c");
  EXPECT_EQ(sanitize_html("<img src=x onerror=alert(1)>"), "<img src=\"x\">");
  EXPECT_EQ(sanitize_html("<a href=\"javascript:alert(1)\" title='t\"'>x</a>"), "<a title=\"t&quot;\">x</a>");
  EXPECT_EQ(sanitize_html("<div class=\"sg-findings\" style=\"x\">x"), "<div>x</div>");
  EXPECT_EQ(sanitize_html("</div></main>x<b>y"), "x<b>y</b>");
  EXPECT_EQ(sanitize_html("<!-- hidden --><!DOCTYPE x><?php x ?>t"), "t");
  EXPECT_EQ(sanitize_html("<input type=\"text\" value=\"x\">"), "");
  EXPECT_EQ(sanitize_html("a < b > c <3"), "a &lt; b &gt; c &lt;3");
  EXPECT_EQ(sanitize_html("<a href=\"x\"><a href=\"y\">z</a></a>"), "<a href=\"x\">z</a>");
}

// The XSS catalogue: payload shapes known to get past sanitizers, each placed where a spec can
// put it — raw HTML, Markdown links and images, link titles, image alt text, table cells, headings,
// front matter values, Mermaid labels, IDs and file names — built into a site by the binary. The
// whole output is then read as a browser's tokenizer would: no element, attribute or URL that
// can run code may be left.
TEST(SiteXss, CatalogueLeavesNothingThatRuns) {
  const std::vector<std::string> payloads = {
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(2)>",
      "<a href=\"javascript:alert(3)\">x</a>",
      "[md link](javascript:alert(4))",
      "[md link](JaVaScRiPt:alert(5))",
      "[tab](java&#x09;script:alert(6))",
      "<a href=\"&#106;avascript:alert(7)\">x</a>",
      "<svg onload=alert(8)>",
      "<iframe src=\"javascript:alert(9)\"></iframe>",
      "<object data=\"javascript:alert(10)\"></object>",
      "<embed src=\"data:text/html,<script>alert(11)</script>\">",
      "<style>body{background:url(\"javascript:alert(12)\")}</style>",
      "<div style=\"background:url(javascript:alert(13))\">styled</div>",
      "[title](https://ok.example \"t\\\" onmouseover=\\\"alert(14)\")",
      "![alt\" onerror=\"alert(15)](x.png)",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(20)>",
      "<!--><img src=x onerror=alert(21)>-->",
      "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgyMik8L3NjcmlwdD4=\">x</a>",
      "<img src=\"data:image/svg+xml,<svg onload=alert(23)>\">",
      "<base href=\"javascript:alert(24)//\">",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(25)\">",
      "<form action=\"javascript:alert(26)\"><button>go</button></form>",
      "<details open ontoggle=alert(27)><summary>s</summary></details>",
      "<input autofocus onfocus=alert(28)>",
      "<a href=\"  javascript:alert(29)\">x</a>",
      "<textarea><script>alert(30)</script></textarea>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(31)>\"></noscript>",
      "<scr<script>ipt>alert(32)</script>",
      "<a href=\"vbscript:msgbox(33)\">x</a>",
      "<javascript:alert(34)>",
      "[frag](#\"><img src=x onerror=alert(37)>)",
      "[rel](other\"onmouseover=\"alert(38).md)",
      "<svg><script>alert(39)</script></svg>",
      "<img src=x:alert(42) onerror=eval(src)>",
      "<a href=\"jav&#x0A;ascript:alert(43)\">x</a>",
      "<isindex action=javascript:alert(44) type=image>",
      "<a href=\"javas&#99;ript:alert(45)\">x</a>",
      "<div onmouseover=\"alert(46)\">hover</div>",
      "<p <img src=x onerror=alert(47)>>",
      "<a href=javascript&colon;alert(48)>x</a>",
      "<svg><animate onbegin=alert(49) attributeName=x dur=1s>",
      "<link rel=stylesheet href=\"javascript:alert(50)\">",
  };
  ASSERT_GE(payloads.size(), 25u);
  TempDir t;
  std::string body;
  for (const std::string& p : payloads) body += p + "\n\n";
  // Table cells, headings, a list, a quote.
  body += "| A | B |\n|---|---|\n| <img src=x onerror=alert(16)> | [c](javascript:alert(16)) |\n\n";
  body += "## <img src=x onerror=alert(35)> heading\n\n- item <script>alert(36)</script>\n\n> <svg onload=alert(36)>\n\n";
  // Mermaid labels: shown as source while the type cannot be drawn.
  body += "```mermaid\nflowchart LR\n  A[\"<img src=x onerror=alert(18)>\"] --> B[\"</code></pre><script>alert(18)</script>\"]\n```\n\n";
  body += "```mermaid\nsequenceDiagram\n  A->>B: <script>alert(18)</script>\n```\n\n";
  // IDs next to markup.
  body += "Depends on TASK-2\"><script>alert(40)</script> and TASK-99<img src=x onerror=alert(40)>.\n";
  t.write("specs/TASK-1-evil.md", "---\ntitle: \"\\\"><img src=x onerror=alert(17)>\"\nowner: \"<script>alert(17)</script>\"\n"
                                  "\"<b onmouseover=alert(17)>\": value\nstatus: \"<svg onload=alert(17)>\"\n---\n" +
                                      spec("TASK-1", body));
  t.write("specs/TASK-2.md", spec("TASK-2", "Blocked by TASK-1. [back](TASK-1-evil.md#\"><script>alert(41)</script>)"));
  // File names and titles carrying markup.
  t.write("specs/\"><svg onload=alert(19)>.md", spec("TASK-3", "A file name with markup."));
  t.write("specs/x'onmouseover='alert(19).md", "# TASK-4: <script>alert(19)</script>\n\n**Status**: <b>Done</b>\n");
  for (const bool single : {false, true}) {
    const fs::path out = t / (single ? "one" : "site");
    std::vector<std::string> args = {"site", (t / "specs").string(), "--out", out.string(), "--title",
                                     "<script>alert(51)</script>", "--today", "2026-01-01"};
    if (single) args.push_back("--single-file");
    const auto r = run_specgate(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    size_t pages = 0;
    for (const auto& [rel, html] : html_files(out)) {
      if (rel.find(".html") == std::string::npos) continue;
      ++pages;
      const auto found = dangers(html);
      EXPECT_TRUE(found.empty()) << rel << ":\n" << ::testing::PrintToString(found);
      EXPECT_NE(html.find("http-equiv=\"Content-Security-Policy\""), std::string::npos) << rel;
    }
    EXPECT_EQ(pages, single ? 1u : 5u);
    EXPECT_TRUE(broken_links(out).empty()) << ::testing::PrintToString(broken_links(out));
  }
}

TEST(SiteBinary, ExamplesBuildAndEveryLinkResolves) {
  TempDir t;
  const fs::path out = t / "site";
  const auto r = run_specgate({"site", specgate::test::source_dir() + "/examples", "--out", out.string(), "--today",
                               "2026-06-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wrote 5 pages"), std::string::npos) << r.out;
  const auto files = html_files(out);
  ASSERT_TRUE(files.count("index.html"));
  ASSERT_TRUE(files.count("search.json"));
  const std::string& index = files.at("index.html");
  for (const auto& e : fs::directory_iterator(specgate::test::source_dir() + "/examples")) {
    if (e.path().extension() != ".md") continue;
    const std::string page = "specs/" + e.path().stem().string() + ".html";
    EXPECT_TRUE(files.count(page)) << page;
    EXPECT_NE(index.find("href=\"" + page + "\""), std::string::npos) << page;
  }
  for (const auto& [rel, html] : files) {
    if (rel.find(".html") != std::string::npos) {
      EXPECT_TRUE(dangers(html).empty()) << rel;
    }
  }
  EXPECT_TRUE(broken_links(out).empty()) << ::testing::PrintToString(broken_links(out));
  // Every diagram of the examples (flowchart, sequence, state, ER) is drawn inline by specgate's
  // renderer; none falls back to its source.
  const std::string& recon = files.at("specs/tech-spec-2026-04-02-ledger-sync-reconciler.html");
  EXPECT_NE(recon.find("<figure class=\"sg-diagram\" id=\"D0\"><svg "), std::string::npos);
  EXPECT_NE(recon.find("<figure class=\"sg-diagram\" id=\"D1\"><svg "), std::string::npos);
  for (const auto& [rel, html] : files) EXPECT_EQ(html.find("not drawn yet"), std::string::npos) << rel;
  // GitHub's anchors on headings, a declared ID linked to its page, backlinks listed.
  const std::string& arch = files.at("specs/ARCH-SUPER-7-event-driven-ledger-sync.html");
  EXPECT_NE(arch.find("<h2 id=\"problem-statement\">"), std::string::npos);
  EXPECT_NE(arch.find("Referenced by"), std::string::npos);
  EXPECT_NE(arch.find("href=\"SPEC-EPIC-12-sync-retry-policies.html\""), std::string::npos);
}

// A diagram type the renderer does not draw yet shows its source, escaped, with a note: never a
// wrong drawing, never nothing.
TEST(SiteBinary, UndrawnDiagramTypeShowsItsSourceWithANote) {
  TempDir t;
  t.write("specs/TASK-1.md", spec("TASK-1", "## Plan\n\n```mermaid\ngantt\n    title Plan <b>&</b>\n    section A\n"
                                            "    Build :a1, 2026-01-01, 3d\n```\n"));
  const fs::path out = t / "out";
  const auto r = run_specgate({"site", (t / "specs").string(), "--out", out.string(), "--today", "2026-01-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_all(out / "specs" / "TASK-1.html");
  EXPECT_NE(page.find("diagrams are not drawn yet; its source is shown.</p><pre><code class=\"language-mermaid\">gantt"),
            std::string::npos);
  EXPECT_NE(page.find("title Plan &lt;b&gt;&amp;&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<svg"), std::string::npos);
}

TEST(SiteBinary, LinksIdsBacklinksAndMissingSpecs) {
  TempDir t;
  t.write("specs/TASK-1.md", spec("TASK-1", "**Depends On**: TASK-2, TASK-404\n\nSee [two](sub/TASK-2.md#overview), "
                                            "[gone](missing.md) and ![img](pic.png).\n"));
  t.write("specs/sub/TASK-2.md", "# TASK-2: Second\n\n**Status**: Approved\n**Blocked By**: TASK-1\n\n## Overview\n\nx\n");
  t.write("specs/pic.png", "png");
  const fs::path out = t / "out";
  const auto r = run_specgate({"site", (t / "specs").string(), "--out", out.string(), "--today", "2026-01-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string one = read_all(out / "specs/TASK-1.html");
  const std::string two = read_all(out / "specs/sub/TASK-2.html");
  EXPECT_NE(one.find("<a class=\"sg-id\" href=\"sub/TASK-2.html\""), std::string::npos);
  EXPECT_NE(one.find("href=\"sub/TASK-2.html#overview\""), std::string::npos);
  EXPECT_NE(one.find("class=\"sg-missing\" title=\"no spec in this site declares TASK-404\""), std::string::npos);
  EXPECT_NE(one.find("<a class=\"sg-missing\" title=\"not in this site: missing.md\">gone</a>"), std::string::npos);
  EXPECT_NE(one.find("src=\"../../specs/pic.png\""), std::string::npos);
  EXPECT_NE(two.find("<a class=\"sg-id\" href=\"../TASK-1.html\""), std::string::npos);
  // TASK-2 is blocked by TASK-1: TASK-1 lists it as a backlink, TASK-2 as a dependency.
  EXPECT_NE(one.find("Referenced by</h2><ul><li><a href=\"sub/TASK-2.html\">TASK-2</a>"), std::string::npos) << one;
  EXPECT_NE(two.find("<h2>Depends on</h2><ul><li><a href=\"../TASK-1.html\">TASK-1</a>"), std::string::npos) << two;
  EXPECT_TRUE(broken_links(out).empty()) << ::testing::PrintToString(broken_links(out));
}

TEST(SiteBinary, FindingsAreListedAndMarkedWhereTheyOccur) {
  TempDir t;
  t.write("TASK-7.md", "# TASK-7: X\n\n**Status**: Draft\n**Updated**: 2026-02-30\n\n## Notes\n\nText.\n");
  const fs::path out = t / "out";
  const auto r = run_specgate({"site", (t / "TASK-7.md").string(), "--out", out.string(), "--today", "2026-01-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = read_all(out / "specs/TASK-7.html");
  // The list on top links to the block's anchor; the block carries a marker linking back.
  EXPECT_NE(page.find("<li class=\"sg-sev-error\" id=\"F1\"><a href=\"#L3\">4:14</a> error: "), std::string::npos) << page;
  EXPECT_NE(page.find("<span class=\"sg-anchor\" id=\"L3\"></span><div class=\"sg-marks\"><a class=\"sg-sev-error\" href=\"#F1\">line 4: error:"),
            std::string::npos);
}

TEST(SiteBinary, SameInputSameBytes) {
  TempDir t;
  const std::string examples = specgate::test::source_dir() + "/examples";
  ASSERT_EQ(run_specgate({"site", examples, "--out", (t / "a").string(), "-j", "1"}).exit_code, 0);
  ASSERT_EQ(run_specgate({"site", examples, "--out", (t / "b").string(), "-j", "4"}).exit_code, 0);
  const auto a = html_files(t / "a"), b = html_files(t / "b");
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [rel, bytes] : a) EXPECT_TRUE(b.count(rel) && b.at(rel) == bytes) << rel;
}

TEST(SiteBinary, SingleFileHoldsEveryPage) {
  TempDir t;
  const fs::path out = t / "one";
  const auto r = run_specgate({"site", specgate::test::source_dir() + "/examples", "--out", out.string(),
                               "--single-file", "--title", "Review"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto files = html_files(out);
  ASSERT_EQ(files.size(), 1u);
  const std::string& html = files.at("index.html");
  for (int i = 0; i < 5; ++i) EXPECT_NE(html.find("<section class=\"sg-page\" id=\"P" + std::to_string(i) + "\">"), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"P0-"), std::string::npos);  // heading anchors prefixed per page
  EXPECT_TRUE(broken_links(out).empty()) << ::testing::PrintToString(broken_links(out));
  EXPECT_TRUE(dangers(html).empty());
}

TEST(SiteBinary, SharedCorporaBuildWithoutErrors) {
  if (!specgate::test::have_shared()) GTEST_SKIP() << "../shared is absent";
  for (const char* corpus : {"seeds", "corpus/real", "corpus/real2"}) {
    const fs::path in = specgate::test::shared_dir() / corpus;
    if (!fs::is_directory(in)) continue;
    TempDir t;
    std::vector<std::string> args = {"site", "--out", (t / "site").string(), "--today", "2026-06-01"};
    if (std::string(corpus) == "seeds") {
      // The seeds are templates kept as .txt: named one by one, they are taken as they are.
      for (const auto& e : fs::directory_iterator(in)) args.push_back(e.path().string());
    } else {
      args.push_back(in.string());
    }
    const auto r = run_specgate(args);
    EXPECT_EQ(r.exit_code, 0) << corpus << ": " << r.err;
    for (const auto& [rel, html] : html_files(t / "site")) {
      if (rel.find(".html") != std::string::npos) {
        EXPECT_TRUE(dangers(html).empty()) << corpus << "/" << rel;
      }
    }
    EXPECT_TRUE(broken_links(t / "site").empty()) << corpus << ": " << ::testing::PrintToString(broken_links(t / "site"));
  }
}
