// The content rules (template-text, na-without-reason, missing-evidence, table-shape,
// numeric-target, code-block-syntax, template-metadata, broken-link) on odd input: they must
// neither crash nor hang, and positions must stay inside the file.
#include <gtest/gtest.h>

#include <chrono>

#include "check/checker.h"
#include "model/document.h"

namespace {

using namespace specgate;

const char* kRules[] = {"template-text",     "na-without-reason", "missing-evidence",  "table-shape",
                        "numeric-target",    "code-block-syntax", "template-metadata", "broken-link"};

std::vector<Diagnostic> run(const std::string& text, const std::string& tmpl = "system-spec") {
  Config config;
  TemplateRegistry registry(config);
  CheckOptions opts;
  opts.template_ref = tmpl;
  opts.today = Date{2026, 11, 22};
  Checker checker(config, registry, opts);
  const Document doc = build_document(SourceText("/nonexistent-dir/spec.md", text));
  CheckResult r = checker.check(doc);
  EXPECT_TRUE(r.fatal.empty()) << r.fatal;
  std::vector<Diagnostic> out;
  for (auto& d : r.report.diagnostics) {
    for (const char* rule : kRules) {
      if (d.rule == rule) out.push_back(d);
    }
    EXPECT_LE(d.line, doc.source.line_count() + 1) << d.rule;
    EXPECT_GE(d.column, 1u) << d.rule;
  }
  return out;
}

TEST(ContentRules, OddInputDoesNotCrash) {
  const std::string inputs[] = {
      "",
      "\n\n\n",
      "|",
      "| a |\n|---|\n| b | c | d |\nloose line\n",
      "```json\n",
      "```json\n{\n",
      "```yaml\n: : :\n  - [\n",
      "# T\n\n## 0.1) Template Metadata\n- **metadata:** {\n",
      "# \xFF\xFE bad utf8 [x](#\xFF) [y](\xC3.md#\xE2\x82)\n\nN/A\n",
      "[a](%) [b](%%%zz.md) [c](#) [d](?q) [e](.#x)\n",
      "## Performance\n| SLI | Target |\n|---|---|\n| p95 latency | \xFF |\n",
      std::string(200000, 'x') + "\n",
      "- " + std::string(100000, '[') + "\n",
      "```json\n" + std::string(100000, '[') + "\n```\n",
      "```yaml\n" + std::string(50000, '{') + "\n```\n",
  };
  for (const auto& in : inputs) {
    const auto t0 = std::chrono::steady_clock::now();
    run(in);
    run(in, "task");
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_LT(ms, 5000) << in.substr(0, 40);
  }
}

TEST(ContentRules, JsonErrorInsideQuotedListMapsToFileColumn) {
  // The block sits in a list item inside a quote: content lines lose "> - " style indentation,
  // and the finding must still point at the file's own column.
  const std::string md = "# T\n\n> - item\n>\n>   ```json\n>   {\"a\": 1,\n>    \"b\": }\n>   ```\n";
  const auto d = run(md, "task");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "code-block-syntax");
  EXPECT_EQ(d[0].line, 7u);
  EXPECT_EQ(d[0].column, 11u);  // the '}' after "b":
}

TEST(ContentRules, YamlKeepsIndentationInsideLists) {
  // Valid only if the content keeps its relative indentation.
  const std::string md = "# T\n\n- item\n\n  ```yaml\n  env:\n    - prod\n    - staging\n  ```\n";
  EXPECT_TRUE(run(md, "task").empty());
}

}  // namespace
