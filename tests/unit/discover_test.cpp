// Discovery: directories, globs, .gitignore (nested, negation, dir-only, anchored), config
// excludes, symlink loops and symlinked duplicates; and --changed against a real git repository.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/markdown_path.h"
#include "core/process.h"
#include "support/test_paths.h"
#include "workspace/changed.h"
#include "workspace/discover.h"
#include "workspace/gitignore.h"

namespace specgate {
namespace {

namespace fs = std::filesystem;

class TempTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("specgate-discover-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    old_ = fs::current_path();
    fs::current_path(root_);
  }
  void TearDown() override {
    fs::current_path(old_);
    fs::remove_all(root_);
  }
  void write(const std::string& rel, const std::string& text = "# x\n") {
    fs::create_directories(fs::path(rel).parent_path().empty() ? "." : fs::path(rel).parent_path());
    std::ofstream(rel) << text;
  }
  static std::vector<std::string> files(const std::vector<std::string>& args, DiscoverOptions o = {}) {
    return discover(args, o).files;
  }
  fs::path root_, old_;
};

using Files = std::vector<std::string>;

TEST_F(TempTree, WalksMarkdownOnlySortedSkippingHiddenAndNodeModules) {
  write("b.md");
  write("a.markdown");
  write("notes.txt");
  write("sub/c.md");
  write(".hidden/d.md");
  write("node_modules/pkg/e.md");
  Discovery d = discover({"."}, {});
  EXPECT_EQ(d.files, (Files{"a.markdown", "b.md", "sub/c.md"}));
  EXPECT_TRUE(d.covers_workspace);
  // An explicit file is always taken, whatever its extension.
  Discovery one = discover({"notes.txt"}, {});
  EXPECT_EQ(one.files, (Files{"notes.txt"}));
  EXPECT_FALSE(one.covers_workspace);
}

// The one Markdown extension set (core/markdown_path.h), in any letter case. Deliberate change:
// .mdown, .mkd and case variants other than .MD were skipped before.
TEST_F(TempTree, WalksEveryMarkdownExtensionInAnyCase) {
  for (const char* name : {"a.md", "b.MD", "c.Markdown", "d.mdown", "e.MKD", "f.mdx", "g.txt", "h.md.bak", ".md"})
    write(name);
  EXPECT_EQ(files({"."}), (Files{"a.md", "b.MD", "c.Markdown", "d.mdown", "e.MKD"}));
}

TEST(MarkdownPath, OneExtensionSet) {
  for (const char* yes : {"a.md", "dir/a.markdown", "x/y/README.MD", "a.Mdown", "a.mkd", "a.b.md"})
    EXPECT_TRUE(is_markdown_path(yes)) << yes;
  for (const char* no : {"a", "a.mdx", "a.txt", ".md", "dir/.md", "a.md/", "a.md.orig", "md", "..", "a."})
    EXPECT_FALSE(is_markdown_path(no)) << no;
}

TEST_F(TempTree, GitignoreRootNestedNegationDirOnlyAnchored) {
  fs::create_directories(".git");
  write(".gitignore", "# comment\n*.draft.md\nbuild/\n/top.md\n!keep.draft.md\ndocs/private\n");
  write("a.md");
  write("x.draft.md");
  write("keep.draft.md");
  write("top.md");
  write("sub/top.md");       // /top.md is anchored to the root: this one stays
  write("build/b.md");       // dir-only pattern
  write("sub/build.md");     // a file named like the directory pattern stays
  write("docs/private/p.md");
  write("docs/public/q.md");
  write("sub/.gitignore", "*.md\n!wanted.md\n");
  write("sub/wanted.md");
  write("sub/dropped.md");
  EXPECT_EQ(files({"."}), (Files{"a.md", "docs/public/q.md", "keep.draft.md", "sub/wanted.md"}));
  // Walking from a subdirectory still applies the root .gitignore.
  EXPECT_EQ(files({"docs"}), (Files{"docs/public/q.md"}));
  // --no-ignore
  DiscoverOptions all;
  all.gitignore = false;
  EXPECT_EQ(files({"."}, all).size(), 11u);
}

TEST_F(TempTree, ConfigExcludes) {
  write("a.md");
  write("drafts/b.md");
  write("old/c.md");
  DiscoverOptions o;
  o.exclude = {"drafts/", "old/*.md"};
  o.exclude_base = root_.string();
  EXPECT_EQ(files({"."}, o), (Files{"a.md"}));
}

TEST_F(TempTree, Globs) {
  write("specs/TASK-1.md");
  write("specs/TASK-2.md");
  write("specs/STORY-1.md");
  write("specs/deep/TASK-3.md");
  write("specs/deep/er/TASK-4.md");
  write("top.md");
  EXPECT_EQ(files({"specs/TASK-*.md"}), (Files{"specs/TASK-1.md", "specs/TASK-2.md"}));
  EXPECT_EQ(files({"specs/**/TASK-*.md"}),
            (Files{"specs/TASK-1.md", "specs/TASK-2.md", "specs/deep/TASK-3.md", "specs/deep/er/TASK-4.md"}));
  EXPECT_EQ(files({"specs/*/TASK-?.md"}), (Files{"specs/deep/TASK-3.md"}));
  EXPECT_EQ(files({"*.md"}), (Files{"top.md"}));
  EXPECT_EQ(files({"specs/TASK-[2-9].md"}), (Files{"specs/TASK-2.md"}));
  Discovery none = discover({"specs/nothing-*.md"}, {});
  EXPECT_TRUE(none.files.empty());
  ASSERT_EQ(none.errors.size(), 1u);
  EXPECT_NE(none.errors[0].find("no Markdown files match"), std::string::npos);
}

TEST_F(TempTree, SymlinkLoopsEndAndLinkedFilesCountOnce) {
  write("a/x.md");
  fs::create_directory_symlink("..", "a/loop");  // a/loop -> . : a loop
  fs::create_directory_symlink("a", "b");         // the same directory under two names
  fs::create_symlink("a/x.md", "y.md");
  Discovery d = discover({"."}, {});
  EXPECT_TRUE(d.errors.empty());
  // One file, under its first name.
  EXPECT_EQ(d.files, (Files{"a/x.md"}));
}

TEST_F(TempTree, OneFileUnderTwoSpellingsOrAHardLinkCountsOnce) {
  write("a/x.md");
  write("a/z.md");
  fs::create_hard_link("a/z.md", "a/w.md");
  // The same file as a relative and an absolute argument, inside and outside a walked directory.
  const std::string abs = (fs::current_path() / "a" / "x.md").string();
  Discovery d = discover({abs, "a", "./a/x.md"}, {});
  EXPECT_TRUE(d.errors.empty());
  ASSERT_EQ(d.files.size(), 2u);
  EXPECT_EQ(d.files[0], abs);  // sorted: the absolute path comes first
  EXPECT_EQ(d.files[1], "a/w.md");
  // Two distinct files with equal text are both kept.
  write("b/p.md", "# same\n");
  write("b/q.md", "# same\n");
  EXPECT_EQ(files({"b"}), (Files{"b/p.md", "b/q.md"}));
}

TEST(Gitignore, Parsing) {
  IgnoreFile f = parse_gitignore("\\#hash\n\\!bang\n  \nfoo/ \n/bar\n**/baz\na/**/b\n", "sub");
  ASSERT_EQ(f.patterns.size(), 6u);
  EXPECT_EQ(f.patterns[0].glob, "#hash");
  EXPECT_EQ(f.patterns[1].glob, "!bang");
  EXPECT_FALSE(f.patterns[1].negate);
  EXPECT_TRUE(f.patterns[2].dir_only);
  EXPECT_EQ(f.patterns[2].glob, "foo");
  EXPECT_TRUE(f.patterns[3].anchored);
  EXPECT_FALSE(f.patterns[4].anchored);
  EXPECT_TRUE(f.patterns[5].anchored);
  IgnoreChain chain{std::make_shared<IgnoreFile>(f)};
  EXPECT_TRUE(is_ignored(chain, "sub/bar", false));
  EXPECT_FALSE(is_ignored(chain, "sub/x/bar", false));
  EXPECT_FALSE(is_ignored(chain, "bar", false));  // outside the .gitignore's directory
  EXPECT_TRUE(is_ignored(chain, "sub/x/y/baz", false));
  EXPECT_TRUE(is_ignored(chain, "sub/a/b", true));
  EXPECT_TRUE(is_ignored(chain, "sub/a/x/y/b", false));
  EXPECT_TRUE(is_ignored(chain, "sub/q/foo", true));
  EXPECT_FALSE(is_ignored(chain, "sub/q/foo", false));
}

bool have_git() {
  ProcessResult r = run_process({"git", "--version"});
  return r.started && r.exit_code == 0;
}

void git(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv);
  ASSERT_TRUE(r.started && r.exit_code == 0) << r.err << r.error;
}

