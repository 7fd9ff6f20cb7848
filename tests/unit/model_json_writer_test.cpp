// `parse --format json` writes the model without building nlohmann's tree
// (write_document_json); its bytes must stay exactly document_to_json(doc).dump(2), which
// `export` still embeds.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/file_io.h"
#include "model/document.h"
#include "model/model_json.h"
#include "support/test_paths.h"

namespace {

namespace fs = std::filesystem;

void expect_same_json(const std::string& path, const std::string& text) {
  const specgate::Document doc = specgate::build_document(specgate::SourceText(path, text));
  std::string ours;
  specgate::write_document_json(ours, doc);
  EXPECT_EQ(ours, specgate::document_to_json(doc).dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
      << path;
}

TEST(ModelJsonWriter, EqualsTheTreeOnEveryExampleAndFixture) {
  size_t files = 0;
  for (const char* dir : {"examples", "templates", "tests/fixtures"}) {
    for (const auto& e : fs::recursive_directory_iterator(fs::path(specgate::test::source_dir()) / dir)) {
      if (!e.is_regular_file() || e.path().extension() == ".expected") continue;
      const specgate::ReadResult r = specgate::read_file(e.path().string());
      if (!r.ok) continue;
      expect_same_json(e.path().string(), r.bytes);
      ++files;
    }
  }
  EXPECT_GT(files, 100u);
}

TEST(ModelJsonWriter, EqualsTheTreeOnEveryShape) {
  // Front matter with an error, fields, a checklist, links, a table, code (closed, unclosed,
  // indented), nested sections and lists, control characters and invalid UTF-8 in every string.
  const std::string text =
      "---\ntitle: [unclosed\n---\n"
      "Preamble **Owner:** Ana \x01\xff\n\n"
      "# Title \xC3\xA9 [Name]\n\n**Status:** Draft\n- [x] done \"quoted\"\n- [ ] open\\\n\n"
      "See [a](b.md) and ![img](c.png).\n\n"
      "## Table\n\n| A | B\xE2\x82 |\n|---|---|\n| 1 | \t2 |\n\n"
      "### Code\n\n```json title\n{\"a\": 1}\n```\n\n    indented\n\n"
      "1. one\n   - nested\n     > quote\n\n---\n\n<div>html</div>\n\n"
      "## Second\n\n```\nunclosed \xED\xA0\x80\n";
  expect_same_json("shapes.md", text);
  expect_same_json("empty.md", "");
  expect_same_json("no-headings.md", "just text\n");
}

}  // namespace
