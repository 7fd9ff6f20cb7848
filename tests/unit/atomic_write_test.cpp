// Writes never lose or overwrite data: write_file_atomic (temp file + rename in the target's
// directory), and `export --out` through the binary.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/file_io.h"
#include "support/run_binary.h"
#include "support/test_paths.h"

namespace fs = std::filesystem;
using specgate::WriteOptions;
using specgate::write_file_atomic;
using specgate::test::read_all;
using specgate::test::run_specgate;
using specgate::test::TempDir;

namespace {

// Names in `dir`, to prove no temporary file is left behind.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AtomicWrite, CreatesANewFile) {
  TempDir t;
  EXPECT_EQ(write_file_atomic((t / "a.json").string(), "{}\n"), std::nullopt);
  EXPECT_EQ(read_all(t / "a.json"), "{}\n");
  EXPECT_EQ(entries(t.path()), std::vector<std::string>{"a.json"});
  struct stat st {};
  ASSERT_EQ(::stat((t / "a.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST(AtomicWrite, CreatesMissingParentDirectories) {
  TempDir t;
  EXPECT_EQ(write_file_atomic((t / "x/y/a.json").string(), "1"), std::nullopt);
  EXPECT_EQ(read_all(t / "x/y/a.json"), "1");
}

TEST(AtomicWrite, NeverReplacesWithoutOverwrite) {
  TempDir t;
  t.write("a.json", "precious");
  auto err = write_file_atomic((t / "a.json").string(), "new");
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("file exists"), std::string::npos) << *err;
  EXPECT_NE(err->find("--force"), std::string::npos) << *err;
  EXPECT_EQ(read_all(t / "a.json"), "precious");
  EXPECT_EQ(entries(t.path()), std::vector<std::string>{"a.json"});
}

TEST(AtomicWrite, ReplacesWithOverwrite) {
  TempDir t;
  t.write("a.json", "old");
  WriteOptions o;
  o.overwrite = true;
  EXPECT_EQ(write_file_atomic((t / "a.json").string(), "new", o), std::nullopt);
  EXPECT_EQ(read_all(t / "a.json"), "new");
  EXPECT_EQ(entries(t.path()), std::vector<std::string>{"a.json"});
}

TEST(AtomicWrite, NeverWritesThroughASymlink) {
  TempDir t, outside;
  outside.write("target.json", "outside");
  fs::create_symlink(outside / "target.json", t / "a.json");
  WriteOptions o;
  o.overwrite = true;  // not even with --force
  auto err = write_file_atomic((t / "a.json").string(), "new", o);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("symbolic link"), std::string::npos) << *err;
  EXPECT_EQ(read_all(outside / "target.json"), "outside");
  EXPECT_TRUE(fs::is_symlink(t / "a.json"));
}

TEST(AtomicWrite, NeverWritesThroughADanglingSymlink) {
  TempDir t, outside;
  fs::create_symlink(outside / "new.json", t / "a.json");
  auto err = write_file_atomic((t / "a.json").string(), "new");
  ASSERT_TRUE(err.has_value());
  EXPECT_FALSE(fs::exists(outside / "new.json"));
}

TEST(AtomicWrite, RefusesADirectory) {
  TempDir t;
  fs::create_directory(t / "a.json");
  WriteOptions o;
  o.overwrite = true;
  auto err = write_file_atomic((t / "a.json").string(), "new", o);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("directory"), std::string::npos) << *err;
  EXPECT_TRUE(fs::is_directory(t / "a.json"));
}

// --- export --out through the binary ---------------------------------------------------------

std::string metadata_spec() {
  return "# Spec\n\n## 0.1) Template Metadata\n\n"
         "- **name:** Retry budget\n"
         "- **description:** Cap retries\n"
         "- **title_template:** Add {thing}\n"
         "- **acceptance_criteria:**\n"
         "  - Retries are capped\n"
         "- **priority:** high\n"
         "- **variables:** thing\n"
         "- **metadata:** {}\n";
}

TEST(ExportOut, WritesAndRefusesToClobberAForeignFile) {
  TempDir t;
  const auto spec = t.write("spec.md", metadata_spec());
  const auto r1 = run_specgate({"export", spec.string(), "--format", "template-json", "--out", (t / "out.json").string()});
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  const std::string first = read_all(t / "out.json");
  EXPECT_NE(first.find("\"Retry budget\""), std::string::npos) << first;

  // out.json is not a previous *.template.json export: without --force it is kept.
  fs::resize_file(t / "out.json", 3);
  const auto r2 = run_specgate({"export", spec.string(), "--format", "template-json", "--out", (t / "out.json").string()});
  EXPECT_EQ(r2.exit_code, 2);
  EXPECT_NE(r2.err.find("out.json"), std::string::npos) << r2.err;
  EXPECT_NE(r2.err.find("--force"), std::string::npos) << r2.err;
  EXPECT_EQ(read_all(t / "out.json").size(), 3u);

  const auto r3 = run_specgate(
      {"export", spec.string(), "--format", "template-json", "--out", (t / "out.json").string(), "--force"});
  EXPECT_EQ(r3.exit_code, 0) << r3.err;
  EXPECT_EQ(read_all(t / "out.json"), first);
  EXPECT_EQ(entries(t.path()), (std::vector<std::string>{"out.json", "spec.md"}));
}

TEST(ExportOut, ReexportReplacesTheTemplateJson) {
  TempDir t;
  const auto spec = t.write("spec.md", metadata_spec());
  const auto out = t / "spec.template.json";
  t.write("spec.template.json", "stale");
  const auto r = run_specgate({"export", spec.string(), "--format", "template-json", "--out", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_all(out).find("\"Retry budget\""), std::string::npos);
}

TEST(ExportOut, NeverFollowsASymlinkOutOfTheDirectory) {
  TempDir t, outside;
  const auto spec = t.write("spec.md", metadata_spec());
  outside.write("victim.json", "victim");
  fs::create_symlink(outside / "victim.json", t / "spec.template.json");
  const auto r = run_specgate(
      {"export", spec.string(), "--format", "template-json", "--out", (t / "spec.template.json").string(), "--force"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
  EXPECT_EQ(read_all(outside / "victim.json"), "victim");
}

TEST(ExportOut, NeverOverwritesItsInput) {
  TempDir t;
  const auto spec = t.write("spec.md", metadata_spec());
  const auto r = run_specgate({"export", spec.string(), "--format", "template-json", "--out", spec.string(), "--force"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read_all(spec), metadata_spec());
}

TEST(ExportOut, NeverOverwritesItsInputThroughAnotherName) {
  TempDir t;
  const auto spec = t.write("spec.md", metadata_spec());
  fs::create_hard_link(spec, t / "spec.template.json");
  const auto r = run_specgate(
      {"export", spec.string(), "--format", "template-json", "--out", (t / "spec.template.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(read_all(spec), metadata_spec());
}

}  // namespace