TEST_F(TempTree, ChangedAgainstDefaultBranchHeadAndBase) {
  if (!have_git()) GTEST_SKIP() << "git not installed";
  git({"init", "-q"});
  write("a.md");
  write("b.md");
  write("c.md");
  git({"add", "."});
  git({"commit", "-qm", "one"});
  // On the default branch: uncommitted work counts (modified, and untracked).
  write("b.md", "# changed\n");
  write("new spec.md");
  ChangedFiles c = git_changed_files(".", "");
  ASSERT_EQ(c.error, "");
  std::vector<std::string> names;
  for (const auto& p : c.paths) names.push_back(fs::path(p).filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (Files{"b.md", "new spec.md"}));

  // On a feature branch: everything since the merge-base with main, committed or not.
  git({"checkout", "-qb", "feature"});
  git({"add", "."});
  git({"commit", "-qm", "two"});
  write("c.md", "# also changed\n");
  c = git_changed_files(".", "");
  ASSERT_EQ(c.error, "");
  names.clear();
  for (const auto& p : c.paths) names.push_back(fs::path(p).filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (Files{"b.md", "c.md", "new spec.md"}));
  // --base HEAD: only uncommitted work.
  c = git_changed_files(".", "HEAD");
  ASSERT_EQ(c.error, "");
  ASSERT_EQ(c.paths.size(), 1u);
  EXPECT_EQ(fs::path(c.paths[0]).filename(), "c.md");
  // A base that looks like an option is refused, never passed to git as one.
  EXPECT_NE(git_changed_files(".", "--output=/tmp/x").error, "");
  EXPECT_NE(git_changed_files(".", "no-such-rev").error, "");
}

