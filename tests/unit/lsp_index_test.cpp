// The language server's one spec index (lsp/workspace_index.h) through its Session: an edit
// that makes or removes a duplicate ID re-publishes the other open spec it concerns and only
// that one; the language features read the same index, buffers outside the workspace folders
// included (as entries the cross-document rules do not see) until they are closed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "lsp/session.h"
#include "lsp/uri.h"

namespace specgate::lsp {
namespace {

namespace fs = std::filesystem;

class LspIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("specgate-lsp-index-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "ws" / ".git");  // the config search stops here
    fs::create_directories(root_ / "elsewhere");
    write("ws/a.md", kA);
    write("ws/b.md", "# TASK-2: Second\n\n**Status**: Done\n");
    write("ws/c.md", "# TASK-3: Third\n\n**Status**: Done\n");
    session_.set_client(Json::object(), {(root_ / "ws").string()});
    session_.rebuild_index();
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& name, const std::string& text) { std::ofstream(root_ / name) << text; }
  std::string uri(const std::string& name) { return path_to_uri((root_ / name).string()); }
  void open(const std::string& name) {
    std::ifstream in(root_ / name);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    session_.documents().open(uri(name), "markdown", 1, text);
    session_.analysis(uri(name));
  }
  // The documents whose diagnostics are published once every debounce has passed: uri -> rules.
  std::map<std::string, std::string> published() {
    session_.publish_due(Clock::now() + std::chrono::hours(1));
    std::map<std::string, std::string> out;
    for (const Json& m : session_.take_outgoing()) {
      if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
      std::string rules;
      for (const Json& d : m["params"]["diagnostics"]) rules += d.value("code", "") + " ";
      out[m["params"]["uri"].get<std::string>()] = rules;
    }
    return out;
  }

  static constexpr const char* kA = "# TASK-1: First\n\n**Status**: Done\n**Blocked By**: TASK-3\n";
  fs::path root_;
  Session session_;
};

TEST_F(LspIndex, ADuplicateIdRepublishesOnlyTheSpecItConcerns) {
  for (const char* name : {"ws/a.md", "ws/b.md", "ws/c.md"}) open(name);
  published();
  int64_t version = 2;
  // A line inserted at the top of a moves its ID and references: nobody else's findings change.
  session_.documents().change(uri("ws/a.md"), version++, {{Range{{0, 0}, {0, 0}}, "\n"}});
  session_.analysis(uri("ws/a.md"));
  EXPECT_TRUE(published().empty());
  // a takes b's ID: b's findings change (a duplicate); c, which a still waits for, keeps its own.
  session_.documents().change(uri("ws/a.md"), version++, {{Range{{1, 2}, {1, 8}}, "TASK-2"}});
  auto a = session_.analysis(uri("ws/a.md"));
  ASSERT_TRUE(a);
  EXPECT_EQ(std::count_if(a->diagnostics.begin(), a->diagnostics.end(),
                          [](const Diagnostic& d) { return d.rule == "duplicate-id"; }), 1);
  auto got = published();
  ASSERT_EQ(got.size(), 1u) << got.begin()->first;
  EXPECT_NE(got[uri("ws/b.md")].find("duplicate-id"), std::string::npos) << got[uri("ws/b.md")];
  // a gives the ID back: b is published again, without the duplicate.
  session_.documents().change(uri("ws/a.md"), version++, {{Range{{1, 2}, {1, 8}}, "TASK-1"}});
  session_.analysis(uri("ws/a.md"));
  got = published();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[uri("ws/b.md")].find("duplicate-id"), std::string::npos) << got[uri("ws/b.md")];
}

TEST_F(LspIndex, TheFeaturesReadTheSameIndexBuffersIncluded) {
  const SpecDirectory& specs = session_.specs();
  EXPECT_EQ(specs.specs().size(), 3u);
  ASSERT_EQ(specs.declaring("TASK-1").size(), 1u);
  // An unsaved buffer stands for its file: its new ID is the one the features see.
  open("ws/a.md");
  session_.documents().change(uri("ws/a.md"), 2, {{Range{{0, 2}, {0, 8}}, "TASK-9"}});
  EXPECT_TRUE(session_.specs().declaring("TASK-1").empty());
  ASSERT_EQ(session_.specs().declaring("TASK-9").size(), 1u);
  // A spec outside the folders, open: an entry for the features, not a record for the rules.
  write("elsewhere/x.md", "# TASK-7: Elsewhere\n");
  const std::string x = (root_ / "elsewhere/x.md").string();
  open("elsewhere/x.md");
  EXPECT_EQ(session_.specs().declaring("TASK-7").size(), 1u);
  EXPECT_FALSE(session_.index().covers(x));
  // Closed: the outside spec is gone, and a's file on disk counts again.
  session_.documents().close(uri("elsewhere/x.md"));
  session_.documents().close(uri("ws/a.md"));
  EXPECT_TRUE(session_.specs().declaring("TASK-7").empty());
  EXPECT_EQ(session_.specs().declaring("TASK-1").size(), 1u);
  EXPECT_TRUE(session_.specs().declaring("TASK-9").empty());
}

}  // namespace
}  // namespace specgate::lsp
