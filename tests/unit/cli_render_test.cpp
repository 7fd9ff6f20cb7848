// `specgate render` through the real binary: file names and numbering, PNG, stdout, themes,
// and an invalid diagram writing nothing at all.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_binary.h"

namespace specgate::test {
namespace {

namespace fs = std::filesystem;

const char* const kDoc =
    "# Design\n\n```mermaid\nflowchart LR\n  A[Start] --> B{Ok?}\n  B -->|yes| C[Done]\n```\n\n"
    "Text.\n\n```mermaid\npie\n  \"a\" : 1\n```\n\n```mermaid\nstateDiagram-v2\n  [*] --> S\n  S --> [*]\n```\n";

TEST(CliRender, EveryDrawnDiagramBecomesAFileNumberedInTheFile) {
  TempDir dir;
  dir.write("design.md", kDoc);
  RunResult r = run_specgate({"render", "design.md", "--out", "pics"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "pics/design-1.svg"));
  EXPECT_FALSE(fs::exists(dir / "pics/design-2.svg"));  // pie: not drawn, its number kept
  EXPECT_TRUE(fs::exists(dir / "pics/design-3.svg"));
  EXPECT_NE(r.err.find("'pie' diagrams are not drawn yet"), std::string::npos) << r.err;
  const std::string svg = read_all(dir / "pics/design-1.svg");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find(">Start</text>"), std::string::npos);
}

TEST(CliRender, PngAndThemes) {
  TempDir dir;
  dir.write("flow.mmd", "graph TD\n  A --> B\n");
  RunResult r = run_specgate({"render", "flow.mmd", "--format", "png", "--theme", "dark", "--out", "."}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string png = read_all(dir / "flow-1.png");
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1a\n");
}

TEST(CliRender, OneDiagramToStdout) {
  TempDir dir;
  dir.write("flow.mmd", "graph TD\n  A --> B\n");
  RunResult r = run_specgate({"render", "flow.mmd", "--out", "-"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("<svg", 0), 0u);
  EXPECT_FALSE(fs::exists(dir / "flow-1.svg"));
  // Two diagrams cannot go to stdout.
  dir.write("two.md", kDoc);
  r = run_specgate({"render", "two.md", "--out", "-"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CliRender, AnInvalidDiagramIsReportedAndNothingIsWritten) {
  TempDir dir;
  dir.write("good.mmd", "graph TD\n  A --> B\n");
  dir.write("bad.md", "# Bad\n\n```mermaid\nflowchart TD\n  A[x(y)] --> B\n```\n");
  RunResult r = run_specgate({"render", "good.mmd", "bad.md", "--out", "out"}, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad.md:5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[mermaid-syntax]"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(CliRender, FoldersAreWalked) {
  TempDir dir;
  dir.write("d/a.mmd", "graph TD\n  A --> B\n");
  dir.write("d/sub/b.md", kDoc);
  RunResult r = run_specgate({"render", "d", "--out", "o"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "o/a-1.svg"));
  EXPECT_TRUE(fs::exists(dir / "o/b-3.svg"));
}

}  // namespace
}  // namespace specgate::test
