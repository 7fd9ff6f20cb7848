// The language server's protocol pieces on their own: UTF-16 positions both ways, incremental
// changes, file URIs, Content-Length framing (over a pipe), and the server's answers to
// lifecycle and malformed messages. The whole server through a real client: tests/tools/lsp_test.py.
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"
#include "lsp/documents.h"
#include "lsp/folders.h"
#include "lsp/positions.h"
#include "lsp/server.h"
#include "lsp/transport.h"
#include "lsp/uri.h"
#include "support/run_binary.h"

namespace specgate::lsp {
namespace {

// --- positions ------------------------------------------------------------------------------

TEST(LspPositions, Utf16CountsAstralCharactersTwice) {
  EXPECT_EQ(utf16_length("abc"), 3u);
  EXPECT_EQ(utf16_length("é中"), 2u);          // two and three UTF-8 bytes: one unit each
  EXPECT_EQ(utf16_length("😀"), 2u);           // four bytes: a surrogate pair
  EXPECT_EQ(utf16_length("\xff" "a"), 2u);    // an invalid byte stands for U+FFFD: one unit
}

TEST(LspPositions, OffsetsAndPositionsRoundTrip) {
  const std::string text = "a😀b\r\nsecond é\rthird\n";
  const LineIndex lines(text);
  EXPECT_EQ(lines.line_count(), 4u);  // LF, CR LF and a lone CR end lines; the empty last line counts
  EXPECT_EQ(lines.offset_of({0, 0}), 0u);
  EXPECT_EQ(lines.offset_of({0, 1}), 1u);
  EXPECT_EQ(lines.offset_of({0, 3}), 5u);  // after the pair: 'b'
  EXPECT_EQ(lines.offset_of({0, 2}), 1u);  // inside the pair: its start
  EXPECT_EQ(lines.offset_of({0, 99}), 6u); // past the end of the line: before CR LF
  EXPECT_EQ(lines.offset_of({1, 7}), 8u + 7u);
  EXPECT_EQ(lines.offset_of({1, 8}), 8u + 8u + 1u);  // after 'é' (two bytes)
  EXPECT_EQ(lines.offset_of({2, 0}), text.find("third"));
  EXPECT_EQ(lines.offset_of({9, 0}), text.size());
  for (size_t off : {size_t{0}, size_t{1}, size_t{5}, size_t{8}, text.find("third"), text.size()})
    EXPECT_EQ(lines.offset_of(lines.position_of(off)), off) << off;
  EXPECT_EQ(lines.position_of(6), (Position{0, 4}));  // inside CR LF: the end of the line's text
}

TEST(LspPositions, DiagnosticRangeFromCharactersToUtf16) {
  // specgate's columns count characters and skip a BOM; LSP counts UTF-16 units, BOM included.
  const SourceText source("a.md", "\xEF\xBB\xBF# T😀x\n**K**: 中 <v>\n");
  const LineIndex lines(source.text());
  Diagnostic d;
  d.line = 1, d.column = 4, d.end_line = 1, d.end_column = 6;  // "😀x"
  EXPECT_EQ(diagnostic_range(d, source, lines), (Range{{0, 4}, {0, 7}}));
  d.line = 2, d.column = 10, d.end_line = 2, d.end_column = 13;  // "<v>"
  EXPECT_EQ(diagnostic_range(d, source, lines), (Range{{1, 9}, {1, 12}}));
  d.line = 0;  // a file-level finding
  EXPECT_EQ(diagnostic_range(d, source, lines), (Range{}));
}

// --- documents ------------------------------------------------------------------------------

TEST(LspDocuments, IncrementalChangesApplyInOrder) {
  Documents docs;
  docs.open("file:///w/a.md", "markdown", 1, "one 😀 two\nthree\n");
  ASSERT_TRUE(docs.change("file:///w/a.md", 2,
                          {{Range{{0, 4}, {0, 6}}, "X"},           // the pair becomes X
                           {Range{{1, 0}, {1, 0}}, "new\n"},       // then a line inserted
                           {std::nullopt, "whole\n"},              // then everything replaced
                           {Range{{0, 5}, {0, 5}}, " text"}}));
  const OpenDocument* d = docs.find("file:///w/a.md");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->text, "whole text\n");
  EXPECT_EQ(d->version, 2);
  EXPECT_EQ(d->path, "/w/a.md");
  EXPECT_EQ(docs.find_path("/w/a.md"), d);
  EXPECT_FALSE(docs.change("file:///w/other.md", 1, {}));
  EXPECT_TRUE(docs.close("file:///w/a.md"));
  EXPECT_EQ(docs.find("file:///w/a.md"), nullptr);
}

TEST(LspDocuments, EditsAtTheEndAndReversedRanges) {
  std::string text = "ab";
  apply_change(text, {Range{{5, 0}, {5, 0}}, "c"});  // past the last line: appended
  EXPECT_EQ(text, "abc");
  apply_change(text, {Range{{0, 2}, {0, 1}}, ""});   // reversed: the span it covers
  EXPECT_EQ(text, "ac");
}

// --- URIs -----------------------------------------------------------------------------------

TEST(LspUri, FileUrisAndPaths) {
  EXPECT_EQ(uri_to_path("file:///home/a/My%20Specs/x.md"), "/home/a/My Specs/x.md");
  EXPECT_EQ(uri_to_path("file://localhost/tmp/a%C3%A9.md"), "/tmp/aé.md");
  EXPECT_EQ(uri_to_path("FILE:///tmp/./x/../y.md"), "/tmp/y.md");
  EXPECT_EQ(uri_to_path("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(uri_to_path("file://otherhost/x.md"), std::nullopt);
  EXPECT_EQ(uri_to_path("file:///a%00b"), std::nullopt);
  EXPECT_EQ(path_to_uri("/home/a/My Specs/x#1.md"), "file:///home/a/My%20Specs/x%231.md");
  EXPECT_EQ(uri_to_path(path_to_uri("/tmp/é 100%.md")), "/tmp/é 100%.md");
}

// --- framing --------------------------------------------------------------------------------

struct Pipe {
  int fd[2];
  Pipe() { EXPECT_EQ(::pipe(fd), 0); }
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) ::close(f);
  }
  void write(const std::string& s) { ASSERT_EQ(::write(fd[1], s.data(), s.size()), static_cast<ssize_t>(s.size())); }
  void close_write() {
    ::close(fd[1]);
    fd[1] = -1;
  }
};

std::string framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(LspTransport, SplitsMessagesAndWaitsForPartialOnes) {
  Pipe in;
  Transport t(in.fd[0], -1, 100);
  in.write(framed("{\"a\":1}") + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}" +
           "Content-Length: 10\r\n\r\n{\"b\"");
  ASSERT_TRUE(t.poll_input(-1));
  ASSERT_TRUE(t.has_message());
  EXPECT_EQ(t.take().body, "{\"a\":1}");
  EXPECT_EQ(t.take().body, "{}");
  EXPECT_FALSE(t.has_message());  // the third is not complete yet
  in.write(":2222}");
  ASSERT_TRUE(t.poll_input(-1));
  EXPECT_EQ(t.take().body, "{\"b\":2222}");
  EXPECT_TRUE(t.poll_input(0));
  EXPECT_TRUE(t.timed_out());
  in.close_write();
  EXPECT_FALSE(t.poll_input(-1));
  EXPECT_EQ(t.closed_reason(), "the client closed the input");
}