TEST_F(TempTree, CheckChangedReportsChangedFilesJudgedAgainstTheWholeSet) {
  if (!have_git()) GTEST_SKIP() << "git not installed";
  git({"init", "-q"});
  for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / "tests/fixtures/workspaces/dependency-cycle/fires"))
    if (e.path().extension() == ".md") fs::copy_file(e.path(), e.path().filename());
  git({"add", "."});
  git({"commit", "-qm", "one"});
  write("TASK-3-ui.md", "# TASK-3: UI\n\n**Blocked By**: TASK-1\n");
  ProcessResult r = run_process({test::binary(), "check", ".", "--changed", "--format", "json", "--disable", "no-template"});
  ASSERT_TRUE(r.started);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Only the changed file is reported, but the cycle through two unchanged files is found.
  EXPECT_NE(r.out.find("TASK-1 -> TASK-2 -> TASK-3 -> TASK-1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("TASK-4-docs.md"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("TASK-5"), std::string::npos) << r.out;
}

TEST_F(TempTree, ChangedOutsideARepositoryIsAnError) {
  if (!have_git()) GTEST_SKIP() << "git not installed";
  // The temp directory is not inside a git work tree (unless TMPDIR is; then skip).
  if (run_process({"git", "-C", root_.string(), "rev-parse"}).exit_code == 0) GTEST_SKIP();
  EXPECT_NE(git_changed_files(".", "").error.find("--changed needs a git work tree"), std::string::npos);
}

}  // namespace
}  // namespace specgate