TEST(LspTransport, TooLargeMessagesAreSkippedNotKept) {
  Pipe in;
  Transport t(in.fd[0], -1, 100);
  in.write("Content-Length: 500\r\n\r\n" + std::string(200, 'x'));
  ASSERT_TRUE(t.poll_input(-1));
  ASSERT_TRUE(t.has_message());
  EXPECT_EQ(t.take().kind, Incoming::TooLarge);
  in.write(std::string(300, 'x') + framed("{}"));
  ASSERT_TRUE(t.poll_input(-1));
  ASSERT_TRUE(t.has_message());
  Incoming m = t.take();
  EXPECT_EQ(m.kind, Incoming::Message);
  EXPECT_EQ(m.body, "{}");
}

TEST(LspTransport, BrokenFramingEndsTheStream) {
  for (const std::string& bad : std::vector<std::string>{"Content-Length: x\r\n\r\n{}", "no colon here\r\n\r\n{}", "Other: 1\r\n\r\n{}",
                                std::string(kMaxHeaderBytes + 1, 'h')}) {
    Pipe in;
    Transport t(in.fd[0], -1);
    in.write(bad);
    EXPECT_FALSE(t.poll_input(-1)) << bad.substr(0, 30);
    EXPECT_FALSE(t.closed_reason().empty());
  }
}

// --- the server, message by message ---------------------------------------------------------

// A server whose replies are read back from a pipe.
struct Harness {
  Pipe in, out;
  Transport transport{in.fd[0], out.fd[1]};
  Server server{transport, make_handler_table()};
  Transport reader{out.fd[0], -1};

  nlohmann::json next() {
    while (!reader.has_message()) EXPECT_TRUE(reader.poll_input(-1));
    return nlohmann::json::parse(reader.take().body);
  }
  nlohmann::json call(const std::string& body) {
    server.handle_text(body);
    return next();
  }
};

TEST(LspServer, LifecycleAndErrors) {
  Harness h;
  auto r = h.call(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})");
  EXPECT_EQ(r["error"]["code"], rpc::kServerNotInitialized);
  r = h.call(R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}})");
  EXPECT_EQ(r["id"], 2);
  EXPECT_EQ(r["result"]["capabilities"]["textDocumentSync"]["change"], 2);
  EXPECT_EQ(r["result"]["serverInfo"]["name"], "specgate");
  r = h.call(R"({"jsonrpc":"2.0","id":"s","method":"no/such"})");
  EXPECT_EQ(r["id"], "s");
  EXPECT_EQ(r["error"]["code"], rpc::kMethodNotFound);
  r = h.call("{oops");
  EXPECT_TRUE(r["id"].is_null());
  EXPECT_EQ(r["error"]["code"], rpc::kParseError);
  r = h.call(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/diagnostic","params":{"textDocument":{}}})");
  EXPECT_EQ(r["error"]["code"], rpc::kInvalidParams);
  r = h.call(R"({"jsonrpc":"2.0","id":4,"method":"shutdown"})");
  EXPECT_TRUE(r.contains("result") && r["result"].is_null());
  h.server.handle_text(R"({"jsonrpc":"2.0","method":"exit"})");
  EXPECT_TRUE(h.server.exited());
}

TEST(LspFolders, ChangedFoldersAndTheFolderOfAPath) {
  EXPECT_EQ(changed_folders({"/a", "/b"}, {"/c", "/a"}, {"/b"}), (std::vector<std::string>{"/a", "/c"}));
  EXPECT_EQ(changed_folders({"/a"}, {}, {"/x"}), (std::vector<std::string>{"/a"}));
  EXPECT_EQ(folder_of({"/w", "/w/sub"}, "/w/sub/x.md"), "/w/sub");  // the deepest
  EXPECT_EQ(folder_of({"/w"}, "/wx/y.md"), "");
  EXPECT_EQ(folder_of({"/w"}, "/w"), "");
}

// A client that pulls and can be asked to: a folder added after start makes it pull again,
// with a refresh request that has no params (JSON-RPC allows none, not null).
TEST(LspServer, FolderAddedAfterStartAsksAPullingClientToRefresh) {
  test::TempDir a, b;
  Harness h;
  const std::string init = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":
      {"textDocument":{"diagnostic":{}},"workspace":{"diagnostics":{"refreshSupport":true}}},
      "workspaceFolders":[{"uri":")" + path_to_uri(a.path().string()) + R"(","name":"a"}]}})";
  auto r = h.call(init);
  EXPECT_EQ(r["result"]["capabilities"]["workspace"]["workspaceFolders"]["changeNotifications"], true);
  h.server.handle_text(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  h.server.handle_text(R"({"jsonrpc":"2.0","method":"workspace/didChangeWorkspaceFolders","params":{"event":
      {"added":[{"uri":")" + path_to_uri(b.path().string()) + R"(","name":"b"}],"removed":[]}}})");
  r = h.next();
  EXPECT_EQ(r["method"], "workspace/diagnostic/refresh");
  EXPECT_TRUE(r.contains("id"));
  EXPECT_FALSE(r.contains("params"));
  EXPECT_EQ(h.server.session().workspace_folders(), (std::vector<std::string>{a.path().string(), b.path().string()}));
}

}  // namespace
}  // namespace specgate::lsp
